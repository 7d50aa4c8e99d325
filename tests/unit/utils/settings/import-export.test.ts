/** Import (merge semantics, refusal leaves settings untouched), export, unknown-key round trip. */
import fc from 'fast-check';
import {
  MAX_CONFIG_BYTES,
  defaultSettings,
  describeChanges,
  exportConfig,
  mergeImport,
  parseConfigText,
  parseSettings,
  type Settings,
} from '../../../../utils/settings';

function current(): Settings {
  const r = parseSettings({
    identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' },
    team: [{ name: 'Alain Roy', role: 'software' }],
    queue: { staleDays: 10 },
  });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

describe('mergeImport: the file over the current settings', () => {
  it('merges object sections key by key: a file with only queue.staleDays changes only that', () => {
    const before = current();
    const r = mergeImport(before, JSON.stringify({ queue: { staleDays: 5 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.queue.staleDays).toBe(5);
    expect(r.settings.queue.triageNextAction).toBe('SOFTWARE TRIAGE');
    expect(r.settings.identity).toEqual(before.identity);
    expect(r.settings.team).toEqual(before.team);
    expect(r.changes).toEqual(['queue.staleDays: 10 → 5']);
  });

  it('replaces lists as a whole (a team file defines the team)', () => {
    const r = mergeImport(
      current(),
      JSON.stringify({ team: [{ name: 'Brian Lin' }, { name: 'Rob Quick', role: 'osg-staff' }] }),
    );
    expect(r.ok && r.settings.team.map((m) => m.name)).toEqual(['Brian Lin', 'Rob Quick']);
    expect(r.ok && r.changes).toEqual(['team: 1 → 2 entries']);
  });

  it('keeps the user identity when the team file has none, and merges a partial identity', () => {
    const r = mergeImport(current(), JSON.stringify({ identity: { aliases: ['Alain'] } }));
    expect(r.ok && r.settings.identity).toEqual({
      name: 'Alain Roy',
      email: 'alain.roy@wisc.example.edu',
      footprintsId: 'aroy',
      aliases: ['Alain'],
    });
  });

  it('refuses an invalid file naming the field, and leaves the current settings object untouched', () => {
    const before = current();
    const snapshot = JSON.stringify(before);
    const r = mergeImport(before, JSON.stringify({ queue: { staleDays: 3 }, team: [{ name: 'A' }, { name: 'B', role: 'boss' }] }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^team\[1\]\.role: /) });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it.each([
    ['', /not valid JSON/],
    ['{"team": [', /not valid JSON/],
    ['[1,2]', /JSON object/],
    ['"text"', /JSON object/],
    ['null', /JSON object/],
    ['{"version": "x"}', /^version: /],
  ])('refuses %j', (text, pattern) => {
    const r = mergeImport(current(), text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(pattern);
  });

  it('refuses a file larger than the limit before parsing it', () => {
    const r = mergeImport(current(), ' '.repeat(MAX_CONFIG_BYTES + 1));
    expect(!r.ok && r.error).toMatch(/too large/);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(mergeImport(current(), '\uFEFF{"queue": {"staleDays": 4}}').ok).toBe(true);
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const r = mergeImport(current(), '{"__proto__": {"polluted": true}, "queue": {"__proto__": {"polluted": true}}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && (r.settings as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('unknown keys survive import and export', () => {
  const file = {
    version: 1,
    laterFeature: { mode: 'x', nested: { deep: [1, { a: 2 }] } },
    identity: { name: 'Mat Selmeci', pronouns: 'he/him' },
    team: [{ name: 'Mat Selmeci', role: 'software', slack: '@matyas', extra: { tz: 'America/Chicago' } }],
    rotation: { timeZone: 'America/Chicago', calendarColor: '#f00' },
    queue: { staleDays: 7, newQueueOption: true },
    snippets: [{ name: 'Hi', text: 'Hello', shortcut: 'h' }],
    experts: [{ topic: 'CE', keywords: ['ce'], people: ['Brian Lin'], weight: 2 }],
  };

  it('at the top level, inside sections and inside list items', () => {
    const r = parseConfigText(JSON.stringify(file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = JSON.parse(exportConfig(r.settings));
    expect(back.laterFeature).toEqual(file.laterFeature);
    expect(back.identity.pronouns).toBe('he/him');
    expect(back.team[0].slack).toBe('@matyas');
    expect(back.team[0].extra).toEqual({ tz: 'America/Chicago' });
    expect(back.rotation.calendarColor).toBe('#f00');
    expect(back.queue.newQueueOption).toBe(true);
    expect(back.snippets[0].shortcut).toBe('h');
    expect(back.experts[0].weight).toBe(2);
  });

  it('through mergeImport as well', () => {
    const r = mergeImport(defaultSettings(), JSON.stringify(file));
    expect(r.ok && (r.settings as Record<string, unknown>).laterFeature).toEqual(file.laterFeature);
    expect(r.ok && (r.settings.queue as Record<string, unknown>).newQueueOption).toBe(true);
  });
});

describe('exportConfig', () => {
  it('writes version first and re-imports to the same settings', () => {
    const s = current();
    const text = exportConfig(s);
    expect(text.startsWith('{\n  "version": 1,')).toBe(true);
    const back = parseConfigText(text);
    expect(back.ok && back.settings).toEqual(s);
  });

  it('can leave the personal identity out of a file meant for the team', () => {
    const text = exportConfig(current(), { includeIdentity: false });
    expect(JSON.parse(text).identity).toBeUndefined();
    expect(text).not.toContain('alain.roy@wisc.example.edu');
    // Importing it elsewhere keeps that person's own identity.
    const other = parseSettings({ identity: { name: 'Brian Lin' } });
    const r = other.ok ? mergeImport(other.settings, text) : null;
    expect(r?.ok && r.settings.identity.name).toBe('Brian Lin');
  });
});

describe('describeChanges', () => {
  it('lists scalar changes with old and new value, long text and lists in short form', () => {
    const before = defaultSettings();
    const after = structuredClone(before);
    after.queue.staleDays = 3;
    after.signature = '--\n{name}\nSomething else';
    after.team = [{ name: 'A', emails: [], aliases: [], role: 'software' }];
    after.identity.name = 'Alain Roy';
    expect(describeChanges(before, after)).toEqual([
      'identity.name: "" → "Alain Roy"',
      'signature changed',
      'team: 0 → 1 entries',
      'queue.staleDays: 7 → 3',
    ]);
  });

  it('says nothing changed when nothing did (the version is not a user change)', () => {
    const s = defaultSettings();
    expect(describeChanges(s, { ...structuredClone(s), version: 2 })).toEqual([]);
  });

  it('caps a long list of changes', () => {
    const before = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i + 1]));
    const lines = describeChanges(before, after, 5);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('… and 25 more changes');
  });
});

// A ceiling for slow shared machines, not a performance assertion.
describe('properties', { timeout: 60_000 }, () => {
  it('parseConfigText never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = parseConfigText(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('parseConfigText and mergeImport never throw on arbitrary JSON, and errors always say something', () => {
    const base = defaultSettings();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value);
        for (const r of [parseConfigText(text), mergeImport(base, text)]) {
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on settings-shaped JSON with wrong types in known places', () => {
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    const sectionLike = fc.dictionary(
      fc.constantFrom('name', 'email', 'role', 'staleDays', 'timeZone', 'source', 'overrides', 'week', '__proto__'),
      anyValue,
    );
    const settingsLike = fc.dictionary(
      fc.constantFrom('version', 'identity', 'signature', 'team', 'rotation', 'queue', 'snippets', 'experts', 'jira'),
      fc.oneof(sectionLike, fc.array(sectionLike, { maxLength: 3 }), anyValue),
    );
    fc.assert(
      fc.property(settingsLike, (obj) => {
        const r = parseConfigText(JSON.stringify(obj));
        if (r.ok) expect(parseConfigText(exportConfig(r.settings))).toEqual({ ...r, warnings: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('export → import is the identity on any valid settings', () => {
    const validSettings = fc
      .record({
        name: fc.string({ maxLength: 50 }),
        staleDays: fc.integer({ min: 1, max: 365 }),
        team: fc.array(
          fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), role: fc.constantFrom('software', 'osg-staff') }),
          { maxLength: 5 },
        ),
        extraKey: fc.string({ maxLength: 10 }).filter((k) => k !== '__proto__'),
        extraValue: fc.jsonValue({ maxDepth: 2 }),
      })
      .map(({ name, staleDays, team, extraKey, extraValue }) =>
        // Through JSON first, like any file: JSON cannot carry -0 or undefined.
        parseSettings(
          JSON.parse(JSON.stringify({ identity: { name }, queue: { staleDays }, team, rotation: { [extraKey]: extraValue } })),
        ),
      )
      .filter((r) => r.ok);
    fc.assert(
      fc.property(validSettings, (r) => {
        if (!r.ok) return;
        const back = parseConfigText(exportConfig(r.settings));
        expect(back.ok && back.settings).toEqual(r.settings);
      }),
      { numRuns: 200 },
    );
  });
});
