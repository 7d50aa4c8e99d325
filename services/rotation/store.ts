/**
 * Where the synced rotation lives: Dexie (`gta-rotation`) as the source of truth, mirrored to
 * storage.local (`rotation.cache`) for content scripts. When IndexedDB cannot be opened (Firefox
 * with history disabled, a broken profile), the storage.local copy is used instead and the status
 * says so.
 */
import { browser } from 'wxt/browser';
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
import { asRotationCache, ROTATION_KEYS, type RotationCache } from '../../utils/rotation/cache';
import type { RotationWeek } from '../../utils/rotation/types';

export interface Stored {
  weeks: RotationWeek[];
  status: SyncStatus;
  storage: 'indexeddb' | 'storage.local';
}

async function readCache(): Promise<RotationCache> {
  const got = await browser.storage.local.get(ROTATION_KEYS.cache);
  return asRotationCache((got as Record<string, unknown>)[ROTATION_KEYS.cache]);
}

async function writeCache(stored: Stored): Promise<void> {
  const { id: _id, ...status } = stored.status;
  const cache: RotationCache = { weeks: stored.weeks, status, storage: stored.storage };
  await browser.storage.local.set({ [ROTATION_KEYS.cache]: cache });
}

function fromCache(cache: RotationCache): Stored {
  return { weeks: cache.weeks, status: { ...EMPTY_STATUS, ...cache.status, id: 'sync' }, storage: 'storage.local' };
}

function logFallback(error: unknown): void {
  console.warn('[GOC Ticket Assistant] rotation: IndexedDB unavailable, using storage.local', error);
}

export async function loadStored(): Promise<Stored> {
  try {
    const { weeks, status } = await readRotation(rotationDb());
    return { weeks, status, storage: 'indexeddb' };
  } catch (error) {
    logFallback(error);
    return fromCache(await readCache());
  }
}

/** Publishes the stored rotation to storage.local (content scripts read it there). */
export async function publish(stored?: Stored): Promise<Stored> {
  const s = stored ?? (await loadStored());
  await writeCache(s);
  return s;
}

export async function saveGood(sync: GoodSync): Promise<Stored> {
  try {
    const status = await recordGoodSync(rotationDb(), sync);
    return publish({ weeks: sync.weeks, status, storage: 'indexeddb' });
  } catch (error) {
    logFallback(error);
    const status = goodSyncStatus(sync);
    return publish({ weeks: sync.weeks, status, storage: 'storage.local' });
  }
}

export async function saveFailure(failure: { at: number; source: string; error: string }): Promise<Stored> {
  try {
    await recordFailedSync(rotationDb(), failure);
    return publish(await loadStored());
  } catch (error) {
    logFallback(error);
    const old = fromCache(await readCache());
    return publish({
      ...old,
      status: { ...old.status, source: failure.source, lastAttemptAt: failure.at, error: failure.error, errorAt: failure.at },
    });
  }
}

export async function saveNoSource(at: number): Promise<Stored> {
  try {
    await recordNoSource(rotationDb(), at);
    return publish(await loadStored());
  } catch (error) {
    logFallback(error);
    const old = fromCache(await readCache());
    return publish({ ...old, status: { ...old.status, source: '', lastAttemptAt: at, error: null, errorAt: null } });
  }
}
