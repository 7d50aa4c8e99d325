/**
 * Alarms that survive the worker. Re-creating an existing alarm resets its countdown (a periodic
 * one re-created on every wake might never fire), so alarms are created only when missing (Firefox
 * restart, Chrome disable/enable) or when they no longer fit; every wake calls this again.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';

type AlarmsApi = Pick<WxtBrowser['alarms'], 'get' | 'create' | 'clear'>;
export type AlarmInfo = Browser.alarms.AlarmCreateInfo;
export type Alarm = Browser.alarms.Alarm;

/**
 * Creates the alarm unless one of that name exists and `outdated` (when given) does not reject it.
 * Returns whether it was (re)created.
 */
export async function ensureAlarm(
  alarms: AlarmsApi,
  name: string,
  info: AlarmInfo,
  outdated: (existing: Alarm) => boolean = () => false,
): Promise<boolean> {
  const existing = await alarms.get(name);
  if (existing && !outdated(existing)) return false;
  await alarms.create(name, info);
  return true;
}

/** A one-shot alarm at `when`, kept if already within `toleranceMs` of it; `when` null clears it. */
export async function ensureAlarmAt(alarms: AlarmsApi, name: string, when: number | null, toleranceMs: number): Promise<void> {
  if (when === null) {
    if (await alarms.get(name)) await alarms.clear(name);
    return;
  }
  await ensureAlarm(alarms, name, { when }, (existing) => Math.abs(existing.scheduledTime - when) > toleranceMs);
}

/** Moves an alarm to a new schedule on purpose (its time was computed anew). */
export async function rescheduleAlarm(alarms: AlarmsApi, name: string, info: AlarmInfo): Promise<void> {
  await alarms.clear(name);
  await alarms.create(name, info);
}
