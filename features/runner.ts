import type { Feature, FeatureEnv } from './types';
import { nextTask } from './shared/yield';

export interface FeatureOutcome {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
}

/**
 * Runs every feature meant for this page, each in its own try/catch, so one broken feature never
 * stops the others or the page's own scripts. Features start in list order, each in a task of its
 * own (the page's handlers and load event get their turn in between), and none waits for another's
 * asynchronous part (the banner's storage read must not delay the badges).
 * `forceFail` is a documented fault-injection hook (storage.local `debug.failFeatures`) used by
 * tests to prove that isolation; see `forcedFailure` for its entries.
 */
export async function runFeatures(
  features: readonly Feature[],
  env: FeatureEnv,
  forceFail: readonly string[] = [],
  yieldToPage: () => Promise<void> = nextTask,
): Promise<FeatureOutcome[]> {
  const run = async (feature: Feature): Promise<FeatureOutcome> => {
    try {
      const forced = forcedFailure(forceFail, feature.id);
      if (forced === 'before-init') throw new Error(`forced failure of ${feature.id} (debug.failFeatures)`);
      mark(`gta:${feature.id}:start`);
      await feature.init(env);
      if (forced === 'after-init') throw new Error(`forced failure of ${feature.id} after init (debug.failFeatures)`);
      if (forced === 'async') await rejectLater(`forced asynchronous failure of ${feature.id} after init (debug.failFeatures)`);
      measure(`gta:${feature.id}`, `gta:${feature.id}:start`);
      return { id: feature.id, status: 'ok' };
    } catch (error) {
      console.warn(`[GOC Ticket Assistant] feature "${feature.id}" failed:`, error);
      return { id: feature.id, status: 'failed', error: String(error) };
    }
  };
  const running: Promise<FeatureOutcome>[] = [];
  let first = true;
  for (const feature of features) {
    if (!feature.pages.includes(env.page.kind)) {
      running.push(Promise.resolve({ id: feature.id, status: 'skipped' }));
      continue;
    }
    if (!first) await yieldToPage();
    first = false;
    if (env.ctx?.isInvalid) break; // the extension was reloaded or updated meanwhile
    running.push(run(feature));
  }
  return Promise.all(running);
}

export type ForcedFailure = 'before-init' | 'after-init' | 'async';

/**
 * How `debug.failFeatures` makes a feature fail, by its entries: `<id>` (or `<id>:before-init`)
 * throws before its init runs; `<id>:after-init` throws once its init has finished (its UI and
 * handlers are on the page); `<id>:async` lets its init finish, then rejects in a later task (an
 * asynchronous part failing while the other features start). Null: not forced.
 */
export function forcedFailure(forceFail: readonly string[], id: string): ForcedFailure | null {
  for (const entry of forceFail) {
    if (entry === id || entry === `${id}:before-init`) return 'before-init';
    if (entry === `${id}:after-init`) return 'after-init';
    if (entry === `${id}:async`) return 'async';
  }
  return null;
}

function rejectLater(message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), 0));
}

/** Performance marks and measures per feature, for `npm run bench` and the browser's profiler. */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // diagnostics only
  }
}
function measure(name: string, start: string): void {
  try {
    performance.measure(name, start);
  } catch {
    // diagnostics only
  }
}
