/**
 * The rotation service against WXT's fake browser (storage, alarms, notifications, tabs) with a
 * scripted fetch, a fixed clock and a scripted permission answer.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ICAL from 'ical.js';
import { rotationDb } from '../../../../utils/db/rotation-db';
import { STORED } from '../../../../utils/storage-items';
import { saveSettings } from '../../../../services/settings-store';
import { REMINDER_ALARM, SYNC_ALARM } from '../../../../services/rotation/alarms';
import { isOnDutyAt } from '../../../../services/rotation/duty';
import { createRotationService } from '../../../../services/rotation/service';
import { originPattern } from '../../../../services/rotation/source';
import { fixture } from '../../utils/rotation/helpers';

const SOURCE = 'https://twiki.example.org/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text';
// Tuesday 10 Feb 2026, 09:00 in Chicago.
const TUE = Date.parse('2026-02-10T15:00:00Z');
const MON_0905 = Date.parse('2026-02-09T15:05:00Z');
const TML = ['| *Week* | *Person* |', '| 2026-02-09 | Alain Roy |', '| 2026-02-16 | Mat Selmeci |', '| 2026-02-23 | Brian Lin |'].join('\n');

let clockNow = TUE;
let permission = true;
let respond: (url: string) => Promise<Response>;
let fetched: string[];

function service(isFirefox = false) {
  return createRotationService({
    clock: () => clockNow,
    isFirefox,
    hasOriginPermission: async () => permission,
    timeoutMs: 200,
    fetch: (async (url: string) => {
      fetched.push(String(url));
      return respond(String(url));
    }) as typeof fetch,
  });
}

const ok = (body: string, type = 'text/plain') => async () => new Response(body, { status: 200, headers: { 'content-type': type } });

/** A body that never ends: the sync must stop reading it at the size cap. */
function endlessBody(): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1 << 20).fill(0x41);
  return new ReadableStream({ pull: (controller) => controller.enqueue(chunk) });
}

async function configure(extra: Record<string, unknown> = {}) {
  const saved = await saveSettings({
    identity: { name: 'Alain Roy', email: 'roy@cs.wisc.edu' },
    rotation: { source: SOURCE, timeZone: 'America/Chicago', ...extra },
  });
  expect(saved.error).toBeUndefined();
}

async function cache() {
  return STORED.rotationCache.read((await browser.storage.local.get(STORED.rotationCache.key))[STORED.rotationCache.key]);
}

beforeEach(async () => {
  fakeBrowser.reset();
  const db = rotationDb();
  await db.open();
  await Promise.all([db.weeks.clear(), db.status.clear()]);
  clockNow = TUE;
  permission = true;
  fetched = [];
  respond = ok(TML);
});

