/**
 * How `npm test` (scripts/test-all.mjs) splits the unit tests into vitest passes (GTA_UNIT_PASS):
 * product tests, then the timed ones alone, then the tool tests, each reported on its own row.
 */

/** Tests of the simulator and the test harness: useful, but not tests of the product. */
export const TOOL_TESTS: string[] = ['tests/unit/goc-sim/**/*.test.{ts,tsx}', 'tests/unit/harness/**/*.test.{ts,tsx}'];

/**
 * Unit test files that assert elapsed time (linear-time budgets on hostile input, "within N ms"
 * guards). `npm test` runs them in a second vitest pass, one file at a time, after the other files:
 * a budget measured while other test files share the 2 cores measures the machine, not the parser.
 * A new file that times anything belongs here (tests/unit/harness/timed-files.test.ts checks the list).
 */
export const TIMED_FILES: string[] = [
  'tests/unit/utils/adversarial-inputs.test.ts',
  'tests/unit/utils/responders/hostile.test.ts',
  'tests/unit/utils/email/linear-time.test.ts',
  'tests/unit/utils/email/selection.test.ts',
  'tests/unit/utils/goc/fblist.test.ts',
  'tests/unit/utils/time/work.test.ts',
  'tests/unit/utils/update-draft.test.ts',
  'tests/unit/faults/hostile-text.test.ts',
  'tests/unit/faults/queue-faults.test.ts',
  'tests/unit/services/email-to-ticket.test.ts',
];
