/**
 * Where the synced rotation lives: Dexie (`gta-rotation`) as the source of truth, mirrored to
 * storage.local (`rotation.cache`) for content scripts. When IndexedDB cannot be opened (Firefox
 * with history disabled, a broken profile), the storage.local copy is used instead and the status
 * says so.
 */
import {
  EMPTY_STATUS,
  readRotation,
  recordFailedSync,
  goodSyncStatus,
  recordGoodSync,
  recordNoSource,
  rotationDb,
  type GoodSync,
  type SyncStatus,
} from '../../utils/db/rotation-db';
import type { RotationCache } from '../../utils/rotation/cache';
import type { RotationWeek } from '../../utils/rotation/types';
import { getItem, setItem, STORED, type StorageLike } from '../../utils/storage-items';

export interface Stored {
  weeks: RotationWeek[];
  status: SyncStatus;
  storage: 'indexeddb' | 'storage.local';
}

async function readCache(store: StorageLike): Promise<RotationCache> {
  return getItem(store, STORED.rotationCache);
}

async function writeCache(store: StorageLike, stored: Stored): Promise<void> {
  const { id: _id, ...status } = stored.status;
  await setItem(store, STORED.rotationCache, { weeks: stored.weeks, status, storage: stored.storage });
}

function fromCache(cache: RotationCache): Stored {
  return { weeks: cache.weeks, status: { ...EMPTY_STATUS, ...cache.status, id: 'sync' }, storage: 'storage.local' };
}

function logFallback(error: unknown): void {
  console.warn('[GOC Ticket Assistant] rotation: IndexedDB unavailable, using storage.local', error);
}

export async function loadStored(store: StorageLike): Promise<Stored> {
  try {
    const { weeks, status } = await readRotation(rotationDb());
    return { weeks, status, storage: 'indexeddb' };
  } catch (error) {
    logFallback(error);
    return fromCache(await readCache(store));
  }
}

/** Publishes the stored rotation to storage.local (content scripts read it there). */
export async function publish(store: StorageLike, stored?: Stored): Promise<Stored> {
  const s = stored ?? (await loadStored(store));
  await writeCache(store, s);
  return s;
}

export async function saveGood(store: StorageLike, sync: GoodSync): Promise<Stored> {
  try {
    const status = await recordGoodSync(rotationDb(), sync);
    return publish(store, { weeks: sync.weeks, status, storage: 'indexeddb' });
  } catch (error) {
    logFallback(error);
    const status = goodSyncStatus(sync);
    return publish(store, { weeks: sync.weeks, status, storage: 'storage.local' });
  }
}

export async function saveFailure(store: StorageLike, failure: { at: number; source: string; error: string }): Promise<Stored> {
  try {
    await recordFailedSync(rotationDb(), failure);
    return publish(store, await loadStored(store));
  } catch (error) {
    logFallback(error);
    const old = fromCache(await readCache(store));
    return publish(store, {
      ...old,
      status: { ...old.status, source: failure.source, lastAttemptAt: failure.at, error: failure.error, errorAt: failure.at },
    });
  }
}

/**
 * The status while a fetched body is parsed: the attempt is recorded, and worded as an unfinished
 * one. The parse is synchronous; if the worker is killed during it, this is what stays, so the next
 * wake waits a full period like after a failed fetch instead of starting the same parse again.
 */
export const UNFINISHED_PARSE =
  'The last sync did not finish reading the source (the worker stopped while parsing it: the feed may be too large or malformed); the last good rotation is kept.';

export async function saveAttempt(store: StorageLike, attempt: { at: number; source: string }): Promise<Stored> {
  return saveFailure(store, { ...attempt, error: UNFINISHED_PARSE });
}

export async function saveNoSource(store: StorageLike, at: number): Promise<Stored> {
  try {
    await recordNoSource(rotationDb(), at);
    return publish(store, await loadStored(store));
  } catch (error) {
    logFallback(error);
    const old = fromCache(await readCache(store));
    return publish(store, { ...old, status: { ...old.status, source: '', lastAttemptAt: at, error: null, errorAt: null } });
  }
}
