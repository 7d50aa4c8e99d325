/**
 * Calendar dates as ISO strings ("YYYY-MM-DD"): no clock and no zone, so a DST change can never
 * move a date or a week. Pure; never throws: an invalid date gives NaN / null / the input back, as
 * each function says.
 */

/** "YYYY-MM-DD". A plain string: check with isIsoDate before trusting one from outside. */
export type IsoDate = string;

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date, else NaN (2026-02-30 is not rolled into March). */
export function dayNumber(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return Math.round(ms / DAY_MS);
}

/** The ISO date of a day number; '' when `days` is not a whole day number a Date can hold. */
export function fromDayNumber(days: number): IsoDate {
  const d = new Date(days * DAY_MS);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : '';
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(dayNumber(value));
}

/** The ISO date of year, month (1–12) and day, or null when they name no day of years 1000–9999. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * The date `days` after `date` (negative: before; a fraction is truncated). An invalid date or a
 * non-finite count gives `date` back.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date);
  if (Number.isNaN(n) || !Number.isFinite(days)) return date;
  return fromDayNumber(n + Math.trunc(days)) || date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null if either is not a date. */
export function daysBetween(from: IsoDate, to: IsoDate): number | null {
  const diff = dayNumber(to) - dayNumber(from);
  return Number.isNaN(diff) ? null : diff;
}

/** 1 = Monday … 7 = Sunday (ISO weekday) for a day number; NaN for NaN. */
export function isoWeekdayOfDay(day: number): number {
  // 1970-01-01 (day 0) was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** 1 = Monday … 7 = Sunday (ISO weekday); NaN for an invalid date. */
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDay(dayNumber(date));
}

/** Saturday or Sunday; false for an invalid date. */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The Monday of the (Monday-first) week holding `date`: the key of a duty week. Invalid: `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return Number.isNaN(weekday) ? date : addDays(date, 1 - weekday);
}

/** The Friday of the week holding `date`. Invalid: `date`. */
export function fridayOf(date: IsoDate): IsoDate {
  return addDays(mondayOf(date), 4);
}

/** Sort order of two ISO dates (string order is date order for valid ones). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
