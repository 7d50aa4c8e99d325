/**
 * The instant (ms since the epoch) at which a zone's wall clock shows a given time: the direction
 * that needs DST rules to pick among a skipped or doubled hour, left to @date-fns/tz's TZDateMini.
 * Not re-exported by index.ts: TZDateMini patches Date methods when loaded, so bundlers keep it in
 * every script that imports it; only background code and extension pages need this direction,
 * and content scripts stay small by importing utils/time alone.
 */
import { TZDateMini } from '@date-fns/tz/date/mini';
import { isoFromParts, type IsoDate } from './calendar';
import { zoneOrUtc, type WallClock } from './zone';

/**
 * The instant at which the wall clock of `timeZone` shows `wall`. A time skipped by a DST jump
 * resolves to the instant just after the jump (as calendar programs do); a time shown twice
 * resolves to one of its two instants (which one is @date-fns/tz's choice and varies by zone).
 * NaN when a field is not a number.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  return new TZDateMini(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, zoneOrUtc(timeZone)).getTime();
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
