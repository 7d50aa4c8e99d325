/**
 * utils/settings/parse: the helpers behind load, repair, import and export, each through its public
 * function: how a field is named, what a refusal says, what a change line says, what a file may be.
 */
import * as z from 'zod/mini';
import {
  MAX_CONFIG_BYTES,
  cloneJson,
  defaultSettings,
  describeChanges,
  describeIssue,
  exportConfig,
  formatPath,
  isPlainObject,
  mergeImport,
  mergeOver,
  newerFormatNote,
  parseConfigText,
  parseSettings,
  readConfigJson,
  repairSettings,
  SETTINGS_VERSION,
  valueAt,
  type Settings,
} from '../../../../utils/settings';

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

describe('formatPath: a field named the way it reads in the file', () => {
  it('writes plain identifiers with dots, the first without one', () => {
    expect(formatPath(['queue', 'staleDays'])).toBe('queue.staleDays');
    expect(formatPath(['_private', '$ref', 'k9'])).toBe('_private.$ref.k9');
  });

  it('writes list indexes in brackets, also at the start', () => {
    expect(formatPath(['team', 1, 'role'])).toBe('team[1].role');
    expect(formatPath([0, 'name'])).toBe('[0].name');
  });

  it('writes any other key as a quoted string in brackets', () => {
    expect(formatPath(['9lives'])).toBe('["9lives"]');
    expect(formatPath(['queue', 'stale-days'])).toBe('queue["stale-days"]');
    expect(formatPath(['queue', '-x'])).toBe('queue["-x"]');
    expect(formatPath(['queue', 'a.b'])).toBe('queue["a.b"]');
    expect(formatPath(['queue', ''])).toBe('queue[""]');
  });
});

describe('describeIssue: what a refusal says', () => {
  const schema = z.object({ a: z.number(), b: z.number(), c: z.number() });

  it('names the field and shows what was found', () => {
    const r = schema.safeParse({ a: 'x', b: 1, c: 1 });
    expect(!r.success && describeIssue(r.error, { a: 'x', b: 1, c: 1 })).toBe(
      'a: Invalid input: expected number, received string (found "x")',
    );
  });

  it('shows nothing found without the input, or when the field is missing', () => {
    const r = schema.safeParse({ b: 1, c: 1 });
    expect(!r.success && describeIssue(r.error, { b: 1, c: 1 })).toBe('a: Invalid input: expected number, received undefined');
    const s = schema.safeParse({ a: 'x', b: 1, c: 1 });
    expect(!s.success && describeIssue(s.error)).toBe('a: Invalid input: expected number, received string');
  });

  it('a problem with the whole value has no field name and no "found"', () => {
    const r = z.number().safeParse('x');
    expect(!r.success && describeIssue(r.error, 'x')).toBe('Invalid input: expected number, received string');
  });

  it('does not repeat the value for a rule of its own (its message already says) or for unknown keys', () => {
    const custom = z.object({ a: z.string().check(z.refine(() => false, 'not allowed')) }).safeParse({ a: 'x' });
    expect(!custom.success && describeIssue(custom.error, { a: 'x' })).toBe('a: not allowed');
    const strict = z.object({ inner: z.strictObject({}) });
    const r = strict.safeParse({ inner: { extra: 1 } });
    expect(!r.success && describeIssue(r.error, { inner: { extra: 1 } })).toMatch(/^inner: .*"extra"$/);
  });

  it('counts the problems after the first: one, or several', () => {
    const two = schema.safeParse({ a: 'x', b: 'y', c: 1 });
    expect(!two.success && describeIssue(two.error)).toMatch(/^a: .* \(and 1 more problem\)$/);
    const three = schema.safeParse({ a: 'x', b: 'y', c: 'z' });
    expect(!three.success && describeIssue(three.error)).toMatch(/^a: .* \(and 2 more problems\)$/);
  });

  it('says "invalid settings" when zod gave no detail', () => {
    expect(describeIssue(new z.core.$ZodError([]))).toBe('invalid settings');
  });
});

