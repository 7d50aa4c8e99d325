/**
 * Versioned migrations. Every file format ever published must keep importing: the frozen examples
 * in fixtures/ are those formats; never edit them, add a new one per new version.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MIGRATIONS,
  SETTINGS_VERSION,
  UNVERSIONED,
  migrateSettings,
  parseConfigText,
  preview,
  readVersion,
  type Migration,
} from '../../../../utils/settings';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('shipped formats still import', () => {
  it('an unversioned file (the first format) imports as version 1 and keeps its values', () => {
    const result = parseConfigText(fixture('v1-unversioned.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result.settings.identity.name).toBe('Alain Roy');
    expect(result.settings.team.map((m) => [m.name, m.role])).toEqual([
      ['Alain Roy', 'software'],
      ['Rob Quick', 'osg-staff'],
    ]);
    expect(result.settings.rotation.source).toBe('https://ticket.opensciencegrid.org/rotation/triage.ics');
    expect(result.settings.experts[0]!.people).toEqual(['Brian Lin']);
    // Keys the old file did not have get today's defaults.
    expect(result.settings.queue.checkMinutes).toBe(10);
    expect(result.settings.jira.projectKey).toBe('SOFTWARE');
  });

  it.each(readdirSync(join(__dirname, 'fixtures')).filter((f) => f.endsWith('.json')))(
    'fixture %s parses without error',
    (name) => {
      const result = parseConfigText(fixture(name));
      expect(result.ok ? 'ok' : result.error).toBe('ok');
    },
  );

  it('there is one migration step for every version after 1 (append only, no gaps)', () => {
    const steps = Object.keys(MIGRATIONS).map(Number).sort((a, b) => a - b);
    expect(steps).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });
});

describe('readVersion', () => {
  it.each([
    [{}, 1],
    [{ version: null }, 1],
    [{ version: 1 }, 1],
    [{ version: '3' }, 3],
    [{ version: 12 }, 12],
  ])('%j → %i', (raw, version) => {
    expect(readVersion(raw)).toEqual({ ok: true, version });
  });

  it.each([{ version: 0 }, { version: -1 }, { version: 1.5 }, { version: 'two' }, { version: [1] }, { version: true }])(
    'refuses %j naming the version field',
    (raw) => {
      const r = readVersion(raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/^version: expected a whole number/);
    },
  );
});

describe('migrateSettings (with a stand-in list of steps)', () => {
  // Version 2 renamed `queue.stale` → `queue.staleDays`; version 3 split `name` into identity.name.
  const steps: Record<number, Migration> = {
    2: (raw) => {
      const queue = { ...(raw.queue as object) } as Record<string, unknown>;
      if ('stale' in queue) {
        queue.staleDays = queue.stale;
        delete queue.stale;
      }
      return { ...raw, queue };
    },
    3: (raw) => {
      const { name, ...rest } = raw;
      return name === undefined ? rest : { ...rest, identity: { ...(rest.identity as object), name } };
    },
  };

  it('applies every step from the file version up, in order', () => {
    const r = migrateSettings({ name: 'Alain Roy', queue: { stale: 5 } }, steps, 3);
    expect(r).toMatchObject({ ok: true, fromVersion: 1, warnings: [] });
    expect(r.ok && r.data).toEqual({ version: 3, queue: { staleDays: 5 }, identity: { name: 'Alain Roy' } });
  });

  it('skips the steps a file has already been through', () => {
    const r = migrateSettings({ version: 2, name: 'Alain Roy', queue: { stale: 5 } }, steps, 3);
    // Step 2 did not run again: `stale` is left alone (it is an unknown key at version 2).
    expect(r.ok && r.data).toEqual({ version: 3, queue: { stale: 5 }, identity: { name: 'Alain Roy' } });
  });

  it('leaves a newer file as it is, with a warning, so its unknown keys survive', () => {
    const r = migrateSettings({ version: 9, futureKey: { a: 1 } }, steps, 3);
    expect(r.ok && r.data).toEqual({ version: 9, futureKey: { a: 1 } });
    expect(r.ok && r.warnings[0]).toMatch(/newer version.*format 9/);
  });

  it('reports a step that throws instead of throwing', () => {
    const r = migrateSettings({}, { 2: () => { throw new Error('boom'); } }, 2);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/format 1 to 2: .*boom/) });
  });

  it('does not modify its input', () => {
    const input = { queue: { stale: 5 } };
    migrateSettings(input, steps, 3);
    expect(input).toEqual({ queue: { stale: 5 } });
  });
});

describe('a newer file through the real parser', () => {
  it('imports with a warning; known keys are still validated', () => {
    const ok = parseConfigText(JSON.stringify({ version: SETTINGS_VERSION + 1, queue: { staleDays: 3 }, newThing: [1] }));
    expect(ok.ok && ok.warnings[0]).toMatch(/newer version/);
    expect(ok.ok && (ok.settings as Record<string, unknown>).newThing).toEqual([1]);
    const bad = parseConfigText(JSON.stringify({ version: SETTINGS_VERSION + 1, queue: { staleDays: 'x' } }));
    expect(bad.ok).toBe(false);
  });
});

describe('readVersion: more of what a version may be', () => {
  it('a whole number written as a string, with spaces around it', () => {
    expect(readVersion({ version: ' 2 ' })).toEqual({ ok: true, version: 2 });
    expect(readVersion({ version: '1' })).toEqual({ ok: true, version: 1 });
    expect(readVersion({ version: '12' })).toEqual({ ok: true, version: 12 });
  });

  it.each(['', ' ', '2.0', '2x', 'x2', '1 2', '-1', '0', '+2', '9007199254740993', '0x10', '1e3', '2 x', 'x 2'])('refuses the string %j', (version) => {
    expect(readVersion({ version }).ok).toBe(false);
  });

  it('refuses numbers that are not safe whole numbers', () => {
    for (const version of [Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 0.5]) expect(readVersion({ version }).ok).toBe(false);
    expect(readVersion({ version: 2 ** 53 - 1 })).toEqual({ ok: true, version: 2 ** 53 - 1 });
  });

  it('says what it found, shortened to 40 characters', () => {
    expect(readVersion({ version: 'two' })).toEqual({ ok: false, error: `version: expected a whole number like ${SETTINGS_VERSION} (found "two")` });
    const long = 'v'.repeat(60);
    expect(readVersion({ version: long })).toEqual({
      ok: false,
      error: `version: expected a whole number like ${SETTINGS_VERSION} (found "${'v'.repeat(36)}...)`,
    });
  });

  it('a file without a version is the first format', () => {
    expect(UNVERSIONED).toBe(1);
  });
});

describe('migrateSettings: more rules', () => {
  it('with the shipped steps: a file without a version becomes the current version, no warning', () => {
    expect(MIGRATIONS).toEqual({});
    expect(migrateSettings({ queue: { staleDays: 3 } })).toEqual({
      ok: true,
      data: { queue: { staleDays: 3 }, version: SETTINGS_VERSION },
      fromVersion: 1,
      warnings: [],
    });
  });

  it('a version with no step of its own is passed through (the format did not change then)', () => {
    const steps: Record<number, Migration> = { 3: (raw) => ({ ...raw, three: true }) };
    expect(migrateSettings({ version: 1 }, steps, 4)).toEqual({ ok: true, data: { version: 4, three: true }, fromVersion: 1, warnings: [] });
  });

  it('a file of the target version runs no step, and no step beyond the target runs', () => {
    const steps: Record<number, Migration> = { 2: () => { throw new Error('must not run'); } };
    expect(migrateSettings({ version: 2, a: 1 }, steps, 2)).toEqual({ ok: true, data: { version: 2, a: 1 }, fromVersion: 2, warnings: [] });
    const later: Record<number, Migration> = { 2: (raw) => ({ ...raw, two: true }), 3: () => { throw new Error('beyond the target'); } };
    expect(migrateSettings({}, later, 2)).toEqual({ ok: true, data: { version: 2, two: true }, fromVersion: 1, warnings: [] });
  });

  it('the warning for a newer file names both formats', () => {
    const r = migrateSettings({ version: 5 }, {}, 3);
    expect(r).toEqual({
      ok: true,
      data: { version: 5 },
      fromVersion: 5,
      warnings: [
        'this file was written by a newer version of the extension (format 5; this one reads up to 3): settings it does not know are kept but not used',
      ],
    });
  });

  it('a step that throws is named with the formats it was between', () => {
    const steps: Record<number, Migration> = { 2: (raw) => raw, 3: () => { throw new Error('boom'); } };
    expect(migrateSettings({}, steps, 3)).toEqual({ ok: false, error: 'could not upgrade from format 2 to 3: Error: boom' });
  });

  it('a bad version is refused before any step', () => {
    expect(migrateSettings({ version: 'x' })).toEqual({ ok: false, error: expect.stringMatching(/^version: /) });
  });
});

describe('preview: a value as short JSON for a message', () => {
  it('writes JSON, shortened to 60 characters by default with "..."', () => {
    expect(preview('x')).toBe('"x"');
    expect(preview({ a: [1] })).toBe('{"a":[1]}');
    const sixty = 'y'.repeat(58);
    expect(preview(sixty)).toBe(`"${sixty}"`);
    expect(preview(`${sixty}y`)).toBe(`"${'y'.repeat(56)}...`);
    expect(preview(`${sixty}y`)).toHaveLength(60);
  });

  it('takes another limit', () => {
    expect(preview('abcdefgh', 10)).toBe('"abcdefgh"');
    expect(preview('abcdefghi', 10)).toBe('"abcdef...');
  });

  it('writes what JSON cannot hold as text', () => {
    expect(preview(undefined)).toBe('undefined');
    expect(preview(10n)).toBe('10');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(preview(cycle)).toBe('[object Object]');
  });
});
