/**
 * Firefox under puppeteer-core over WebDriver BiDi: Debian's firefox-esr, the production MV2 build
 * installed as a temporary add-on with a fixed moz-extension UUID, and the GOC host names routed to
 * the simulator through a local CONNECT proxy (harness/proxy.ts): no root, no fixed port.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BaseDriver } from './driver-base';
import { PuppeteerGtaPage, type FrontTracker } from './page';
import { startTunnelProxy, type TunnelProxy } from './proxy';
import { FIREFOX_EXTENSION_UUID, FIREFOX_PATH, firefoxPrefs, SIM_HOSTS } from './launch.mjs';
import type { GtaPage } from './types';

export { FIREFOX_EXTENSION_UUID, FIREFOX_PATH, firefoxPrefs };

export class FirefoxDriver extends BaseDriver {
  readonly browserName = 'firefox' as const;
  readonly backgroundKind = 'extension-page' as const;
  readonly extensionId = FIREFOX_EXTENSION_UUID;
  private readonly front: FrontTracker = { current: null };
  private hiddenPage!: Page;

  private constructor(
    private readonly browser: Browser,
    private readonly proxy: TunnelProxy,
    extensionPath: string,
    manifest: Record<string, any>,
  ) {
    super(extensionPath, manifest);
  }

  static async launch(options: { extensionDir: string; simPort: number }): Promise<FirefoxDriver> {
    const manifest = JSON.parse(fs.readFileSync(path.join(options.extensionDir, 'manifest.json'), 'utf8'));
    const geckoId: string = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
    const proxy = await startTunnelProxy(options.simPort, SIM_HOSTS);
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: process.env.GTA_E2E_HEADED !== '1',
        acceptInsecureCerts: true,
        defaultViewport: { width: 1280, height: 800 },
        // Lets the harness reach chrome-privileged code (offline mode) over BiDi.
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: firefoxPrefs(geckoId, proxy.port),
      });
      await browser.installExtension(options.extensionDir);
      const driver = new FirefoxDriver(browser, proxy, options.extensionDir, manifest);
      // The first tab stays blank for the whole run: an extension reload closes the hidden extension
      // page, and a window without tabs would close and take BiDi's tab creation with it.
      await driver.openHiddenPage();
      await driver.waitForBackground();
      await driver.settleInstallTab();
      return driver;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await proxy.close();
      throw error;
    }
  }

  extensionUrl(p: string): string {
    return `moz-extension://${FIREFOX_EXTENSION_UUID}/${p.replace(/^\//, '')}`;
  }

  /**
   * The hidden extension page: manifest.json shown as an extension document. It has every extension
   * API and runs none of the extension's code, so using it has no side effects. It is the first tab,
   * so the pages tests open are always in front of it.
   */
  private async openHiddenPage(reuse?: Page): Promise<void> {
    const page = reuse ?? (await this.browser.newPage());
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    const url = this.extensionUrl('manifest.json');
    page.goto(url).catch(() => undefined); // the load event of moz-extension pages never arrives over BiDi
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await page
        .evaluate((u) => location.href === u && document.readyState === 'complete' && typeof (globalThis as any).browser?.storage === 'object', url)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`could not open ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.hiddenPage = page;
    // Opening it may have brought it to the front: the next page action must re-activate its tab.
    this.front.current = null;
  }

  private async ensureHiddenPage(): Promise<Page> {
    const alive =
      !this.hiddenPage.isClosed() &&
      (await this.hiddenPage.evaluate(() => typeof (globalThis as any).browser?.storage === 'object').catch(() => false));
    if (!alive) await this.openHiddenPage(this.hiddenPage.isClosed() ? undefined : this.hiddenPage);
    return this.hiddenPage;
  }

  /** Resolves once the background page exists and finished loading. */
  private async waitForBackground(timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const loaded = await this.extensionEval(async () => {
        const bg = await (globalThis as any).browser.runtime.getBackgroundPage().catch(() => null);
        return !!bg && bg.document.readyState === 'complete';
      }).catch(() => false);
      if (loaded) return;
      if (Date.now() > deadline) throw new Error('the Firefox background page did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  protected async createPage(): Promise<GtaPage> {
    const raw = await this.browser.newPage();
    const page = new PuppeteerGtaPage(raw, this.front, this.untrack);
    this.front.current = page;
    return page;
  }

  protected async rawPages(): Promise<Array<{ raw: unknown; url: string }>> {
    return (await this.browser.pages()).filter((p) => !p.isClosed() && p !== this.hiddenPage).map((p) => ({ raw: p, url: p.url() }));
  }

  protected wrapPage(raw: unknown): GtaPage {
    return new PuppeteerGtaPage(raw as Page, this.front, this.untrack);
  }

  async extensionEval<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.ensureHiddenPage()).evaluate(fn as any, arg) as Promise<R>;
  }

  /** See ExtDriver.background: Firefox runs `fn` in the hidden extension page. */
  background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.extensionEval(fn, arg);
  }

  async isBackgroundRunning(): Promise<boolean> {
    return this.extensionEval(async () => !!(await (globalThis as any).browser.runtime.getBackgroundPage().catch(() => null)));
  }

  async stopServiceWorker(): Promise<'reloaded'> {
    await this.extensionEval(() => {
      (globalThis as any).browser.runtime.reload();
    }).catch(() => undefined); // the page goes away with the extension
    // The reload closes every extension page (ours turns into about:blank); wait for it, then reopen.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const gone = await this.hiddenPage
        .evaluate(() => typeof (globalThis as any).browser?.storage !== 'object')
        .catch(() => true); // "no such frame": the tab is gone
      if (gone) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The reload closed the old tab (its browsing context is gone): open a new one.
    const old = this.hiddenPage;
    await this.openHiddenPage();
    if (!old.isClosed()) await old.close().catch(() => undefined);
    await this.waitForBackground();
    return 'reloaded';
  }

  /** Evaluates in Firefox's chrome (browser UI) scope, reachable thanks to --remote-allow-system-access. */
  private async chromeEval(expression: string): Promise<unknown> {
    const connection = (this.browser as any).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0].context;
    const response = await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (response.result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(response.result)}`);
    return response.result.result?.value;
  }

  protected async applyOffline(offline: boolean): Promise<void> {
    // Firefox still reaches loopback (our proxy) in offline mode, so the proxy goes offline too.
    this.proxy.setOffline(offline);
    // Browser-wide, like unplugging: pages, the background page, navigator.onLine and online/offline events.
    await this.chromeEval(`Services.io.manageOfflineStatus = false; Services.io.offline = ${offline ? 'true' : 'false'}; Services.io.offline`);
  }

  async clearCookies(): Promise<void> {
    const cookies = await this.browser.cookies();
    if (cookies.length) await this.browser.deleteCookie(...cookies);
  }

  async shutdown(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.proxy.close();
  }
}
