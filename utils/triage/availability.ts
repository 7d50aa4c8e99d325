/**
 * Who is on triage duty today and who is away, for the triage panel's owner list. From the same
 * data as the duty banner (the rotation service's published weeks, the user's overrides and the
 * team's holidays; utils/rotation/schedule.ts), with `now` passed in. Pure.
 *
 * "Away" is what the rotation can tell: the person the source puts on duty this week when an
 * override gives the week to someone else (or to nobody), and everyone on a team holiday.
 */
import { buildRotation, dutySummary, type OverrideLike } from '../rotation/schedule';
import type { RotationWeek } from '../rotation/types';
import { sameDisplayName } from '../experts';
import { isIsoDate, mondayOf, type IsoDate } from '../time';

export type AwayReason = 'override' | 'holiday';

export interface Availability {
  today: IsoDate;
  /** Today's duty person (null on weekends, holidays and gaps). */
  onDuty: string | null;
  /** This week's person even when today has none (weekend, holiday). */
  dutyThisWeek: string | null;
  /** Today is one of the team's holidays. */
  holiday: boolean;
  /** People moved off this week's duty by an override. */
  movedAway: string[];
}

export interface AvailabilityInput {
  now: number;
  timeZone: string;
  weeks: readonly RotationWeek[];
  overrides?: readonly OverrideLike[];
  holidays?: readonly string[];
}

export function availability(input: AvailabilityInput): Availability {
  const holidays = (input.holidays ?? []).filter(isIsoDate);
  const rotation = buildRotation({ weeks: input.weeks, overrides: input.overrides ?? [], holidays });
  const summary = dutySummary(rotation, input.now, input.timeZone);
  const today = summary.today;
  const monday = mondayOf(today);
  const movedAway: string[] = [];
  // The source's own person for this week, before overrides.
  const source = buildRotation({ weeks: input.weeks }).byWeek.get(monday);
  const effective = rotation.byWeek.get(monday);
  if (source?.person && effective?.origin === 'override' && !sameDisplayName(effective.person ?? '', source.person)) {
    movedAway.push(source.person);
  }
  return {
    today,
    onDuty: summary.day.kind === 'duty' ? summary.day.person : null,
    dutyThisWeek: summary.thisWeek.person,
    holiday: summary.day.kind === 'holiday',
    movedAway,
  };
}