describe('parseSettings', () => {
  it('a valid object comes back with every default filled in and no warnings', () => {
    const r = parseSettings({ queue: { staleDays: 3 } });
    expect(r).toEqual({ ok: true, settings: { ...defaultSettings(), queue: { ...defaultSettings().queue, staleDays: 3 } }, warnings: [] });
  });

  it('a refused file from a newer version says to update the extension before naming the field', () => {
    const r = parseSettings({ version: SETTINGS_VERSION + 1, queue: { staleDays: 'x' } });
    expect(!r.ok && r.error).toMatch(/^this file was written by a newer version of the extension \(format 2; this one reads up to 1\): update the extension to import it\. queue\.staleDays: /);
  });

  it('a refused file of this version just names the field', () => {
    const r = parseSettings({ version: SETTINGS_VERSION, queue: { staleDays: 'x' } });
    expect(!r.ok && r.error).toMatch(/^queue\.staleDays: /);
  });

  it('a bad version is refused before anything else', () => {
    expect(parseSettings({ version: 0, queue: { staleDays: 'x' } })).toEqual({ ok: false, error: expect.stringMatching(/^version: /) });
  });
});

describe('newerFormatNote', () => {
  it('is empty for this version and older ones, and names both formats for a newer one', () => {
    expect(newerFormatNote(SETTINGS_VERSION)).toBe('');
    expect(newerFormatNote(SETTINGS_VERSION - 1)).toBe('');
    expect(newerFormatNote(SETTINGS_VERSION + 1)).toBe(
      `this file was written by a newer version of the extension (format ${SETTINGS_VERSION + 1}; this one reads up to ${SETTINGS_VERSION}): update the extension to import it. `,
    );
  });
});

