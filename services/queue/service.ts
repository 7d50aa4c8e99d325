/**
 * The queue-watch service: scheduled checks of `/list/open`, the Dexie history, the toolbar badge,
 * notifications and the midday nudge, composed from the modules beside this file.
 * `registerQueueService()` (index.ts) wires it to browser events; this factory takes its outside
 * world as arguments so unit tests can drive it.
 *
 * Worker lifetime (Chrome may kill the service worker at any moment): alarms are re-checked on
 * every wake (alarms.ts); state lives in storage.local (`queue.latest`) and Dexie, never only in
 * variables; a check leaves a marker that the next wake recovers if the worker died (recovery.ts).
 */
import { isCheckDue } from '../../utils/queue/schedule';
import { weeklyReport, type WeeklyReport } from '../../utils/queue/report';
import type { QueueLatest } from '../../utils/queue/state';
import { getItem, setItem, STORED } from '../../utils/storage-items';
import { ensureQueueAlarms, rescheduleNudge } from './alarms';
import { renderQueueBadge } from './badge';
import { runCheck } from './check';
import { queueContext, type QueueServiceDeps } from './context';
import { openNotification } from './notifications';
import { onNudgeAlarm } from './nudge';
import { recoverInterrupted } from './recovery';

export type { QueueServiceDeps };
export type QueueService = ReturnType<typeof createQueueService>;

export function createQueueService(deps: QueueServiceDeps = {}) {
  const ctx = queueContext(deps);

  /** Runs on every worker start: alarms, recovery, badge, and a catch-up check when one is due. */
  async function wake(reason: 'load' | 'startup' | 'installed' = 'load'): Promise<void> {
    try {
      const settings = await ctx.settings();
      const t = await ctx.now();
      await ensureQueueAlarms(settings, t);
      if (!ctx.running) await recoverInterrupted(ctx);
      if (reason === 'startup') ctx.startupStale = true;
      await renderQueueBadge(ctx);
      await maybeCheck();
    } catch (error) {
      console.warn('[GOC Ticket Assistant] queue: wake-up failed', error);
    }
  }

  /** The tick: check if due, else just refresh the badge (data may have turned stale). */
  async function maybeCheck(): Promise<QueueLatest | null> {
    if (ctx.running) return ctx.running;
    const [settings, t, latest] = await Promise.all([ctx.settings(), ctx.now(), ctx.readLatest()]);
    if (isCheckDue(t, latest.checkedAt, latest.failures, settings)) return requestCheck(false);
    await renderQueueBadge(ctx, latest);
    return null;
  }

  /** One check at a time: a second request while one runs gets the running one's result. */
  function requestCheck(manual: boolean): Promise<QueueLatest> {
    if (ctx.running) return ctx.running;
    const running = runCheck(ctx, manual).finally(() => {
      ctx.running = null;
    });
    ctx.running = running;
    return running;
  }

  async function onSettingsChanged(): Promise<void> {
    const [settings, t] = await Promise.all([ctx.settings(), ctx.now()]);
    await rescheduleNudge(settings, t);
    await renderQueueBadge(ctx);
  }

  async function report(weekOffset = 0): Promise<WeeklyReport> {
    const [settings, t] = await Promise.all([ctx.settings(), ctx.now()]);
    const db = ctx.db();
    const [tickets, closeChecklist, checks] = await Promise.all([
      db.tickets.toArray(),
      getItem(ctx.storage, STORED.closeChecklistLog),
      db.checks.where('state').equals('ok').toArray(),
    ]);
    return weeklyReport(tickets, t, settings.rotation.timeZone, settings.queue.softwareAssignees, weekOffset, { closeChecklist, checks });
  }

  /** Install or upgrade: the next good check is a silent baseline (no burst of "new" tickets). */
  async function markInstalled(): Promise<void> {
    await setItem(ctx.storage, STORED.queueBaselinePending, true);
  }

  return {
    instance: ctx.instance,
    wake,
    maybeCheck,
    requestCheck,
    recoverInterrupted: () => recoverInterrupted(ctx),
    renderBadge: (latest?: QueueLatest, duty?: boolean) => renderQueueBadge(ctx, latest, duty),
    readLatest: ctx.readLatest,
    report,
    markInstalled,
    onNudgeAlarm: () => onNudgeAlarm(ctx),
    onNotificationClicked: (id: string) => openNotification(ctx, id),
    onSettingsChanged,
    /** For tests: is a check running in this instance? */
    isRunning: () => ctx.running !== null,
  };
}
