/**
 * A hostile feed must not make the rotation sync loop (issue 10, finding 2): the attempt is recorded
 * BEFORE the synchronous parse, so a worker killed mid-parse (simulated by a parse that throws, and
 * by looking at storage at the moment the parse starts) leaves `lastAttemptAt` set: the next wake
 * backs off like after a failed fetch instead of starting the same parse again. The last good
 * rotation is kept, and the status says so. A parse over its bound is a failure with a message.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rotationDb } from '../../../../utils/db/rotation-db';
import { saveSettings } from '../../../../services/settings-store';
import { createRotationService } from '../../../../services/rotation/service';
import { loadStored, type Stored } from '../../../../services/rotation/store';
import { browser } from 'wxt/browser';

/** When set, replaces the parse step: what a hostile feed does to the worker. */
let parseHook: (() => never) | null = null;

vi.mock('../../../../utils/rotation/detect', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../utils/rotation/detect')>();
  return {
    ...original,
    parseRotationSource: (...args: Parameters<typeof original.parseRotationSource>) =>
      parseHook ? parseHook() : original.parseRotationSource(...args),
  };
});

const SOURCE = 'https://twiki.example.org/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text';
const TUE = Date.parse('2026-02-10T15:00:00Z');
const HOUR = 3_600_000;
const TML = ['| *Week* | *Person* |', '| 2026-02-09 | Alain Roy |', '| 2026-02-16 | Mat Selmeci |'].join('\n');

let clockNow = TUE;
let fetched = 0;
let body = TML;

function service() {
  return createRotationService({
    clock: () => clockNow,
    isFirefox: false,
    hasOriginPermission: async () => true,
    timeoutMs: 200,
    fetch: (async () => {
      fetched += 1;
      return new Response(body, { status: 200, headers: { 'content-type': 'text/plain' } });
    }) as typeof fetch,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  const db = rotationDb();
  await db.open();
  await Promise.all([db.weeks.clear(), db.status.clear()]);
  clockNow = TUE;
  fetched = 0;
  body = TML;
  parseHook = null;
  const saved = await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: SOURCE, timeZone: 'America/Chicago', syncHours: 6 } });
  expect(saved.error).toBeUndefined();
});

describe('a sync killed while parsing a hostile feed', () => {
  it('has recorded the attempt before the parse started, keeping the last good weeks', async () => {
    await service().sync('first');
    clockNow = TUE + 7 * HOUR;
    // What storage holds at the moment the parse starts is what a killed worker leaves behind.
    let atKill: Promise<Stored> | null = null;
    parseHook = () => {
      atKill = loadStored(browser.storage);
      throw new Error('worker killed mid-parse');
    };
    await service().sync('alarm').catch(() => undefined);
    expect(atKill).not.toBeNull();
    const left = await atKill!;
    expect(left.status.lastAttemptAt).toBe(clockNow);
    expect(left.status.lastGoodAt).toBe(TUE);
    expect(left.status.error).toMatch(/did not finish reading the source.*last good rotation .*kept/i);
    expect(left.weeks.map((w) => w.person)).toEqual(['Alain Roy', 'Mat Selmeci']);
  });

  it('the next wake does not start the same parse again; it waits a full period, like after a failed fetch', async () => {
    await service().sync('first');
    clockNow = TUE + 7 * HOUR;
    parseHook = () => {
      throw new Error('worker killed mid-parse');
    };
    await service().sync('alarm').catch(() => undefined);
    expect(fetched).toBe(2);
    // A fresh worker wakes a minute later, and again five hours later: no new attempt.
    clockNow += 60_000;
    await service().wake('startup');
    clockNow += 5 * HOUR;
    await service().wake('startup');
    expect(fetched).toBe(2);
    const status = await service().getStatus();
    expect(status).toMatchObject({ lastGoodAt: TUE, weekCount: 2 });
    expect(status.error).toMatch(/last good rotation .*kept/i);
    // A period after the attempt, it tries again (and a good parse clears the error).
    parseHook = null;
    clockNow = TUE + 7 * HOUR + 6 * HOUR;
    await service().wake('later');
    expect(fetched).toBe(3);
    expect((await service().getStatus()).error).toBeNull();
  });
});

describe('a parse over its bound', () => {
  it('is a failure with a clear message; the last good rotation is kept', async () => {
    const svc = service();
    await svc.sync('first');
    // A table of far more rows than any rotation has.
    body = `| *Week* | *Person* |\n${"|x|\n".repeat(300_000)}`;
    clockNow = TUE + 7 * HOUR;
    const status = await svc.sync('second');
    expect(status.error).toMatch(/too many lines/i);
    expect(status).toMatchObject({ lastGoodAt: TUE, weekCount: 2, errorAt: clockNow });
  });
});
