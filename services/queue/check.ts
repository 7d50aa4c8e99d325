/**
 * One check of the queue: fetch `/list/open`, turn the answer into the next published state, keep
 * the Dexie history, then badge, notifications and nudge. Nothing but a recognised, signed-in list
 * is "ok"; every failure keeps the last good counts (never a false zero).
 */
import { hasBaseline, idsOf, recordGoodCheck, recordOtherCheck, type QueueTicketRecord } from '../../utils/db/queue-db';
import { parseListHtml } from '../../utils/goc/list';
import { classifyTickets, countQueue } from '../../utils/queue/classify';
import { nextCheckAt, staleAtFor } from '../../utils/queue/schedule';
import type { HandoverSummary } from '../../utils/queue/handover';
import { assigneeLoads, verdictFor, type CheckVerdict, type FetchOutcome, type QueueLatest } from '../../utils/queue/state';
import type { Settings } from '../../utils/settings';
import { getItem, removeItem, STORED } from '../../utils/storage-items';
import { renderQueueBadge } from './badge';
import type { QueueContext } from './context';
import { fetchOpenList } from './fetch-list';
import { handoverFromDb } from './handover';
import { notifyNewTickets } from './notifications';
import { maybeNudge } from './nudge';
import { publishCheckEnded, publishCheckStarted } from './publish';
import { recoverInterrupted } from './recovery';

interface CheckRun {
  settings: Settings;
  /** Service time the check started at (its timestamp everywhere). */
  started: number;
  manual: boolean;
  prev: QueueLatest;
}

interface CheckResult {
  next: QueueLatest;
  /** New untriaged tickets that were never notified. */
  toNotify: QueueTicketRecord[];
}

export async function runCheck(ctx: QueueContext, manual: boolean): Promise<QueueLatest> {
  const settings = await ctx.settings();
  const started = await ctx.now();
  const t0 = ctx.clock();
  await recoverInterrupted(ctx);
  const prev = await ctx.readLatest();
  await publishCheckStarted(ctx, prev, started);
  const run: CheckRun = { settings, started, manual, prev };
  let result: CheckResult;
  try {
    const outcome = await fetchOutcome(ctx, settings);
    const verdict = verdictFor(outcome, (html) => parseListHtml(html));
    result = await resultOf(ctx, run, verdict, ctx.clock() - t0);
  } catch (error) {
    const next: QueueLatest = {
      ...prev,
      state: 'error',
      message: `The check failed unexpectedly (${String(error)}).`,
      checkedAt: started,
      failures: prev.failures + 1,
    };
    result = { next, toNotify: [] };
  }
  const next: QueueLatest = {
    ...result.next,
    checking: false,
    checkingSince: null,
    gocBaseUrl: settings.queue.gocBaseUrl,
    nextCheckAt: nextCheckAt(started, result.next.checkedAt ?? started, result.next.failures, settings),
  };
  await publishCheckEnded(ctx, next);
  if (next.state === 'ok') ctx.startupStale = false;

  const duty = await ctx.onDuty(settings, started);
  await renderQueueBadge(ctx, next, duty);
  if (result.toNotify.length > 0) await notifyNewTickets(ctx, result.toNotify, settings, started, duty);
  await maybeNudge(ctx, settings, started, next, duty);
  return next;
}

async function fetchOutcome(ctx: QueueContext, settings: Settings): Promise<FetchOutcome> {
  const debugOffline = await getItem(ctx.storage, STORED.debugQueueOffline);
  const offline = debugOffline || (typeof navigator !== 'undefined' && navigator.onLine === false);
  if (offline) return { kind: 'offline' };
  return fetchOpenList(settings.queue.gocBaseUrl, settings.queue.timeoutSeconds, ctx.fetchImpl);
}

function resultOf(ctx: QueueContext, run: CheckRun, verdict: CheckVerdict, durationMs: number): Promise<CheckResult> {
  switch (verdict.state) {
    case 'ok':
      return goodCheck(ctx, run, verdict, durationMs);
    case 'offline':
      return offlineCheck(ctx, run, verdict.message, durationMs);
    default:
      return failedCheck(ctx, run, verdict, durationMs);
  }
}

