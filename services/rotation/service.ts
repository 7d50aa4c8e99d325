/**
 * The triage-rotation service: fetches the configured source, keeps the last good rotation, arms
 * the sync and reminder alarms, shows the Monday reminder, and answers the popup/options messages,
 * composed from the modules beside this file. `registerRotationService()` (index.ts) wires it to
 * browser events; this factory takes its outside world as arguments so unit tests can drive it.
 */
import { ensureRotationAlarms, REMINDER_ALARM, SYNC_ALARM } from './alarms';
import { exportIcs, getDuty, getStatus, getWeeks } from './answers';
import { rotationContext, type RotationDeps } from './context';
import { checkReminder, openReminder } from './reminder';
import { originPattern } from './source';
import { loadStored, publish } from './store';
import { sync } from './sync';

export type { RotationDeps };
export type RotationService = ReturnType<typeof createRotationService>;

const HOUR = 3_600_000;

export function createRotationService(deps: RotationDeps) {
  const ctx = rotationContext(deps);

  /** Every wake: alarms present? a catch-up sync due? the reminder due? the cache published? */
  async function wake(reason: string): Promise<void> {
    const settings = await ctx.settings();
    const stored = await loadStored(ctx.storage);
    await ensureRotationAlarms(ctx, settings, stored);
    const at = await ctx.now();
    const period = settings.rotation.syncHours * HOUR;
    const { lastAttemptAt, source } = stored.status;
    const stale = lastAttemptAt === null || at - lastAttemptAt >= period || source !== settings.rotation.source;
    if (stale && (settings.rotation.source || source)) {
      await sync(ctx, `catch-up after ${reason}`);
      return;
    }
    await publish(ctx.storage, stored);
    await checkReminder(ctx, settings, stored);
  }

  async function onAlarm(name: string): Promise<void> {
    if (name === SYNC_ALARM) await sync(ctx, 'alarm');
    else if (name === REMINDER_ALARM) {
      await checkReminder(ctx);
      await ensureRotationAlarms(ctx, await ctx.settings());
    }
  }

  /** Settings changed: a new source syncs now; other rotation settings re-arm the alarms. */
  async function onSettingsChanged(oldRaw: unknown, newRaw: unknown): Promise<void> {
    const rotationOfRaw = (raw: unknown) => (raw as { rotation?: { source?: unknown; timeZone?: unknown } } | undefined)?.rotation;
    const [before, after] = [rotationOfRaw(oldRaw), rotationOfRaw(newRaw)];
    const settings = await ctx.settings();
    // The source, or the zone its timed events are placed in, changed: fetch again.
    if ((before?.source ?? '') !== (after?.source ?? '') || before?.timeZone !== after?.timeZone) await sync(ctx, 'source changed');
    else await publish(ctx.storage);
    await ensureRotationAlarms(ctx, settings);
    await checkReminder(ctx, settings);
  }

  /** A host permission was granted: if it covers the source, sync now. */
  async function onPermissionAdded(origins: readonly string[]): Promise<void> {
    const settings = await ctx.settings();
    const pattern = originPattern(settings.rotation.source);
    if (pattern && origins.some((o) => o === pattern || o === '<all_urls>' || o === `${pattern.split('//')[0]}//*/*`)) {
      await sync(ctx, 'permission granted');
    }
  }

  return {
    sync: (reason: string) => sync(ctx, reason),
    wake,
    onAlarm,
    checkReminder: () => checkReminder(ctx),
    onNotificationClicked: (id: string) => openReminder(ctx, id),
    onSettingsChanged,
    onPermissionAdded,
    getDuty: () => getDuty(ctx),
    getStatus: () => getStatus(ctx),
    getWeeks: (from?: string, limit?: number) => getWeeks(ctx, from, limit),
    exportIcs: () => exportIcs(ctx),
    now: ctx.now,
  };
}
