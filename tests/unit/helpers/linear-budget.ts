/**
 * The time one parser may take on 1 MB of hostile text in the linear-time tests (adversarial-inputs,
 * responders/hostile, email/linear-time). Those tests prove linearity with ratios between sizes; this
 * budget is the backstop against a parser that is linear but pathologically slow, or quadratic in a
 * way the ratios miss. A linear parser needs 5–110 ms here; a quadratic one needs seconds at 1 MB.
 * The budget was 100 ms until linear parsers took 102–111 ms on a slower 2-core VM (2026-12-02,
 * 2 × AMD EPYC): the test then measured the machine, not the parser. Twice that keeps the seconds of
 * a quadratic parser far above it.
 */
export const LINEAR_BUDGET_MS = 200;