/** A signed-in list: new counts, the history recorded (a baseline after install), tickets to notify. */
async function goodCheck(
  ctx: QueueContext,
  { settings, started, manual, prev }: CheckRun,
  verdict: Extract<CheckVerdict, { state: 'ok' }>,
  durationMs: number,
): Promise<CheckResult> {
  const tickets = classifyTickets(verdict.parse.tickets, settings.queue, started, settings.rotation.timeZone);
  const counts = countQueue(tickets);
  let ids = idsOf(tickets);
  let message: string | null = null;
  let toNotify: QueueTicketRecord[] = [];
  let handover: HandoverSummary | null = null;
  try {
    const db = ctx.db();
    const pending = await getItem(ctx.storage, STORED.queueBaselinePending);
    const baseline = pending || !(await hasBaseline(db));
    const recorded = await recordGoodCheck(db, {
      at: started,
      tickets,
      counts,
      baseline,
      manual,
      durationMs,
      historyDays: settings.queue.historyDays,
    });
    if (pending) await removeItem(ctx.storage, STORED.queueBaselinePending);
    toNotify = recorded.toNotify;
    ids = recorded.check.ids ?? ids;
    handover = await handoverFromDb(db, ids.untriaged, started, settings.rotation.timeZone).catch(() => null);
  } catch (error) {
    // e.g. IndexedDB unavailable (Firefox private mode): live counts still show, say so.
    message = `Local history is unavailable (${String(error)}): counts are live, without history or notifications.`;
  }
  // The previous split belongs to the previous list: without a new one it is unknown, not kept.
  const { handover: _old, ...kept } = prev;
  const next: QueueLatest = {
    ...kept,
    state: 'ok',
    message,
    checkedAt: started,
    lastGoodAt: started,
    staleAt: staleAtFor(started, settings),
    counts,
    ids,
    guestCounts: null,
    failures: 0,
    assigneeLoads: assigneeLoads(
      tickets.map((t) => ({ assignees: t.assignees, software: t.class.software })),
      settings.queue.softwareAssignees,
    ),
    ...(handover ? { handover } : {}),
  };
  return { next, toNotify };
}

/** Logged once per offline spell; checkedAt stays, so the check is due as soon as we are back. */
async function offlineCheck(ctx: QueueContext, { started, manual, prev }: CheckRun, message: string, durationMs: number): Promise<CheckResult> {
  if (prev.state !== 'offline') {
    await recordOtherCheck(ctx.db(), { at: started, state: 'offline', message, manual, durationMs });
  }
  return { next: { ...prev, state: 'offline', message }, toNotify: [] };
}

/** Signed out (with the public list's counts when it was readable) or an error. */
async function failedCheck(
  ctx: QueueContext,
  { settings, started, manual, prev }: CheckRun,
  verdict: Extract<CheckVerdict, { state: 'signed-out' | 'error' }>,
  durationMs: number,
): Promise<CheckResult> {
  const guest = verdict.state === 'signed-out' && verdict.parse ? verdict.parse : null;
  const guestTickets = guest ? classifyTickets(guest.tickets, settings.queue, started, settings.rotation.timeZone) : null;
  const guestCounts = guestTickets ? countQueue(guestTickets) : null;
  await recordOtherCheck(ctx.db(), {
    at: started,
    state: verdict.state,
    message: verdict.message,
    counts: guestCounts,
    ids: guestTickets ? idsOf(guestTickets) : null,
    manual,
    durationMs,
  });
  const next: QueueLatest = {
    ...prev,
    state: verdict.state,
    message: verdict.message,
    checkedAt: started,
    guestCounts,
    // Signed out is the user's move, not the server's trouble: no back-off for it.
    failures: verdict.state === 'error' ? prev.failures + 1 : 0,
  };
  return { next, toNotify: [] };
}