describe('repairSettings: what the problems say', () => {
  it('a bad version: the version goes back to the current one and the line says it was reset', () => {
    const r = repairSettings({ version: 'x', queue: { staleDays: 4 } });
    expect(r.settings.version).toBe(SETTINGS_VERSION);
    expect(r.settings.queue.staleDays).toBe(4);
    expect(r.problems).toEqual([expect.stringMatching(/^version: expected a whole number .*; reset$/)]);
  });

  it('a bad version and a bad field: both are reported, the version first', () => {
    const r = repairSettings({ version: -2, queue: { staleDays: 'x' } });
    expect(r.problems).toEqual([expect.stringMatching(/^version: /), expect.stringMatching(/^queue\.staleDays: .*; reset to the default$/)]);
  });

  it('an item dropped for a bad required field tells the first reason, not "missing"', () => {
    const r = repairSettings({ team: [{ name: 'Alain Roy' }, { name: 5 }] });
    expect(r.settings.team.map((m) => m.name)).toEqual(['Alain Roy']);
    expect(r.problems).toEqual(['team[1].name: Invalid input: expected string, received number; team[1] was dropped']);
  });

  it('a bad field inside a list item that is dropped later is folded into the one line about the item', () => {
    const r = repairSettings({ team: [{ emails: [1], role: 'software' }, { name: 'Brian Lin', emails: [2] }] });
    expect(r.settings.team).toEqual([{ name: 'Brian Lin', emails: [], aliases: [], role: 'software' }]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^team\[0\]\.name: .*; team\[0\] was dropped$/),
      expect.stringMatching(/^team\[1\]\.emails\[0\]: .*; team\[1\]\.emails\[0\] was dropped$/),
    ]);
  });

  it('several bad fields of one section are each reset and each reported once, in file order', () => {
    const r = repairSettings({ queue: { staleDays: 0, checkMinutes: 'often', triageNextAction: 'MINE' } });
    expect(r.settings.queue).toMatchObject({ staleDays: 7, checkMinutes: 10, triageNextAction: 'MINE' });
    expect(r.problems).toEqual([
      expect.stringMatching(/^queue\.staleDays: .*reset to the default$/),
      expect.stringMatching(/^queue\.checkMinutes: .*reset to the default$/),
    ]);
  });

  it('a list of the wrong type goes back to its default list', () => {
    const r = repairSettings({ team: 'everyone', experts: { topic: 'CE' } });
    expect(r.settings.team).toEqual([]);
    expect(r.settings.experts).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(/^team: .*reset to the default$/), expect.stringMatching(/^experts: .*reset to the default$/)]);
  });

  it('a stored object too broken to repair in 200 steps falls back to the defaults, and says so', () => {
    const r = repairSettings({ identity: { name: 'Alain Roy' }, rotation: { holidays: Array.from({ length: 201 }, () => 'x') } });
    expect(r.settings).toEqual(defaultSettings());
    expect(r.problems).toHaveLength(201);
    expect(r.problems[0]).toMatch(/^rotation\.holidays\[\d+\]: expected a date.*was dropped$/);
    expect(r.problems[200]).toBe('settings could not be repaired; defaults are in use');
  });

  it('keeps keys this version does not know', () => {
    const r = repairSettings({ laterFeature: { a: 1 }, queue: { staleDays: 'x', newKnob: true } });
    expect((r.settings as Record<string, unknown>).laterFeature).toEqual({ a: 1 });
    expect((r.settings.queue as Record<string, unknown>).newKnob).toBe(true);
  });

  it('falls back to the defaults for an array or null, saying so', () => {
    for (const raw of [[], null, 5]) {
      expect(repairSettings(raw)).toEqual({ settings: defaultSettings(), problems: ['stored settings were not an object; defaults are in use'] });
    }
  });

  it('a GOC address on a site no longer listed is reset, and the line says where', () => {
    const r = repairSettings({ queue: { gocBaseUrl: 'https://ticket-itb.example.org' } });
    expect(r.settings.queue.gocBaseUrl).toBe(defaultSettings().queue.gocBaseUrl);
    expect(r.problems).toEqual([expect.stringMatching(/^queue\.gocBaseUrl: expected the GOC Ticket address.*; reset to the default$/)]);
  });
});

describe('mergeImport: more of the rules', () => {
  const mine = () => settingsWith({ identity: { name: 'Alain Roy' }, queue: { staleDays: 10 } });

  it('a section given as something other than an object replaces yours, and is refused like any bad value', () => {
    for (const identity of ['Alain', ['Alain'], 5]) {
      const r = mergeImport(mine(), JSON.stringify({ identity }));
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/^identity: /) });
    }
  });

  it('a refused file from a newer version says to update the extension', () => {
    const r = mergeImport(mine(), JSON.stringify({ version: SETTINGS_VERSION + 1, queue: { staleDays: 'x' } }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^this file was written by a newer version.*queue\.staleDays: /) });
  });

  it('a file from a newer version imports with its warning', () => {
    const r = mergeImport(mine(), JSON.stringify({ version: SETTINGS_VERSION + 1, queue: { staleDays: 3 } }));
    expect(r.ok && r.warnings).toEqual([expect.stringMatching(/newer version/)]);
    expect(r.ok && r.changes).toEqual(['queue.staleDays: 10 → 3']);
  });

  it('a bad version is refused', () => {
    expect(mergeImport(mine(), '{"version": 0}')).toEqual({ ok: false, error: expect.stringMatching(/^version: /) });
  });
});

