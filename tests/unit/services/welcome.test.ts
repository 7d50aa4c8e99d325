/**
 * services/welcome.ts: a fresh install opens the welcome and marks the first run; an update to a
 * release with a "what's new" line stores it; nothing else (browser update, reload, downgrade) does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { handleInstalled, registerWelcomeService, type WelcomeDeps } from '../../../services/welcome';
import { getItem, STORED } from '../../../utils/storage-items';
import { WHATS_NEW } from '../../../utils/whats-new';

const CURRENT = WHATS_NEW[0]!.version;

function deps(version = CURRENT): WelcomeDeps & { openWelcome: ReturnType<typeof vi.fn> } {
  return { store: browser.storage, version, openWelcome: vi.fn(async () => undefined) };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('handleInstalled', () => {
  it('a fresh install marks the first run and opens the welcome, with no what\'s-new line', async () => {
    const d = deps();
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.0.9', lines: ['stale'] } });
    await handleInstalled({ reason: 'install' }, d);
    expect(d.openWelcome).toHaveBeenCalledTimes(1);
    expect(await getItem(browser.storage, STORED.welcomePending)).toBe(true);
    expect(await getItem(browser.storage, STORED.whatsNewNotice)).toBeNull();
  });

  it('stores the flag before the tab opens (the page reads it on load)', async () => {
    const d = deps();
    let flagAtOpen: boolean | undefined;
    d.openWelcome.mockImplementation(async () => {
      flagAtOpen = await getItem(browser.storage, STORED.welcomePending);
    });
    await handleInstalled({ reason: 'install' }, d);
    expect(flagAtOpen).toBe(true);
  });

  it('an update from an older version stores this release\'s line and opens nothing', async () => {
    const d = deps('99.0.0');
    await handleInstalled({ reason: 'update', previousVersion: '0.0.1' }, d);
    expect(d.openWelcome).not.toHaveBeenCalled();
    const notice = await getItem(browser.storage, STORED.whatsNewNotice);
    expect(notice?.version).toBe('99.0.0');
    expect(notice?.lines).toContain(WHATS_NEW[0]!.line);
    expect(await getItem(browser.storage, STORED.welcomePending)).toBe(false);
  });

  it('a reload of the same version, a downgrade, an update without an entry and a browser update store nothing', async () => {
    for (const details of [
      { reason: 'update', previousVersion: CURRENT },
      { reason: 'update', previousVersion: '99.0.0' },
      { reason: 'update' },
      { reason: 'chrome_update' },
      { reason: 'browser_update' },
      { reason: 'shared_module_update' },
    ]) {
      const d = deps();
      await handleInstalled(details, d);
      expect(d.openWelcome, JSON.stringify(details)).not.toHaveBeenCalled();
    }
    expect(await browser.storage.local.get()).toEqual({});
  });
});

describe('registerWelcomeService', () => {
  // The fake browser has no manifest: this build's version.
  beforeEach(() => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'GTA', version: CURRENT });
  });

  it('listens to onInstalled; an install opens options.html#welcome in a tab', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    registerWelcomeService();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(String(create.mock.calls[0]![0].url)).toMatch(/\/options\.html#welcome$/);
    expect(await getItem(browser.storage, STORED.welcomePending)).toBe(true);
  });

  it('an update (same version: an extension reload) opens no tab', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    registerWelcomeService();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: CURRENT, temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    // Positive signal first: the listener ran (an install right after does open a tab, exactly once).
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(await getItem(browser.storage, STORED.whatsNewNotice)).toBeNull();
  });

  it("an update from an older version stores the what's-new line", async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    registerWelcomeService();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1', temporary: false });
    await vi.waitFor(async () => expect((await getItem(browser.storage, STORED.whatsNewNotice))?.lines).toEqual([WHATS_NEW[0]!.line]));
    expect(create).not.toHaveBeenCalled();
  });
});
