/**
 * The queue service against WXT's fake browser (storage, alarms, action, notifications) with a
 * scripted fetch and a fixed clock. Covers states, badge, baseline, notifications, nudge,
 * back-off bookkeeping, one-request-per-check and recovery of a killed worker's check.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueDb, recordGoodCheck } from '../../../../utils/db/queue-db';
import { BADGE_COLOURS, asLatest } from '../../../../utils/queue/state';
import { zonedInstant } from '../../../../utils/time/instant';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { STORED } from '../../../../utils/storage-items';
import { NUDGE_ALARM, TICK_ALARM } from '../../../../services/queue/alarms';
import { NUDGE_NOTIFICATION, SUMMARY_NOTIFICATION } from '../../../../services/queue/notifications';
import { MAX_LIST_BYTES } from '../../../../services/queue/fetch-list';
import { createQueueService } from '../../../../services/queue/service';
import { APP_LOGIN_PAGE_HTML, ERROR_PAGE_HTML, renderListHtml, type FixtureTicket } from '../../utils/goc/list-fixture';

const TZ = 'America/Chicago';
const WED_10 = zonedInstant('2018-03-14', 10 * 60, TZ);
const MIN = 60_000;

let db: QueueDb;
let dbCount = 0;
let clockNow = WED_10;
let settings: Settings;
let onDuty = false;
let tickets: FixtureTicket[];
let respond: (url: string, init: RequestInit) => Promise<Response>;
let fetchCalls: { url: string; init: RequestInit }[];

function untriaged(id: number, title = `Ticket ${id}`): FixtureTicket {
  return { id, title, nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2018-03-14' };
}
function assigned(id: number, owner = 'Brian Lin'): FixtureTicket {
  return { id, title: `Ticket ${id}`, nextAction: 'Waiting', assignees: ['Software', owner], updateDate: '2018-03-13' };
}

function service() {
  return createQueueService({
    clock: () => clockNow,
    db: () => db,
    onDuty: async () => onDuty,
    getSettings: async () => settings,
    fetchImpl: (url, init) => {
      fetchCalls.push({ url, init });
      return respond(url, init);
    },
  });
}

async function latest() {
  return asLatest((await browser.storage.local.get(STORED.queueLatest.key))[STORED.queueLatest.key]);
}
async function badge() {
  return {
    text: await browser.action.getBadgeText({}),
    colour: await browser.action.getBadgeBackgroundColor({}),
    title: await browser.action.getTitle({}),
  };
}
function rgba(hex: string) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);
}
async function notificationIds() {
  return Object.keys(await browser.notifications.getAll()).sort();
}

beforeEach(async () => {
  fakeBrowser.reset();
  dbCount += 1;
  db = new QueueDb(`gta-queue-service-${dbCount}`);
  clockNow = WED_10;
  settings = defaultSettings();
  settings.notifications.newTicket = 'always';
  onDuty = false;
  tickets = [untriaged(100), untriaged(101), assigned(200), { id: 300, title: 'GOC ticket', assignees: ['Rob Quick'] }];
  fetchCalls = [];
  respond = async () => new Response(renderListHtml(tickets), { status: 200 });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('a good check', () => {
  it('one credentialed, uncached request to <base>/list/open; counts, badge, Dexie', async () => {
    settings.queue.gocBaseUrl = 'https://ticket.grid.iu.edu/goc';
    const q = service();
    const result = await q.requestCheck(true);
    expect(fetchCalls).toHaveLength(1);
    expect(fetchCalls[0].url).toBe('https://ticket.grid.iu.edu/goc/list/open');
    expect(fetchCalls[0].init).toMatchObject({ credentials: 'include', cache: 'no-store' });
    expect(fetchCalls[0].init.signal).toBeInstanceOf(AbortSignal);
    expect(result).toMatchObject({ state: 'ok', counts: { open: 4, software: 3, untriaged: 2 }, failures: 0, checking: false });
    expect(await latest()).toEqual(result);
    expect(await badge()).toMatchObject({ text: '2', colour: rgba(BADGE_COLOURS.normal) });
    expect((await badge()).title).toContain('2 untriaged');
    expect(await db.tickets.count()).toBe(4);
    expect(await browser.storage.local.get(STORED.queueInflight.key)).toEqual({});
  });

  it('red when on duty and count > 0; empty text at zero', async () => {
    onDuty = true;
    const q = service();
    await q.requestCheck(true);
    expect(await badge()).toMatchObject({ text: '2', colour: rgba(BADGE_COLOURS.onDuty) });
    tickets = [assigned(200)];
    await q.requestCheck(true);
    expect(await badge()).toMatchObject({ text: '', colour: rgba(BADGE_COLOURS.normal) });
  });

  it('concurrent requests share one check and one fetch', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    respond = async () => {
      await gate;
      return new Response(renderListHtml(tickets));
    };
    const q = service();
    const a = q.requestCheck(false);
    const b = q.requestCheck(true);
    release();
    expect(await a).toEqual(await b);
    expect(fetchCalls).toHaveLength(1);
  });
});

describe('fault states keep the last good snapshot', () => {
  async function withGoodFirst() {
    const q = service();
    await q.requestCheck(false);
    clockNow += 10 * MIN;
    return q;
  }

  it('HTTP 500 → error "!", counts kept, back-off counter up', async () => {
    const q = await withGoodFirst();
    respond = async () => new Response(ERROR_PAGE_HTML, { status: 500 });
    const r = await q.requestCheck(true);
    expect(r).toMatchObject({ state: 'error', counts: { untriaged: 2 }, failures: 1, lastGoodAt: WED_10 });
    expect(r.message).toContain('HTTP 500');
    expect((await badge()).text).toBe('!');
    expect((await badge()).title).toContain('2 untriaged');
    await q.requestCheck(true);
    expect((await latest()).failures).toBe(2);
    expect(await db.tickets.count()).toBe(4);
  });

  it('timeout → error naming the timeout', async () => {
    settings.queue.timeoutSeconds = 1;
    const q = await withGoodFirst();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      respond = (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const pending = q.requestCheck(true);
      await vi.advanceTimersByTimeAsync(1500);
      const r = await pending;
      expect(r).toMatchObject({ state: 'error', counts: { untriaged: 2 } });
      expect(r.message).toContain('within 1 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a list page past the size cap → error, reading stopped, counts kept', async () => {
    const q = await withGoodFirst();
    let pulled = 0;
    const chunk = new Uint8Array(1 << 20).fill(0x20);
    respond = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    const r = await q.requestCheck(true);
    expect(r).toMatchObject({ state: 'error', counts: { untriaged: 2 }, failures: 1 });
    expect(r.message).toContain('more than 16 MB');
    expect(pulled).toBeLessThan(MAX_LIST_BYTES + 4 * chunk.byteLength);
  });

  it('network failure → error', async () => {
    const q = await withGoodFirst();
    respond = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await q.requestCheck(true)).toMatchObject({ state: 'error', message: expect.stringContaining('Failed to fetch') });
  });

  it('login page → signed-out "?", counts kept, no back-off', async () => {
    const q = await withGoodFirst();
    respond = async () => new Response(APP_LOGIN_PAGE_HTML);
    expect(await q.requestCheck(true)).toMatchObject({ state: 'signed-out', counts: { untriaged: 2 }, failures: 0, guestCounts: null });
    expect((await badge()).text).toBe('?');
  });

  it('HTTP 401 → signed-out', async () => {
    const q = await withGoodFirst();
    respond = async () => new Response('Authorization Error', { status: 401 });
    expect((await q.requestCheck(true)).state).toBe('signed-out');
  });

  it('guest list → signed-out with the public counts, snapshot untouched', async () => {
    const q = await withGoodFirst();
    tickets = [untriaged(100), untriaged(101), untriaged(102)];
    respond = async () => new Response(renderListHtml(tickets, { guest: true }));
    const r = await q.requestCheck(true);
    expect(r).toMatchObject({ state: 'signed-out', counts: { untriaged: 2 }, guestCounts: { untriaged: 3 } });
    expect(await db.tickets.get(102)).toBeUndefined();
    expect((await badge()).title).toContain('public list shows 3 untriaged');
  });

  it('changed markup → error "the page changed", never zero', async () => {
    const q = await withGoodFirst();
    respond = async () => new Response(renderListHtml(tickets, { tableId: 'list' }));
    const r = await q.requestCheck(true);
    expect(r.state).toBe('error');
    expect(r.message).toContain('page changed');
    expect(r.counts?.untriaged).toBe(2);
  });

  it('offline → no request, offline state, logged once, due again when back', async () => {
    const q = await withGoodFirst();
    await browser.storage.local.set({ [STORED.debugQueueOffline.key]: true, [STORED.debugHooksAllowed.key]: true });
    const r = await q.requestCheck(true);
    expect(fetchCalls).toHaveLength(1); // only the first, good check
    expect(r).toMatchObject({ state: 'offline', counts: { untriaged: 2 }, checkedAt: WED_10 });
    expect((await badge()).colour).toEqual(rgba(BADGE_COLOURS.stale));
    await q.requestCheck(false);
    expect(await db.checks.where('state').equals('offline').count()).toBe(1);
    await browser.storage.local.remove(STORED.debugQueueOffline.key);
    expect((await q.maybeCheck())?.state).toBe('ok');
  });

  it('stale data: grey badge with the last count once three intervals pass', async () => {
    const q = await withGoodFirst();
    clockNow = WED_10 + 31 * MIN;
    respond = () => new Promise(() => {}); // never mind; we only re-render
    await q.renderBadge();
    expect(await badge()).toMatchObject({ text: '2', colour: rgba(BADGE_COLOURS.stale) });
    expect((await badge()).title).toContain('Stale');
  });
});

describe('schedule and worker lifetime', () => {
  it('creates the tick and nudge alarms only when absent', async () => {
    const q = service();
    await q.wake();
    const first = await browser.alarms.get(TICK_ALARM);
    expect(first?.periodInMinutes).toBe(1);
    expect(await browser.alarms.get(NUDGE_ALARM)).toBeDefined();
    clockNow += 5 * MIN;
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 5 * MIN);
    await q.wake();
    expect((await browser.alarms.get(TICK_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('wake runs one catch-up check when due, none when not', async () => {
    const q = service();
    await q.wake();
    expect(fetchCalls).toHaveLength(1);
    clockNow += 5 * MIN;
    await q.wake();
    expect(fetchCalls).toHaveLength(1);
    clockNow += 6 * 60 * MIN; // slept for hours
    await q.wake();
    expect(fetchCalls).toHaveLength(2);
  });

  it('back-off: after a failure the next tick waits twice as long', async () => {
    const q = service();
    respond = async () => new Response('', { status: 503 });
    await q.requestCheck(false);
    clockNow += 10 * MIN;
    expect(await q.maybeCheck()).toBeNull();
    clockNow += 10 * MIN;
    expect((await q.maybeCheck())?.failures).toBe(2);
  });

  it("recovers a killed worker's half-check: logs it, rebuilds latest from Dexie, next check consistent", async () => {
    // The dead worker committed its Dexie transaction but died before publishing queue.latest.
    const dead = service();
    await dead.requestCheck(false);
    const before = await latest();
    tickets = [...tickets, untriaged(102)];
    const { classifyTickets, countQueue } = await import('../../../../utils/queue/classify');
    const { parseListHtml } = await import('../../../../utils/goc/list');
    const parsed = parseListHtml(renderListHtml(tickets));
    if (parsed.status !== 'list') throw new Error('fixture');
    const classified = classifyTickets(parsed.tickets, settings.queue, WED_10 + MIN, TZ);
    await recordGoodCheck(db, { at: WED_10 + MIN, tickets: classified, counts: countQueue(classified), baseline: false, manual: false, durationMs: 1, historyDays: 180 });
    await browser.storage.local.set({
      [STORED.queueInflight.key]: { token: 'dead-worker', startedAt: WED_10 + MIN },
      [STORED.queueLatest.key]: { ...before, checking: true },
    });

    const fresh = service();
    expect(await fresh.recoverInterrupted()).toBe(true);
    expect(await latest()).toMatchObject({ checking: false, lastGoodAt: WED_10 + MIN, counts: { untriaged: 3 } });
    expect(await db.checks.where('state').equals('interrupted').count()).toBe(1);
    expect(await browser.storage.local.get(STORED.queueInflight.key)).toEqual({});
    clockNow = WED_10 + 20 * MIN;
    const next = await fresh.requestCheck(false);
    expect(next).toMatchObject({ state: 'ok', counts: { untriaged: 3 } });
    expect(await db.tickets.get(102)).toMatchObject({ untriaged: true, goneAt: null });
  });
});

describe('notifications', () => {
  it('first check is a silent baseline; a new untriaged ticket then notifies once, id = ticket id', async () => {
    const q = service();
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);
    tickets = [...tickets, untriaged(102, 'CE down: <b>help</b>')];
    clockNow += 10 * MIN;
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual(['gta-ticket-102']);
    const logged = (await browser.storage.local.get(STORED.queueNotifications.key))[STORED.queueNotifications.key] as unknown[];
    expect(logged[0]).toMatchObject({ id: 'gta-ticket-102', ticketIds: [102], shown: true });
    const all = (await browser.notifications.getAll()) as unknown as Record<string, { title: string; message: string }>;
    expect(all['gta-ticket-102']).toMatchObject({ title: 'New Software ticket 102', message: 'CE down: help' });
    await browser.notifications.clear('gta-ticket-102');
    clockNow += 10 * MIN;
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
  });

  it('a notification the browser refuses is logged with shown: false, and the ticket is not retried', async () => {
    const q = service();
    await q.requestCheck(false);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const create = vi.spyOn(browser.notifications, 'create').mockRejectedValue(new Error('blocked by the system'));
    tickets = [...tickets, untriaged(150)];
    await q.requestCheck(true);
    const log = (await browser.storage.local.get(STORED.queueNotifications.key))[STORED.queueNotifications.key] as Record<string, unknown>[];
    expect(log[0]).toMatchObject({ id: 'gta-ticket-150', shown: false, error: 'Error: blocked by the system' });
    create.mockRestore();
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
    expect(await db.tickets.get(150)).toMatchObject({ notifiedAt: expect.any(Number) });
  });

  it('install/upgrade marks the next good check as a baseline even with history', async () => {
    const q = service();
    await q.requestCheck(false);
    await q.markInstalled();
    tickets = [...tickets, untriaged(102)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
    expect(await browser.storage.local.get(STORED.queueBaselinePending.key)).toEqual({});
  });

  it('a burst folds into one summary', async () => {
    const q = service();
    await q.requestCheck(false);
    tickets = [...tickets, untriaged(110), untriaged(111), untriaged(112), untriaged(113)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([SUMMARY_NOTIFICATION]);
    const log = (await browser.storage.local.get(STORED.queueNotifications.key))[STORED.queueNotifications.key] as { ticketIds: number[] }[];
    expect(log[0].ticketIds).toEqual([110, 111, 112, 113]);
  });

  it('on-duty mode: nothing unless on duty; outside work hours nothing, and never later', async () => {
    settings.notifications.newTicket = 'on-duty';
    const q = service();
    await q.requestCheck(false);
    tickets = [...tickets, untriaged(120)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
    onDuty = true;
    clockNow = zonedInstant('2018-03-17', 10 * 60, TZ); // Saturday
    tickets = [...tickets, untriaged(121)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
    clockNow = zonedInstant('2018-03-19', 10 * 60, TZ); // Monday
    tickets = [...tickets, untriaged(122)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual(['gta-ticket-122']);
  });

  it('never mode: nothing', async () => {
    settings.notifications.newTicket = 'never';
    const q = service();
    await q.requestCheck(false);
    tickets = [...tickets, untriaged(130)];
    await q.requestCheck(true);
    expect(await notificationIds()).toEqual([]);
  });

  it('click opens the ticket under the configured base', async () => {
    const q = service();
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await q.onNotificationClicked('gta-ticket-4242');
    expect(create).toHaveBeenCalledWith({ url: 'https://ticket.opensciencegrid.org/4242' });
    await q.onNotificationClicked(NUDGE_NOTIFICATION);
    expect(create).toHaveBeenLastCalledWith({ url: 'https://ticket.opensciencegrid.org/list/open' });
  });
});

describe('midday nudge', () => {
  const WED_1230 = zonedInstant('2018-03-14', 12 * 60 + 30, TZ);

  it('on duty, untriaged waiting, list not opened today → one nudge that day', async () => {
    onDuty = true;
    settings.notifications.newTicket = 'never';
    clockNow = WED_1230;
    const q = service();
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([NUDGE_NOTIFICATION]);
    await browser.notifications.clear(NUDGE_NOTIFICATION);
    clockNow += 10 * MIN;
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);
  });

  it('no nudge when the popup or list was opened today, before noon, off duty or at zero', async () => {
    settings.notifications.newTicket = 'never';
    onDuty = true;
    await browser.storage.local.set({ [STORED.queueLastOpenedAt.key]: zonedInstant('2018-03-14', 8 * 60, TZ) });
    clockNow = WED_1230;
    const q = service();
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);

    await browser.storage.local.remove(STORED.queueLastOpenedAt.key);
    onDuty = false;
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);

    onDuty = true;
    tickets = [assigned(200)];
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);

    tickets = [untriaged(100)];
    clockNow = WED_10;
    await q.requestCheck(false);
    expect(await notificationIds()).toEqual([]);
  });
});

describe('report', () => {
  it('is built from the Dexie history', async () => {
    const q = service();
    await q.requestCheck(false); // baseline
    tickets = [...tickets, untriaged(140)];
    clockNow += 10 * MIN;
    await q.requestCheck(false);
    tickets = tickets.map((t) => (t.id === 140 ? assigned(140) : t));
    clockNow += 30 * MIN;
    await q.requestCheck(false);
    const r = await q.report();
    expect(r.arrivals.map((a) => a.id)).toEqual([140]);
    expect(r.triageTime).toMatchObject({ count: 1, medianMs: 30 * MIN });
    expect(r.stillUntriaged.map((t) => t.id)).toEqual([100, 101]);
  });

  it('counts the close checklist log of the week', async () => {
    await browser.storage.local.set({
      [STORED.closeChecklistLog.key]: [
        { at: WED_10 - 60 * MIN, ticket: 7, answers: ['others', 'bug'] },
        { at: WED_10 - 7 * 24 * 60 * MIN, ticket: 8, answers: ['docs'] }, // the week before
      ],
    });
    const r = await service().report();
    expect(r.closeChecklist).toEqual({ closed: 1, none: 0, others: 1, bug: 1, docs: 0, guide: 0 });
  });
});
