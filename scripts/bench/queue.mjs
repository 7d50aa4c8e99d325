/**
 * Queue-watch benchmarks (issue 5), in Debian Chromium:
 *
 * 1. Parse + classify a 5,000-row `/list/open` (the simulator's bench list, signed in):
 *    - worker path: htmlparser2 over the HTML string inside a dedicated Worker (no DOM there, like
 *      the MV3 service worker) — `parseListHtml` + `classifyTickets`;
 *    - page path: native DOMParser + `parseListDocument` + the same classification, in a page.
 *    Median of timed runs after warm-up; ratio = worker / DOMParser (goal ≤ 1.5).
 * (The popup's first render is measured by scripts/bench/extension-pages.mjs.)
 *
 * `npm run bench` runs it with the other scripts/bench modules (rows: metric, value, compare, ratio);
 * alone: `node scripts/bench/queue.mjs [--runs N] [--rows N] [--json]`. It starts its own simulator
 * and Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForPage } from '../lib/page-bundle.mjs';
import { chromium } from '@playwright/test';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.GTA_CHROMIUM ?? '/usr/bin/chromium';
const RATIO_GOAL = 1.5;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The parser and classifier as one browser script exposing `globalThis.gtaQueueBench`. */
async function bundleQueueCode() {
  const entry = `
    import { parseListHtml, parseListDocument } from './utils/goc/list';
    import { classifyTickets, countQueue } from './utils/queue/classify';
    import { defaultSettings } from './utils/settings';
    const settings = defaultSettings();
    function classify(parsed) {
      if (parsed.status !== 'list') throw new Error('not a list: ' + parsed.status + ' ' + (parsed.reason || ''));
      return countQueue(classifyTickets(parsed.tickets, settings.queue, Date.now(), settings.rotation.timeZone));
    }
    globalThis.gtaQueueBench = {
      worker: (html) => classify(parseListHtml(html)),
      page: (html) => classify(parseListDocument(new DOMParser().parseFromString(html, 'text/html'))),
    };
  `;
  return bundleForPage(entry);
}

async function startSim(options) {
  const { startSimulator } = await import(pathToFileURL(path.join(REPO_ROOT, 'tests/goc-sim/server.mjs')).href);
  return startSimulator({ port: 0, host: '127.0.0.1', ...options });
}

async function fetchText(url, cookie) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}`);
  return res.text();
}

/** Part 1: worker path vs DOMParser path, same HTML, same classification. */
export async function benchParse({ rows = 5000, runs = 15, warmup = 3, log = () => {} } = {}) {
  const sim = await startSim({ https: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    const html = await fetchText(`${sim.origin}/__sim/bench/list?rows=${rows}`, 'gocsim_user=aroy');
    const code = await bundleQueueCode();
    const page = await browser.newPage();
    await page.goto(`${sim.origin}/__sim/health`);
    await page.addScriptTag({ content: code });
    log(`queue bench: ${rows}-row list, ${(html.length / 1024).toFixed(0)} KiB of HTML; ${runs} timed runs after ${warmup} warm-up`);

    const result = await page.evaluate(
      async ({ code, html, runs, warmup }) => {
        // The worker path runs in a real Worker (no DOM, like the extension's service worker).
        const workerSource = `${code}
          self.onmessage = (e) => {
            const { html, runs, warmup } = e.data;
            const times = [];
            let counts;
            for (let i = 0; i < warmup + runs; i++) {
              const t0 = performance.now();
              counts = gtaQueueBench.worker(html);
              const dt = performance.now() - t0;
              if (i >= warmup) times.push(dt);
            }
            self.postMessage({ times, counts, hasDomParser: typeof DOMParser !== 'undefined' });
          };`;
        const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
        const fromWorker = await new Promise((resolve, reject) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ html, runs, warmup });
        });
        worker.terminate();
        const pageTimes = [];
        let pageCounts;
        for (let i = 0; i < warmup + runs; i++) {
          const t0 = performance.now();
          pageCounts = globalThis.gtaQueueBench.page(html);
          const dt = performance.now() - t0;
          if (i >= warmup) pageTimes.push(dt);
        }
        return { worker: fromWorker, page: { times: pageTimes, counts: pageCounts } };
      },
      { code, html, runs, warmup },
    );
    if (result.worker.hasDomParser) throw new Error('the worker context unexpectedly has DOMParser');
    if (JSON.stringify(result.worker.counts) !== JSON.stringify(result.page.counts)) {
      throw new Error(`the two paths disagree: ${JSON.stringify(result.worker.counts)} vs ${JSON.stringify(result.page.counts)}`);
    }
    const workerMs = median(result.worker.times);
    const pageMs = median(result.page.times);
    return {
      rows: result.page.counts.open,
      htmlKiB: Math.round(html.length / 1024),
      counts: result.page.counts,
      workerMedianMs: +workerMs.toFixed(1),
      domParserMedianMs: +pageMs.toFixed(1),
      ratio: +(workerMs / pageMs).toFixed(2),
      goal: RATIO_GOAL,
      pass: workerMs / pageMs <= RATIO_GOAL,
    };
  } finally {
    await browser.close();
    await sim.close();
  }
}

export const name = 'queue';

/** Both parts, as one result object. */
export async function measureQueue({ runs = 15, rows = 5000, log = (line) => console.log(line) } = {}) {
  const parse = await benchParse({ rows, runs, log });
  return { name, parse, pass: parse.pass };
}

/** Entry for scripts/bench.mjs (ctx: runs, log): one row per figure. */
export async function run(ctx = {}) {
  const r = await measureQueue({ runs: Math.max(ctx.runs ?? 15, 10), log: ctx.log ?? ((line) => console.log(line)) });
  return [
    {
      metric: `queue: parse + classify ${r.parse.rows}-row /list/open, worker path (htmlparser2, in a Worker) vs DOMParser (page)`,
      value: r.parse.workerMedianMs,
      unit: 'ms',
      compare: r.parse.domParserMedianMs,
      ratio: r.parse.ratio,
      goal: { maxRatio: r.parse.goal },
      note: `${r.parse.htmlKiB} KiB of HTML`,
    },
  ];
}

function formatReport(r) {
  const p = r.parse;
  return [
    `Queue: parse + classify ${p.rows} rows (${p.htmlKiB} KiB): worker path (htmlparser2) ${p.workerMedianMs} ms, ` +
      `DOMParser path ${p.domParserMedianMs} ms, ratio ${p.ratio} (goal ≤ ${p.goal}) ${p.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const json = process.argv.includes('--json');
  measureQueue({ runs: arg('--runs', 15), rows: arg('--rows', 5000), log: json ? () => {} : (l) => console.log(l) })
    .then((result) => {
      console.log(json ? JSON.stringify(result, null, 2) : formatReport(result));
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 2;
    });
}