describe('mergeOver', () => {
  it('merges object sections, replaces lists and plain values, adds unknown keys, and leaves `current` alone', () => {
    const current = settingsWith({ team: [{ name: 'A' }, { name: 'B' }] });
    const snapshot = JSON.stringify(current);
    const merged = mergeOver(current, { queue: { staleDays: 2 }, team: [{ name: 'C' }], signature: 'x', later: [1] });
    expect(merged.queue).toEqual({ ...current.queue, staleDays: 2 });
    expect(merged.team).toEqual([{ name: 'C' }]);
    expect(merged.signature).toBe('x');
    expect(merged.later).toEqual([1]);
    expect(JSON.stringify(current)).toBe(snapshot);
  });

  it('the result is plain data: its keys can be changed and deleted like any other', () => {
    const merged = mergeOver(defaultSettings(), { queue: { staleDays: 2 }, later: 1 });
    expect(Object.keys(merged)).toContain('later');
    merged.queue = 'changed';
    merged.later = 2;
    expect([merged.queue, merged.later]).toEqual(['changed', 2]);
    delete merged.queue;
    delete merged.later;
    expect(['queue' in merged, 'later' in merged]).toEqual([false, false]);
  });

  it('an object over a list, or a list over an object, replaces it', () => {
    const current = defaultSettings();
    expect(mergeOver(current, { team: { name: 'A' } }).team).toEqual({ name: 'A' });
    expect(mergeOver(current, { queue: [1, 2] }).queue).toEqual([1, 2]);
  });
});

describe('exportConfig', () => {
  it('writes the identity unless told to leave it out, and ends with a newline', () => {
    const s = settingsWith({ identity: { name: 'Alain Roy' } });
    expect(JSON.parse(exportConfig(s)).identity.name).toBe('Alain Roy');
    expect(JSON.parse(exportConfig(s, { includeIdentity: true })).identity.name).toBe('Alain Roy');
    expect(Object.keys(JSON.parse(exportConfig(s, { includeIdentity: false })))[1]).toBe('signature');
    expect(exportConfig(s).endsWith('}\n')).toBe(true);
    expect(exportConfig(s).split('\n')[1]).toBe('  "version": 1,');
  });
});

describe('describeChanges: one line per changed field', () => {
  it('a list of the same length: how many entries it has, changed', () => {
    expect(describeChanges({ team: [{ name: 'A' }] }, { team: [{ name: 'B' }] })).toEqual(['team: 1 entry changed']);
    expect(describeChanges({ team: [1, 2] }, { team: [2, 1] })).toEqual(['team: 2 entries changed']);
    expect(describeChanges({ team: [1] }, { team: [] })).toEqual(['team: 1 → 0 entries']);
  });

  it('a key that appears or disappears', () => {
    expect(describeChanges({ queue: {} }, { queue: { quietHours: 2 } })).toEqual(['queue.quietHours: added']);
    expect(describeChanges({ queue: { quietHours: 2 } }, { queue: {} })).toEqual(['queue.quietHours: removed']);
  });

  it('text up to 40 characters on one line is shown, longer or multi-line text only "changed"', () => {
    const forty = 'x'.repeat(40);
    expect(describeChanges({ a: 'old' }, { a: forty })).toEqual([`a: "old" → "${forty}"`]);
    expect(describeChanges({ a: `${forty}y` }, { a: 'new' })).toEqual(['a changed']);
    expect(describeChanges({ a: 'old' }, { a: `${forty}y` })).toEqual(['a changed']);
    expect(describeChanges({ a: 'one\ntwo' }, { a: 'one' })).toEqual(['a changed']);
    expect(describeChanges({ a: 'one' }, { a: 'one\ntwo' })).toEqual(['a changed']);
  });

  it('a value that became an object is only "changed"; a value that was one is shown', () => {
    expect(describeChanges({ a: 1 }, { a: { b: 1 } })).toEqual(['a changed']);
    expect(describeChanges({ a: 1 }, { a: null })).toEqual(['a changed']);
    expect(describeChanges({ a: null }, { a: 1 })).toEqual(['a: null → 1']);
    expect(describeChanges({ a: true }, { a: false })).toEqual(['a: true → false']);
  });

  it('only the top-level version is skipped', () => {
    expect(describeChanges({ version: 1, queue: { version: 1 } }, { version: 2, queue: { version: 2 } })).toEqual(['queue.version: 1 → 2']);
  });

  it('exactly the limit: every line, no "more" line; one over: "1 more change"', () => {
    const obj = (n: number, add: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i + add]));
    expect(describeChanges(obj(5, 0), obj(5, 1), 5)).toHaveLength(5);
    expect(describeChanges(obj(6, 0), obj(6, 1), 5)).toEqual(['k0: 0 → 1', 'k1: 1 → 2', 'k2: 2 → 3', 'k3: 3 → 4', 'k4: 4 → 5', '… and 1 more change']);
  });

  it('shows 20 lines by default', () => {
    const obj = (add: number) => Object.fromEntries(Array.from({ length: 22 }, (_, i) => [`k${i}`, i + add]));
    const lines = describeChanges(obj(0), obj(1));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('… and 2 more changes');
  });
});

