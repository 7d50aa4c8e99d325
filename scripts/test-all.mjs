#!/usr/bin/env node
/**
 * Every check, in order, continuing after failures:
 *   typecheck (tsc) · build chrome · build firefox · unit (vitest) · zip chrome · zip firefox ·
 *   lint firefox (web-ext lint, 0 errors; warnings allowed) · e2e chromium · e2e firefox (Playwright).
 * Test runners report through JSON files (artifacts/test/), so the counts are exact; a one-shot
 * check (typecheck, a build, a zip, lint) counts as one test. Prints a table and ends with exactly
 * one plain line `N passed, N failed`. Exit code 1 when anything failed.
 *
 *   node scripts/test-all.mjs                  # everything (npm test runs setup first)
 *   node scripts/test-all.mjs --only unit,e2e-chromium
 *   node scripts/test-all.mjs --skip e2e-firefox
 * Logs of each step: artifacts/test/<suite>.log.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_LOCK } from './lib/build.mjs';
import { withLock } from './lib/lock.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'artifacts', 'test');
fs.mkdirSync(OUT, { recursive: true });

/** Runs a command with live output, also saved to artifacts/test/<name>.log. */
function sh(name, cmd, args, env = {}, { echo = true } = {}) {
  return new Promise((resolve) => {
    const log = fs.createWriteStream(path.join(OUT, `${name}.log`));
    console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
    // Colours only on a terminal; CI logs and the saved logs stay plain.
    const colour = process.stdout.isTTY ? {} : { NO_COLOR: '1' };
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...colour, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log.write(text);
      // Debian's chromium wrapper prints a harmless shell warning on each launch.
      if (echo) process.stdout.write(text.replace(/^.*\[: .*unexpected operator\n/gm, ''));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => onData(Buffer.from(String(error))));
    child.on('close', (code) => {
      log.end();
      resolve({ code: code ?? 1, output });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const oneCheck = (ok, note = '') => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note });

/** One vitest run (GTA_UNIT_PASS selects its files), counted from its JSON report. */
async function vitestPass(name, pass) {
  const file = path.join(OUT, `${name}.json`);
  fs.rmSync(file, { force: true });
  const { code } = await sh(name, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    GTA_UNIT_PASS: pass,
  });
  const report = readJson(file);
  if (!report) return oneCheck(false, `vitest produced no report (exit ${code})`);
  const r = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    note: `${report.numTotalTestSuites ?? '?'} suites`,
  };
  // A file that fails to load has no tests but fails the run: count it.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  if (brokenFiles) {
    r.failed += brokenFiles;
    r.note += `, ${brokenFiles} file(s) failed to run`;
  }
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    r.note += `, vitest exited ${code}`;
  }
  if (r.passed + r.failed === 0) return oneCheck(false, `${name}: no tests ran`);
  return r;
}

/** Spec files of the harness itself (tests/e2e/harness/): tool tests, reported on their own row. */
const isToolSpec = (file) => /(^|\/)harness\//.test(file ?? '');

/** Playwright's JSON report counted per test, product specs apart from the harness's own. */
function playwrightCounts(report) {
  const counts = { product: { passed: 0, failed: 0, skipped: 0, flaky: 0 }, tools: { passed: 0, failed: 0, skipped: 0, flaky: 0 } };
  const walk = (suite, file) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const c = counts[isToolSpec(spec.file ?? here) ? 'tools' : 'product'];
        if (t.status === 'expected') c.passed += 1;
        else if (t.status === 'flaky') (c.passed += 1), (c.flaky += 1);
        else if (t.status === 'skipped') c.skipped += 1;
        else c.failed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file);
  for (const c of Object.values(counts)) c.note = c.flaky ? `${c.flaky} flaky` : '';
  return counts;
}

