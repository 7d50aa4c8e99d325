/**
 * The parts of ExtDriver that are the same in both browsers: they are written once over a few
 * primitives (a hidden extension page to evaluate in, page creation) the browser drivers provide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings, mergeImport, parseSettings } from '../../../utils/settings';
import type { BrowserName, ExtDriver, GtaPage } from './types';
import { GOC_HOST } from './sim';

/**
 * Where services/settings-store.ts keeps settings: identity in storage.sync under 'identity', the
 * rest in storage.local under 'settings'. Keep in step with that file (harness.spec.ts checks that
 * the extension reads what importConfig writes).
 */
export const SETTINGS_SYNC_KEY = 'identity';
export const SETTINGS_LOCAL_KEY = 'settings';

export abstract class BaseDriver implements ExtDriver {
  abstract readonly browserName: BrowserName;
  abstract readonly extensionId: string;
  abstract readonly backgroundKind: 'service-worker' | 'extension-page';
  protected readonly openPages = new Set<GtaPage>();

  constructor(
    readonly extensionPath: string,
    readonly manifest: Record<string, any>,
  ) {}

  abstract extensionUrl(p: string): string;
  protected abstract createPage(): Promise<GtaPage>;
  abstract extensionEval<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract stopServiceWorker(): Promise<'stopped' | 'reloaded'>;
  abstract isBackgroundRunning(): Promise<boolean>;
  protected abstract applyOffline(offline: boolean): Promise<void>;
  /**
   * The URL of the tab the extension opened by itself on install (its welcome, options.html#welcome),
   * or null when none appeared. Recorded, then closed at launch (settleInstallTab).
   */
  installTab: string | null = null;
  /** Whether setOffline(true) is in force (the fixture turns it off after each test). */
  offline = false;
  abstract clearCookies(): Promise<void>;
  /** Closes the browser and everything it owns. */
  abstract shutdown(): Promise<void>;