describe('readConfigJson: what a configuration file may be', () => {
  it('refuses what is not text', () => {
    expect(readConfigJson(5 as unknown as string)).toEqual({ ok: false, error: 'the file could not be read as text' });
  });

  it('takes a file of exactly 1 MB; refuses a larger one with its size', () => {
    const exact = `{}${' '.repeat(MAX_CONFIG_BYTES - 2)}`;
    expect(readConfigJson(exact)).toEqual({ ok: true, value: {} });
    expect(readConfigJson(`${exact} `)).toEqual({
      ok: false,
      error: 'the file is too large (1000 KB; a configuration file is at most 1 MB)',
    });
    expect(readConfigJson(' '.repeat(2_345_678))).toEqual({
      ok: false,
      error: 'the file is too large (2346 KB; a configuration file is at most 1 MB)',
    });
  });

  it('says why the JSON is not valid', () => {
    const r = readConfigJson('{"a": }');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^not valid JSON \(.+\)$/);
  });

  it('drops a byte-order mark at the start only: one inside a value is kept', () => {
    expect(readConfigJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const r = parseConfigText('{"signature": "\uFEFF{name}"}');
    expect(r.ok && r.settings.signature).toBe('\uFEFF{name}');
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '1', '"x"', 'null', 'true']) {
      expect(readConfigJson(text)).toEqual({ ok: false, error: 'expected a JSON object ({ … }) at the top level' });
    }
  });
});

describe('valueAt', () => {
  it('finds a value by its path, and says when there is none', () => {
    const root = { team: [{ name: 'A', role: undefined }], queue: null };
    expect(valueAt(root, ['team', 0, 'name'])).toEqual({ present: true, value: 'A' });
    expect(valueAt(root, [])).toEqual({ present: true, value: root });
    expect(valueAt(root, ['team', 0, 'role'])).toEqual({ present: true, value: undefined });
    expect(valueAt(root, ['team', 1])).toEqual({ present: false });
    expect(valueAt(root, ['queue', 'staleDays'])).toEqual({ present: false });
    expect(valueAt(root, ['team', 0, 'name', 'length'])).toEqual({ present: false });
    expect(valueAt(root, ['toString'])).toEqual({ present: false });
    expect(valueAt(null, ['a'])).toEqual({ present: false });
  });
});

describe('cloneJson and isPlainObject', () => {
  it('copies JSON data deeply; undefined stays undefined; what JSON cannot carry goes', () => {
    const data = { a: [1, { b: 2 }] };
    const copy = cloneJson(data) as typeof data;
    expect(copy).toEqual(data);
    expect(copy.a).not.toBe(data.a);
    expect(cloneJson(undefined)).toBeUndefined();
    expect(cloneJson({ f: () => 1, n: 1 })).toEqual({ n: 1 });
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(cloneJson(cycle)).toEqual({});
  });

  it('only a non-null, non-array object is a plain object', () => {
    expect([{}, { a: 1 }, null, [], 'x', 1, undefined].map(isPlainObject)).toEqual([true, true, false, false, false, false, false]);
  });
});
