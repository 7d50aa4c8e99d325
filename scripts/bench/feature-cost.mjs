/**
 * Which features the ticket page's load pays for: the production build on the 300-update ticket
 * with groups of features switched off at run time (the `debug.failFeatures` hook: a listed feature
 * is skipped before it starts), each beside the floor (the empty document_start extension), loads
 * interleaved, median of ctx.runs. With every feature off, what is left is the scripts' evaluation
 * and their one storage read. See README "Performance".
 */
export const name = 'feature-cost';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';

export async function run(ctx) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const sim = await ctx.sim();
  const withExt = await ctx.chromium({ extension: true });
  const floor = await ctx.chromium({ extension: 'empty' });
  await ctx.setExtensionSettings(JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8')));
  // A feature's id is its folder name (tests/unit/features/conventions.test.ts holds us to it).
  const featuresDir = path.join(ctx.root, 'features');
  const ids = fs
    .readdirSync(featuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => d.name);
  // Features with phase 'ready' (they start at DOMContentLoaded, the rest after load).
  const early = ids.filter((id) => /phase:\s*'ready'/.test(fs.readFileSync(path.join(featuresDir, id, 'index.ts'), 'utf8')));
  const variants = {
    'every feature on': [],
    'every feature off (scripts and their storage read only)': ids,
    [`only the DOM-ready features (${early.join(', ')})`]: ids.filter((id) => !early.includes(id)),
    'every feature but the DOM-ready ones': early,
  };
  const pages = { with: await withExt.page(), floor: await floor.page() };
  for (const page of Object.values(pages)) await page.goto(sim.url('/__sim/login?user=aroy&to=/__sim/state'));
  await pages.with.goto(sim.url('/__sim/bench/ticket?updates=300'));
  const url = pages.with.url().replace(/#.*$/, '');
  const loadEnd = async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
    return page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  };
  const rows = [];
  try {
    for (const [label, off] of Object.entries(variants)) {
      await ctx.setFailFeatures(off, withExt);
      const samples = { with: [], floor: [] };
      for (let i = -1; i < ctx.runs; i++) {
        const order = i % 2 === 0 ? ['with', 'floor'] : ['floor', 'with'];
        for (const key of order) {
          const t = await loadEnd(pages[key]);
          if (i >= 0) samples[key].push(t);
        }
      }
      rows.push({
        metric: `ticket page, 300 updates: load event end, ${label}, vs the floor`,
        value: ctx.median(samples.with),
        unit: 'ms',
        compare: ctx.median(samples.floor),
        note: `median of ${ctx.runs}`,
      });
    }
  } finally {
    await ctx.setFailFeatures([], withExt);
    for (const page of Object.values(pages)) await page.close();
  }
  return rows;
}
