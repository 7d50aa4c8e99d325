/**
 * What every part of the queue service shares: its outside world (injectable for tests) and the
 * little state that lives in this worker only (a running check, the browser-start grey badge).
 * Everything else lives in storage.local and Dexie: the worker may be killed between any two awaits.
 */
import { browser } from 'wxt/browser';
import { queueDb, type QueueDb } from '../../utils/db/queue-db';
import type { QueueLatest } from '../../utils/queue/state';
import type { Settings } from '../../utils/settings';
import { getItem, STORED, type StorageLike } from '../../utils/storage-items';
import { loadSettings } from '../settings-store';
import { queueClock, type RealClock, type ServiceClock } from '../shared/clock';
import type { FetchLike } from '../shared/fetch-capped';

export interface QueueServiceDeps {
  fetchImpl?: FetchLike;
  /** Real time; the `debug.queueClockOffsetMs` hook is added on top. */
  clock?: RealClock;
  db?: () => QueueDb;
  onDuty?: (settings: Settings, now: number) => Promise<boolean>;
  isFirefox?: boolean;
  getSettings?: () => Promise<Settings>;
}

export interface QueueContext {
  /** Tells this worker's in-flight marker from a dead one's. */
  readonly instance: string;
  readonly storage: StorageLike;
  readonly isFirefox: boolean;
  readonly fetchImpl?: FetchLike;
  /** Real time, for durations. */
  readonly clock: RealClock;
  /** Service time (real time plus the test offset). */
  readonly now: ServiceClock;
  readonly db: () => QueueDb;
  readonly settings: () => Promise<Settings>;
  /** Is the user on duty? Never throws (false when unknown). */
  onDuty(settings: Settings, t: number): Promise<boolean>;
  readLatest(): Promise<QueueLatest>;
  /** The check running in this worker, if any. */
  running: Promise<QueueLatest> | null;
  /** Set on browser start: the old badge is shown grey until a fresh check lands. */
  startupStale: boolean;
}

function randomToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function queueContext(deps: QueueServiceDeps = {}): QueueContext {
  const storage = browser.storage;
  const clock = deps.clock ?? (() => Date.now());
  const onDutyOf = deps.onDuty ?? (async () => false);
  return {
    instance: randomToken(),
    storage,
    isFirefox: deps.isFirefox ?? false,
    fetchImpl: deps.fetchImpl,
    clock,
    now: queueClock(storage, clock),
    db: deps.db ?? queueDb,
    settings: deps.getSettings ?? (async () => (await loadSettings()).settings),
    async onDuty(settings, t) {
      try {
        return await onDutyOf(settings, t);
      } catch {
        return false;
      }
    },
    readLatest: () => getItem(storage, STORED.queueLatest),
    running: null,
    startupStale: false,
  };
}
