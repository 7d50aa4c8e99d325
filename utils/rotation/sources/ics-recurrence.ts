/**
 * RRULE expansion for iCalendar feeds, under a hard budget. ical.js steps the rule; this module
 * steps it in the series' own wall clock (weekly 09:00 stays 09:00 across DST), only up to the end
 * of the window, and meters ical.js's iterator so a hostile or unbounded RRULE cannot freeze the
 * worker.
 */
import ICAL from 'ical.js';
import { DAY_MS, fromDayNumber, isoWeekdayOfDay, type WallClock } from '../../time';
import { dateKey, wallOf, type DateValue } from './ics-values';
import { UTC_ZONE, type Property } from './ics-zones';

/** Iterator steps allowed per recurring event, and for the whole file. */
const STEP_BUDGET_PER_EVENT = 20_000;
const STEP_BUDGET_TOTAL = 100_000;
/** Wall-clock backstop for one calendar's expansion. */
const EXPANSION_DEADLINE_MS = 2_000;

/** Thrown when a rule runs out of budget (or is finer than daily): the caller warns and cuts it off. */
export class BudgetExceeded extends Error {}

/** What is left for one calendar: iterator steps, and the wall-clock deadline. */
export interface ExpansionBudget {
  total: number;
  deadline: number;
}

/** A fresh budget for one calendar's expansion, starting now. */
export function newExpansionBudget(): ExpansionBudget {
  return { total: STEP_BUDGET_TOTAL, deadline: Date.now() + EXPANSION_DEADLINE_MS };
}

/**
 * Work done inside ical.js's recurrence iterator is metered: its constructor and every step method
 * draw from the active budget (a year-level step weighs more; it expands a whole year), and a wall
 * clock deadline backs it up. Even a rule that can never match (FREQ=YEARLY;BYMONTH=2;
 * BYMONTHDAY=-31;BYDAY=MO, which ical.js searches for ~18,000 years) stops at the budget.
 */
const METERED: Record<string, number> = {
  // Sub-daily rules are refused before iterating; for daily and coarser rules ical.js calls these
  // once per step alongside next_day, so they carry no weight of their own.
  next_second: 0,
  next_minute: 0,
  next_hour: 0,
  next_day: 1,
  next_week: 1,
  next_month: 5,
  next_year: 50,
  increment_year: 50,
};

interface Budget {
  left: number;
  deadline: number;
}

let activeBudget: Budget | null = null;

function installMeter(): void {
  const proto = ICAL.RecurIterator.prototype as unknown as Record<string, unknown> & { __gtaMetered?: boolean };
  if (proto.__gtaMetered) return;
  proto.__gtaMetered = true;
  for (const [name, weight] of Object.entries(METERED)) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const budget = activeBudget;
      if (budget && ((budget.left -= weight) < 0 || Date.now() > budget.deadline)) throw new BudgetExceeded();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

/**
 * A daily or weekly series that began long before the window (a rotation set up in 2012) starts
 * stepping from its last whole period before the window instead of from DTSTART: same occurrences,
 * a fraction of the work. Not with COUNT (it counts from DTSTART) or BYSETPOS.
 */
function fastForward(recur: InstanceType<typeof ICAL.Recur>, start: DateValue, windowStart: number): WallClock {
  const periodDays = recur.freq === 'DAILY' ? recur.interval || 1 : recur.freq === 'WEEKLY' ? 7 * (recur.interval || 1) : 0;
  const parts = (recur.parts ?? {}) as Record<string, unknown>;
  const keys = Object.keys(parts).filter((k) => Array.isArray(parts[k]) && (parts[k] as unknown[]).length > 0);
  // DTSTART is always the first instance, even when the rule would not produce it; a shifted start
  // must therefore be one the rule itself produces: no BY parts, or only BYDAY naming its weekday.
  const weekday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][isoWeekdayOfDay(dateKey(start.wall)) - 1];
  const simple = keys.length === 0 || (keys.length === 1 && keys[0] === 'BYDAY' && (parts.BYDAY as string[]).includes(weekday));
  if (!periodDays || recur.count || !simple) return start.wall;
  const from = dateKey(start.wall);
  // A week of margin: the zone's offset and multi-day events starting before the window.
  const target = Math.floor(windowStart / DAY_MS) - 14;
  if (!(target > from)) return start.wall;
  const shift = Math.floor((target - from) / periodDays) * periodDays;
  const date = fromDayNumber(from + shift);
  const [year, month, day] = date.split('-').map(Number);
  return { ...start.wall, year, month, day };
}

/**
 * Steps the RRULE in the series' wall clock and reports each start, within the shared budget.
 * Throws BudgetExceeded when the budget runs out (the starts emitted so far stand).
 */
export function expandRule(
  rrule: Property,
  start: DateValue,
  windowStart: number,
  windowEnd: number,
  budget: ExpansionBudget,
  emit: (wall: WallClock) => void,
): void {
  const recur = rrule.getFirstValue() as InstanceType<typeof ICAL.Recur>;
  if (!(recur instanceof ICAL.Recur)) return;
  // A duty rotation never repeats more often than daily; finer rules are only a way to burn CPU.
  if (/^(SECONDLY|MINUTELY|HOURLY)$/.test(recur.freq)) throw new BudgetExceeded();
  // The wall clock is stepped as if it were UTC: UTC has no DST jumps, so 09:00 stays 09:00, and
  // ical.js compares UTC times faster than floating ones.
  const wallZone = ICAL.Timezone.utcTimezone;
  const first = fastForward(recur, start, windowStart);
  const floating = new ICAL.Time({ ...first, isDate: start.isDate }, wallZone);
  if (recur.until) {
    // UNTIL is usually UTC ("…Z"): compare it in the series' wall clock, inclusive to the end of its day
    // when it is a bare date on a timed series.
    const until = recur.until;
    let wall: WallClock;
    if (until.isDate) wall = { ...wallOf(until), hour: 23, minute: 59, second: 59 };
    else if (until.zone === ICAL.Timezone.utcTimezone) wall = start.zone.toWall(UTC_ZONE.toInstant(wallOf(until)));
    else wall = wallOf(until);
    recur.until = new ICAL.Time({ ...wall, isDate: start.isDate }, wallZone);
  }
  installMeter();
  const meter: Budget = { left: Math.min(STEP_BUDGET_PER_EVENT, budget.total), deadline: budget.deadline };
  activeBudget = meter;
  try {
    const iterator = recur.iterator(floating);
    for (let next = iterator.next(); next; next = iterator.next()) {
      const wall = wallOf(next);
      const instant = start.isDate ? dateKey(wall) * DAY_MS : start.zone.toInstant(wall);
      if (instant > windowEnd) return;
      emit(wall);
    }
  } finally {
    activeBudget = null;
    budget.total -= Math.min(STEP_BUDGET_PER_EVENT, budget.total) - Math.max(0, meter.left);
  }
}
