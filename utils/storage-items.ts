/**
 * Every item the extension keeps in `browser.storage`, declared once: its key, its area, its value
 * when missing, and a defensive reader (stored data may be missing, old or corrupted; a reader never
 * throws and never returns a malformed value). Nothing else in the tree names a storage key.
 *
 * The accessors take the storage API as an argument (`browser.storage` in the extension, a fake in
 * tests), so this module stays free of extension APIs and loads in content scripts at no cost.
 * Keys are part of the extension's stored state: renaming one loses users' data, so keys only
 * ever get added (old ones are read and migrated where they are used).
 */
import type { Settings } from './settings/schema';
import { asLatest, EMPTY_LATEST, type QueueLatest } from './queue/state';
import { asRotationCache, debugNow, EMPTY_CACHE, type RotationCache } from './rotation/cache';

export type StorageAreaName = 'local' | 'sync';

export interface StoredItem<T> {
  readonly key: string;
  readonly area: StorageAreaName;
  /** What a reader returns when nothing (or nothing usable) is stored. */
  readonly fallback: T;
  read(raw: unknown): T;
}

function storedItem<T>(area: StorageAreaName, key: string, fallback: T, read: (raw: unknown) => T | undefined): StoredItem<T> {
  return {
    key,
    area,
    fallback,
    read(raw) {
      if (raw === undefined) return fallback;
      try {
        const value = read(raw);
        return value === undefined ? fallback : value;
      } catch {
        return fallback;
      }
    },
  };
}

const bool = (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined);
const finite = (raw: unknown) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined);
const text = (raw: unknown) => (typeof raw === 'string' ? raw : undefined);
const isoDate = (raw: unknown) => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined);
const record = (raw: unknown) =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
const strings = (raw: unknown) => (Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : undefined);

/** Settings as the background validated them, for pages that must not load the validator. */
export interface SettingsSnapshot {
  settings: Settings;
  /** Why part of the stored settings could not be used (those parts are at their defaults). */
  error: string | null;
  publishedAt: number;
}

/** A queue check in progress; a dead worker's marker is recovered on the next wake. */
export interface InflightMarker {
  token: string;
  startedAt: number;
}

/** The Monday reminder: the duty week it was last due for, and whether the browser showed it. */
export interface ReminderRecord {
  week: string;
  at: number;
  id?: string;
  shown?: boolean;
  title?: string;
  message?: string;
  error?: string;
}

/** One shown (or refused) notification, newest first in the log. */
export interface NotificationLogEntry {
  id: string;
  at: number;
  title: string;
  message: string;
  ticketIds: number[];
  /** Whether the browser accepted it. */
  shown?: boolean;
  error?: string;
  [extra: string]: unknown;
}

export const NOTIFICATION_LOG_SIZE = 20;

export const STORED = {
  // --- settings (validated by services/settings-store.ts, which is the only reader of the raw parts)
  /** Everything but the identity (too big for sync's 8 KB per item). */
  settingsLocal: storedItem<unknown>('local', 'settings', undefined, (raw) => raw),
  /** The identity follows the user across machines. */
  identitySync: storedItem<unknown>('sync', 'identity', undefined, (raw) => raw),
  /** Published by the background after every settings change; content scripts and the popup read it. */
  settingsSnapshot: storedItem<SettingsSnapshot | null>('local', 'settings.snapshot', null, (raw) => {
    const v = record(raw);
    const settings = record(v?.settings);
    if (!v || !settings || !record(settings.identity) || !record(settings.queue) || !record(settings.rotation)) return undefined;
    return {
      settings: settings as unknown as Settings,
      error: text(v.error) ?? null,
      publishedAt: finite(v.publishedAt) ?? 0,
    };
  }),

  // --- queue watch (written by the queue service)
  /** State, counts and ticket ids of the last good check; the banner and list page read it. */
  queueLatest: storedItem<QueueLatest>('local', 'queue.latest', EMPTY_LATEST, asLatest),
  queueInflight: storedItem<InflightMarker | null>('local', 'queue.inflight', null, (raw) => {
    const v = record(raw);
    return v && typeof v.token === 'string' && finite(v.startedAt) !== undefined
      ? { token: v.token, startedAt: v.startedAt as number }
      : undefined;
  }),
  /** Set on install/upgrade: the next good check is a silent baseline. */
  queueBaselinePending: storedItem('local', 'queue.baselinePending', false, bool),
  /** When the user last opened the popup or the list page (the midday nudge skips them). */
  queueLastOpenedAt: storedItem<number | null>('local', 'queue.lastOpenedAt', null, finite),
  /** YYYY-MM-DD of the last midday nudge. */
  queueNudgedOn: storedItem<string | null>('local', 'queue.nudgedOn', null, isoDate),
  /** The last notifications, newest first (diagnostics and tests). */
  queueNotifications: storedItem<NotificationLogEntry[]>('local', 'queue.notifications', [], (raw) =>
    Array.isArray(raw)
      ? (raw.filter((e) => record(e) && typeof e.id === 'string') as NotificationLogEntry[]).slice(0, NOTIFICATION_LOG_SIZE)
      : undefined,
  ),
  /** The list page's "Software queue only" toggle. */
  queueSoftwareFilter: storedItem('local', 'queue.softwareFilter', false, bool),

  // --- triage rotation (written by the rotation service)
  /** The weeks of the last good sync and the sync status (content scripts cannot read IndexedDB). */
  rotationCache: storedItem<RotationCache>('local', 'rotation.cache', EMPTY_CACHE, asRotationCache),
  rotationReminder: storedItem<ReminderRecord | null>('local', 'rotation.reminder', null, (raw) => {
    const v = record(raw);
    return v && typeof v.week === 'string' ? ({ ...v, at: finite(v.at) ?? 0 } as ReminderRecord) : undefined;
  }),
  /** The banner is collapsed for that day (YYYY-MM-DD, team zone). */
  bannerCollapsedOn: storedItem<string | null>('local', 'dutyBanner.collapsedOn', null, isoDate),
  /** The "set up a rotation" banner was dismissed for good. */
  bannerSetupDismissed: storedItem('local', 'dutyBanner.setupDismissed', false, bool),

  // --- test hooks: documented in the README; the extension never writes them
  debugFailFeatures: storedItem<string[]>('local', 'debug.failFeatures', [], strings),
  debugQueueOffline: storedItem('local', 'debug.queueOffline', false, bool),
  debugQueueClockOffsetMs: storedItem('local', 'debug.queueClockOffsetMs', 0, (raw) => finite(Number(raw))),
  debugRotationNow: storedItem<number | null>('local', 'debug.rotationNow', null, (raw) => debugNow(raw) ?? undefined),
} as const;

