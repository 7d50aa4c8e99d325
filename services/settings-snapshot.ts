/**
 * Publishes the settings, validated once here, as a ready snapshot in storage.local
 * (`STORED.settingsSnapshot`). Content scripts and the popup read that snapshot instead of loading
 * the validator themselves, which keeps zod out of every page bundle.
 *
 * Published on every wake and after every change of the stored settings (local part or synced
 * identity). Writes only when the snapshot would change, so pages are not woken for nothing.
 */
import { browser } from 'wxt/browser';
import { getItem, setItem, STORED, touches, type StorageLike } from '../utils/storage-items';
import { loadSettings } from './settings-store';

const storage = browser.storage as unknown as StorageLike;
let chain: Promise<unknown> = Promise.resolve();

/** Loads (and repairs) the stored settings and publishes them; one run at a time, newest wins. */
export function publishSettingsSnapshot(now: () => number = Date.now): Promise<void> {
  const run = chain.then(async () => {
    const { settings, error } = await loadSettings();
    const previous = await getItem(storage, STORED.settingsSnapshot);
    const unchanged =
      previous !== null &&
      (previous.error ?? null) === (error ?? null) &&
      JSON.stringify(previous.settings) === JSON.stringify(settings);
    if (unchanged) return;
    await setItem(storage, STORED.settingsSnapshot, { settings, error: error ?? null, publishedAt: now() });
  });
  chain = run.catch((error) => console.warn('[GOC Ticket Assistant] settings snapshot not published', error));
  return run;
}

/** Registers the listener synchronously (a woken worker sees its event), then publishes once. */
export function registerSettingsSnapshot(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (touches(changes, area, [STORED.settingsLocal, STORED.identitySync])) void publishSettingsSnapshot().catch(() => undefined);
  });
  void publishSettingsSnapshot().catch(() => undefined);
}
