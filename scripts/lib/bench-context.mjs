/**
 * The `ctx` every scripts/bench/*.mjs module receives. Expensive things (the simulator, browsers,
 * TypeScript bundles) start on first use and are shared by all modules of a run.
 *
 *   ctx.runs                      repetitions for a median (BENCH_RUNS, default and minimum 10)
 *   ctx.log(line)                 progress output
 *   ctx.median(numbers)           the median
 *   await ctx.measure(fn, {runs, warmup})  → { median, min, max, samples } of fn()'s durations in ms
 *                                 (fn may return a number: its own measured duration, used instead)
 *   await ctx.sim()               the GOC simulator over https (port chosen freely):
 *                                 { origin, port, state, url(path), control(route, body?) }; url() gives
 *                                 the real GOC URL, which the browsers below map to the simulator
 *   await ctx.chromium({ extension: true|false|'empty'|'beside-floor' })
 *                                 a Chromium persistent context with the production build, without any
 *                                 extension, or with the floor: an empty extension whose one content script
 *                                 (an empty file, on the GOC hosts and on ctx.floorOnlyHost) is injected at
 *                                 document_start, the cheapest thing any extension can be (and its
 *                                 page.html, the cheapest extension page: one module script that marks
 *                                 gta:floor-page); or 'beside-floor': the production build and the floor
 *                                 in one Chromium, the floor's script on ctx.floorOnlyHost only (a host
 *                                 our extension does not run on by default), so every page there gets
 *                                 one extension's script, as in a Chromium with that extension alone.
 *                                 { context, extensionId (ours where it is loaded), page(),
 *                                 extensionPage(path) }; one of each per run
 *   ctx.floorOnlyHost             that host (the simulator answers on it too)
 *   await ctx.launchChromium(extensionDirs, ours?)   a Chromium of its own (not shared) with these extension
 *                                 directories (comma-separated), the same shape plus close(); `ours` is the one
 *                                 extensionPage() opens
 *   await ctx.floorExtension(onlyFloorHost?)   the floor's directory: on the GOC hosts and ctx.floorOnlyHost,
 *                                 or on ctx.floorOnlyHost only
 *   await ctx.setFailFeatures(ids, browser)    sets `debug.failFeatures` in that Chromium's extension
 *   await ctx.setExtensionSettings(settingsObject, browser?)   stores settings like the options page
 *                                 does, in the Chromium with the production build (or in `browser`)
 *   ctx.buildDir('chromium'|'firefox')   the production build directories (built before modules run)
 *   await ctx.importTs('utils/goc/list/index.ts')  imports a TypeScript module in Node (bundled by esbuild)
 *   await ctx.bundle('utils/goc/list/index.ts', { globalName: 'GtaList' })  IIFE source to evaluate in a page
 *   ctx.root                      repository root
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { EXTRA_GOC_HOST, launchChromium, unpackedExtensionId } from '../../tests/e2e/harness/launch.mjs';

const GOC = 'https://ticket.opensciencegrid.org';
/** The host only the floor runs on in a 'beside-floor' Chromium (the simulator answers there too). */
const FLOOR_ONLY_MATCH = `https://${EXTRA_GOC_HOST}/*`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Imports a TypeScript module of the repository in Node (bundled by esbuild into `tmpDir`). */
export async function importTypeScript(root, relPath, tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-bench-ts-'))) {
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch (error) {
    throw new Error(`esbuild is needed to load TypeScript in a bench (${error.message})`);
  }
  const outfile = path.join(tmpDir, `${relPath.replace(/[\\/]/g, '_')}.${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(root, relPath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // Optional peer / browser-only imports stay unresolved rather than failing the bundle.
    packages: 'bundle',
  });
  return import(pathToFileURL(outfile).href);
}

export function makeContext({ root, buildDir }) {
  const runs = Math.max(10, Number(process.env.BENCH_RUNS) || 10);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-bench-'));
  const closers = [];
  let simPromise = null;
  const browsers = new Map();

  const sim = () => {
    simPromise ??= (async () => {
      const { startSimulator } = await import(pathToFileURL(path.join(root, 'tests/goc-sim/server.mjs')).href);
      const s = await startSimulator({ port: 0, https: true, host: '127.0.0.1' });
      closers.push(() => s.close());
      return {
        origin: s.origin ?? s.url,
        port: s.port,
        state: s.state,
        url: (p = '/') => `${GOC}${p.startsWith('/') ? '' : '/'}${p}`,
        control: (route, body, options) => s.control(route, body, options),
      };
    })();
    return simPromise;
  };

  /**
   * The floor: a do-nothing MV3 extension with one empty content script at document_start (on the GOC
   * hosts and the floor-only host, or on `only` hosts), and one page (`page.html`) whose only module
   * script marks `gta:floor-page`.
   */
  const emptyExtension = async (only) => {
    const { GOC_MATCHES } = await ctx.importTs('utils/goc/hosts.ts');
    const dir = path.join(tmp, only ? 'empty-extension-floor-only' : 'empty-extension');
    fs.mkdirSync(dir, { recursive: true });
    const matches = only ?? [...GOC_MATCHES, FLOOR_ONLY_MATCH];
    const manifest = {
      manifest_version: 3,
      name: 'Empty (bench floor)',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches, js: ['empty.js'], run_at: 'document_start' }],
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, 'empty.js'), '');
    fs.writeFileSync(path.join(dir, 'background.js'), '');
    // The floor of an extension page: one module script that only marks when it ran.
    fs.writeFileSync(path.join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="page.js"></script>');
    fs.writeFileSync(path.join(dir, 'page.js'), "performance.mark('gta:floor-page');");
    return dir;
  };

  const extensionDirs = async (extension) => {
    if (extension === 'empty') return emptyExtension();
    // Each page gets exactly one extension's script: ours on the GOC hosts, the floor's on its own host.
    if (extension === 'beside-floor') return `${buildDir('chromium')},${await emptyExtension([FLOOR_ONLY_MATCH])}`;
    return extension ? buildDir('chromium') : null;
  };

  /**
   * A Chromium of its own (not shared between modules) with the extensions in `extensionDirs` (comma-
   * separated, or null), `ours` the one whose pages and storage `extensionPage` reaches.
   */
  const launchOwn = async (extensionDirs, ours) => {
    const s = await sim();
    const launched = await launchChromium({ chromium, extensionDir: extensionDirs, simPort: s.port, headless: true });
    closers.push(launched.close);
    const { context } = launched;
    // With two extensions loaded, the harness may have found either one's worker first.
    const extensionId = ours ? unpackedExtensionId(ours) : launched.extensionId;
    return {
      context,
      extensionId,
      close: launched.close,
      page: () => context.newPage(),
      extensionPage: async (p = 'manifest.json') => {
        if (!extensionId) throw new Error('this Chromium runs without the extension');
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${p}`);
        return page;
      },
    };
  };

  const chromiumCtx = ({ extension }) => {
    const key = extension === 'empty' || extension === 'beside-floor' ? extension : extension ? 'ext' : 'plain';
    if (!browsers.has(key)) {
      browsers.set(key, (async () => launchOwn(await extensionDirs(extension), extension === 'beside-floor' ? buildDir('chromium') : null))());
    }
    return browsers.get(key);
  };

  const esbuild = async () => {
    try {
      return await import('esbuild');
    } catch (error) {
      throw new Error(`esbuild is needed to load TypeScript in a bench (${error.message})`);
    }
  };

  const ctx = {
    root,
    runs,
    log: (line) => console.log(`  ${line}`),
    median,
    async measure(fn, { runs: n = runs, warmup = 1 } = {}) {
      for (let i = 0; i < warmup; i++) await fn(-1 - i);
      const samples = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const own = await fn(i);
        samples.push(typeof own === 'number' ? own : performance.now() - t0);
      }
      return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
    },
    sim,
    chromium: chromiumCtx,
    launchChromium: launchOwn,
    floorExtension: (onlyFloorHost = false) => emptyExtension(onlyFloorHost ? [FLOOR_ONLY_MATCH] : undefined),
    buildDir,
    floorOnlyHost: EXTRA_GOC_HOST,
    /** Writes settings where services/settings-store.ts reads them (identity → sync, the rest → local). */
    async setExtensionSettings(settings, browser) {
      const { extensionPage } = browser ?? (await chromiumCtx({ extension: true }));
      const page = await extensionPage('manifest.json');
      const { identity, ...rest } = settings;
      await page.evaluate(
        async ({ rest, identity }) => {
          await chrome.storage.local.set({ settings: rest });
          if (identity) await chrome.storage.sync.set({ identity });
        },
        { rest, identity },
      );
      await page.close();
    },
    /** Sets `debug.failFeatures` (the listed features are skipped before they start) in `browser`'s extension. */
    async setFailFeatures(ids, browser) {
      const page = await browser.extensionPage('manifest.json');
      await page.evaluate((list) => chrome.storage.local.set({ 'debug.failFeatures': list }), ids);
      await page.close();
    },
    importTs: (relPath) => importTypeScript(root, relPath, tmp),
    async bundle(relPath, { globalName = 'GtaBench', platform = 'browser' } = {}) {
      const { build } = await esbuild();
      const result = await build({
        entryPoints: [path.join(root, relPath)],
        bundle: true,
        format: 'iife',
        globalName,
        platform,
        target: 'es2022',
        write: false,
        logLevel: 'error',
      });
      return result.outputFiles[0].text;
    },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => undefined);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return ctx;
}
