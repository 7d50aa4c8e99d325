/**
 * Mutation testing (`npm run mutation`, not part of `npm test`: it runs the unit tests once per
 * mutant and takes long on 2 cores). Stryker changes one thing at a time in the modules that decide
 * what the user sees and checks that some unit test notices. One module:
 *   npm run mutation -- --mutate utils/unsigned-guard.ts
 * Re-measuring after new tests: add `--incremental` (only mutants whose code or covering tests
 * changed run again; results in reports/stryker-incremental.json).
 * Reports: artifacts/mutation/ (html, json); the score per module is in the README.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `npm run mutation` sets GTA_UNIT_PASS=mutation: only the tests beside utils/ (tests/unit/utils/**,
  // not the timed files) run, and of those only the ones related to the mutated file. A score is what
  // the pure-logic tests alone notice; the page and service tests would make a run 8x slower.
  vitest: { configFile: 'vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'utils/queue/classify.ts',
    'utils/rotation/schedule.ts',
    'utils/signature.ts',
    'utils/responders/*.ts',
    'utils/responder-summary.ts',
    'utils/snippets.ts',
    'utils/unsigned-guard.ts',
    'utils/email/*.ts',
    'utils/settings/*.ts',
    '!utils/**/index.ts',
    '!utils/**/types.ts',
  ],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'artifacts/mutation/mutation.json' },
  htmlReporter: { fileName: 'artifacts/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: another run's temp dir (two runs at once each pass their own
  // --tempDirName), builds and reports.
  ignorePatterns: ['.stryker-tmp*', '.output', 'artifacts', 'test-results', 'playwright-report'],
  cleanTempDir: 'always',
};
