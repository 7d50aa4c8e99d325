/**
 * The queue-watch service: scheduled checks of `/list/open`, the Dexie history, the toolbar badge,
 * notifications and the midday nudge. `registerQueueService()` (index.ts) wires it to browser
 * events; this factory takes its outside world as arguments so unit tests can drive it.
 *
 * Worker lifetime (Chrome may kill the service worker at any moment):
 * - one periodic "tick" alarm (1 min), created only when absent and re-checked on every wake; each
 *   tick asks the pure schedule whether a check is due, so a long sleep causes exactly one
 *   catch-up check, and work hours / back-off take effect without re-creating alarms;
 * - state lives in storage.local (`queue.latest`) and Dexie, never only in variables;
 * - a check writes an in-flight marker first; a marker left by a dead worker is logged as an
 *   "interrupted" check and `queue.latest` is rebuilt from Dexie, whose writes are transactions.
 */
import { browser } from 'wxt/browser';
import {
  hasBaseline,
  idsOf,
  lastGoodCheck,
  markNotified,
  queueDb,
  recordGoodCheck,
  recordOtherCheck,
  type QueueDb,
  type QueueTicketRecord,
} from '../../utils/db/queue-db';
import { parseListHtml } from '../../utils/goc/list';
import { classifyTickets, countQueue } from '../../utils/queue/classify';
import { weeklyReport, type WeeklyReport } from '../../utils/queue/report';
import {
  isCheckDue,
  isNudgeTime,
  isWorkTime,
  nextCheckAt,
  nextNudgeAt,
  staleAtFor,
} from '../../utils/queue/schedule';
import {
  QUEUE_KEYS,
  asLatest,
  badgeFor,
  gocUrl,
  verdictFor,
  type QueueLatest,
} from '../../utils/queue/state';
import { localDate } from '../../utils/queue/time';
import type { Settings } from '../../utils/settings';
import { loadSettings } from '../settings-store';
import { fetchOpenList, type FetchLike } from './fetch-list';

export const TICK_ALARM = 'gta-queue-tick';
export const NUDGE_ALARM = 'gta-queue-nudge';
export const TICK_MINUTES = 1;
/** More new tickets than this in one check are folded into one summary notification. */
export const BURST_SIZE = 3;
export const SUMMARY_NOTIFICATION = 'gta-queue-summary';
export const NUDGE_NOTIFICATION = 'gta-queue-nudge';
export const TICKET_NOTIFICATION_PREFIX = 'gta-ticket-';
const NOTIFICATION_LOG_SIZE = 20;

/** A 48 px icon for notifications (Chrome requires one); data URLs work in both browsers. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAArUlEQVR42u3aUQ6AIAwDUM7hNb20t9BPf0wcDmhXu8Rf0xcjgY3WXHdt+3FGnpKh6TDZ4DDI6ODLILODT4WsDj8UgQo/BIEOn0KwhP+EYAvfjSgNYA0fRpQGRF8yq9KI0oCez4gGPCIMQALYV55XhAHVAAz/gAEGGOBllGxrXTq8N3MMAJ/IGABRBBKg31ZxZ879UcEO9X8HHBIjJokhn8SYVWbQLXPVQOayB7ouHxbsUHov8o4AAAAASUVORK5CYII=';

export interface NotificationLogEntry {
  id: string;
  at: number;
  title: string;
  message: string;
  ticketIds: number[];
}

export interface QueueServiceDeps {
  fetchImpl?: FetchLike;
  /** Real time; the `debug.queueClockOffsetMs` hook is added on top. */
  clock?: () => number;
  db?: () => QueueDb;
  onDuty?: (settings: Settings, now: number) => Promise<boolean>;
  isFirefox?: boolean;
  getSettings?: () => Promise<Settings>;
}

interface InflightMarker {
  token: string;
  startedAt: number;
}

function randomToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export type QueueService = ReturnType<typeof createQueueService>;

