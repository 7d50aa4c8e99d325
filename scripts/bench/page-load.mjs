/**
 * Page-load cost of the extension: the simulator's ticket page with 300 updates, and /list/open,
 * loaded in three Chromium profiles side by side: with the production build, with the floor (an
 * empty extension whose one content script is injected at document_start, the cheapest thing any
 * extension can be), and without any extension. Same flags, same signed-in user, loads
 * interleaved so drift hits all three. Median of ctx.runs loads each after one warm-up, from the
 * Navigation Timing entry. Goal: load event end ≤ 1.03 × the floor.
 */
export const name = 'page-load';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';
const GOAL_RATIO = 1.03;

/**
 * Records when the content scripts mark <html data-gta-features>, in performance.now() time.
 * Observes `document` (subtree): an init script runs before the parser has made <html>.
 */
function watchFeatures() {
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute('data-gta-features')) {
      window.__gtaFeaturesAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-gta-features'] });
}

async function timing(page) {
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

const PROFILES = ['with', 'floor', 'without'];

export async function run(ctx) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const sim = await ctx.sim();
  const browsers = {
    with: await ctx.chromium({ extension: true }),
    floor: await ctx.chromium({ extension: 'empty' }),
    without: await ctx.chromium({ extension: false }),
  };
  await ctx.setExtensionSettings(JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8')));

  // The simulator's bench ticket: 300 updates (ticket 99000 + N), not in lists or counts.
  const pages = {};
  for (const key of PROFILES) {
    await browsers[key].context.addInitScript(watchFeatures); // in all three, so all pay for it
    const page = await browsers[key].page();
    await page.goto(sim.url('/__sim/login?user=aroy&to=/__sim/state'));
    pages[key] = page;
  }
  const probe = pages.with;
  await probe.goto(sim.url('/__sim/bench/ticket?updates=300'));
  const ticketUrl = probe.url().replace(/#.*$/, '');
  const updates = await probe.locator('#updates > .update_description').count();
  ctx.log(`bench ticket: ${ticketUrl} (${updates} updates)`);

  const rows = [];
  for (const [label, url] of [
    [`ticket page, ${updates} updates`, ticketUrl],
    ['/list/open', sim.url('/list/open')],
  ]) {
    const samples = Object.fromEntries(PROFILES.map((k) => [k, { dcl: [], load: [] }]));
    const featuresAt = [];
    for (let i = -1; i < ctx.runs; i++) {
      // Rotate the order so no profile always goes first.
      const order = PROFILES.map((_, j) => PROFILES[(j + i + 1) % PROFILES.length]);
      for (const key of order) {
        const page = pages[key];
        await page.goto(url, { waitUntil: 'load' });
        const t = await timing(page);
        if (key === 'with') {
          await page.waitForFunction(() => window.__gtaFeaturesAt !== undefined, null, { timeout: 30_000 });
          if (i >= 0) featuresAt.push(await page.evaluate(() => window.__gtaFeaturesAt));
        }
        if (i < 0) continue; // warm-up
        samples[key].dcl.push(t.dcl);
        samples[key].load.push(t.load);
      }
    }
    const m = (list) => ctx.median(list);
    const note = `median of ${ctx.runs}`;
    rows.push(
      {
        metric: `${label}: load event end, with vs the floor (empty document_start extension)`,
        value: m(samples.with.load),
        unit: 'ms',
        compare: m(samples.floor.load),
        goal: { maxRatio: GOAL_RATIO },
        note,
      },
      { metric: `${label}: load event end, with vs no extension`, value: m(samples.with.load), unit: 'ms', compare: m(samples.without.load), note },
      { metric: `${label}: load event end, the floor vs no extension`, value: m(samples.floor.load), unit: 'ms', compare: m(samples.without.load), note },
      { metric: `${label}: DOMContentLoaded, with vs the floor`, value: m(samples.with.dcl), unit: 'ms', compare: m(samples.floor.dcl), note },
      { metric: `${label}: all features done (data-gta-features set)`, value: m(featuresAt), unit: 'ms', note: 'after navigation start, with the extension' },
    );
  }
  for (const page of Object.values(pages)) await page.close();
  return rows;
}
