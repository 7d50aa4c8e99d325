import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests: `tests/unit/**`. Node environment by default; a DOM test opts in with a first-line
 * comment `// @vitest-environment happy-dom`. WxtVitest makes `wxt/browser` resolve to WXT's
 * in-memory fakeBrowser (storage, alarms, runtime…), so services can be tested without a browser.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    // An empty suite (early in the project, or a filtered run) is not an error.
    passWithNoTests: true,
    // Fresh fake storage and IndexedDB state per test file; each file resets what it needs per test.
    restoreMocks: true,
  },
});
