/**
 * Paired page loads (scripts/bench/page-load.mjs, list-cost.mjs): each round loads every page once,
 * in a shuffled, seeded order, and a figure is the ratio of two pages' loads in the same round.
 */

/**
 * An init script: records when the content scripts mark <html data-gta-features> (window.__gtaFeaturesAt,
 * performance.now() time). Observes `document` (subtree): an init script runs before the parser has made <html>.
 */
export function watchFeatures() {
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute('data-gta-features')) {
      window.__gtaFeaturesAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-gta-features'] });
}

export function geometricMean(ratios) {
  return Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
}

/**
 * A 95 % interval for the geometric mean of the paired ratios (percentile bootstrap, 2,000
 * resamples, seeded): how far one pass can be trusted, next to the 3 % the goal allows.
 */
export function geometricMeanInterval(ratios, random) {
  const means = [];
  for (let i = 0; i < 2000; i++) means.push(geometricMean(ratios.map(() => ratios[Math.floor(random() * ratios.length)])));
  means.sort((a, b) => a - b);
  return [means[49], means[1949]];
}

/** The rounds' orders come from this seed (BENCH_SEED overrides it). */
export const SHUFFLE_SEED = Number(process.env.BENCH_SEED) || 20261203;

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The pause after each measured load (and after waiting for our features), the same for every tab:
 * one page's load is measured with the machine at rest, not while the page before it (in any tab)
 * still lays out, paints, collects garbage or answers storage requests after its load event. A user
 * reads a page for longer than this before opening the next. Our `/list/open` read 1.09–1.13× the
 * floor without it (three Chromiums) and 1.01–1.09× with it (six; README › Performance).
 */
export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);

export function settle() {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** The Navigation Timing figures of a page's last load, once its load event has ended. */
export async function loadTiming(page) {
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

/**
 * A bench row's figures for two pages' loads of the same rounds: the medians, the median of the paired
 * ratios, and a note with their geometric mean, its interval and the ratio of the medians.
 */
export function pairedFigures(a, b, median) {
  const paired = a.map((v, k) => v / b[k]);
  const [value, compared] = [median(a), median(b)];
  const [low, high] = geometricMeanInterval(paired, seededRandom(SHUFFLE_SEED));
  return {
    value,
    unit: 'ms',
    compare: compared,
    ratio: median(paired),
    note: `median of ${paired.length} paired ratios; their geometric mean ${geometricMean(paired).toFixed(3)}× (95 % interval ${low.toFixed(3)}–${high.toFixed(3)}×); ratio of the medians ${(value / compared).toFixed(3)}×`,
  };
}