describe('sync', () => {
  it('fetches, stores the weeks with the time of the good sync, and publishes them for content scripts', async () => {
    await configure();
    const status = await service().sync('test');
    expect(status).toMatchObject({ configured: true, lastGoodAt: TUE, error: null, format: 'twiki-tml', weekCount: 3, permission: 'granted' });
    expect(fetched).toEqual([SOURCE]);
    const published = await cache();
    expect(published.weeks.map((w) => w.person)).toEqual(['Alain Roy', 'Mat Selmeci', 'Brian Lin']);
    expect(published.status.lastGoodAt).toBe(TUE);
  });

  it.each([
    ['HTTP 500', async () => new Response('<h1>Internal Server Error</h1>', { status: 500 }), /HTTP 500: the server failed/],
    ['HTTP 401', async () => new Response('no', { status: 401 }), /HTTP 401: access was refused/],
    ['HTTP 404', async () => new Response('no', { status: 404 }), /HTTP 404: the page was not found/],
    ['garbage', ok('\u0001\u0002 binary junk'), /not an iCal feed, a TWiki table or JSON/],
    ['a login page', ok('<html><head><title>Login</title></head><body><form><input type="password"></form></body></html>', 'text/html'), /login page/],
    ['an empty calendar', ok(fixture('ics/empty.ics'), 'text/calendar'), /empty/],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach twiki\.example\.org/],
    ['a timeout', (() => new Promise<Response>(() => undefined)) as () => Promise<Response>, /did not answer within/],
    ['a body past the size cap', async () => new Response(endlessBody()), /too large \(more than 5 MB\)/],
  ])('%s keeps the last good rotation and records the error in words', async (_label, failing, message) => {
    await configure();
    const svc = service();
    await svc.sync('first');
    respond = failing;
    clockNow = TUE + 6 * 3600_000;
    const status = await svc.sync('second');
    expect(status.error).toMatch(message);
    expect(status).toMatchObject({ lastGoodAt: TUE, errorAt: clockNow, weekCount: 3 });
    expect((await cache()).weeks).toHaveLength(3);
    expect((await cache()).status.error).toMatch(message);
    const duty = await svc.getDuty();
    expect(duty.view.duty).toBe('Alain Roy');
  });

  it('without host permission, says what is missing and does not fetch', async () => {
    await configure();
    permission = false;
    const status = await service().sync('test');
    expect(status.permission).toBe('missing');
    expect(status.error).toMatch(/No permission to read twiki\.example\.org.*Allow access/);
    expect(fetched).toEqual([]);
  });

  it('joins a running sync instead of fetching twice', async () => {
    await configure();
    const svc = service();
    const [a, b] = await Promise.all([svc.sync('a'), svc.sync('b')]);
    expect(a).toEqual(b);
    expect(fetched).toHaveLength(1);
  });

  it('a new source requested during a running sync is fetched right after it', async () => {
    await configure();
    const svc = service();
    let release: () => void = () => undefined;
    respond = () => new Promise((resolve) => (release = () => resolve(new Response(TML, { status: 200 }))));
    const first = svc.sync('old source');
    // The first sync is waiting on its fetch.
    await vi.waitFor(() => expect(fetched).toEqual([SOURCE]));
    await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: 'https://other.example.org/r.json' } });
    respond = ok(JSON.stringify([{ week: '2026-02-09', person: 'Tim Theisen' }]), 'application/json');
    const second = svc.sync('new source');
    release();
    await first;
    const status = await second;
    expect(fetched).toEqual([SOURCE, 'https://other.example.org/r.json']);
    expect(status).toMatchObject({ lastGoodSource: 'https://other.example.org/r.json', format: 'json', weekCount: 1 });
  });

  it('a new source syncs at once; the old weeks stay until the new one succeeds', async () => {
    await configure();
    const svc = service();
    await svc.sync('first');
    respond = async () => new Response('nope', { status: 500 });
    const before = { rotation: { source: SOURCE } };
    await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: 'https://other.example.org/r.json' } });
    await svc.onSettingsChanged(before, { rotation: { source: 'https://other.example.org/r.json' } });
    expect(fetched.at(-1)).toBe('https://other.example.org/r.json');
    const status = await svc.getStatus();
    expect(status).toMatchObject({ source: 'https://other.example.org/r.json', lastGoodSource: SOURCE, weekCount: 3 });
    expect(status.error).toMatch(/HTTP 500/);
  });

  it('an unconfigured source is not an error', async () => {
    await saveSettings({ identity: { name: 'Alain Roy' } });
    const svc = service();
    const status = await svc.sync('test');
    expect(status).toMatchObject({ configured: false, error: null });
    expect((await svc.getDuty()).unconfigured).toBe(true);
  });
});

