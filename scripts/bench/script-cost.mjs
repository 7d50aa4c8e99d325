/**
 * What our content scripts cost the ticket page before it has even been parsed: Chromium's own
 * trace (DevTools timeline categories) of the 300-update ticket with the production build, summing
 * the main-thread time of the trace events that name one of our scripts (compile, evaluate and the
 * callbacks the browser can attribute to it), before DOMContentLoaded and in all, per script file.
 * Overlapping events are merged so nothing counts twice. Median of ctx.runs traced loads.
 *
 * Work that runs as a promise continuation (our DOM-ready features) carries no script URL in the
 * trace, so it is not in these figures: the ticket-badges module measures that part. Together they
 * are the arithmetic behind README "Performance" (why load ≤ 1.03× the floor and badges ≤ 50 ms
 * after DOMContentLoaded cannot both hold on this page).
 */
import { traceLoad, unionLength } from '../lib/trace.mjs';

export const name = 'script-cost';

const TEAM_CONFIG = 'tests/fixtures/team-config.json';
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'loading'];
/** Trace events that carry the script they compile or run. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.run', 'TimerFire', 'EventDispatch']);

function scriptUrl(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  return data.url ?? data.fileName ?? event.args?.fileName ?? '';
}

/** Milliseconds of main-thread time per script file, before DOMContentLoaded and in all. */
function attribute(events, extensionId) {
  const ours = `chrome-extension://${extensionId}/`;
  const dcl = events.findLast((e) => e.name === 'MarkDOMContent');
  const perFile = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !SCRIPT_EVENTS.has(e.name)) continue;
    const url = scriptUrl(e);
    if (!url.startsWith(ours)) continue;
    const file = url.slice(ours.length);
    // The service worker's events share the trace; the rest are content scripts (the manifest's in
    // content-scripts/, the after-load ones the background injects at the root).
    if (file === 'background.js' || file.startsWith('chunks/')) continue;
    if (!perFile.has(file)) perFile.set(file, []);
    perFile.get(file).push([e.ts / 1000, (e.ts + (e.dur ?? 0)) / 1000]);
  }
  const dclAt = dcl ? dcl.ts / 1000 : Infinity;
  const all = [...perFile.values()].flat();
  return {
    beforeDcl: unionLength(all, dclAt),
    total: unionLength(all),
    files: Object.fromEntries([...perFile].map(([file, list]) => [file, { beforeDcl: unionLength(list, dclAt), total: unionLength(list) }])),
  };
}

export async function run(ctx) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const sim = await ctx.sim();
  const withExt = await ctx.chromium({ extension: true });
  await ctx.setExtensionSettings(JSON.parse(fs.readFileSync(path.join(ctx.root, TEAM_CONFIG), 'utf8')));
  const page = await withExt.page();
  await page.goto(sim.url('/__sim/login?user=aroy&to=/__sim/state'));
  await page.goto(sim.url('/__sim/bench/ticket?updates=300'));
  const url = page.url().replace(/#.*$/, '');
  const results = [];
  for (let i = -1; i < ctx.runs; i++) {
    const settled = (p) => p.waitForFunction(() => document.documentElement.hasAttribute('data-gta-features'), null, { timeout: 30_000 });
    const result = attribute(await traceLoad(page, url, CATEGORIES, settled), withExt.extensionId);
    if (i >= 0) results.push(result); // the first load warms the caches
  }
  await page.close();
  const m = (pick) => ctx.median(results.map(pick));
  const note = `median of ${results.length} traced loads (tracing adds its own overhead)`;
  const rows = [
    {
      metric: 'ticket page, 300 updates: our scripts on the main thread before DOMContentLoaded (compile, evaluate, attributed callbacks)',
      value: m((r) => r.beforeDcl),
      unit: 'ms',
      note,
    },
    { metric: 'ticket page, 300 updates: our scripts on the main thread, attributed events in all', value: m((r) => r.total), unit: 'ms', note },
  ];
  const files = [...new Set(results.flatMap((r) => Object.keys(r.files)))].sort();
  for (const file of files) {
    rows.push({
      metric: `ticket page, 300 updates: ${file} before DOMContentLoaded`,
      value: m((r) => r.files[file]?.beforeDcl ?? 0),
      unit: 'ms',
      note,
    });
  }
  return rows;
}
