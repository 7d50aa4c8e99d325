/**
 * Instants (ms since the epoch) and the wall clock of an IANA time zone, both ways. The zone rules,
 * DST included, come from @date-fns/tz (over Intl): no offset arithmetic here. Pure; never throws:
 * an unknown zone is read as UTC (settings validation normally prevents one) and a non-finite
 * instant as the epoch.
 */
import { TZDate } from '@date-fns/tz';
import { DAY_MS, fromDayNumber, isoFromParts, type IsoDate } from './calendar';

/** Wall-clock fields of an instant in a zone; month 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const validity = new Map<string, boolean>();

/** Whether this runtime knows `name` as an IANA time zone. */
export function isValidTimeZone(name: string): boolean {
  let ok = validity.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      ok = typeof name === 'string' && name.length > 0;
    } catch {
      ok = false;
    }
    validity.set(name, ok);
  }
  return ok;
}

function zoneOrUtc(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function msOf(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Number.isFinite(ms) ? ms : 0;
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClockIn(instant: Date | number, timeZone: string): WallClock {
  const d = new TZDate(msOf(instant), zoneOrUtc(timeZone));
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
}

/** The calendar date of `instant` in `timeZone` (what a wall calendar there shows). */
export function dateIn(instant: Date | number, timeZone: string): IsoDate {
  const w = wallClockIn(instant, timeZone);
  return isoFromParts(w.year, w.month, w.day) ?? fromDayNumber(Math.floor(msOf(instant) / DAY_MS));
}

/** Minutes since midnight on the wall clock of `timeZone` at `instant` (0–1439). */
export function minutesIn(instant: Date | number, timeZone: string): number {
  const w = wallClockIn(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall`. A time skipped by a DST jump
 * resolves to the instant just after the jump (as calendar programs do); a time shown twice
 * resolves to one of its two instants (which one is @date-fns/tz's choice and varies by zone).
 * NaN when a field is not a number.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  return new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, zoneOrUtc(timeZone)).getTime();
}

/** The instant at which the wall clock of `timeZone` shows `date` at `minutes` after midnight; NaN for an invalid date. */
export function zonedInstant(date: IsoDate, minutes: number, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === null || !Number.isFinite(minutes)) return NaN;
  return instantOf(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 },
    timeZone,
  );
}
