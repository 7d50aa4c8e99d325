#!/usr/bin/env node
/**
 * `npm run bench`: performance figures, printed side by side in one run and saved to
 * artifacts/bench.json. A script, not a test: nothing here passes or fails on a number.
 *
 * Every module in scripts/bench/*.mjs is run in name order. A module exports
 *   export const name = 'page-load';            // shown in the table
 *   export async function run(ctx) { return [{ metric, value, unit, compare?, ratio?, note? }]; }
 * `value` is the measured figure (with the extension / new code), `compare` the baseline it is
 * compared with (without the extension / native), `ratio` = value / compare (computed when omitted).
 * A row may carry a goal, `goal: { max }` (on the value) or `goal: { maxRatio }` (on the ratio):
 * the run ends with a Goals table saying, for each, met or NOT met.
 * ctx (see makeContext below): runs, log, median, measure, sim(), chromium({extension}),
 * buildDir(target), importTs(path), bundle(path, options), root. Browsers and the simulator are
 * started once, on first use, and shared by every module.
 *
 *   node scripts/bench.mjs                 # every module
 *   node scripts/bench.mjs page-load size  # only modules whose file name contains one of these
 *   BENCH_RUNS=20 node scripts/bench.mjs   # repetitions for medians (default 10, at least 10)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildDir, buildTargets, REPO_ROOT } from './lib/build.mjs';
import { makeContext } from './lib/bench-context.mjs';

const BENCH_DIR = path.join(REPO_ROOT, 'scripts', 'bench');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // nproc missing: keep Node's count
  }
  const version = (cmd) => {
    try {
      return execFileSync(cmd, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
    } catch {
      return 'not installed';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc,
    cpu: model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: version('/usr/bin/chromium'),
    firefox: version('/usr/bin/firefox-esr'),
  };
}

/**
 * Modules return rows; a module that returns an object instead (an older shape) still shows: its
 * `rows` array if it has one, else one row per number, flag or string in it ('parse.workerMedianMs').
 */
function toRows(result) {
  if (Array.isArray(result)) return result;
  if (result && Array.isArray(result.rows)) return result.rows;
  const rows = [];
  const skip = new Set(['name', 'machine', 'loadAverage', 'cpus', 'cpu']);
  const walk = (value, prefix) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!skip.has(k)) walk(v, prefix ? `${prefix}.${k}` : k);
      return;
    }
    rows.push({ metric: prefix, value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : value, unit: /Ms$/.test(prefix) ? 'ms' : '' });
  };
  walk(result, '');
  return rows;
}

/** Whether a row meets its goal; false when the figure is missing. */
function goalVerdict(row) {
  if (row.goal.maxRatio !== undefined) return typeof row.ratio === 'number' && Number.isFinite(row.ratio) && row.ratio <= row.goal.maxRatio;
  return typeof row.value === 'number' && Number.isFinite(row.value) && row.value <= row.goal.max;
}

function fmt(v) {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

async function main() {
  const info = machine();
  console.log(`GOC Ticket Assistant bench · ${info.date}`);
  console.log(`machine: ${info.nproc} × ${info.cpu}, ${info.memoryGiB} GiB, load ${info.loadAverage} · ${info.os} · Node ${info.node}`);
  console.log(`browsers: ${info.chromium} · ${info.firefox}`);

  const built = await buildTargets(['chromium', 'firefox'], { quiet: true, log: (l) => console.log(l) });
  for (const [target, r] of Object.entries(built)) {
    if (r.code !== 0) throw new Error(`build ${target} failed:\n${r.output}`);
  }

  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const ctx = makeContext({ root: REPO_ROOT, buildDir });
  const results = [];
  try {
    for (const file of files) {
      const mod = await import(pathToFileURL(path.join(BENCH_DIR, file)).href);
      const name = mod.name ?? file.replace(/\.mjs$/, '');
      const started = Date.now();
      process.stdout.write(`\n[bench] ${name} …\n`);
      try {
        const result = await mod.run(ctx);
        const rows = toRows(result ?? []);
        if (typeof mod.formatReport === 'function' && result && !Array.isArray(result)) console.log(mod.formatReport(result));
        for (const row of rows) {
          const ratio = row.ratio ?? (typeof row.value === 'number' && typeof row.compare === 'number' && row.compare !== 0 ? row.value / row.compare : undefined);
          results.push({ module: name, ...row, ratio });
        }
        console.log(`[bench] ${name}: ${rows.length} figure(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        console.log(`[bench] ${name} FAILED: ${error.stack ?? error}`);
        results.push({ module: name, metric: 'error', value: String(error.message ?? error).split('\n')[0], unit: '' });
      }
    }
  } finally {
    await ctx.close();
  }

  const header = ['module', 'metric', 'value', 'unit', 'compare', 'ratio', 'note'];
  const rows = [header, ...results.map((r) => [r.module, r.metric, fmt(r.value), r.unit ?? '', fmt(r.compare), r.ratio === undefined ? '' : `${r.ratio.toFixed(3)}×`, r.note ?? ''])];
  const widths = header.map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  const numeric = new Set([2, 4, 5]);
  const line = (row) => row.map((cell, c) => (numeric.has(c) ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ').trimEnd();
  console.log(`\nBench ${info.date.slice(0, 10)} on ${info.nproc} × ${info.cpu} (Node ${info.node}; ${info.chromium}; ${info.firefox})`);
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));

  const goals = results.filter((r) => r.goal);
  if (goals.length) {
    console.log('\nGoals');
    for (const r of goals) {
      const verdict = goalVerdict(r);
      const figure = r.goal.maxRatio !== undefined ? `${r.ratio?.toFixed(3)}×` : `${fmt(r.value)} ${r.unit ?? ''}`.trim();
      const target = r.goal.maxRatio !== undefined ? `≤ ${r.goal.maxRatio}×` : `≤ ${r.goal.max} ${r.unit ?? ''}`.trim();
      r.goalMet = verdict;
      console.log(`  ${verdict ? 'met    ' : 'NOT met'}  ${r.module}: ${r.metric}: ${figure} (goal ${target})`);
    }
  }

  const out = path.join(REPO_ROOT, 'artifacts', 'bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ machine: info, runs: ctx.runs, results }, null, 2));
  console.log(`\nwritten: ${path.relative(REPO_ROOT, out)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  },
);
