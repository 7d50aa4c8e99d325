/**
 * Local history of the Software queue (IndexedDB via Dexie), database `gta-queue`.
 *
 * - tickets: one record per ticket id ever seen on `/list/open` — the last seen fields and
 *   classification, plus first seen / first seen untriaged / left triage / gone (closed) times.
 * - checks: one record per check (ok, signed-out, error, offline, interrupted) with counts and ids.
 * - meta: small key/value facts (e.g. the silent baseline has happened).
 *
 * Every check is written in ONE transaction, so a service worker killed mid-check leaves either the
 * previous snapshot or the new one, never half of each. Versions are append-only: add a new
 * `this.version(n)` with an upgrade, never edit a shipped one (tests/unit/queue/queue-db.test.ts
 * upgrades from every shipped version). No browser extension APIs here.
 *
 * This file is the schema and the shared connection, and the entry point for importers: the record
 * shapes are in queue-records.ts, the one-transaction check writes in queue-history-writes.ts, the
 * reads in queue-history-reads.ts.
 */
import Dexie, { type Table } from 'dexie';
import { QUEUE_DB_NAME } from './queue-read';
import type { MetaRecord, QueueCheckRecord, QueueTicketRecord } from './queue-records';

export { QUEUE_DB_NAME };
export * from './queue-records';
export * from './queue-history-writes';
export * from './queue-history-reads';

export class QueueDb extends Dexie {
  tickets!: Table<QueueTicketRecord, number>;
  checks!: Table<QueueCheckRecord, number>;
  meta!: Table<MetaRecord, string>;

  constructor(name = QUEUE_DB_NAME) {
    super(name);
    this.version(1).stores({
      tickets: 'id, goneAt, firstSeenUntriaged',
      checks: '++seq, at, state',
      meta: 'key',
    });
  }
}

let shared: QueueDb | null = null;

/**
 * The shared connection. If the database was closed under us (another context upgraded it, or the
 * worker woke with a dead handle), a fresh connection is opened instead of failing.
 */
export function queueDb(): QueueDb {
  if (!shared || (!shared.isOpen() && shared.hasBeenClosed())) {
    shared = new QueueDb();
    shared.on('versionchange', () => {
      // Let a newer version of the extension upgrade; the next call reopens.
      shared?.close();
      shared = null;
    });
  }
  return shared;
}
