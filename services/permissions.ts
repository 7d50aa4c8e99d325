/**
 * Gives back optional host access no setting uses any more (issue 10): at every background start
 * and whenever the settings change, the granted origins outside the manifest's own hosts that are
 * neither the rotation source's nor the queue's GOC address are removed. Changing the rotation
 * source therefore drops the old source's origin instead of piling grants up.
 */
import { browser } from 'wxt/browser';
import { grantsToDrop, originsInUse, requiredOrigins, type ManifestHosts } from '../utils/host-grants';
import type { StorageLike } from '../utils/storage-items';
import { loadSettings } from './settings-store';
import { settingsChanged } from './shared/storage';

export interface GrantsDeps {
  store: StorageLike;
  manifest(): ManifestHosts;
  getAll(): Promise<{ origins?: string[] }>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  /**
   * Wait this long after the last trigger before a pass (0: at once). A page grants first and saves
   * the setting that uses the grant a moment later, and a save is two writes (synced identity, then
   * the rest): a pass run in between would read the old settings and drop the fresh grant.
   */
  settleMs?: number;
  /** Called back when a permission is granted: the save that uses it follows, so the next pass waits again. */
  onPermissionAdded?(listener: () => void): void;
}

/** One pass: the origins removed (none when anything is unknown or fails). */
export async function dropUnusedGrants(deps: GrantsDeps): Promise<string[]> {
  try {
    const loaded = await loadSettings();
    // Damaged settings read as defaults: the user's real source would look unused. Wait for a repair.
    if (loaded.error) return [];
    const { origins = [] } = await deps.getAll();
    const drop = grantsToDrop({ granted: origins, inUse: originsInUse(loaded.settings, [loaded.settings.teamFile.url]), required: requiredOrigins(deps.manifest()) });
    if (drop.length === 0) return [];
    await deps.remove({ origins: drop });
    return drop;
  } catch (error) {
    console.warn('[GOC Ticket Assistant] could not give back unused host access', error);
    return [];
  }
}

/** Runs a pass now and after every settings change, one at a time (with `settleMs`: once the writes settled). */
export function watchGrants(deps: GrantsDeps): { settled(): Promise<void> } {
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting: Promise<void> = Promise.resolve();
  let release = () => {};
  const pass = () => {
    chain = chain.then(() => dropUnusedGrants(deps));
  };
  const run = () => {
    if (!deps.settleMs) return pass();
    // Debounced: one pass once the writes of a save (and a grant's save) have settled.
    if (timer === null) waiting = new Promise<void>((resolve) => (release = resolve));
    else clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      pass();
      release();
    }, deps.settleMs);
  };
  deps.store.onChanged.addListener((changes, area) => {
    if (settingsChanged(changes, area)) run();
  });
  deps.onPermissionAdded?.(() => {
    if (timer !== null) run();
  });
  run();
  return { settled: () => waiting.then(() => chain).then(() => undefined) };
}

/** Background wiring (entrypoints/background.ts). */
export function registerPermissionsService(): void {
  if (!browser.permissions?.getAll || !browser.permissions?.remove) return;
  watchGrants({
    store: browser.storage,
    manifest: () => browser.runtime.getManifest() as ManifestHosts,
    getAll: () => browser.permissions.getAll(),
    remove: (permissions) => browser.permissions.remove(permissions),
    settleMs: 2_000,
    onPermissionAdded: (listener) => browser.permissions.onAdded?.addListener(listener),
  });
}
