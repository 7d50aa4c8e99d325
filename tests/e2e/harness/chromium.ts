/**
 * Chromium under Playwright: Debian's /usr/bin/chromium, a persistent context with the production
 * MV3 build loaded unpacked, and --host-resolver-rules sending both GOC host names to the
 * simulator's loopback port (any port works: no root, no fixed port).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { BaseDriver } from './driver-base';
import { PlaywrightGtaPage, type FrontTracker } from './page';
import { CHROMIUM_PATH, chromiumArgs, launchChromium, TEST_APPROVED_HOST_PATTERNS } from './launch.mjs';
import type { GtaPage } from './types';

export { CHROMIUM_PATH, chromiumArgs };

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

export class ChromiumDriver extends BaseDriver {
  readonly browserName = 'chromium' as const;
  readonly backgroundKind = 'service-worker' as const;
  private readonly front: FrontTracker = { current: null };
  private readonly workerStatus = new Map<string, { scriptURL: string; status: RunningStatus }>();
  private hiddenPage!: Page;

  private constructor(
    private readonly context: BrowserContext,
    private readonly closeBrowser: () => Promise<void>,
    readonly extensionId: string,
    private readonly cdp: CDPSession,
    extensionPath: string,
    manifest: Record<string, any>,
  ) {
    super(extensionPath, manifest);
  }

  static async launch(options: { extensionDir: string; simPort: number }): Promise<ChromiumDriver> {
    const launched = await launchChromium({
      chromium,
      extensionDir: options.extensionDir,
      simPort: options.simPort,
      headless: process.env.GTA_E2E_HEADED !== '1',
      // The extra test site's permission is granted by the extension's own request without a prompt (launch.mjs seedApprovedHosts).
      approvedHostPatterns: TEST_APPROVED_HOST_PATTERNS,
    });
    const { context } = launched;
    try {
      // CDP's ServiceWorker domain lives on a page session. It must be a non-extension page: stopping
      // workers from a session on an extension page also tears that page down.
      // (Not the welcome tab the install may already have opened: that one is closed below.)
      const cdpHost = context.pages().find((p) => !p.url().startsWith('chrome-extension://')) ?? (await context.newPage());
      const cdp = await context.newCDPSession(cdpHost);
      const manifest = JSON.parse(fs.readFileSync(path.join(options.extensionDir, 'manifest.json'), 'utf8'));
      const driver = new ChromiumDriver(context, launched.close, launched.extensionId as string, cdp, options.extensionDir, manifest);
      await driver.init();
      await driver.settleInstallTab();
      return driver;
    } catch (error) {
      await launched.close();
      throw error;
    }
  }

  private async init(): Promise<void> {
    this.cdp.on('ServiceWorker.workerVersionUpdated', (event: any) => {
      for (const v of event.versions) {
        this.workerStatus.set(v.versionId, { scriptURL: v.scriptURL, status: v.runningStatus });
      }
    });
    await this.cdp.send('ServiceWorker.enable');
    // enable() reports the current versions asynchronously: wait for ours before anyone asks.
    const deadline = Date.now() + 10_000;
    while (this.ourStatuses().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    // The hidden extension page used for storage and messaging: manifest.json is rendered as an
    // extension document with every extension API and runs none of the extension's own code.
    this.hiddenPage = await this.context.newPage();
    await this.hiddenPage.goto(this.extensionUrl('manifest.json'));
  }

  extensionUrl(p: string): string {
    return `chrome-extension://${this.extensionId}/${p.replace(/^\//, '')}`;
  }

  protected async createPage(): Promise<GtaPage> {
    const raw = await this.context.newPage();
    const page = new PlaywrightGtaPage(raw, this.front, this.untrack);
    this.front.current = page;
    return page;
  }

  protected async rawPages(): Promise<Array<{ raw: unknown; url: string }>> {
    return this.context.pages().filter((p) => !p.isClosed() && p !== this.hiddenPage).map((p) => ({ raw: p, url: p.url() }));
  }

  protected wrapPage(raw: unknown): GtaPage {
    return new PlaywrightGtaPage(raw as Page, this.front, this.untrack);
  }

  private async extensionPage(): Promise<Page> {
    if (this.hiddenPage.isClosed()) {
      this.hiddenPage = await this.context.newPage();
      await this.hiddenPage.goto(this.extensionUrl('manifest.json'));
      this.front.current = null;
    }
    return this.hiddenPage;
  }

  async extensionEval<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.extensionPage()).evaluate(fn as any, arg) as Promise<R>;
  }

  private ourStatuses(): RunningStatus[] {
    const prefix = `chrome-extension://${this.extensionId}/`;
    return [...this.workerStatus.values()].filter((v) => v.scriptURL.startsWith(prefix)).map((v) => v.status);
  }

  async isBackgroundRunning(): Promise<boolean> {
    return this.ourStatuses().includes('running');
  }

  /** Waits for 'running' (some version runs) or 'stopped' (no version runs, starts or stops). */
  private async waitForStatus(wanted: 'running' | 'stopped', timeout: number): Promise<void> {
    const reached = () => {
      const statuses = this.ourStatuses();
      return wanted === 'running' ? statuses.includes('running') : statuses.every((s) => s === 'stopped');
    };
    const deadline = Date.now() + timeout;
    while (!reached()) {
      if (Date.now() > deadline) {
        throw new Error(`service worker did not become ${wanted} within ${timeout} ms (now: ${this.ourStatuses().join(',') || 'unknown'})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The live service worker, started first when Chrome (or a test) stopped it. */
  private async worker(): Promise<Worker> {
    if (!(await this.isBackgroundRunning())) {
      // A message event starts a stopped worker; the extension does not listen to it.
      await this.extensionEval(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        registration?.active?.postMessage('gta-e2e-wake');
      });
      await this.waitForStatus('running', 15_000);
    }
    const prefix = `chrome-extension://${this.extensionId}/`;
    const worker =
      this.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
      (await this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 }));
    return worker;
  }

  async background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.worker()).evaluate(fn as any, arg) as Promise<R>;
  }

  async stopServiceWorker(): Promise<'stopped'> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await this.waitForStatus('stopped', 10_000);
    return 'stopped';
  }

  protected async applyOffline(offline: boolean): Promise<void> {
    // Applies to every page and to the service worker (navigator.onLine and fetch).
    await this.context.setOffline(offline);
  }

  async clearCookies(): Promise<void> {
    await this.context.clearCookies();
  }

  async shutdown(): Promise<void> {
    await this.closeBrowser();
  }
}
