/**
 * Reading, writing and watching declared storage items (utils/storage/items.ts). The storage API
 * is an argument (`browser.storage` in the extension, a fake in tests), so this module uses no
 * extension API itself and loads in content scripts at no cost.
 *
 * The parameter is called `store`, not `storage`: WXT's import scanner takes a typed parameter named
 * `storage` for a free name and adds its own storage library to the file, even with auto-imports off
 * (README › Performance; a smoke test checks no bundle carries it).
 */
import type { ItemValue, StorageAreaName, StoredItem } from './items';

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

async function readArea(store: StorageLike, area: StorageAreaName, keys: string[]): Promise<Record<string, unknown>> {
  if (keys.length === 0) return {};
  // storage.sync can be missing or throw (Firefox without sync, enterprise policy): read as empty.
  if (area === 'sync') return Promise.resolve().then(() => store.sync.get(keys)).catch(() => ({}));
  return store.local.get(keys);
}

/** An item's value from what was read; a gated item (a test hook) is its fallback unless its gate is on. */
function valueOf<T>(item: StoredItem<T>, got: Record<StorageAreaName, Record<string, unknown>>): T {
  if (item.gate && item.gate.read(got[item.gate.area][item.gate.key]) !== true) return item.read(undefined);
  return item.read(got[item.area][item.key]);
}

/** The keys to read for these items, per area (a gated item's gate too). */
function keysOf(items: readonly StoredItem<unknown>[], area: StorageAreaName): string[] {
  const keys = new Set<string>();
  for (const item of items) {
    if (item.area === area) keys.add(item.key);
    if (item.gate?.area === area) keys.add(item.gate.key);
  }
  return [...keys];
}

async function readAll(store: StorageLike, items: readonly StoredItem<unknown>[]): Promise<Record<StorageAreaName, Record<string, unknown>>> {
  const [local, sync] = await Promise.all([readArea(store, 'local', keysOf(items, 'local')), readArea(store, 'sync', keysOf(items, 'sync'))]);
  return { local, sync };
}

export async function getItem<T>(store: StorageLike, item: StoredItem<T>): Promise<T> {
  return valueOf(item, await readAll(store, [item]));
}

/** Reads several items with one request per area. */
export async function getItems<M extends Record<string, StoredItem<unknown>>>(
  store: StorageLike,
  items: M,
): Promise<{ [K in keyof M]: ItemValue<M[K]> }> {
  const got = await readAll(store, Object.values(items));
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(items)) out[name] = valueOf(item, got);
  return out as { [K in keyof M]: ItemValue<M[K]> };
}

export function setItem<T>(store: StorageLike, item: StoredItem<T>, value: T): Promise<void> {
  return store[item.area].set({ [item.key]: value });
}

/** Writes several items of one area in one request (one storage event, one transaction). */
export function setItems(store: StorageLike, entries: ReadonlyArray<readonly [StoredItem<any>, unknown]>): Promise<void> {
  const byArea: Record<StorageAreaName, Record<string, unknown>> = { local: {}, sync: {} };
  for (const [item, value] of entries) byArea[item.area][item.key] = value;
  return Promise.all(
    (['local', 'sync'] as const).filter((a) => Object.keys(byArea[a]).length).map((a) => store[a].set(byArea[a])),
  ).then(() => undefined);
}

export function removeItem(store: StorageLike, item: StoredItem<unknown>): Promise<void> {
  return store[item.area].remove(item.key);
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
export function watchItems(store: StorageLike, items: readonly StoredItem<unknown>[], callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (touches(changes, area, items)) callback();
  };
  store.onChanged.addListener(listener);
  return () => store.onChanged.removeListener(listener);
}
