import Dexie from 'dexie';
import {
  EMPTY_STATUS,
  ROTATION_DB_LATEST,
  ROTATION_DB_VERSIONS,
  RotationDb,
  readRotation,
  recordFailedSync,
  recordGoodSync,
  recordNoSource,
  rotationDb,
} from '../../../../utils/db/rotation-db';

let n = 0;
let db: RotationDb;
const T0 = Date.UTC(2026, 1, 10, 15);
const WEEKS = [
  { week: '2026-02-09', person: 'Alain Roy', email: 'roy@cs.wisc.edu' },
  { week: '2026-02-16', person: 'Mat Selmeci' },
];

beforeEach(async () => {
  n += 1;
  db = new RotationDb(`gta-rotation-test-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('rotation database', () => {
  it('starts empty', async () => {
    expect(await readRotation(db)).toEqual({ weeks: [], status: EMPTY_STATUS });
  });

  it('a good sync replaces the weeks and records when and from where', async () => {
    await recordGoodSync(db, { at: T0, source: 'https://a/x.ics', format: 'ics', weeks: [{ week: '2026-01-05', person: 'Old' }], warnings: [] });
    await recordGoodSync(db, { at: T0 + 1, source: 'https://a/x.ics', format: 'ics', weeks: WEEKS, warnings: ['w'] });
    const stored = await readRotation(db);
    expect(stored.weeks).toEqual(WEEKS);
    expect(stored.status).toMatchObject({ lastGoodAt: T0 + 1, lastGoodSource: 'https://a/x.ics', weekCount: 2, error: null, warnings: ['w'] });
  });

  it('a failed sync records the error and keeps every synced week', async () => {
    await recordGoodSync(db, { at: T0, source: 'https://a/x.ics', format: 'ics', weeks: WEEKS, warnings: [] });
    await recordFailedSync(db, { at: T0 + 3600_000, source: 'https://b/y.json', error: 'HTTP 500' });
    const stored = await readRotation(db);
    expect(stored.weeks).toEqual(WEEKS);
    expect(stored.status).toMatchObject({
      source: 'https://b/y.json',
      lastGoodSource: 'https://a/x.ics',
      lastGoodAt: T0,
      lastAttemptAt: T0 + 3600_000,
      error: 'HTTP 500',
      errorAt: T0 + 3600_000,
    });
  });

  it('a cleared source keeps the weeks and clears the error', async () => {
    await recordGoodSync(db, { at: T0, source: 'https://a/x.ics', format: 'ics', weeks: WEEKS, warnings: [] });
    await recordFailedSync(db, { at: T0 + 1, source: 'https://a/x.ics', error: 'boom' });
    await recordNoSource(db, T0 + 2);
    const stored = await readRotation(db);
    expect(stored.weeks).toHaveLength(2);
    expect(stored.status).toMatchObject({ source: '', error: null });
  });

  it('the shared connection reopens after being closed', async () => {
    const first = rotationDb();
    await first.open();
    first.close();
    const second = rotationDb();
    expect(second).not.toBe(first);
    expect(await readRotation(second)).toMatchObject({ status: { id: 'sync' } });
    second.close();
  });
});

describe('upgrades from every shipped version', () => {
  /** What each shipped version stored, written with that version's schema. */
  const SEED: Record<number, (old: Dexie) => Promise<void>> = {
    1: async (old) => {
      await old.table('weeks').bulkPut(WEEKS);
      await old.table('status').put({ ...EMPTY_STATUS, lastGoodAt: T0, lastGoodSource: 'https://a/x.ics', weekCount: 2 });
    },
  };

  it('has seed data for every shipped version', () => {
    expect(Object.keys(SEED).map(Number)).toEqual(ROTATION_DB_VERSIONS.map((v) => v.version));
  });

  it.each(ROTATION_DB_VERSIONS.map((v) => v.version))('version %i data survives opening with the latest schema', async (version) => {
    const name = `gta-rotation-upgrade-${version}-${n}`;
    const old = new RotationDb(name, version);
    await old.open();
    expect(old.verno).toBe(version);
    await SEED[version](old);
    old.close();
    const latest = new RotationDb(name);
    await latest.open();
    expect(latest.verno).toBe(ROTATION_DB_LATEST);
    const stored = await readRotation(latest);
    expect(stored.weeks).toEqual(WEEKS);
    expect(stored.status).toMatchObject({ lastGoodAt: T0, lastGoodSource: 'https://a/x.ics' });
    latest.close();
    await Dexie.delete(name);
  });
});
