/**
 * The rotation's alarms, re-checked on every wake: the periodic sync (created only when missing
 * or when its period changed: re-creating resets its countdown) and the next Monday reminder.
 */
import { browser } from 'wxt/browser';
import { nextReminderAt } from '../../utils/rotation';
import type { Settings } from '../../utils/settings';
import { ensureAlarm, ensureAlarmAt } from '../shared/alarms';
import type { RotationContext } from './context';
import { rotationOf } from './status';
import { loadStored, type Stored } from './store';

export const SYNC_ALARM = 'gta-rotation-sync';
export const REMINDER_ALARM = 'gta-rotation-reminder';
/** A reminder alarm this close to the computed time is left alone. */
const REMINDER_TOLERANCE_MS = 60_000;

export async function ensureRotationAlarms(ctx: RotationContext, settings: Settings, stored?: Stored): Promise<void> {
  const period = settings.rotation.syncHours * 60;
  await ensureAlarm(browser.alarms, SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period }, (a) => a.periodInMinutes !== period);
  const at = await ctx.now();
  const rotation = rotationOf(stored ?? (await loadStored(ctx.storage)), settings);
  const next = nextReminderAt(at, settings.rotation.timeZone, settings.schedule.workStart, rotation.holidays);
  // A debug clock must not arm real alarms in the past or future of the real clock.
  const when = next === null ? null : next - at + ctx.realNow();
  await ensureAlarmAt(browser.alarms, REMINDER_ALARM, when, REMINDER_TOLERANCE_MS);
}
