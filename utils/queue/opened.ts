/**
 * "The queue was looked at today" (the popup or the list page was opened), which holds the midday
 * nudge back (services/queue/nudge.ts). Today is the team's day (its time zone).
 */
import { dateIn } from '../time';

export function openedToday(lastOpenedAt: number | null, now: number, timeZone: string): boolean {
  return lastOpenedAt !== null && lastOpenedAt > 0 && dateIn(lastOpenedAt, timeZone) === dateIn(now, timeZone);
}
