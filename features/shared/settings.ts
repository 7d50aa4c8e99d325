/**
 * Settings as page features see them: the snapshot the background validated and published
 * (services/settings-snapshot.ts), or the defaults until the first one is published. No validator
 * here: content scripts stay small.
 */
import { browser } from 'wxt/browser';
import { defaultSettingsCopy } from '../../utils/settings/defaults';
import type { Settings } from '../../utils/settings/schema';
import { getItem, STORED, watchItems, type SettingsSnapshot, type StorageLike } from '../../utils/storage-items';

export const pageStorage = browser.storage as unknown as StorageLike;

export function settingsFrom(snapshot: SettingsSnapshot | null): Settings {
  return snapshot ? snapshot.settings : defaultSettingsCopy();
}

export async function readPageSettings(): Promise<Settings> {
  return settingsFrom(await getItem(pageStorage, STORED.settingsSnapshot));
}

/** Calls back with the new settings whenever the background publishes a snapshot. Returns an unsubscribe. */
export function watchPageSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  return watchItems(pageStorage, [STORED.settingsSnapshot], () => {
    const ticket = ++latest;
    void readPageSettings().then((settings) => {
      if (ticket === latest) callback(settings);
    });
  });
}
