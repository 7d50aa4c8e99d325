/** The extension's storage as the typed items of utils/storage-items.ts take it. */
import { browser } from 'wxt/browser';
import { STORED, touches, type StorageLike } from '../../utils/storage-items';

export function extensionStorage(): StorageLike {
  return browser.storage as unknown as StorageLike;
}

/** Did a `storage.onChanged` event change the settings (local part or the synced identity)? */
export function settingsChanged(changes: Record<string, unknown>, area: string): boolean {
  return touches(changes, area, [STORED.settingsLocal, STORED.identitySync]);
}
