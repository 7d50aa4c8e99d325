/**
 * Versioned migrations. Every file format ever published must keep importing: the frozen examples
 * in fixtures/ are those formats; never edit them, add a new one per new version.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MIGRATIONS,
  SETTINGS_VERSION,
  migrateSettings,
  parseConfigText,
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
