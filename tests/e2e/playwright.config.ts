/**
 * End-to-end tests: `npx playwright test -c tests/e2e` (both browsers), `--project chromium` or
 * `--project firefox` for one. Specs use the fixtures in ./fixtures.ts, never Playwright's own
 * `page`/`browser` fixtures (Firefox is driven through puppeteer-core, not Playwright).
 * See tests/e2e/README.md.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import type { BrowserName } from './harness/types';

const ARTIFACTS = path.resolve(import.meta.dirname ?? __dirname, '../../artifacts/e2e');

export default defineConfig<{}, { gtaBrowser: BrowserName }>({
  testDir: '.',
  testMatch: ['**/*.spec.ts'],
  // One browser at a time: 2 cores, and a browser per spec file is launched inside the worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './harness/global-setup.ts',
  outputDir: path.join(ARTIFACTS, 'test-results'),
  reporter: [['list'], ['html', { outputFolder: path.join(ARTIFACTS, 'report'), open: 'never' }]],
  projects: [
    { name: 'chromium', use: { gtaBrowser: 'chromium' } },
    { name: 'firefox', use: { gtaBrowser: 'firefox' } },
  ],
});
