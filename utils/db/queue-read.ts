/**
 * Read-only access to the `gta-queue` ticket records with the bare IndexedDB API, for the popup:
 * Dexie is ~95 KB of script, most of the popup's start-up cost, and the popup only reads a few
 * records by id. The schema itself (and every write) stays in queue-db.ts (Dexie).
 * Never creates or upgrades the database; a missing database reads as empty.
 */
import type { QueueTicketRecord } from './queue-records';

export const QUEUE_DB_NAME = 'gta-queue';
export const TICKETS_STORE = 'tickets';

function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(QUEUE_DB_NAME);
    } catch (error) {
      reject(error);
      return;
    }
    // The database does not exist yet: do not create it (Dexie will, with its schema).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      if (request.error?.name === 'AbortError') resolve(null);
      else reject(request.error);
    };
    request.onblocked = () => reject(new Error('the queue history is being upgraded; try again'));
  });
}

/**
 * Ticket records by id (ids without a record are left out), or every open ticket when `ids` is
 * null. Resolves to [] when there is no history yet.
 */
export async function readQueueTickets(ids: readonly number[] | null): Promise<QueueTicketRecord[]> {
  const db = await openExisting();
  if (!db) return [];
  try {
    if (!db.objectStoreNames.contains(TICKETS_STORE)) return [];
    const store = db.transaction(TICKETS_STORE, 'readonly').objectStore(TICKETS_STORE);
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    if (ids === null) {
      const all = (await request(store.getAll())) as QueueTicketRecord[];
      return all.filter((t) => t.goneAt === null);
    }
    const found = await Promise.all(ids.map((id) => request(store.get(id)) as Promise<QueueTicketRecord | undefined>));
    return found.filter((t): t is QueueTicketRecord => t !== undefined);
  } finally {
    db.close();
  }
}
