/** Reading the queue history through Dexie (the popup reads tickets without it: queue-read.ts). */
import type { QueueDb } from './queue-db';
import type { QueueCheckRecord, QueueTicketRecord } from './queue-records';

/** Tickets on the open list at the last good check. */
export async function openTickets(db: QueueDb): Promise<QueueTicketRecord[]> {
  return db.tickets.filter((t) => t.goneAt === null).toArray();
}

export async function lastCheck(db: QueueDb): Promise<QueueCheckRecord | undefined> {
  return db.checks.orderBy('seq').last();
}

export async function lastGoodCheck(db: QueueDb): Promise<QueueCheckRecord | undefined> {
  return db.checks.where('state').equals('ok').last();
}

export async function hasBaseline(db: QueueDb): Promise<boolean> {
  return (await db.meta.get('baselineAt')) !== undefined;
}