  /**
   * A fresh install opens the options page on its welcome (services/welcome.ts). Launch waits for
   * that tab, records its URL in `installTab` and closes it, so every spec starts with only the tabs
   * it opens itself (and "the options page was opened" checks are not satisfied by the welcome).
   */
  protected async settleInstallTab(timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const url = await this.extensionEval(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const view = api.extension.getViews({ type: 'tab' }).find((w: Window) => w.location.pathname === '/options.html');
        if (!view) return null;
        const href: string = view.location.href;
        // The tab of that page, asked from inside it (no `tabs` permission needed).
        const viewApi = (view as any).browser ?? (view as any).chrome;
        const tab = await viewApi.tabs.getCurrent();
        if (tab?.id !== undefined) await api.tabs.remove(tab.id);
        return href;
      }).catch(() => null);
      if (url) {
        this.installTab = url;
        return;
      }
      if (Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  protected track(page: GtaPage): GtaPage {
    this.openPages.add(page);
    return page;
  }

  protected untrack = (page: GtaPage): void => {
    this.openPages.delete(page);
  };

  pages(): GtaPage[] {
    return [...this.openPages].filter((p) => !p.isClosed());
  }

  /** Every open tab's raw page and its URL (the browser's view, not only ours). */
  protected abstract rawPages(): Promise<Array<{ raw: unknown; url: string }>>;
  /** Wraps a raw page as a GtaPage (not yet tracked). */
  protected abstract wrapPage(raw: unknown): GtaPage;

  async waitForOpenedPage(url: RegExp, options: { timeout?: number } = {}): Promise<GtaPage> {
    const deadline = Date.now() + (options.timeout ?? 10_000);
    for (;;) {
      const ours = new Set([...this.openPages].map((p) => p.raw));
      const found = (await this.rawPages()).find((p) => !ours.has(p.raw) && url.test(p.url));
      if (found) return this.track(this.wrapPage(found.raw));
      if (Date.now() > deadline) throw new Error(`no tab opened on ${url} within ${options.timeout ?? 10_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async newPage(): Promise<GtaPage> {
    return this.track(await this.createPage());
  }

  async closeAllPages(): Promise<void> {
    for (const page of [...this.openPages]) await page.close().catch(() => undefined);
    this.openPages.clear();
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.applyOffline(offline);
    this.offline = offline;
  }

  async openExtensionPage(name: string, options: { waitFor?: string; timeout?: number } = {}): Promise<GtaPage> {
    const page = await this.newPage();
    await page.goto(this.extensionUrl(name), { timeout: options.timeout });
    // Preact apps render into #app; options shows a "Loading…" paragraph before settings arrive.
    await page.waitForSelector(options.waitFor ?? '#app > :not(.gta-loading)', { timeout: options.timeout });
    return page;
  }

  async openGocPage(urlOrPath: string, options: { timeout?: number } = {}): Promise<GtaPage> {
    const url = /^https?:/.test(urlOrPath)
      ? urlOrPath
      : `https://${GOC_HOST}${urlOrPath.startsWith('/') ? '' : '/'}${urlOrPath}`;
    const page = await this.newPage();
    await page.goto(url, { timeout: options.timeout });
    await page.waitForSelector('html[data-gta-features]', { timeout: options.timeout });
    return page;
  }

  sendMessage<R = unknown>(message: unknown): Promise<R> {
    return this.extensionEval((msg) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.runtime.sendMessage(msg);
    }, message) as Promise<R>;
  }

  private storageCall(area: 'local' | 'sync', op: 'set' | 'get' | 'remove' | 'clear', value?: unknown): Promise<any> {
    return this.extensionEval(
      async ({ area, op, value }) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const storage = api.storage[area];
        if (op === 'clear') return storage.clear();
        if (op === 'get') return storage.get(value ?? null);
        return storage[op](value);
      },
      { area, op, value },
    );
  }

  async setStorage(items: Record<string, unknown>): Promise<void> {
    await this.storageCall('local', 'set', items);
  }

  getStorage(keys: string | string[] | null = null): Promise<Record<string, any>> {
    return this.storageCall('local', 'get', keys);
  }

  async removeStorage(keys: string | string[]): Promise<void> {
    await this.storageCall('local', 'remove', keys);
  }

  async setSyncStorage(items: Record<string, unknown>): Promise<void> {
    await this.storageCall('sync', 'set', items);
  }

  getSyncStorage(keys: string | string[] | null = null): Promise<Record<string, any>> {
    return this.storageCall('sync', 'get', keys);
  }

  async clearStorage(): Promise<void> {
    await this.storageCall('local', 'clear');
    await this.storageCall('sync', 'clear');
  }

  async importConfig(config: unknown, options: { merge?: boolean } = {}): Promise<Record<string, any>> {
    let result;
    if (options.merge) {
      // The current settings as loadSettings() sees them (invalid stored data → defaults).
      const local = (await this.getStorage(SETTINGS_LOCAL_KEY))[SETTINGS_LOCAL_KEY];
      const identity = (await this.getSyncStorage(SETTINGS_SYNC_KEY))[SETTINGS_SYNC_KEY];
      const stored = parseSettings({ ...(local ?? {}), ...(identity ? { identity } : {}) });
      result = mergeImport(stored.ok ? stored.settings : defaultSettings(), JSON.stringify(config));
    } else {
      result = parseSettings(config);
    }
    if (!result.ok) throw new Error(`importConfig: the settings are invalid: ${result.error}`);
    const { identity, ...rest } = result.settings as Record<string, any>;
    await this.setStorage({ [SETTINGS_LOCAL_KEY]: rest });
    await this.setSyncStorage({ [SETTINGS_SYNC_KEY]: identity });
    return result.settings as Record<string, any>;
  }

  async importConfigViaOptionsPage(config: unknown): Promise<{ ok: boolean; message: string }> {
    const text = typeof config === 'string' ? config : JSON.stringify(config, null, 2);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gta-import-')), 'team-config.json');
    fs.writeFileSync(file, text);
    const page = await this.openExtensionPage('options.html');
    try {
      await page.setInputFiles('[data-gta="config-import"]', [file]);
      // The page previews first (issue 10): take the file's identity too, then Apply.
      await page.waitForSelector('[data-gta="config-import-preview"], [data-gta="config-import-error"]', { state: 'visible' });
      if ((await page.count('[data-gta="config-import-preview"]')) > 0) {
        if ((await page.count('[data-gta="config-import-identity"]')) > 0) await page.click('[data-gta="config-import-identity"]');
        await page.click('[data-gta="config-import-apply"]');
      }
      await page.waitForSelector('[data-gta="config-import-ok"], [data-gta="config-import-error"]', { state: 'visible' });
      const ok = (await page.count('[data-gta="config-import-ok"]')) > 0;
      const message = await page.textOf(ok ? '[data-gta="config-import-ok"]' : '[data-gta="config-import-error"]');
      return { ok, message: message.trim() };
    } finally {
      await page.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }
}
