/**
 * Who is on triage duty: pure functions over the synced weeks, the user's overrides and the
 * holidays, with `now` passed in. Duty weeks run Monday–Friday in the team's time zone; nobody is on
 * duty on Saturday, Sunday or a holiday; an override for a week always wins over the source.
 */
import { addDays, dateIn, isIsoDate, isWeekend, mondayOf, type IsoDate } from '../time';
import type { RotationWeek } from './types';
import { weekKeyForStart } from './weeks';

export interface OverrideLike {
  week: string;
  person: string;
}

export interface RotationInput {
  weeks: readonly RotationWeek[];
  overrides?: readonly OverrideLike[];
  holidays?: readonly string[];
}

export interface EffectiveWeek {
  week: IsoDate;
  /** null = an override cleared this week (nobody on duty). */
  person: string | null;
  email?: string;
  origin: 'source' | 'override';
}

/** A prepared rotation: look-ups are O(1), so a three-year sweep stays cheap. */
export interface Rotation {
  byWeek: Map<IsoDate, EffectiveWeek>;
  holidays: Set<IsoDate>;
}

export function buildRotation(input: RotationInput): Rotation {
  const byWeek = new Map<IsoDate, EffectiveWeek>();
  for (const w of input.weeks) {
    if (!isIsoDate(w.week)) continue;
    const week = mondayOf(w.week);
    byWeek.set(week, { week, person: w.person, ...(w.email ? { email: w.email } : {}), origin: 'source' });
  }
  // Later overrides of the same week win over earlier ones (the options page appends).
  for (const o of input.overrides ?? []) {
    if (!isIsoDate(o.week)) continue;
    const week = weekKeyForStart(o.week);
    const person = o.person.trim();
    byWeek.set(week, { week, person: person === '' ? null : person, origin: 'override' });
  }
  return { byWeek, holidays: new Set(input.holidays?.filter(isIsoDate)) };
}

export type DutyDay =
  | { kind: 'duty'; date: IsoDate; week: IsoDate; person: string; email?: string; origin: 'source' | 'override' }
  | { kind: 'weekend'; date: IsoDate }
  | { kind: 'holiday'; date: IsoDate; week: IsoDate }
  /** A weekday with nobody in the rotation (not listed, or cleared by an override). */
  | { kind: 'gap'; date: IsoDate; week: IsoDate };

export function weekOf(rotation: Rotation, week: IsoDate): EffectiveWeek | undefined {
  return rotation.byWeek.get(mondayOf(week));
}

/** The duty situation on a calendar date (in the team's zone). */
export function dutyOn(rotation: Rotation, date: IsoDate): DutyDay {
  if (isWeekend(date)) return { kind: 'weekend', date };
  const week = mondayOf(date);
  if (rotation.holidays.has(date)) return { kind: 'holiday', date, week };
  const entry = rotation.byWeek.get(week);
  if (!entry || entry.person === null) return { kind: 'gap', date, week };
  return {
    kind: 'duty',
    date,
    week,
    person: entry.person,
    ...(entry.email ? { email: entry.email } : {}),
    origin: entry.origin,
  };
}

/** The one person on duty on a date, or null (weekend, holiday, gap). */
export function personOnDuty(rotation: Rotation, date: IsoDate): string | null {
  const day = dutyOn(rotation, date);
  return day.kind === 'duty' ? day.person : null;
}

export interface WeekView {
  monday: IsoDate;
  friday: IsoDate;
  person: string | null;
  email?: string;
  origin: 'source' | 'override' | null;
}

export interface DutySummary {
  /** Today in the team's zone. */
  today: IsoDate;
  day: DutyDay;
  /** The week holding today (on a weekend: the week that just ended). */
  thisWeek: WeekView;
  /** The week starting next Monday: on a weekend, the one that takes over on Monday. */
  nextWeek: WeekView;
}

export function weekView(rotation: Rotation, monday: IsoDate): WeekView {
  const entry = rotation.byWeek.get(monday);
  return {
    monday,
    friday: addDays(monday, 4),
    person: entry?.person ?? null,
    ...(entry?.email ? { email: entry.email } : {}),
    origin: entry ? entry.origin : null,
  };
}

export function dutySummary(rotation: Rotation, now: number, timeZone: string): DutySummary {
  const today = dateIn(now, timeZone);
  const monday = mondayOf(today);
  return {
    today,
    day: dutyOn(rotation, today),
    thisWeek: weekView(rotation, monday),
    nextWeek: weekView(rotation, addDays(monday, 7)),
  };
}

/** Effective weeks from `from` (inclusive), sorted, at most `limit`. */
export function upcomingWeeks(rotation: Rotation, from: IsoDate, limit = Infinity): EffectiveWeek[] {
  const start = mondayOf(from);
  return [...rotation.byWeek.values()]
    .filter((w) => w.week >= start)
    .sort((a, b) => (a.week < b.week ? -1 : 1))
    .slice(0, limit);
}

/**
 * Swapping two weeks = two overrides carrying each other's person, so the swap survives every
 * re-sync of the source. Returns the overrides to append.
 */
export function swapOverrides(rotation: Rotation, weekA: IsoDate, weekB: IsoDate): OverrideLike[] {
  const a = weekKeyForStart(weekA);
  const b = weekKeyForStart(weekB);
  const personA = rotation.byWeek.get(a)?.person ?? '';
  const personB = rotation.byWeek.get(b)?.person ?? '';
  return [
    { week: a, person: personB },
    { week: b, person: personA },
  ];
}
