/**
 * First run and updates (issue 12). A fresh install opens the options page on its welcome; an update
 * to a release with a "what's new" line stores it for the options page (and popup) to show until
 * dismissed. Nothing happens on a browser update, a reload of the same version or a downgrade.
 */
import { browser } from 'wxt/browser';
import { setItems, STORED, type StorageLike } from '../utils/storage-items';
import { whatsNewSince } from '../utils/whats-new';

export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

export interface WelcomeDeps {
  store: StorageLike;
  /** The version now installed (the manifest's). */
  version: string;
  /** Opens the options page on its welcome section. */
  openWelcome(): Promise<unknown>;
}

/** What onInstalled does for the first run and for updates; resolves when stored (and the tab asked for). */
export async function handleInstalled(details: InstalledDetails, deps: WelcomeDeps): Promise<void> {
  if (details.reason === 'install') {
    // The flag first: the page that opens reads it to show the welcome first.
    await setItems(deps.store, [
      [STORED.welcomePending, true],
      [STORED.whatsNewNotice, null],
    ]);
    await deps.openWelcome();
    return;
  }
  if (details.reason === 'update') {
    const notice = whatsNewSince(details.previousVersion, deps.version);
    if (notice) await setItems(deps.store, [[STORED.whatsNewNotice, notice]]);
  }
}

export function registerWelcomeService(): void {
  browser.runtime.onInstalled.addListener((details) => {
    void handleInstalled(details, {
      store: browser.storage,
      version: browser.runtime.getManifest().version,
      // A tab on options.html#welcome (openOptionsPage cannot take an anchor).
      openWelcome: () => browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') }),
    }).catch((error: unknown) => console.warn('GOC Ticket Assistant: first-run setup failed', error));
  });
}
