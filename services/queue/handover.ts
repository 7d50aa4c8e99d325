/**
 * The per-person loads and the hand-over split published with each good check, and their rebuild
 * from Dexie when a dead worker's check is recovered. Unknown (absent) rather than wrong: when the
 * history cannot be read, the split is left out.
 */
import type { QueueDb, QueueTicketRecord } from '../../utils/db/queue-db';
import { splitHandover, type DutyWeekBounds, type HandoverSummary } from '../../utils/queue/handover';
import { weekStartOf } from '../../utils/queue/report';
import { assigneeLoads } from '../../utils/queue/state';
import { addDays } from '../../utils/time';
import { zonedInstant } from '../../utils/time/instant';

/** The duty week holding `now`: Monday 00:00 to the next Monday 00:00 in the team's zone. */
export function dutyWeekBounds(now: number, timeZone: string): DutyWeekBounds | null {
  const weekStart = weekStartOf(now, timeZone);
  const weekStartAt = zonedInstant(weekStart, 0, timeZone);
  const nextWeekStartAt = zonedInstant(addDays(weekStart, 7), 0, timeZone);
  if (!Number.isFinite(weekStartAt) || !Number.isFinite(nextWeekStartAt)) return null;
  return { weekStart, weekStartAt, nextWeekStartAt };
}

/** The split of these untriaged ids (those of the check just recorded), from their history records. */
export async function handoverFromDb(db: QueueDb, untriagedIds: readonly number[], now: number, timeZone: string): Promise<HandoverSummary | null> {
  const week = dutyWeekBounds(now, timeZone);
  if (!week) return null;
  const records = await db.tickets.bulkGet([...untriagedIds]);
  const found = records.filter((r): r is QueueTicketRecord => r !== undefined);
  // A ticket of the check without a record: its arrival is unknown, so the split would be a guess.
  if (found.length !== untriagedIds.length) return null;
  return splitHandover(found, week);
}

/** Loads from history records (the open ones: the last good check's list). */
export function loadsOfRecords(open: readonly QueueTicketRecord[], softwareAssignees: readonly string[]): Record<string, number> {
  return assigneeLoads(open, softwareAssignees);
}
