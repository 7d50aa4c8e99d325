/**
 * Everything the popup's first frame shows, read from storage.local in one request: the queue's
 * last check, the published rotation, and the settings snapshot the background validated (so the
 * popup never loads the validator). No messaging and no IndexedDB before the first paint; the
 * ticket lists (history) and the background's answers come after.
 */
import type { StorageLike } from '../../utils/storage-items';
import { getItems, STORED, watchItems } from '../../utils/storage-items';

export const POPUP_ITEMS = {
  latest: STORED.queueLatest,
  rotation: STORED.rotationCache,
  snapshot: STORED.settingsSnapshot,
  rotationNow: STORED.debugRotationNow,
};

export type PopupData = Awaited<ReturnType<typeof readPopupData>>;

export function readPopupData(store: StorageLike) {
  return getItems(store, POPUP_ITEMS);
}

/** Calls back when any of the popup's items changes. Returns an unsubscribe. */
export function watchPopupData(store: StorageLike, callback: () => void): () => void {
  return watchItems(store, Object.values(POPUP_ITEMS), callback);
}
