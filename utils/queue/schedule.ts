/**
 * When to check the queue, and when people may be disturbed. Pure: `now` and settings are passed in.
 *
 * Work time = Monday–Friday, not a listed holiday, between schedule.workStart and schedule.workEnd
 * in rotation.timeZone (the team's zone). During work time the queue is checked every
 * queue.checkMinutes, outside it every queue.offHoursCheckMinutes. After consecutive failures the
 * interval doubles per failure, up to MAX_BACKOFF_MINUTES (or the normal interval, if longer).
 */
import { addDays, dateIn, isInWorkHours, isWorkingDay, minutesIn, parseHhmm, workHours } from '../time';
import { zonedInstant } from '../time/instant';

export interface ScheduleSettings {
  queue: { checkMinutes: number; offHoursCheckMinutes: number };
  schedule: { workStart: string; workEnd: string; middayNudge: string };
  rotation: { timeZone: string; holidays: readonly string[] };
}

export const MAX_BACKOFF_MINUTES = 240;
/** Data older than this many normal intervals is shown as stale. */
export const STALE_AFTER_INTERVALS = 3;

/** Monday–Friday and not a holiday, in the team's zone. */
export function isWorkday(now: Date | number, s: ScheduleSettings): boolean {
  return isWorkingDay(dateIn(now, s.rotation.timeZone), s.rotation.holidays ?? []);
}

/** Inside work hours on a workday. A window whose end is before its start wraps past midnight. */
export function isWorkTime(now: Date | number, s: ScheduleSettings): boolean {
  if (!isWorkday(now, s)) return false;
  return isInWorkHours(minutesIn(now, s.rotation.timeZone), workHours(s.schedule.workStart, s.schedule.workEnd));
}

/** The normal interval between checks at `now`, in minutes. */
export function baseIntervalMinutes(now: Date | number, s: ScheduleSettings): number {
  const minutes = isWorkTime(now, s) ? s.queue.checkMinutes : s.queue.offHoursCheckMinutes;
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 10;
}

/** The interval after `failures` consecutive failed checks (exponential back-off, capped). */
export function intervalMinutes(now: Date | number, failures: number, s: ScheduleSettings): number {
  const base = baseIntervalMinutes(now, s);
  const n = Math.max(0, Math.min(Number.isFinite(failures) ? Math.floor(failures) : 0, 16));
  if (n === 0) return base;
  return Math.min(base * 2 ** n, Math.max(base, MAX_BACKOFF_MINUTES));
}

/**
 * Whether a check is due. Evaluated on every alarm tick, so a change of settings, the start of work
 * hours or a long sleep (one catch-up check, not one per missed period) all take effect at once.
 */
export function isCheckDue(
  now: Date | number,
  lastAttemptAt: number | null | undefined,
  failures: number,
  s: ScheduleSettings,
): boolean {
  const t = typeof now === 'number' ? now : now.getTime();
  if (lastAttemptAt === null || lastAttemptAt === undefined || !Number.isFinite(lastAttemptAt)) return true;
  if (lastAttemptAt > t) return true; // clock went backwards: check rather than wait for hours
  return t - lastAttemptAt >= intervalMinutes(t, failures, s) * 60_000;
}

/** When the next check will happen, for display. Exact unless settings change in between. */
export function nextCheckAt(
  now: Date | number,
  lastAttemptAt: number | null | undefined,
  failures: number,
  s: ScheduleSettings,
): number {
  const t = typeof now === 'number' ? now : now.getTime();
  if (isCheckDue(t, lastAttemptAt, failures, s)) return t;
  const last = lastAttemptAt as number;
  // The interval only changes at work-time boundaries, so step through candidate instants: the
  // work interval, the off-hours interval, and the next few work-start boundaries.
  const candidates = [last + intervalMinutes(last, failures, s) * 60_000];
  const { start } = workHours(s.schedule.workStart);
  const today = dateIn(t, s.rotation.timeZone);
  for (let d = 0; d <= 7; d++) candidates.push(zonedInstant(addDays(today, d), start, s.rotation.timeZone));
  for (const minutes of [s.queue.checkMinutes, s.queue.offHoursCheckMinutes]) {
    for (let k = 0; k <= 16; k++) candidates.push(last + minutes * 2 ** k * 60_000);
  }
  candidates.push(last + MAX_BACKOFF_MINUTES * 60_000);
  const due = candidates
    .filter((c) => Number.isFinite(c) && c > t)
    .sort((a, b) => a - b)
    .find((c) => isCheckDue(c, last, failures, s));
  return due ?? last + intervalMinutes(t, failures, s) * 60_000;
}

/**
 * When data taken at `lastGoodAt` becomes stale: after the STALE_AFTER_INTERVALS-th check that
 * should have followed it (so an evening's long off-hours interval is respected).
 */
export function staleAtFor(lastGoodAt: number, s: ScheduleSettings): number {
  let t = lastGoodAt;
  for (let i = 0; i < STALE_AFTER_INTERVALS; i++) t = nextCheckAt(t, t, 0, s);
  return t;
}

/** Last good data older than STALE_AFTER_INTERVALS normal intervals is stale. */
export function isStaleData(now: Date | number, lastGoodAt: number | null | undefined, s: ScheduleSettings): boolean {
  const t = typeof now === 'number' ? now : now.getTime();
  if (lastGoodAt === null || lastGoodAt === undefined || !Number.isFinite(lastGoodAt)) return false;
  // Off hours the normal interval is long; use the longer of the two so an evening is not "stale".
  const interval = Math.max(baseIntervalMinutes(t, s), baseIntervalMinutes(lastGoodAt, s));
  return t - lastGoodAt > STALE_AFTER_INTERVALS * interval * 60_000;
}

/**
 * The midday nudge may go out: a workday, at or after schedule.middayNudge and before the end of
 * work hours, and not already sent today. (Whether the person is on duty, has opened the list and
 * has untriaged tickets is for the caller to add.)
 */
export function isNudgeTime(now: Date | number, lastNudgeDate: string | null | undefined, s: ScheduleSettings): boolean {
  if (!isWorkday(now, s)) return false;
  if (lastNudgeDate === dateIn(now, s.rotation.timeZone)) return false;
  const minutes = minutesIn(now, s.rotation.timeZone);
  const at = parseHhmm(s.schedule.middayNudge) ?? 12 * 60;
  const { end } = workHours(s.schedule.workStart, s.schedule.workEnd);
  return minutes >= at && (end <= at || minutes < end);
}

/** The next instant the midday nudge could be due (for a one-shot alarm); always after `now`. */
export function nextNudgeAt(now: Date | number, s: ScheduleSettings): number {
  const t = typeof now === 'number' ? now : now.getTime();
  const at = parseHhmm(s.schedule.middayNudge) ?? 12 * 60;
  const today = dateIn(t, s.rotation.timeZone);
  for (let d = 0; d <= 14; d++) {
    const instant = zonedInstant(addDays(today, d), at, s.rotation.timeZone);
    if (instant > t && isWorkday(instant, s)) return instant;
  }
  return t + 24 * 3_600_000;
}