const SUITES = [
  {
    name: 'typecheck',
    run: async () => {
      const { code, output } = await sh('typecheck', 'npx', ['tsc', '--noEmit']);
      const errors = (output.match(/error TS\d+/g) ?? []).length;
      return oneCheck(code === 0, code === 0 ? '' : `${errors} type error(s)`);
    },
  },
  // Builds and zips share .output/ with every other tool in this tree: hold the build lock. The builds
  // come before the unit tests, so the tests that compare with the built manifest run on a fresh clone.
  { name: 'build-chrome', run: async () => oneCheck((await locked(() => sh('build-chrome', 'npx', ['wxt', 'build']))).code === 0) },
  { name: 'build-firefox', run: async () => oneCheck((await locked(() => sh('build-firefox', 'npx', ['wxt', 'build', '-b', 'firefox']))).code === 0) },
  {
    name: 'unit',
    run: async () => {
      // Product tests in parallel, then the files that assert elapsed time one at a time, alone on the
      // machine, then the simulator's and harness's own tests (tests/unit/passes.ts says why).
      const product = await vitestPass('unit', 'product');
      // One file at a time: vitest.config.ts turns file parallelism off for this pass.
      const timed = await vitestPass('unit-timed', 'timed');
      const tools = await vitestPass('unit-tools', 'tools');
      return [
        {
          name: 'unit',
          passed: product.passed + timed.passed,
          failed: product.failed + timed.failed,
          skipped: product.skipped + timed.skipped,
          note: `${product.note}; timed, alone: ${timed.note}`,
        },
        { name: 'unit-tools', kind: 'tools', ...tools },
      ];
    },
  },
  { name: 'zip-chrome', run: async () => oneCheck((await locked(() => sh('zip-chrome', 'npx', ['wxt', 'zip']))).code === 0) },
  { name: 'zip-firefox', run: async () => oneCheck((await locked(() => sh('zip-firefox', 'npx', ['wxt', 'zip', '-b', 'firefox']))).code === 0) },
  {
    name: 'lint-firefox',
    run: async () => {
      const { code, output } = await locked(() =>
        sh('lint-firefox', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output=json', '--no-config-discovery'], {}, { echo: false }),
      );
      const start = output.indexOf('{');
      let report = null;
      try {
        report = JSON.parse(output.slice(start, output.lastIndexOf('}') + 1));
      } catch {
        // not JSON: web-ext itself failed
      }
      if (!report?.summary) return oneCheck(false, `web-ext lint failed to run (exit ${code})`);
      const { errors, warnings } = report.summary;
      for (const item of [...(report.errors ?? []), ...(report.warnings ?? [])]) {
        console.log(`${item._type.toUpperCase()} ${item.code} ${item.file ?? ''}${item.line ? `:${item.line}` : ''} ${item.message}`);
      }
      console.log(`web-ext lint: ${errors} errors, ${warnings} warnings (full report: artifacts/test/lint-firefox.log)`);
      const codes = [...new Set((report.warnings ?? []).map((w) => w.code))].join(' ');
      return oneCheck(errors === 0, `${errors} errors, ${warnings} warnings${codes ? ` (${codes})` : ''}`);
    },
  },
  ...['chromium', 'firefox'].map((project) => ({
    name: `e2e-${project}`,
    run: async () => {
      const file = path.join(OUT, `e2e-${project}.json`);
      fs.rmSync(file, { force: true });
      // A build that failed in this run is not replaced by an older .output: the e2e fails instead.
      const buildsHere = results.filter((r) => r.name === 'build-chrome' || r.name === 'build-firefox');
      const failedBuild = buildsHere.find((r) => r.failed > 0);
      if (failedBuild) return oneCheck(false, `${failedBuild.name} failed in this run: not testing an older build`);
      // Both built above: the harness only snapshots them (and fails if a source changed since). Otherwise
      // (`--only e2e-*`) the harness rebuilds whatever is older than the sources.
      const builtBoth = buildsHere.length === 2;
      const { code } = await sh(`e2e-${project}`, 'npx', ['playwright', 'test', '-c', 'tests/e2e', '--project', project, '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        ...(builtBoth ? { GTA_E2E_NO_BUILD: '1' } : {}),
      });
      const report = readJson(file);
      if (!report?.stats) return oneCheck(false, `playwright produced no report (exit ${code})`);
      const counts = playwrightCounts(report);
      const r = { passed: counts.product.passed, failed: counts.product.failed, skipped: counts.product.skipped, note: counts.product.note };
      const setupErrors = (report.errors ?? []).length;
      if (setupErrors) {
        r.failed += setupErrors;
        r.note = `${r.note ? `${r.note}, ` : ''}${setupErrors} run error(s): ${String(report.errors[0].message ?? '').split('\n')[0]}`;
      }
      if (code !== 0 && r.failed + counts.tools.failed === 0) {
        r.failed = 1;
        r.note = `${r.note ? `${r.note}, ` : ''}playwright exited ${code}`;
      }
      if (r.passed + r.failed === 0) return oneCheck(false, 'no e2e tests ran');
      return [r, { name: `e2e-${project}-tools`, kind: 'tools', ...counts.tools }];
    },
  })),
];

function locked(fn) {
  return withLock(BUILD_LOCK, fn, { onWait: () => console.log('(waiting for another build in this tree to finish…)') });
}

function parseList(flag) {
  const i = process.argv.indexOf(flag);
  return i < 0 ? null : process.argv[i + 1].split(',').map((s) => s.trim());
}

const only = parseList('--only');
const skip = parseList('--skip') ?? [];
const matches = (suite, names) => names.some((n) => suite.name === n || suite.name.startsWith(`${n}-`));
const selected = SUITES.filter((s) => (!only || matches(s, only)) && !matches(s, skip));
if (selected.length === 0) {
  console.error(`no suite selected; suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const results = [];
const started = Date.now();
for (const suite of selected) {
  const t0 = Date.now();
  let r;
  try {
    r = await suite.run();
  } catch (error) {
    r = oneCheck(false, `crashed: ${error.message}`);
  }
  // A suite reports one row, or several (its product tests and its tool tests); time goes on the first.
  const rows = Array.isArray(r) ? r : [r];
  rows.forEach((row, i) => results.push({ name: suite.name, kind: 'product', ...row, seconds: i === 0 ? (Date.now() - t0) / 1000 : 0 }));
}

const sum = (list) => ({
  passed: list.reduce((a, r) => a + r.passed, 0),
  failed: list.reduce((a, r) => a + r.failed, 0),
  skipped: list.reduce((a, r) => a + r.skipped, 0),
});
const product = results.filter((r) => r.kind !== 'tools');
const tools = results.filter((r) => r.kind === 'tools');
const total = sum(results);
// Product tests first with their subtotal, then the simulator's and harness's own tests with theirs:
// the product count is not padded by tests of the tools.
const row = (name, r, time, note = '') => [name, String(r.passed), String(r.failed), String(r.skipped), time, note];
const rows = [
  ['suite', 'passed', 'failed', 'skipped', 'time', 'notes'],
  ...product.map((r) => row(r.name, r, `${r.seconds.toFixed(1)}s`, r.note ?? '')),
  row('product', sum(product), '', 'tests of the extension'),
  ...tools.map((r) => row(r.name, r, r.seconds ? `${r.seconds.toFixed(1)}s` : '', r.note ?? '')),
  ...(tools.length ? [row('tools', sum(tools), '', 'tests of the simulator and the harness')] : []),
  row('total', total, `${((Date.now() - started) / 1000).toFixed(1)}s`),
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((cells) => cells[c].length)));
const line = (cells) => cells.map((cell, c) => (c >= 1 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
const rule = widths.map((w) => '-'.repeat(w)).join('  ');
console.log(`\n${line(rows[0])}\n${rule}`);
for (const cells of rows.slice(1, -1)) {
  if (cells[0] === 'product' || cells[0] === 'tools') console.log(`${line(cells)}\n${rule}`);
  else console.log(line(cells));
}
console.log(line(rows.at(-1)));
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify({ date: new Date().toISOString(), results, product: sum(product), tools: sum(tools), total }, null, 2));
console.log(`\nproduct ${sum(product).passed} passed, tools ${sum(tools).passed} passed`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
