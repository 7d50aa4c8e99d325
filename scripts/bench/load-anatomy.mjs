/**
 * Where the ticket page's load time goes after DOMContentLoaded: Chromium's trace of the 300-update
 * ticket with the production build and with the floor (the empty document_start extension), loads
 * interleaved. On the page's main thread, between DOMContentLoaded and the load event: the time in
 * all, style recalculation, layout, and rendering frames (a frame's lifecycle update: pre-paint,
 * compositing inputs, paint), and in how many loads a frame was rendered before the load event at
 * all. The floor's page usually fires load in the task after parsing, before its first frame; when
 * a frame comes first, its cost (the first paint of a 300-update page) lands inside the load time.
 * See README "Performance". Tracing adds its own overhead; compare the two columns, not with page-load.
 */
import { traceLoad, unionLength } from '../lib/trace.mjs';

export const name = 'load-anatomy';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'toplevel'];
const PARTS = {
  'style recalculation': ['UpdateLayoutTree'],
  layout: ['Layout'],
  'rendering frames (lifecycle updates)': ['WebFrameWidgetImpl::UpdateLifecycle'],
  'busy in all': ['ThreadControllerImpl::RunTask', 'RunTask'],
};

/** Milliseconds per part on the page's main thread between DOMContentLoaded and load; null if either mark is missing. */
function anatomy(events) {
  const dcl = events.findLast((e) => e.name === 'MarkDOMContent');
  const load = events.findLast((e) => e.name === 'MarkLoad');
  if (!dcl || !load || load.ts < dcl.ts) return null;
  const parts = Object.fromEntries(Object.keys(PARTS).map((k) => [k, []]));
  for (const e of events) {
    if (e.pid !== dcl.pid || e.tid !== dcl.tid || e.ph !== 'X') continue;
    const start = Math.max(e.ts, dcl.ts);
    const end = Math.min(e.ts + (e.dur ?? 0), load.ts);
    if (end <= start) continue;
    for (const [part, names] of Object.entries(PARTS)) if (names.includes(e.name)) parts[part].push([start / 1000, end / 1000]);
  }
  const ms = Object.fromEntries(Object.entries(parts).map(([k, list]) => [k, unionLength(list)]));
  return { window: (load.ts - dcl.ts) / 1000, framed: parts['rendering frames (lifecycle updates)'].length > 0, ...ms };
}

export async function run(ctx) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const sim = await ctx.sim();
  const browsers = { with: await ctx.chromium({ extension: true }), floor: await ctx.chromium({ extension: 'empty' }) };
  await ctx.setExtensionSettings(JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8')));
  const pages = {};
  for (const [key, browser] of Object.entries(browsers)) {
    pages[key] = await browser.page();
    await pages[key].goto(sim.url('/__sim/login?user=aroy&to=/__sim/state'));
  }
  await pages.with.goto(sim.url('/__sim/bench/ticket?updates=300'));
  const url = pages.with.url().replace(/#.*$/, '');
  const samples = { with: [], floor: [] };
  const loaded = (p) => p.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
  for (let i = -1; i < ctx.runs; i++) {
    for (const key of i % 2 === 0 ? ['with', 'floor'] : ['floor', 'with']) {
      const result = anatomy(await traceLoad(pages[key], url, CATEGORIES, loaded));
      if (key === 'with') await pages.with.waitForFunction(() => document.documentElement.hasAttribute('data-gta-features'), null, { timeout: 30_000 });
      if (i >= 0 && result) samples[key].push(result);
    }
  }
  for (const page of Object.values(pages)) await page.close();
  const m = (key, pick) => ctx.median(samples[key].map(pick));
  const note = `median of ${samples.with.length} / ${samples.floor.length} traced loads`;
  const label = 'ticket page, 300 updates, DOMContentLoaded → load (trace), with vs the floor';
  const rows = [{ metric: `${label}: the whole span`, value: m('with', (s) => s.window), unit: 'ms', compare: m('floor', (s) => s.window), note }];
  for (const part of Object.keys(PARTS)) {
    rows.push({ metric: `${label}: ${part}`, value: m('with', (s) => s[part]), unit: 'ms', compare: m('floor', (s) => s[part]), note });
  }
  const share = (key) => Math.round((100 * samples[key].filter((s) => s.framed).length) / Math.max(1, samples[key].length));
  rows.push({ metric: `${label}: loads with a frame rendered before the load event`, value: share('with'), unit: '%', compare: share('floor'), note: `${samples.with.length} / ${samples.floor.length} traced loads` });
  return rows;
}
