/**
 * The synced triage rotation (IndexedDB via Dexie), database `gta-rotation`.
 *
 * - weeks: one record per duty week from the last GOOD sync (Monday → person).
 * - status: one record (`id: 'sync'`): last attempt, last good sync, its source and format, the
 *   current error in words.
 *
 * A good sync replaces the weeks and the status in ONE transaction; a failed sync only touches the
 * status, so nothing already synced is ever lost by a bad fetch. Versions are append-only: add an
 * entry to ROTATION_DB_VERSIONS with an upgrade, never edit a shipped one
 * (tests/unit/rotation/rotation-db.test.ts opens every shipped version and upgrades it).
 * No browser extension APIs here.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { RotationWeek, SourceFormat } from '../rotation/types';
import { EMPTY_SYNC_STATUS } from '../rotation/cache';

export const ROTATION_DB_NAME = 'gta-rotation';

export interface SyncStatus {
  id: 'sync';
  /** The source of the last attempt. */
  source: string;
  lastAttemptAt: number | null;
  /** When the weeks now stored were fetched. */
  lastGoodAt: number | null;
  /** The URL the stored weeks came from (may differ from `source` after a failed change). */
  lastGoodSource: string | null;
  format: SourceFormat | null;
  weekCount: number;
  warnings: string[];
  /** The last attempt's problem in words; null when it succeeded. */
  error: string | null;
  errorAt: number | null;
}

export const EMPTY_STATUS: SyncStatus = { id: 'sync', ...EMPTY_SYNC_STATUS };

export interface RotationDbVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** Every shipped schema, oldest first. Append only. */
export const ROTATION_DB_VERSIONS: RotationDbVersion[] = [{ version: 1, stores: { weeks: 'week', status: 'id' } }];

export const ROTATION_DB_LATEST = ROTATION_DB_VERSIONS[ROTATION_DB_VERSIONS.length - 1].version;

export class RotationDb extends Dexie {
  weeks!: Table<RotationWeek, string>;
  status!: Table<SyncStatus, string>;

  /** `upTo` opens an older schema: only for upgrade tests. */
  constructor(name = ROTATION_DB_NAME, upTo = ROTATION_DB_LATEST) {
    super(name);
    for (const v of ROTATION_DB_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: RotationDb | null = null;

/**
 * The shared connection. If it was closed under us (another context upgraded the database, or the
 * worker woke with a dead handle), a fresh one is opened instead of failing.
 */
export function rotationDb(): RotationDb {
  if (!shared || (!shared.isOpen() && shared.hasBeenClosed())) {
    const db = new RotationDb();
    db.on('versionchange', () => {
      db.close();
      if (shared === db) shared = null;
    });
    shared = db;
  }
  return shared;
}

export interface StoredRotation {
  weeks: RotationWeek[];
  status: SyncStatus;
}

export async function readRotation(db: RotationDb): Promise<StoredRotation> {
  return db.transaction('r', db.weeks, db.status, async () => {
    const [weeks, status] = await Promise.all([db.weeks.orderBy('week').toArray(), db.status.get('sync')]);
    return { weeks, status: { ...EMPTY_STATUS, ...(status ?? {}) } };
  });
}

export interface GoodSync {
  at: number;
  source: string;
  format: SourceFormat;
  weeks: RotationWeek[];
  warnings: string[];
}

/** The status a good sync leaves behind (also used by the storage.local fallback). */
export function goodSyncStatus(sync: GoodSync): SyncStatus {
  return {
    id: 'sync',
    source: sync.source,
    lastAttemptAt: sync.at,
    lastGoodAt: sync.at,
    lastGoodSource: sync.source,
    format: sync.format,
    weekCount: sync.weeks.length,
    warnings: sync.warnings.slice(0, 20),
    error: null,
    errorAt: null,
  };
}

/** Replaces the stored weeks and marks the sync good, atomically. */
export async function recordGoodSync(db: RotationDb, sync: GoodSync): Promise<SyncStatus> {
  return db.transaction('rw', db.weeks, db.status, async () => {
    const status = goodSyncStatus(sync);
    await db.weeks.clear();
    await db.weeks.bulkPut(sync.weeks.map((w) => ({ week: w.week, person: w.person, ...(w.email ? { email: w.email } : {}) })));
    await db.status.put(status);
    return status;
  });
}

/** Records a failed attempt; the stored weeks are left exactly as they were. */
export async function recordFailedSync(db: RotationDb, failure: { at: number; source: string; error: string }): Promise<SyncStatus> {
  return db.transaction('rw', db.status, async () => {
    const old = { ...EMPTY_STATUS, ...((await db.status.get('sync')) ?? {}) };
    const status: SyncStatus = { ...old, source: failure.source, lastAttemptAt: failure.at, error: failure.error, errorAt: failure.at };
    await db.status.put(status);
    return status;
  });
}

/** Records that no source is configured (the stored weeks stay for overrides and export). */
export async function recordNoSource(db: RotationDb, at: number): Promise<SyncStatus> {
  return db.transaction('rw', db.status, async () => {
    const old = { ...EMPTY_STATUS, ...((await db.status.get('sync')) ?? {}) };
    const status: SyncStatus = { ...old, source: '', lastAttemptAt: at, error: null, errorAt: null };
    await db.status.put(status);
    return status;
  });
}