export type StoredItems = typeof STORED;
export type ItemValue<I> = I extends StoredItem<infer T> ? T : never;

// --- access -------------------------------------------------------------------------------------

/** The part of `browser.storage` this module uses (so tests and pages can pass their own). */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
export interface StorageLike {
  local: StorageAreaLike;
  sync: StorageAreaLike;
  onChanged: {
    addListener(listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void): void;
  };
}

async function readArea(storage: StorageLike, area: StorageAreaName, keys: string[]): Promise<Record<string, unknown>> {
  if (keys.length === 0) return {};
  // storage.sync can be missing or throw (Firefox without sync, enterprise policy): read as empty.
  if (area === 'sync') return Promise.resolve().then(() => storage.sync.get(keys)).catch(() => ({}));
  return storage.local.get(keys);
}

export async function getItem<T>(storage: StorageLike, item: StoredItem<T>): Promise<T> {
  const got = await readArea(storage, item.area, [item.key]);
  return item.read(got[item.key]);
}

/** Reads several items with one request per area. */
export async function getItems<M extends Record<string, StoredItem<unknown>>>(
  storage: StorageLike,
  items: M,
): Promise<{ [K in keyof M]: ItemValue<M[K]> }> {
  const list = Object.values(items);
  const keysOf = (area: StorageAreaName) => list.filter((i) => i.area === area).map((i) => i.key);
  const [local, sync] = await Promise.all([readArea(storage, 'local', keysOf('local')), readArea(storage, 'sync', keysOf('sync'))]);
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(items)) out[name] = item.read((item.area === 'local' ? local : sync)[item.key]);
  return out as { [K in keyof M]: ItemValue<M[K]> };
}

export function setItem<T>(storage: StorageLike, item: StoredItem<T>, value: T): Promise<void> {
  return storage[item.area].set({ [item.key]: value });
}

/** Writes several items of one area in one request (one storage event, one transaction). */
export function setItems(storage: StorageLike, entries: ReadonlyArray<readonly [StoredItem<any>, unknown]>): Promise<void> {
  const byArea: Record<StorageAreaName, Record<string, unknown>> = { local: {}, sync: {} };
  for (const [item, value] of entries) byArea[item.area][item.key] = value;
  return Promise.all(
    (['local', 'sync'] as const).filter((a) => Object.keys(byArea[a]).length).map((a) => storage[a].set(byArea[a])),
  ).then(() => undefined);
}

export function removeItem(storage: StorageLike, item: StoredItem<unknown>): Promise<void> {
  return storage[item.area].remove(item.key);
}

/** Whether a `storage.onChanged` event touches any of these items. */
export function touches(changes: Record<string, unknown>, area: string, items: readonly StoredItem<unknown>[]): boolean {
  return items.some((item) => item.area === area && item.key in changes);
}

/** The new value of an item in a `storage.onChanged` event, read defensively; undefined if untouched. */
export function changedValue<T>(
  changes: Record<string, { newValue?: unknown }>,
  area: string,
  item: StoredItem<T>,
): { value: T } | undefined {
  if (item.area !== area || !(item.key in changes)) return undefined;
  return { value: item.read(changes[item.key]?.newValue) };
}

/** Calls back whenever any of these items changes. Returns an unsubscribe. */
export function watchItems(storage: StorageLike, items: readonly StoredItem<unknown>[], callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (touches(changes, area, items)) callback();
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}

/** Every declared key, for the convention test that no other file names one. */
export function declaredKeys(): string[] {
  return Object.values(STORED).map((item) => item.key);
}
