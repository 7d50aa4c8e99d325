/**
 * "The queue was looked at today" (the popup or the list page was opened), which holds the midday
 * nudge back (services/queue/nudge.ts). Today is the team's day (its time zone).
 */
import { getItem, setItem, STORED, type StorageLike } from '../storage-items';
import { dateIn } from '../time';

export function openedToday(lastOpenedAt: number | null, now: number, timeZone: string): boolean {
  return lastOpenedAt !== null && lastOpenedAt > 0 && dateIn(lastOpenedAt, timeZone) === dateIn(now, timeZone);
}

/**
 * Records a look at the queue, once per team day: the nudge only asks "today?", and every write
 * wakes the background's storage listeners for nothing. Returns whether it wrote.
 */
export async function markOpenedToday(store: StorageLike, timeZone: string, now: number): Promise<boolean> {
  if (openedToday(await getItem(store, STORED.queueLastOpenedAt), now, timeZone)) return false;
  await setItem(store, STORED.queueLastOpenedAt, now);
  return true;
}