describe('alarms', () => {
  it('creates the periodic sync alarm only when missing, and re-creates it when the period changes', async () => {
    await configure({ syncHours: 6 });
    const svc = service();
    await svc.wake('load');
    const first = await browser.alarms.get(SYNC_ALARM);
    expect(first?.periodInMinutes).toBe(360);
    clockNow += 60_000;
    await svc.wake('again');
    expect((await browser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
    await configure({ syncHours: 2 });
    await svc.wake('changed');
    expect((await browser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(120);
  });

  it('re-arms alarms that vanished (browser restart) on the next wake', async () => {
    await configure();
    const svc = service();
    await svc.wake('load');
    await browser.alarms.clearAll();
    await svc.wake('startup');
    expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
    expect(await browser.alarms.get(REMINDER_ALARM)).toBeDefined();
  });

  it('arms the reminder for the next Monday at work start in the team zone', async () => {
    await configure();
    const svc = service();
    await svc.wake('load');
    expect(new Date((await browser.alarms.get(REMINDER_ALARM))!.scheduledTime).toISOString()).toBe('2026-02-16T15:00:00.000Z');
  });

  it('does one catch-up sync on a wake after a missed period, none before', async () => {
    await configure({ syncHours: 6 });
    const svc = service();
    await svc.wake('load');
    expect(fetched).toHaveLength(1);
    clockNow += 2 * 3600_000;
    await svc.wake('early');
    expect(fetched).toHaveLength(1);
    clockNow += 5 * 3600_000;
    await svc.wake('late');
    expect(fetched).toHaveLength(2);
  });

  it('the sync alarm syncs', async () => {
    await configure();
    await service().onAlarm(SYNC_ALARM);
    expect(fetched).toHaveLength(1);
  });
});

// These drive the service object directly (sync, wake, onAlarm); the reminder through the browser's
// alarm event and registerRotationService's wiring is in register.test.ts.
describe('Monday reminder', () => {
  it('fires once for the person on duty, with a stable id, and the click opens the software queue', async () => {
    await configure();
    await browser.storage.local.set({ [STORED.queueLatest.key]: { counts: { untriaged: 4 } } });
    clockNow = MON_0905;
    const svc = service();
    await svc.sync('load');
    const shown = await browser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['gta-duty-2026-02-09']);
    const options = (shown as unknown as Record<string, { title: string; message: string; requireInteraction?: boolean }>)['gta-duty-2026-02-09'];
    expect(options.title).toBe('You are on triage duty this week');
    expect(options.message).toMatch(/4 untriaged tickets/);
    expect(options.requireInteraction).toBe(true);
    expect((await browser.storage.local.get(STORED.rotationReminder.key))[STORED.rotationReminder.key]).toMatchObject({
      week: '2026-02-09',
      id: 'gta-duty-2026-02-09',
      shown: true,
    });
    await browser.notifications.clear('gta-duty-2026-02-09');
    await svc.onAlarm(REMINDER_ALARM);
    await svc.wake('again');
    expect(Object.keys(await browser.notifications.getAll())).toEqual([]);

    const tabs: string[] = [];
    vi.spyOn(browser.tabs, 'create').mockImplementation(async (p) => {
      tabs.push(String(p.url));
      return {} as never;
    });
    expect(await svc.onNotificationClicked('gta-duty-2026-02-09')).toBe(true);
    expect(tabs).toEqual(['https://ticket.opensciencegrid.org/list/open']);
    expect(await svc.onNotificationClicked('queue-summary')).toBe(false);
  });

  it('builds Firefox options without Chrome-only keys', async () => {
    await configure();
    clockNow = MON_0905;
    await service(true).sync('load');
    const options = Object.values(await browser.notifications.getAll())[0] as unknown as Record<string, unknown>;
    expect(options).not.toHaveProperty('requireInteraction');
    expect(options).not.toHaveProperty('priority');
  });

  it('stays quiet for someone else, when turned off, and before work start', async () => {
    await saveSettings({ identity: { name: 'Mat Selmeci' }, rotation: { source: SOURCE } });
    clockNow = MON_0905;
    await service().sync('load');
    expect(await browser.notifications.getAll()).toEqual({});
    await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: SOURCE }, notifications: { dutyReminder: false } });
    await service().checkReminder();
    expect(await browser.notifications.getAll()).toEqual({});
    await configure();
    clockNow = Date.parse('2026-02-09T14:30:00Z');
    await service().checkReminder();
    expect(await browser.notifications.getAll()).toEqual({});
  });

  it('the debug clock (storage.local debug.rotationNow) replaces the real one', async () => {
    await configure();
    await browser.storage.local.set({ [STORED.debugRotationNow.key]: '2026-02-09T15:05:00Z', [STORED.debugHooksAllowed.key]: true });
    await service().sync('load');
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['gta-duty-2026-02-09']);
  });
});

describe('answers', () => {
  it('getDuty: this week, next week, you, and the status', async () => {
    await configure({ overrides: [{ week: '2026-02-16', person: 'Tim Cartwright' }] });
    const svc = service();
    await svc.sync('load');
    const duty = await svc.getDuty();
    expect(duty.view).toMatchObject({ duty: 'Alain Roy', next: 'Tim Cartwright', you: true });
    expect(duty.status.lastGoodAt).toBe(TUE);
  });

  it('getWeeks: effective weeks from this week, overrides included', async () => {
    await configure({ overrides: [{ week: '2026-02-23', person: '' }] });
    const svc = service();
    await svc.sync('load');
    const { today, weeks } = await svc.getWeeks();
    expect(today).toBe('2026-02-10');
    expect(weeks.map((w) => [w.week, w.person, w.origin])).toEqual([
      ['2026-02-09', 'Alain Roy', 'source'],
      ['2026-02-16', 'Mat Selmeci', 'source'],
      ['2026-02-23', null, 'override'],
    ]);
  });

  it('exportIcs: a calendar with one event per duty week', async () => {
    await configure();
    const svc = service();
    await svc.sync('load');
    const { filename, text } = await svc.exportIcs();
    expect(filename).toBe('triage-rotation-2026-02-10.ics');
    expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')).toHaveLength(3);
  });

  it('isOnDutyAt: the queue service asks whether the user is on duty', async () => {
    await configure();
    await service().sync('load');
    const { settings } = await import('../../../../services/settings-store').then((m) => m.loadSettings());
    expect(await isOnDutyAt(settings, TUE)).toBe(true);
    expect(await isOnDutyAt(settings, Date.parse('2026-02-17T15:00:00Z'))).toBe(false);
    expect(await isOnDutyAt(settings, Date.parse('2026-02-14T15:00:00Z'))).toBe(false);
  });

  it('originPattern: host without port, only http(s)', () => {
    expect(originPattern('https://twiki.example.org:8443/x?y')).toBe('https://twiki.example.org/*');
    expect(originPattern('ftp://x/y')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
