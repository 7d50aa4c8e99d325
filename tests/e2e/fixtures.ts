/**
 * Playwright Test fixtures for every e2e spec. Write a spec once; it runs in the `chromium` and the
 * `firefox` project:
 *
 *   import { test, expect } from './fixtures';
 *   test('badge on a ticket', async ({ ext, sim }) => {
 *     await ext.importConfig(teamConfig);
 *     await sim.login('aroy');
 *     const page = await ext.openGocPage('/12345');
 *     expect(await page.count('[data-gta="responder-badge"]')).toBeGreaterThan(0);
 *   });
 *
 * Lifetimes: one simulator per worker process; one browser per spec FILE (relaunched when the next
 * file starts, or per test with `test.use({ freshBrowser: true })`); pages per test. Before each
 * test: simulator reset (POST /__sim/reset) and cookies cleared (you start as a guest). After each
 * test: its pages closed, the browser back online; on failure, screenshots and console logs of the
 * open pages are attached to the report. Extension storage is NOT cleared between tests of a file
 * (the background keeps running); call ext.clearStorage() or use freshBrowser when a test needs a
 * pristine profile. See tests/e2e/README.md for the whole API.
 */
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ChromiumDriver } from './harness/chromium';
import type { BaseDriver } from './harness/driver-base';
import { FirefoxDriver } from './harness/firefox';
import { makeSimHandle, REPO_ROOT, startSim, type RunningSim } from './harness/sim';
import type { BrowserName, ExtDriver, SimHandle } from './harness/types';
import { waitPastTeamMidnightMs } from './queue-clock';

export { expect };
export type { BrowserName, ExtDriver, GtaPage, SimHandle } from './harness/types';

const BUILD_DIRS: Record<BrowserName, string> = { chromium: 'chrome-mv3', firefox: 'firefox-mv2' };

/** The snapshot made by harness/global-setup.ts, or .output itself when run without it. */
function extensionDir(browser: BrowserName): string {
  const root = process.env.GTA_E2E_EXT_DIR ?? path.join(REPO_ROOT, '.output');
  return path.join(root, BUILD_DIRS[browser]);
}

class BrowserPool {
  private driver: BaseDriver | null = null;
  private file: string | null = null;

  constructor(
    private readonly browser: BrowserName,
    private readonly sim: RunningSim,
  ) {}

  async acquire(file: string, fresh: boolean): Promise<BaseDriver> {
    if (this.driver && (fresh || this.file !== file)) await this.release();
    if (!this.driver) {
      const options = { extensionDir: extensionDir(this.browser), simPort: this.sim.port };
      this.driver = this.browser === 'chromium' ? await ChromiumDriver.launch(options) : await FirefoxDriver.launch(options);
      this.file = file;
    }
    return this.driver;
  }

  async release(): Promise<void> {
    const driver = this.driver;
    this.driver = null;
    this.file = null;
    await driver?.shutdown();
  }
}

interface WorkerFixtures {
  /** Which browser this project drives; set per project in playwright.config.ts. */
  gtaBrowser: BrowserName;
  _gtaSim: RunningSim;
  _gtaPool: BrowserPool;
}

interface TestFixtures {
  _gtaClearOfTeamMidnight: void;
  /** Launch a new browser (new profile) for this test instead of sharing the file's browser. */
  freshBrowser: boolean;
  ext: ExtDriver;
  sim: SimHandle;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  gtaBrowser: ['chromium', { option: true, scope: 'worker' }],
  freshBrowser: [false, { option: true }],

  _gtaSim: [
    async ({}, use) => {
      const sim = await startSim();
      await use(sim);
      await sim.close();
    },
    { scope: 'worker' },
  ],

  _gtaPool: [
    async ({ gtaBrowser, _gtaSim }, use) => {
      const pool = new BrowserPool(gtaBrowser, _gtaSim);
      await use(pool);
      await pool.release();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  ext: async ({ _gtaPool, freshBrowser }, use, testInfo) => {
    const driver = await _gtaPool.acquire(testInfo.file, freshBrowser);
    await driver.clearCookies();
    await use(driver);

    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, page] of driver.pages().entries()) {
        const name = `page-${i + 1}`;
        const file = testInfo.outputPath(`${name}.png`);
        if (await page.screenshot(file, { fullPage: true }).then(() => true, () => false)) {
          await testInfo.attach(`${name} ${page.url()}`, { path: file, contentType: 'image/png' });
        }
        const log = page.consoleMessages().map((m) => `[${m.type}] ${m.text}`).join('\n');
        if (log) await testInfo.attach(`${name} console`, { body: log, contentType: 'text/plain' });
      }
    }
    await driver.closeAllPages();
    if (driver.offline) await driver.setOffline(false).catch(() => undefined);
    if (freshBrowser) await _gtaPool.release();
  },

  // Runs before every test: see waitPastTeamMidnightMs.
  _gtaClearOfTeamMidnight: [
    async ({}, use, testInfo) => {
      const wait = waitPastTeamMidnightMs();
      if (wait > 0) {
        testInfo.setTimeout(testInfo.timeout + wait);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await use();
    },
    { auto: true },
  ],

  sim: async ({ _gtaSim, ext }, use) => {
    const handle = makeSimHandle(_gtaSim, async () => ext);
    await handle.reset();
    await use(handle);
  },
});
