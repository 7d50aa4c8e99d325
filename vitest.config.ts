import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { TIMED_FILES, TOOL_TESTS } from './tests/unit/passes';

/**
 * `GTA_UNIT_PASS` (scripts/test-all.mjs, see tests/unit/passes.ts) selects one pass: `product` (all but
 * the timed and tool files), `timed`, `tools`, and `mutation` (stryker.config.mjs). Unset, every unit test runs.
 */
const pass = process.env.GTA_UNIT_PASS;
const ALL = ['tests/unit/**/*.test.{ts,tsx}'];
const PASS_FILES: Record<string, { include: string[]; exclude: string[] }> = {
  product: { include: ALL, exclude: [...TIMED_FILES, ...TOOL_TESTS] },
  timed: { include: TIMED_FILES, exclude: [] },
  tools: { include: TOOL_TESTS, exclude: [] },
  // Stryker (stryker.config.mjs): the example-based tests beside utils/ only. Each mutant reruns the
  // tests that cover it; the page and service tests, and the property files' hundreds of random runs
  // (1.5 s per mutant for the responders), would take hours on 2 cores. The score is what these
  // tests alone notice: never more than the whole suite would.
  mutation: { include: ['tests/unit/utils/**/*.test.{ts,tsx}'], exclude: [...TIMED_FILES, 'tests/unit/utils/**/properties.test.ts'] },
};
if (pass && !PASS_FILES[pass]) throw new Error(`GTA_UNIT_PASS=${pass}: expected one of ${Object.keys(PASS_FILES).join(', ')}`);
const files = pass ? PASS_FILES[pass] : { include: ALL, exclude: [] };

/**
 * Unit tests: `tests/unit/**`. Node environment by default; a DOM test opts in with a first-line
 * comment `// @vitest-environment happy-dom`. WxtVitest makes `wxt/browser` resolve to WXT's
 * in-memory fakeBrowser (storage, alarms, runtime…), so services can be tested without a browser.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: files.include,
    exclude: ['**/node_modules/**', ...files.exclude],
    // The timed files run one at a time, with no other test file competing for the cores.
    ...(pass === 'timed' ? { fileParallelism: false } : {}),
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    // An empty suite (early in the project, or a filtered run) is not an error.
    passWithNoTests: true,
    // Stryker scores a mutant that stops a test file from loading as survived (stryker-js#6150):
    // in the mutation pass such a file reports one failed test, as `npm test` would show it red.
    ...(pass === 'mutation' ? { reporters: ['default', './tests/unit/harness/load-failure-reporter.ts'] } : {}),
    // Fresh fake storage and IndexedDB state per test file; each file resets what it needs per test.
    restoreMocks: true,
  },
});
