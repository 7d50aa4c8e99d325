/**
 * Page-load overhead of the extension: the simulator's ticket page with 300 updates, and
 * /list/open, loaded in Chromium with the production extension and in the same Chromium without
 * it (two persistent contexts, same flags, same signed-in user, loads interleaved so drift hits
 * both). Median of ctx.runs loads each after one warm-up, from the Navigation Timing entry.
 */
export const name = 'page-load';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';

/**
 * Records when the content script marks <html data-gta-features>, in performance.now() time.
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

export async function run(ctx) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const sim = await ctx.sim();
  const withExt = await ctx.chromium({ extension: true });
  const without = await ctx.chromium({ extension: false });
  await ctx.setExtensionSettings(JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8')));

  // The simulator's bench ticket: 300 updates (ticket 99000 + N), not in lists or counts.
  const pages = {};
  for (const [key, browser] of [['with', withExt], ['without', without]]) {
    await browser.context.addInitScript(watchFeatures); // in both, so both pay for it
    const page = await browser.page();
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
    const samples = { with: { dcl: [], load: [], features: [] }, without: { dcl: [], load: [] } };
    for (let i = -1; i < ctx.runs; i++) {
      for (const key of i % 2 ? ['with', 'without'] : ['without', 'with']) {
        const page = pages[key];
        await page.goto(url, { waitUntil: 'load' });
        const t = await timing(page);
        if (key === 'with') {
          await page.waitForFunction(() => window.__gtaFeaturesAt !== undefined, null, { timeout: 30_000 });
          if (i >= 0) samples.with.features.push(await page.evaluate(() => window.__gtaFeaturesAt));
        }
        if (i < 0) continue; // warm-up
        samples[key].dcl.push(t.dcl);
        samples[key].load.push(t.load);
      }
    }
    const m = (list) => ctx.median(list);
    rows.push(
      { metric: `${label}: DOMContentLoaded`, value: m(samples.with.dcl), unit: 'ms', compare: m(samples.without.dcl), note: `median of ${ctx.runs}; compare = without the extension` },
      { metric: `${label}: load event end`, value: m(samples.with.load), unit: 'ms', compare: m(samples.without.load), note: `median of ${ctx.runs}; compare = without the extension` },
      { metric: `${label}: all features done (data-gta-features set)`, value: m(samples.with.features), unit: 'ms', note: 'after navigation start, with the extension' },
    );
  }
  for (const page of Object.values(pages)) await page.close();
  return rows;
}
