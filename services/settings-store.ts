/**
 * Reads and writes the settings object. Identity lives in storage.sync (small, follows the user
 * across machines); everything else in storage.local (signatures and snippets can pass sync's
 * 8 KB-per-item limit). Invalid stored data never breaks a page: it falls back to defaults and
 * reports why.
 */
import { browser } from 'wxt/browser';
import { defaultSettings, parseSettings, type Settings } from '../utils/settings';

const SYNC_KEY = 'identity';
const LOCAL_KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** Set when what was stored could not be used (the defaults were used instead). */
  error?: string;
}

export async function loadSettings(): Promise<LoadedSettings> {
  const [synced, local] = await Promise.all([
    browser.storage.sync.get(SYNC_KEY).catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(LOCAL_KEY),
  ]);
  const stored = (local as Record<string, unknown>)[LOCAL_KEY];
  const identity = (synced as Record<string, unknown>)[SYNC_KEY];
  if (stored === undefined && identity === undefined) return { settings: defaultSettings() };
  const raw = { ...((stored as object) ?? {}), ...(identity ? { identity } : {}) };
  const parsed = parseSettings(raw);
  if (parsed.ok) return { settings: parsed.settings };
  return { settings: defaultSettings(), error: `Stored settings are invalid (${parsed.error}); defaults are in use.` };
}

/** Validates before writing: an invalid object is refused and nothing stored changes. */
export async function saveSettings(next: unknown): Promise<LoadedSettings> {
  const parsed = parseSettings(next);
  if (!parsed.ok) return { settings: (await loadSettings()).settings, error: parsed.error };
  const { identity, ...rest } = parsed.settings;
  await browser.storage.local.set({ [LOCAL_KEY]: rest });
  try {
    await browser.storage.sync.set({ [SYNC_KEY]: identity });
  } catch {
    // storage.sync can be unavailable (no account, quota): keep identity locally instead.
    await browser.storage.local.set({ [LOCAL_KEY]: { ...rest, identity } });
  }
  return { settings: parsed.settings };
}

/** Calls back with fresh settings whenever any part of them changes. Returns an unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && LOCAL_KEY in changes) || (area === 'sync' && SYNC_KEY in changes)) {
      void loadSettings().then((loaded) => callback(loaded.settings));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
