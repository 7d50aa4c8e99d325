/**
 * Where `/list/open`'s load time goes with our extension: the same build in several states, each in
 * a Chromium of its own beside the floor (the empty document_start extension, on ctx.floorOnlyHost
 * only), so every figure is a paired ratio inside one Chromium, as in page-load:
 *   - our build as shipped;
 *   - every feature off (`debug.failFeatures`): the scripts, their settings read and start-up only;
 *   - the content scripts emptied (a copy of the build, same manifest and background, every
 *     content-scripts/*.js an empty file, so the loader asks for no after-load script either): what
 *     the manifest's entries and our background cost;
 *   - the method's control: the floor alone on both hosts (fair at 1.00).
 * The two tabs of one Chromium differ by up to ±4 % for that Chromium's life (README › Performance),
 * so a state is compared with the floor in its own Chromium, never with another state's figures
 * directly. Rounds load all tabs in a shuffled, seeded order, with a pause after every load
 * (paired-loads SETTLE_MS); one warm-up round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTiming, pairedFigures, seededRandom, settle, shuffled, SHUFFLE_SEED, watchFeatures } from '../lib/paired-loads.mjs';

export const name = 'list-cost';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';
const LIST_FEATURES = ['duty-banner', 'queue-highlight'];

/** A copy of the build whose content scripts are empty files. */
function emptiedBuild(buildDir, dir) {
  fs.cpSync(buildDir, dir, { recursive: true });
  const scripts = path.join(dir, 'content-scripts');
  for (const file of fs.readdirSync(scripts)) if (file.endsWith('.js')) fs.writeFileSync(path.join(scripts, file), '');
  return dir;
}

export async function run(ctx) {
  const sim = await ctx.sim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-list-cost-'));
  const floorOnly = await ctx.floorExtension(true);
  const ours = ctx.buildDir('chromium');
  const settings = JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8'));
  const states = {
    'our build': { extension: ours, off: [], waits: true },
    'every feature off': { extension: ours, off: LIST_FEATURES, waits: true },
    'content scripts emptied': { extension: emptiedBuild(ours, path.join(tmp, 'emptied')), off: [], waits: false },
    "the method's control (the floor on both hosts)": { extension: null },
  };
  // Closed here, not at the end of the run: four Chromiums left open would slow the modules after this one.
  const closers = [async () => fs.rmSync(tmp, { recursive: true, force: true })];
  const tabs = {};
  try {
    for (const [state, spec] of Object.entries(states)) {
      const browser = spec.extension ? await ctx.launchChromium(`${spec.extension},${floorOnly}`, spec.extension) : await ctx.launchChromium(await ctx.floorExtension());
      closers.push(browser.close);
      await browser.context.addInitScript(watchFeatures);
      if (spec.extension) {
        await ctx.setExtensionSettings(settings, browser);
        await ctx.setFailFeatures(spec.off, browser);
      }
      for (const side of ['goc', 'floor']) {
        const page = await browser.page();
        const url = (p) => (side === 'goc' ? sim.url(p) : Object.assign(new URL(sim.url(p)), { host: ctx.floorOnlyHost }).href);
        await page.goto(url('/__sim/login?user=aroy&to=/__sim/state'));
        tabs[`${state}|${side}`] = { page, url: url('/list/open'), waits: side === 'goc' && spec.waits, samples: { dcl: [], load: [] } };
      }
    }
    const random = seededRandom(SHUFFLE_SEED);
    for (let i = -1; i < ctx.runs; i++) {
      for (const tab of shuffled(Object.values(tabs), random)) {
        await tab.page.bringToFront();
        await tab.page.goto(tab.url, { waitUntil: 'load' });
        const t = await loadTiming(tab.page);
        if (tab.waits) await tab.page.waitForFunction(() => window.__gtaFeaturesAt !== undefined, null, { timeout: 30_000 });
        await settle();
        if (i < 0) continue; // warm-up
        tab.samples.dcl.push(t.dcl);
        tab.samples.load.push(t.load);
      }
    }
    return Object.keys(states).flatMap((state) =>
      [
        ['load', 'load event end'],
        ['dcl', 'DOMContentLoaded'],
      ].map(([what, label]) => ({
        metric: `/list/open, ${state}: ${label} vs the floor in its own Chromium`,
        ...pairedFigures(tabs[`${state}|goc`].samples[what], tabs[`${state}|floor`].samples[what], ctx.median),
      })),
    );
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}
