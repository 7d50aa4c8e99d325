/**
 * The Monday reminder through its real trigger: registerRotationService() (the background's wiring)
 * registers the onAlarm listener and arms the reminder alarm; the alarm firing at Monday 09:05
 * team time shows exactly one notification. The clock is the real one (Date), faked and set per
 * test, so nothing here depends on the day the suite runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORED } from '../../../../utils/storage-items';
import { REMINDER_ALARM, SYNC_ALARM } from '../../../../services/rotation/alarms';

const SOURCE = 'https://twiki.example.org/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text';
const TML = ['| *Week* | *Person* |', '| 2026-02-09 | Alain Roy |', '| 2026-02-16 | Mat Selmeci |', '| 2026-02-23 | Brian Lin |'].join('\n');
// Sunday 8 Feb 2026, noon in Chicago: no reminder is due when the worker starts.
const SUN_NOON = Date.parse('2026-02-08T18:00:00Z');
// Monday 9 Feb 2026: work start (09:00 Chicago) and five minutes later.
const MON_0900 = Date.parse('2026-02-09T15:00:00Z');
const MON_0905 = Date.parse('2026-02-09T15:05:00Z');
const TUE_0905 = Date.parse('2026-02-10T15:05:00Z');
const NEXT_MON_0900 = Date.parse('2026-02-16T15:00:00Z');

const fetchMock = vi.fn();
let fakeBrowser: typeof import('wxt/testing/fake-browser').fakeBrowser;
let browser: typeof import('wxt/browser').browser;
let register: typeof import('../../../../services/rotation').registerRotationService;
let saveSettings: typeof import('../../../../services/settings-store').saveSettings;

beforeEach(async () => {
  // Only Date is faked: Dexie and fake-indexeddb keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(SUN_NOON);
  // @webext-core/messaging allows one handler per message per JS context: fresh modules per test.
  vi.resetModules();
  ({ fakeBrowser } = await import('wxt/testing/fake-browser'));
  ({ browser } = await import('wxt/browser'));
  ({ registerRotationService: register } = await import('../../../../services/rotation'));
  ({ saveSettings } = await import('../../../../services/settings-store'));
  fakeBrowser.reset();
  const { rotationDb } = await import('../../../../utils/db/rotation-db');
  const db = rotationDb();
  await db.open();
  await Promise.all([db.weeks.clear(), db.status.clear()]);
  // The fake browser has no permissions API: the source's host is granted, the event is a no-op.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => new Response(TML, { status: 200, headers: { 'content-type': 'text/plain' } }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function configure(name = 'Alain Roy') {
  const saved = await saveSettings({ identity: { name }, rotation: { source: SOURCE, timeZone: 'America/Chicago' } });
  expect(saved.error).toBeUndefined();
}

/** The fake events have hasListeners() at run time; the browser typings do not declare it. */
function hasListeners(event: unknown): boolean {
  return (event as { hasListeners(): boolean }).hasListeners();
}

/** The worker starts on Sunday: listeners registered, first wake (sync, alarms) finished. */
async function startWorker() {
  const create = vi.spyOn(fakeBrowser.notifications, 'create');
  const woken = register();
  expect(hasListeners(fakeBrowser.alarms.onAlarm)).toBe(true);
  await woken;
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(create).not.toHaveBeenCalled();
  return create;
}

/** The browser fires the reminder alarm at `at`; resolves when the registered listener finished. */
async function fireReminder(at: number) {
  vi.setSystemTime(at);
  await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: MON_0900 });
}

async function reminderRecord() {
  return (await browser.storage.local.get(STORED.rotationReminder.key))[STORED.rotationReminder.key];
}

describe('registerRotationService: the Monday reminder alarm', { timeout: 20_000 }, () => {
  it('registers the onAlarm listener and arms the reminder for Monday at work start in the team zone', async () => {
    await configure();
    await startWorker();
    expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(MON_0900);
    expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
  });

  it('the alarm firing at Monday 09:05 shows exactly one notification, and re-arms for next Monday', async () => {
    await configure();
    const create = await startWorker();
    await fireReminder(MON_0905);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0]).toBe('gta-duty-2026-02-09');
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['gta-duty-2026-02-09']);
    expect(await reminderRecord()).toMatchObject({ week: '2026-02-09', at: MON_0905, id: 'gta-duty-2026-02-09', shown: true });
    expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(NEXT_MON_0900);
    // A second firing the same Monday (a duplicate event, a late alarm) does not remind twice.
    await fireReminder(MON_0905 + 10 * 60_000);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('the alarm firing on a Tuesday shows nothing', async () => {
    await configure();
    const create = await startWorker();
    await fireReminder(TUE_0905);
    // The handler ran to its end (it re-armed the alarm), and showed nothing.
    expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(NEXT_MON_0900);
    expect(create).not.toHaveBeenCalled();
    expect(await reminderRecord()).toBeUndefined();
  });

  it('the alarm firing at Monday 09:05 shows nothing to someone who is not on duty', async () => {
    await configure('Mat Selmeci');
    const create = await startWorker();
    await fireReminder(MON_0905);
    expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(NEXT_MON_0900);
    expect(create).not.toHaveBeenCalled();
    expect(await reminderRecord()).toBeUndefined();
  });
});