export function createQueueService(deps: QueueServiceDeps = {}) {
  const instance = randomToken();
  const clock = deps.clock ?? (() => Date.now());
  const getDb = deps.db ?? queueDb;
  const onDutyOf = deps.onDuty ?? (async () => false);
  const getSettings = deps.getSettings ?? (async () => (await loadSettings()).settings);
  const local = browser.storage.local;
  let running: Promise<QueueLatest> | null = null;
  /** Set on browser start: the old badge is shown grey until a fresh check lands. */
  let startupStale = false;

  async function now(): Promise<number> {
    const stored = await local.get(QUEUE_KEYS.debugClockOffset);
    const offset = Number(stored[QUEUE_KEYS.debugClockOffset]);
    return clock() + (Number.isFinite(offset) ? offset : 0);
  }

  async function readLatest(): Promise<QueueLatest> {
    return asLatest((await local.get(QUEUE_KEYS.latest))[QUEUE_KEYS.latest]);
  }

  async function onDuty(settings: Settings, t: number): Promise<boolean> {
    try {
      return await onDutyOf(settings, t);
    } catch {
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Alarms and wake-up

  async function ensureAlarms(settings: Settings, t: number): Promise<void> {
    if (!(await browser.alarms.get(TICK_ALARM))) {
      await browser.alarms.create(TICK_ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
    }
    if (!(await browser.alarms.get(NUDGE_ALARM))) {
      await browser.alarms.create(NUDGE_ALARM, { when: nextNudgeAt(t, settings) });
    }
  }

  /**
   * A dead worker's half-check: log it, rebuild `queue.latest` from Dexie (the transaction either
   * landed or did not) and clear the marker. Our own running check is left alone.
   */
  async function recoverInterrupted(): Promise<boolean> {
    const marker = (await local.get(QUEUE_KEYS.inflight))[QUEUE_KEYS.inflight] as InflightMarker | undefined;
    if (!marker || (marker.token === instance && running)) return false;
    const db = getDb();
    const latest = await readLatest();
    try {
      await recordOtherCheck(db, {
        at: Number(marker.startedAt) || clock(),
        state: 'interrupted',
        message: 'The browser stopped the background worker during this check.',
        manual: false,
        durationMs: 0,
      });
      const good = await lastGoodCheck(db);
      if (good && good.counts && (latest.lastGoodAt === null || good.at > latest.lastGoodAt)) {
        const settings = await getSettings();
        latest.state = 'ok';
        latest.message = null;
        latest.checkedAt = good.at;
        latest.lastGoodAt = good.at;
        latest.staleAt = staleAtFor(good.at, settings);
        latest.counts = good.counts;
        latest.ids = good.ids;
        latest.guestCounts = null;
        latest.failures = 0;
      }
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: could not log an interrupted check', error);
    }
    await local.set({ [QUEUE_KEYS.latest]: { ...latest, checking: false, checkingSince: null } });
    await local.remove(QUEUE_KEYS.inflight);
    return true;
  }

  /** Runs on every worker start: alarms, recovery, badge, and a catch-up check when one is due. */
  async function wake(reason: 'load' | 'startup' | 'installed' = 'load'): Promise<void> {
    try {
      const settings = await getSettings();
      const t = await now();
      await ensureAlarms(settings, t);
      if (!running) await recoverInterrupted();
      if (reason === 'startup') startupStale = true;
      await renderBadge();
      await maybeCheck();
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: wake-up failed', error);
    }
  }

  /** The tick: check if due, else just refresh the badge (data may have turned stale). */
  async function maybeCheck(): Promise<QueueLatest | null> {
    if (running) return running;
    const [settings, t, latest] = await Promise.all([getSettings(), now(), readLatest()]);
    if (isCheckDue(t, latest.checkedAt, latest.failures, settings)) return requestCheck(false);
    await renderBadge(latest);
    return null;
  }

  /** One check at a time: a second request while one runs gets the running one's result. */
  function requestCheck(manual: boolean): Promise<QueueLatest> {
    if (running) return running;
    running = doCheck(manual).finally(() => {
      running = null;
    });
    return running;
  }

  // -------------------------------------------------------------------------------------------
  // The check

  async function doCheck(manual: boolean): Promise<QueueLatest> {
    const settings = await getSettings();
    const started = await now();
    const t0 = clock();
    const db = getDb();
    await recoverInterrupted();
    const prev = await readLatest();
    await local.set({
      [QUEUE_KEYS.inflight]: { token: instance, startedAt: started } satisfies InflightMarker,
      [QUEUE_KEYS.latest]: { ...prev, checking: true, checkingSince: started },
    });
    let next: QueueLatest = { ...prev };
    let toNotify: QueueTicketRecord[] = [];
    try {
      const debugOffline = (await local.get(QUEUE_KEYS.debugOffline))[QUEUE_KEYS.debugOffline] === true;
      const offline = debugOffline || (typeof navigator !== 'undefined' && navigator.onLine === false);
      const outcome = offline
        ? ({ kind: 'offline' } as const)
        : await fetchOpenList(settings.queue.gocBaseUrl, settings.queue.timeoutSeconds, deps.fetchImpl);
      const verdict = verdictFor(outcome, (html) => parseListHtml(html));
      const durationMs = clock() - t0;

      if (verdict.state === 'ok') {
        const tickets = classifyTickets(verdict.parse.tickets, settings.queue, started, settings.rotation.timeZone);
        const counts = countQueue(tickets);
        let ids = idsOf(tickets);
        let message: string | null = null;
        try {
          const pending = (await local.get(QUEUE_KEYS.baselinePending))[QUEUE_KEYS.baselinePending] === true;
          const baseline = pending || !(await hasBaseline(db));
          const result = await recordGoodCheck(db, {
            at: started,
            tickets,
            counts,
            baseline,
            manual,
            durationMs,
            historyDays: settings.queue.historyDays,
          });
          if (pending) await local.remove(QUEUE_KEYS.baselinePending);
          toNotify = result.toNotify;
          ids = result.check.ids ?? ids;
        } catch (error) {
          // e.g. IndexedDB unavailable (Firefox private mode): live counts still show, say so.
          message = `Local history is unavailable (${String(error)}): counts are live, without history or notifications.`;
        }
        next = {
          ...prev,
          state: 'ok',
          message,
          checkedAt: started,
          lastGoodAt: started,
          staleAt: staleAtFor(started, settings),
          counts,
          ids,
          guestCounts: null,
          failures: 0,
        };
      } else if (verdict.state === 'offline') {
        // Logged once per offline spell; checkedAt stays, so the check is due as soon as we are back.
        if (prev.state !== 'offline') {
          await recordOtherCheck(db, { at: started, state: 'offline', message: verdict.message, manual, durationMs });
        }
        next = { ...prev, state: 'offline', message: verdict.message };
      } else {
        const guest = verdict.state === 'signed-out' && verdict.parse ? verdict.parse : null;
        const guestTickets = guest
          ? classifyTickets(guest.tickets, settings.queue, started, settings.rotation.timeZone)
          : null;
        const guestCounts = guestTickets ? countQueue(guestTickets) : null;
        await recordOtherCheck(db, {
          at: started,
          state: verdict.state,
          message: verdict.message,
          counts: guestCounts,
          ids: guestTickets ? idsOf(guestTickets) : null,
          manual,
          durationMs,
        });
        next = {
          ...prev,
          state: verdict.state,
          message: verdict.message,
          checkedAt: started,
          guestCounts,
          // Signed out is the user's move, not the server's trouble: no back-off for it.
          failures: verdict.state === 'error' ? prev.failures + 1 : 0,
        };
      }
    } catch (error) {
      next = {
        ...prev,
        state: 'error',
        message: `The check failed unexpectedly (${String(error)}).`,
        checkedAt: started,
        failures: prev.failures + 1,
      };
    }
    next.checking = false;
    next.checkingSince = null;
    next.gocBaseUrl = settings.queue.gocBaseUrl;
    next.nextCheckAt = nextCheckAt(started, next.checkedAt ?? started, next.failures, settings);
    await local.set({ [QUEUE_KEYS.latest]: next });
    await local.remove(QUEUE_KEYS.inflight);
    if (next.state === 'ok') startupStale = false;

    const duty = await onDuty(settings, started);
    await renderBadge(next, duty);
    if (toNotify.length > 0) await notifyNewTickets(toNotify, settings, started, duty);
    await maybeNudge(settings, started, next, duty);
    return next;
  }

  // -------------------------------------------------------------------------------------------
  // Badge

  async function renderBadge(latest?: QueueLatest, duty?: boolean): Promise<void> {
    try {
      const [settings, t] = await Promise.all([getSettings(), now()]);
      const state = latest ?? (await readLatest());
      const look = badgeFor(state, {
        now: t,
        onDuty: duty ?? (await onDuty(settings, t)),
        forceStale: startupStale && state.state === 'ok',
      });
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ text: look.text });
      await action.setBadgeBackgroundColor({ color: look.colour });
      await action.setTitle({ title: look.title });
      // setBadgeTextColor: Chrome 110+, Firefox 63+; absent elsewhere.
      await (action as { setBadgeTextColor?: (d: { color: string }) => unknown }).setBadgeTextColor?.({ color: '#ffffff' });
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: badge update failed', error);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Notifications

  async function showNotification(id: string, title: string, message: string, ticketIds: number[], at: number): Promise<void> {
    // Firefox rejects Chrome-only options: build the options per browser.
    const options: Record<string, unknown> = { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message };
    if (!deps.isFirefox) options.priority = 1;
    try {
      const create = browser.notifications.create as unknown as (id: string, o: Record<string, unknown>) => Promise<string>;
      await create.call(browser.notifications, id, options);
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: notification failed', error);
    }
    const logged = (await local.get(QUEUE_KEYS.notifications))[QUEUE_KEYS.notifications];
    const log = Array.isArray(logged) ? (logged as NotificationLogEntry[]) : [];
    const entry: NotificationLogEntry = { id, at, title, message, ticketIds };
    await local.set({ [QUEUE_KEYS.notifications]: [entry, ...log].slice(0, NOTIFICATION_LOG_SIZE) });
  }

  /**
   * New untriaged tickets: during work hours, to the person on duty (or always / never per
   * notifications.newTicket). Each ticket is handled exactly once: notified, folded into a
   * summary, or deliberately skipped (off hours, not on duty) — then never again.
   */
  async function notifyNewTickets(records: QueueTicketRecord[], settings: Settings, t: number, duty: boolean): Promise<void> {
    const mode = settings.notifications.newTicket;
    const wanted = mode === 'always' || (mode === 'on-duty' && duty);
    if (wanted && isWorkTime(t, settings)) {
      const sorted = [...records].sort((a, b) => a.id - b.id);
      if (sorted.length > BURST_SIZE) {
        const titles = sorted.slice(0, 3).map((r) => `${r.id}: ${r.title}`);
        const more = sorted.length > 3 ? `\n… and ${sorted.length - 3} more` : '';
        await showNotification(
          SUMMARY_NOTIFICATION,
          `${sorted.length} new Software tickets to triage`,
          titles.join('\n') + more,
          sorted.map((r) => r.id),
          t,
        );
      } else {
        for (const r of sorted) {
          await showNotification(`${TICKET_NOTIFICATION_PREFIX}${r.id}`, `New Software ticket ${r.id}`, r.title || '(no title)', [r.id], t);
        }
      }
    }
    try {
      await markNotified(getDb(), records.map((r) => r.id), t);
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: could not record notifications', error);
    }
  }

  /**
   * The midday nudge: on a workday after schedule.middayNudge, to the person on duty, when
   * untriaged tickets exist and neither the popup nor the list was opened today. Once a day.
   */
  async function maybeNudge(settings: Settings, t: number, latest: QueueLatest, duty: boolean): Promise<boolean> {
    if (!settings.notifications.middayNudge || !duty) return false;
    const stored = await local.get([QUEUE_KEYS.nudgedOn, QUEUE_KEYS.lastOpenedAt]);
    const nudgedOn = typeof stored[QUEUE_KEYS.nudgedOn] === 'string' ? (stored[QUEUE_KEYS.nudgedOn] as string) : null;
    if (!isNudgeTime(t, nudgedOn, settings)) return false;
    const untriaged = latest.counts?.untriaged ?? 0;
    if (latest.state !== 'ok' || untriaged === 0) return false;
    const today = localDate(t, settings.rotation.timeZone);
    const opened = Number(stored[QUEUE_KEYS.lastOpenedAt]);
    if (Number.isFinite(opened) && opened > 0 && localDate(opened, settings.rotation.timeZone) === today) return false;
    await showNotification(
      NUDGE_NOTIFICATION,
      'Software triage',
      `${untriaged} untriaged ticket${untriaged === 1 ? ' is' : 's are'} waiting in the Software queue.`,
      latest.ids?.untriaged ?? [],
      t,
    );
    await local.set({ [QUEUE_KEYS.nudgedOn]: today });
    return true;
  }

  async function onNudgeAlarm(): Promise<void> {
    const [settings, t, latest] = await Promise.all([getSettings(), now(), readLatest()]);
    await browser.alarms.create(NUDGE_ALARM, { when: nextNudgeAt(t, settings) });
    await maybeNudge(settings, t, latest, await onDuty(settings, t));
  }

  async function onNotificationClicked(id: string): Promise<void> {
    const settings = await getSettings();
    const base = settings.queue.gocBaseUrl;
    let url: string | null = null;
    if (id.startsWith(TICKET_NOTIFICATION_PREFIX)) url = gocUrl(base, id.slice(TICKET_NOTIFICATION_PREFIX.length));
    else if (id === SUMMARY_NOTIFICATION || id === NUDGE_NOTIFICATION) url = gocUrl(base, 'list/open');
    if (url === null) return;
    await browser.tabs.create({ url });
    await browser.notifications.clear(id);
  }

  async function onSettingsChanged(): Promise<void> {
    const [settings, t] = await Promise.all([getSettings(), now()]);
    await browser.alarms.clear(NUDGE_ALARM);
    await browser.alarms.create(NUDGE_ALARM, { when: nextNudgeAt(t, settings) });
    await renderBadge();
  }

  async function report(weekOffset = 0): Promise<WeeklyReport> {
    const [settings, t] = await Promise.all([getSettings(), now()]);
    const tickets = await getDb().tickets.toArray();
    return weeklyReport(tickets, t, settings.rotation.timeZone, settings.queue.softwareAssignees, weekOffset);
  }

  async function markInstalled(): Promise<void> {
    await local.set({ [QUEUE_KEYS.baselinePending]: true });
  }

  return {
    instance,
    wake,
    maybeCheck,
    requestCheck,
    recoverInterrupted,
    renderBadge,
    readLatest,
    report,
    markInstalled,
    onNudgeAlarm,
    onNotificationClicked,
    onSettingsChanged,
    /** For tests: is a check running in this instance? */
    isRunning: () => running !== null,
  };
}
