import type { Feature, FeatureEnv } from './types';

export interface FeatureOutcome {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
}

/**
 * Runs every feature meant for this page, each in its own try/catch, so one broken feature never
 * stops the others or the page's own scripts. `forceFail` is a documented fault-injection hook
 * (storage.local `debug.failFeatures`) used by tests to prove that isolation.
 */
export async function runFeatures(
  features: readonly Feature[],
  env: FeatureEnv,
  forceFail: readonly string[] = [],
): Promise<FeatureOutcome[]> {
  const outcomes: FeatureOutcome[] = [];
  for (const feature of features) {
    if (!feature.pages.includes(env.page.kind)) {
      outcomes.push({ id: feature.id, status: 'skipped' });
      continue;
    }
    try {
      if (forceFail.includes(feature.id)) throw new Error(`forced failure of ${feature.id} (debug.failFeatures)`);
      await feature.init(env);
      outcomes.push({ id: feature.id, status: 'ok' });
    } catch (error) {
      console.warn(`[GOC Ticket Assistant] feature "${feature.id}" failed:`, error);
      outcomes.push({ id: feature.id, status: 'failed', error: String(error) });
    }
  }
  return outcomes;
}
