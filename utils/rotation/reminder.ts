/**
 * When the weekly "You are on triage duty" reminder is due. Pure: `now` is passed in.
 * The reminder belongs to the first working day of the duty week (Monday, or the next weekday when
 * Monday is a holiday) at the start of work hours in the team's zone; a browser started later that
 * day still gets it, once per week; never on weekends or holidays.
 */
import { addDays, dateIn, isWeekend, minutesIn, mondayOf, workHours, type IsoDate } from '../time';
import { zonedInstant } from '../time/instant';
import { isMe, type IdentityLike, type TeamMemberLike } from './identity-match';
import { dutyOn, type Rotation } from './schedule';

/** The first weekday of a duty week that is not a holiday; null if the whole week is off. */
export function reminderDay(monday: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate | null {
  for (let i = 0; i < 5; i++) {
    const day = addDays(monday, i);
    if (!holidays.has(day)) return day;
  }
  return null;
}

export interface ReminderContext {
  rotation: Rotation;
  timeZone: string;
  /** "09:00" */
  workStart: string;
  identity: IdentityLike;
  team: readonly TeamMemberLike[];
  /** The week (Monday) the last reminder was shown for. */
  lastRemindedWeek: IsoDate | null;
}

export type ReminderDecision =
  | { due: true; week: IsoDate; person: string }
  | { due: false; reason: 'weekend' | 'holiday' | 'not-reminder-day' | 'too-early' | 'already-sent' | 'nobody' | 'not-me' };

export function reminderDue(now: number, ctx: ReminderContext): ReminderDecision {
  const today = dateIn(now, ctx.timeZone);
  if (isWeekend(today)) return { due: false, reason: 'weekend' };
  if (ctx.rotation.holidays.has(today)) return { due: false, reason: 'holiday' };
  const week = mondayOf(today);
  if (reminderDay(week, ctx.rotation.holidays) !== today) return { due: false, reason: 'not-reminder-day' };
  if (minutesIn(now, ctx.timeZone) < workHours(ctx.workStart).start) return { due: false, reason: 'too-early' };
  if (ctx.lastRemindedWeek === week) return { due: false, reason: 'already-sent' };
  const day = dutyOn(ctx.rotation, today);
  if (day.kind !== 'duty') return { due: false, reason: 'nobody' };
  if (!isMe(day.person, ctx.identity, ctx.team, day.email)) return { due: false, reason: 'not-me' };
  return { due: true, week, person: day.person };
}

/**
 * The next instant (after `now`) at which a reminder could be due: work start on a week's
 * reminder day, in the team's zone. Searches up to a year ahead; null if every day is a holiday.
 */
export function nextReminderAt(now: number, timeZone: string, workStart: string, holidays: ReadonlySet<IsoDate>): number | null {
  const { start } = workHours(workStart);
  let monday = mondayOf(dateIn(now, timeZone));
  for (let i = 0; i < 53; i++, monday = addDays(monday, 7)) {
    const day = reminderDay(monday, holidays);
    if (!day) continue;
    const at = zonedInstant(day, start, timeZone);
    if (at > now) return at;
  }
  return null;
}

export interface ReminderText {
  title: string;
  message: string;
}

export function reminderText(untriaged: number | null | undefined): ReminderText {
  const count =
    typeof untriaged === 'number' && untriaged >= 0
      ? ` ${untriaged === 0 ? 'No' : untriaged} untriaged ticket${untriaged === 1 ? '' : 's'} in the software queue.`
      : '';
  return {
    title: 'You are on triage duty this week',
    message: `Check the software queue at least twice a day, Monday to Friday.${count}`,
  };
}
