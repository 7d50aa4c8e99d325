/**
 * Publishes the settings, validated once here, as a ready snapshot in storage.local
 * (`STORED.settingsSnapshot`). Content scripts and the popup read that snapshot instead of loading
 * the validator themselves, which keeps zod out of every page bundle.
 *
 * Published on every wake and after every change of the stored settings (local part or synced
 * identity). Writes only when the snapshot would change, so pages are not woken for nothing.
 */
import { browser } from 'wxt/browser';
import { getItem, setItem, STORED } from '../utils/storage-items';
import { loadSettings } from './settings-store';
import { settingsChanged } from './shared/storage';

let chain: Promise<unknown> = Promise.resolve();

/** Loads (and repairs) the stored settings and publishes them; one run at a time, newest wins. */
export function publishSettingsSnapshot(now: () => number = Date.now): Promise<void> {
  const run = chain.then(async () => {
    const { settings, error } = await loadSettings();
    const previous = await getItem(browser.storage, STORED.settingsSnapshot);
    const unchanged =
      previous !== null &&
      (previous.error ?? null) === (error ?? null) &&
      JSON.stringify(previous.settings) === JSON.stringify(settings);
    if (unchanged) return;
    await setItem(browser.storage, STORED.settingsSnapshot, { settings, error: error ?? null, publishedAt: now() });
  });
  chain = run.catch((error) => console.warn('[GOC Ticket Assistant] settings snapshot not published', error));
  return run;
}

/** Registers the listener synchronously (a woken worker sees its event), then publishes once. */
export function registerSettingsSnapshot(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (settingsChanged(changes, area)) void publishSettingsSnapshot().catch(() => undefined);
  });
  void publishSettingsSnapshot().catch(() => undefined);
}
