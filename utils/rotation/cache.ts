/**
 * The rotation as the background publishes it in storage.local for content scripts (which cannot
 * read the extension's IndexedDB). Pure: the shape and a defensive reader.
 *
 * Stored as `STORED.rotationCache` (utils/storage/items.ts, where every stored item is declared).
 */
import type { SyncStatus } from '../db/rotation-db';
import type { RotationWeek } from './types';

export interface RotationCache {
  weeks: RotationWeek[];
  status: Omit<SyncStatus, 'id'>;
  storage: 'indexeddb' | 'storage.local';
}

/** Never synced. Here rather than in utils/db/rotation-db.ts, which pulls Dexie into every importer. */
export const EMPTY_SYNC_STATUS: Omit<SyncStatus, 'id'> = {
  source: '',
  lastAttemptAt: null,
  lastGoodAt: null,
  lastGoodSource: null,
  format: null,
  weekCount: 0,
  warnings: [],
  error: null,
  errorAt: null,
};

export const EMPTY_CACHE: RotationCache = { weeks: [], status: EMPTY_SYNC_STATUS, storage: 'indexeddb' };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads a stored cache defensively: anything malformed becomes the empty cache. */
export function asRotationCache(value: unknown): RotationCache {
  if (!value || typeof value !== 'object') return { ...EMPTY_CACHE, status: { ...EMPTY_CACHE.status } };
  const v = value as Partial<RotationCache>;
  const weeks = Array.isArray(v.weeks)
    ? v.weeks.filter(
        (w): w is RotationWeek => !!w && typeof w === 'object' && typeof w.week === 'string' && typeof w.person === 'string',
      )
    : [];
  const s = (v.status ?? {}) as Record<string, unknown>;
  const formats = ['ics', 'twiki-tml', 'twiki-html', 'json'];
  return {
    weeks,
    status: {
      source: str(s.source) ?? '',
      lastAttemptAt: num(s.lastAttemptAt),
      lastGoodAt: num(s.lastGoodAt),
      lastGoodSource: str(s.lastGoodSource),
      format: formats.includes(s.format as string) ? (s.format as RotationCache['status']['format']) : null,
      weekCount: num(s.weekCount) ?? weeks.length,
      warnings: Array.isArray(s.warnings) ? s.warnings.filter((w): w is string => typeof w === 'string') : [],
      error: str(s.error),
      errorAt: num(s.errorAt),
    },
    storage: v.storage === 'storage.local' ? 'storage.local' : 'indexeddb',
  };
}

/** `debug.rotationNow` → ms, or null when unset or unreadable. */
export function debugNow(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim()) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
