/**
 * Work hours and working days: Monday–Friday, minus the team's holidays (ISO dates). Pure; never
 * throws; holidays that are not valid dates are ignored.
 */
import { addDays, dayNumber, isoWeekdayOfDay, type IsoDate } from './calendar';
import { parseHhmm } from './hhmm';

/** Minutes after midnight; `end` before `start` means the window wraps past midnight. */
export interface WorkHours {
  start: number;
  end: number;
}

export const DEFAULT_WORK_HOURS: Readonly<WorkHours> = { start: 9 * 60, end: 17 * 60 };

/** Work hours from "HH:MM" settings; a missing or malformed one falls back to 09:00 / 17:00. */
export function workHours(start?: string, end?: string): WorkHours {
  return {
    start: parseHhmm(start ?? '') ?? DEFAULT_WORK_HOURS.start,
    end: parseHhmm(end ?? '') ?? DEFAULT_WORK_HOURS.end,
  };
}

/** Whether `minutes` after midnight falls in the window (start inclusive, end exclusive; start = end: all day). */
export function isInWorkHours(minutes: number, hours: WorkHours): boolean {
  const { start, end } = hours;
  if (start === end) return true;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export type Holidays = ReadonlySet<IsoDate> | readonly IsoDate[];

/** Holidays as sorted day numbers of weekdays (weekend holidays change nothing). */
function weekdayHolidays(holidays: Holidays): number[] {
  const days: number[] = [];
  for (const h of holidays) {
    const n = dayNumber(h);
    if (!Number.isNaN(n) && isoWeekdayOfDay(n) <= 5) days.push(n);
  }
  return days.sort((a, b) => a - b);
}

function includes(holidays: Holidays, date: IsoDate): boolean {
  return Array.isArray(holidays) ? holidays.includes(date) : (holidays as ReadonlySet<IsoDate>).has(date);
}

/** Monday–Friday and not a holiday; false for an invalid date. */
export function isWorkingDay(date: IsoDate, holidays: Holidays = []): boolean {
  return isoWeekdayOfDay(dayNumber(date)) <= 5 && !includes(holidays, date);
}

// Weekday counting: weekdaysThrough(d) counts Monday–Friday days from the Monday of day 4
// (1970-01-05) through d (negative before it); nthWeekday is its inverse on weekdays.
const FIRST_MONDAY = 4;
const floorDiv = (a: number, b: number) => Math.floor(a / b);
function weekdaysThrough(day: number): number {
  const r = day - FIRST_MONDAY;
  const weeks = floorDiv(r, 7);
  return weeks * 5 + Math.min(r - weeks * 7 + 1, 5);
}
function nthWeekday(count: number): number {
  const weeks = floorDiv(count - 1, 5);
  return FIRST_MONDAY + weeks * 7 + (count - 1 - weeks * 5);
}
/** How many of the sorted `days` lie in [from, to]. */
function countIn(days: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const d of days) if (d >= from && d <= to) n++;
  return n;
}

/**
 * The `n`-th working day after `date` (n < 0: before it), skipping weekends and holidays; `date`
 * itself never counts, so a deadline of "2 working days" from a Friday is the Tuesday. n = 0 gives
 * `date` back, as does an invalid date or a non-finite n (a fraction is truncated). Takes time in
 * the number of holidays, not in n.
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: Holidays = []): IsoDate {
  const start = dayNumber(date);
  if (Number.isNaN(start) || !Number.isFinite(n)) return date;
  const steps = Math.trunc(n);
  if (steps === 0) return date;
  const off = weekdayHolidays(holidays);
  const startIsWeekday = isoWeekdayOfDay(start) <= 5;
  let count: number;
  let result: number;
  if (steps > 0) {
    // Counting from the last weekday on or before `date` reaches the right day for a weekend start too.
    count = weekdaysThrough(start) + steps;
    result = nthWeekday(count);
    // Each holiday passed over pushes the result one weekday further, possibly over more holidays.
    for (let skipped = countIn(off, start + 1, result); skipped > 0; ) {
      const previous = result;
      count += skipped;
      result = nthWeekday(count);
      skipped = countIn(off, previous + 1, result);
    }
  } else {
    count = weekdaysThrough(start) + steps + (startIsWeekday ? 0 : 1);
    result = nthWeekday(count);
    for (let skipped = countIn(off, result, start - 1); skipped > 0; ) {
      const previous = result;
      count -= skipped;
      result = nthWeekday(count);
      skipped = countIn(off, result, previous - 1);
    }
  }
  return addDays(date, result - start);
}
