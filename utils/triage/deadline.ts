/**
 * Next Action Deadline presets of the triage panel: "+N working days" from today in the team's time
 * zone (settings `rotation.timeZone`), skipping weekends and `rotation.holidays`, written the way the
 * editor's jQuery UI datepicker writes `input[name=nad]` (`dateFormat: "yy-mm-dd"`, where `yy` is the
 * FOUR-digit year: 2026-12-03; docs/goc-pages.md §8). Pure: `now` is an argument.
 */
import { addWorkingDays, dateIn, isIsoDate, type Holidays, type IsoDate } from '../time';

/** The preset buttons, in working days. */
export const DEADLINE_PRESET_DAYS = [1, 2, 5] as const;

export interface DeadlineRules {
  /** The team's IANA zone; an unknown one reads as UTC (dateIn's rule). */
  timeZone: string;
  holidays?: Holidays;
}

export interface DeadlinePreset {
  days: number;
  /** `YYYY-MM-DD`, as the datepicker writes it. */
  date: IsoDate;
  /** "+2" */
  label: string;
}

/** Today's date in the team's zone. */
export function teamToday(now: Date | number, rules: DeadlineRules): IsoDate {
  return dateIn(now, rules.timeZone);
}

/**
 * The date `workingDays` working days after today (team zone). Today itself never counts, so on a
 * Friday +1 is the Monday, and on a Saturday +1 is also the Monday.
 */
export function deadlineAfter(now: Date | number, workingDays: number, rules: DeadlineRules): IsoDate {
  const holidays = (rules.holidays ?? []) as Holidays;
  return addWorkingDays(teamToday(now, rules), workingDays, Array.isArray(holidays) ? holidays.filter(isIsoDate) : holidays);
}

export function deadlinePresets(now: Date | number, rules: DeadlineRules, days: readonly number[] = DEADLINE_PRESET_DAYS): DeadlinePreset[] {
  return days.map((n) => ({ days: n, date: deadlineAfter(now, n, rules), label: `+${n}` }));
}

/**
 * A deadline typed by the user, as the field will hold it: `YYYY-MM-DD` (a real calendar date), or
 * null when it is not one. Surrounding spaces are dropped; nothing else is guessed.
 */
export function normalizeNad(text: string): IsoDate | null {
  const value = String(text ?? '').trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value) ? value : null;
}
