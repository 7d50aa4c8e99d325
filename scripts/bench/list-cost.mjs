/**
 * Where `/list/open`'s load time goes with our extension: the same build in several states, each in
 * a Chromium of its own beside the floor (the empty document_start extension, on ctx.floorOnlyHost
 * only), so every figure is a paired ratio inside one Chromium, as in page-load:
 *   - our build as shipped;
 *   - every feature off (`debug.failFeatures`): the scripts, their settings read and start-up only;
 *   - the content scripts emptied (a copy of the build, same manifest and background, every
 *     content-scripts/*.js an empty file): what the manifest's entries and our background cost;
 *   - the method's control: the floor alone on both hosts (fair at 1.00).
 * The two tabs of one Chromium differ by up to ±4 % for that Chromium's life (README › Performance),
 * so a state is compared with the floor in its own Chromium, never with another state's figures
 * directly. Rounds load all tabs in a shuffled, seeded order; one warm-up round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchChromium, unpackedExtensionId } from '../../tests/e2e/harness/launch.mjs';
import { loadTiming, pairedNote, seededRandom, shuffled, SHUFFLE_SEED, watchFeatures } from '../lib/paired-loads.mjs';

export const name = 'list-cost';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';
const LIST_FEATURES = ['duty-banner', 'queue-highlight'];

/**
 * An MV3 extension whose one content script (an empty file) runs at document_start on `matches`
 * (and an empty background, which the launcher waits for).
 */
function emptyExtension(dir, matches) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { manifest_version: 3, name: 'Empty (bench floor)', version: '1.0', background: { service_worker: 'background.js' }, content_scripts: [{ matches, js: ['empty.js'], run_at: 'document_start' }] };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'empty.js'), '');
  fs.writeFileSync(path.join(dir, 'background.js'), '');
  return dir;
}

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
  const floorOnly = emptyExtension(path.join(tmp, 'floor-only'), [`https://${ctx.floorOnlyHost}/*`]);
  const ours = ctx.buildDir('chromium');
  const settings = JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8'));
  const states = {
    'our build': { extension: ours, off: [], waits: true },
    'every feature off': { extension: ours, off: LIST_FEATURES, waits: true },
    'content scripts emptied': { extension: emptiedBuild(ours, path.join(tmp, 'emptied')), off: [], waits: false },
    "the method's control (the floor on both hosts)": { floorOnBoth: true },
  };
  const closers = [async () => fs.rmSync(tmp, { recursive: true, force: true })];
  const tabs = {};
  try {
    for (const [state, spec] of Object.entries(states)) {
      const dirs = spec.floorOnBoth ? emptyExtension(path.join(tmp, 'floor-both'), [sim.url('/*'), `https://${ctx.floorOnlyHost}/*`]) : `${spec.extension},${floorOnly}`;
      const { context, close } = await launchChromium({ chromium, extensionDir: dirs, simPort: sim.port, headless: true });
      closers.push(close);
      await context.addInitScript(watchFeatures);
      if (spec.extension) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${unpackedExtensionId(spec.extension)}/manifest.json`);
        const { identity, ...rest } = settings;
        await page.evaluate(
          async ({ rest, identity, off }) => {
            await chrome.storage.local.set({ settings: rest, 'debug.failFeatures': off });
            if (identity) await chrome.storage.sync.set({ identity });
          },
          { rest, identity, off: spec.off },
        );
        await page.close();
      }
      for (const side of ['goc', 'floor']) {
        const page = await context.newPage();
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
        if (i < 0) continue; // warm-up
        tab.samples.dcl.push(t.dcl);
        tab.samples.load.push(t.load);
      }
    }
    const rows = [];
    for (const state of Object.keys(states)) {
      for (const [what, label] of [['load', 'load event end'], ['dcl', 'DOMContentLoaded']]) {
        const [a, b] = [tabs[`${state}|goc`].samples[what], tabs[`${state}|floor`].samples[what]];
        const paired = a.map((v, k) => v / b[k]);
        const [value, compared] = [ctx.median(a), ctx.median(b)];
        rows.push({ metric: `/list/open, ${state}: ${label} vs the floor in its own Chromium`, value, unit: 'ms', compare: compared, ratio: ctx.median(paired), note: pairedNote(paired, value, compared) });
      }
    }
    return rows;
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}
