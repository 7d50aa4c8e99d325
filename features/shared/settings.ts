/**
 * Settings as page features see them: the snapshot the background validated and published
 * (services/settings-snapshot.ts), or the defaults until the first one is published. No validator
 * here: content scripts stay small.
 */
import { browser } from 'wxt/browser';
import { defaultSettingsWithoutSnippets } from '../../utils/settings/defaults';
import type { Settings } from '../../utils/settings/schema';
import { changedValue, STORED, type SettingsSnapshot } from '../../utils/storage-items';

/**
 * The defaults this content script falls back to. Only the New Update box's script has a feature that
 * reads the request snippets, so only it carries their default texts (useDefaultSettings, in its entry).
 */
let fallback: () => Settings = defaultSettingsWithoutSnippets;

/** Sets this script's defaults (entrypoints/update.content.ts: the full ones, with the snippets). */
export function useDefaultSettings(defaults: () => Settings): void {
  fallback = defaults;
}

export function settingsFrom(snapshot: SettingsSnapshot | null): Settings {
  return snapshot ? snapshot.settings : fallback();
}

/** Calls back with the new settings whenever the background publishes a snapshot. Returns an unsubscribe. */
export function watchPageSettings(callback: (settings: Settings) => void): () => void {
  // The event carries the new snapshot: no second read, and events arrive in write order.
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = changedValue(changes, area, STORED.settingsSnapshot);
    if (changed) callback(settingsFrom(changed.value));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
