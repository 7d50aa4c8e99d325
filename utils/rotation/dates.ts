/**
 * Calendar-date arithmetic on ISO dates ("YYYY-MM-DD") plus the two conversions between instants
 * and a time zone's wall clock. Duty weeks are calendar dates in the team's zone, so all week maths
 * happens on plain dates (no clock, no zone): a DST change can never move a week.
 */
import { TZDate } from '@date-fns/tz';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, else NaN. */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject 2026-02-30 and friends instead of rolling over into March.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return Math.round(ms / DAY_MS);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(dayNumber(value));
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = dayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The Monday of the (Monday-first) week holding `date`: the key of a duty week. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function fridayOf(date: IsoDate): IsoDate {
  return addDays(mondayOf(date), 4);
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Wall-clock fields of an instant in a zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClockIn(instantMs: number, timeZone: string): WallClock {
  const d = new TZDate(instantMs, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
}

/** The calendar date of an instant in a zone (what a wall calendar there shows). */
export function dateIn(instantMs: number, timeZone: string): IsoDate {
  const w = wallClockIn(instantMs, timeZone);
  return isoFromParts(w.year, w.month, w.day) ?? fromDayNumber(Math.floor(instantMs / DAY_MS));
}

/**
 * The instant at which a zone's wall clock shows the given fields. A time skipped by a DST jump
 * resolves to the instant just after the jump (as calendar programs do).
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  return new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, timeZone).getTime();
}

/** "09:00" → minutes after midnight; null for anything else. */
export function parseHhmm(value: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month number (1–12) from an English month name or its 3-letter (or "Sept") abbreviation. */
export function monthFromName(name: string): number | null {
  const key = name.trim().toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = MONTHS.findIndex((m) => key.startsWith(m));
  if (index < 0) return null;
  // "marchXYZ" must not pass: allow the abbreviation, "sept", or the full English name.
  const full = [
    'january', 'february', 'march', 'april', 'may', 'june',
    'july', 'august', 'september', 'october', 'november', 'december',
  ][index];
  return key === MONTHS[index] || key === 'sept' || key === full ? index + 1 : null;
}

/**
 * Dates as people write them in wiki tables and JSON files: `2012-02-13`, `2012/02/13`,
 * `13-Feb-2012`, `13 Feb 2012`, `13-Feb-12`, `Feb 13, 2012`, `Mon 13 Feb 2012`, ISO date-times
 * (their own date part is taken as written). Leading text such as a weekday is skipped; only the
 * first date of a range ("13-Feb-2012 - 17-Feb-2012") is used. Returns null when no date leads.
 */
export function parseLooseDate(text: string): IsoDate | null {
  const s = text
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-\s/.]+([A-Za-z]{3,9})\.?[-\s/.,]+(\d{4}|\d{2})(?![\d])/.exec(s);
  if (m) {
    const month = monthFromName(m[2]);
    if (month === null) return null;
    return isoFromParts(expandYear(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])/.exec(s);
  if (m) {
    const month = monthFromName(m[1]);
    if (month === null) return null;
    return isoFromParts(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

function expandYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}
