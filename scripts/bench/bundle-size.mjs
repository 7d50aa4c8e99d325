/**
 * What each part of the extension costs to download and parse: every content-script bundle, the
 * background, and the popup and options pages with every script and stylesheet their HTML loads
 * (shared chunks included), gzipped (level 9) and raw, for both production builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const name = 'bundle-size';

/** Issue 11: every content script (with its CSS; the after-load ones the background injects too) at most 20 KiB gzipped. */
const CONTENT_SCRIPT_GOAL_KIB = 20;
const kb = (bytes) => bytes / 1024;
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Files an extension page loads: its HTML plus the scripts, module preloads and stylesheets it names. */
function pageFiles(dir, html) {
  const text = fs.readFileSync(path.join(dir, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const files = new Set([html, ...refs.map((r) => r.replace(/^\.?\//, ''))]);
  // Static imports between chunks (the HTML preloads most; follow the rest).
  for (const file of [...files]) {
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/from\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const resolved = path.normalize(path.join(path.dirname(file), m[1])).replace(/^(\.\.\/)+/, '');
      if (fs.existsSync(path.join(dir, resolved))) files.add(resolved);
    }
  }
  return [...files].filter((f) => fs.existsSync(path.join(dir, f)));
}

export async function run(ctx) {
  const rows = [];
  for (const target of ['chromium', 'firefox']) {
    const dir = ctx.buildDir(target);
    const build = path.basename(dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const entries = [];
    // Each content script file (a manifest entry may list several that share match patterns).
    for (const cs of manifest.content_scripts ?? []) {
      for (const file of cs.js ?? []) entries.push({ label: `content script ${file}`, files: [file], goal: { max: CONTENT_SCRIPT_GOAL_KIB } });
      for (const file of cs.css ?? []) entries.push({ label: `content stylesheet ${file}`, files: [file] });
    }
    const background = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
    if (background) entries.push({ label: `background ${background}`, files: [background] });
    const pages = ['popup.html', 'options.html'].filter((html) => fs.existsSync(path.join(dir, html)));
    for (const html of pages) entries.push({ label: `${html.replace('.html', '')} page (all files)`, files: pageFiles(dir, html) });
    // The after-load scripts the background injects into GOC pages (utils/goc/hosts.ts
    // AFTER_LOAD_SCRIPTS): every script at the build's root that no page loads and that is not the background.
    const pageOwned = new Set(pages.flatMap((html) => pageFiles(dir, html)));
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== background && !pageOwned.has(f)).sort()) {
      entries.push({ label: `injected script ${file}`, files: [file], goal: { max: CONTENT_SCRIPT_GOAL_KIB } });
    }
    for (const { label, files, goal } of entries) {
      const raw = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
      const zipped = files.reduce((sum, f) => sum + gz(path.join(dir, f)), 0);
      rows.push({ metric: `${build}: ${label}`, value: kb(zipped), unit: 'KiB gz', goal, note: `${kb(raw).toFixed(1)} KiB raw, ${files.length} file(s)` });
    }
  }
  return rows;
}
