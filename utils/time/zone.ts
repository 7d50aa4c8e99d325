/**
 * What the wall clock and calendar of an IANA time zone show at an instant (ms since the epoch).
 * The zone's offset, DST included, comes from @date-fns/tz (over Intl). Pure; never throws: an
 * unknown zone is read as UTC (settings validation normally prevents one) and a non-finite instant
 * as the epoch. The other direction (wall clock → instant) is in instant.ts.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
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

/** `timeZone` if the runtime knows it, else UTC. */
export function zoneOrUtc(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function msOf(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Number.isFinite(ms) ? ms : 0;
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClockIn(instant: Date | number, timeZone: string): WallClock {
  const ms = msOf(instant);
  // The zone's offset at this very instant, so there is nothing to correct.
  return utcWallClock(ms + tzOffset(zoneOrUtc(timeZone), new Date(ms)) * 60_000);
}

/** The fields of a UTC instant (the wall clock in UTC). */
export function utcWallClock(instant: Date | number): WallClock {
  const d = new Date(msOf(instant));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
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
