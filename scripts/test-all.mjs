#!/usr/bin/env node
/**
 * Every check, in order, continuing after failures:
 *   typecheck (tsc) · unit (vitest) · build chrome · build firefox · zip chrome · zip firefox ·
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

const SUITES = [
  {
    name: 'typecheck',
    run: async () => {
      const { code, output } = await sh('typecheck', 'npx', ['tsc', '--noEmit']);
      const errors = (output.match(/error TS\d+/g) ?? []).length;
      return oneCheck(code === 0, code === 0 ? '' : `${errors} type error(s)`);
    },
  },
  {
    name: 'unit',
    run: async () => {
      const file = path.join(OUT, 'vitest.json');
      fs.rmSync(file, { force: true });
      const { code } = await sh('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
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
      if (r.passed + r.failed === 0) return oneCheck(false, 'no unit tests ran');
      return r;
    },
  },
  // Builds and zips share .output/ with every other tool in this tree: hold the build lock.
  { name: 'build-chrome', run: async () => oneCheck((await locked(() => sh('build-chrome', 'npx', ['wxt', 'build']))).code === 0) },
  { name: 'build-firefox', run: async () => oneCheck((await locked(() => sh('build-firefox', 'npx', ['wxt', 'build', '-b', 'firefox']))).code === 0) },
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
      const { code } = await sh(`e2e-${project}`, 'npx', ['playwright', 'test', '-c', 'tests/e2e', '--project', project, '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        // Just built above; the harness still snapshots the build it tests.
        GTA_E2E_NO_BUILD: '1',
      });
      const report = readJson(file);
      if (!report?.stats) return oneCheck(false, `playwright produced no report (exit ${code})`);
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
      const r = { passed: expected + flaky, failed: unexpected, skipped, note: flaky ? `${flaky} flaky` : '' };
      const setupErrors = (report.errors ?? []).length;
      if (setupErrors) {
        r.failed += setupErrors;
        r.note = `${r.note ? `${r.note}, ` : ''}${setupErrors} run error(s): ${String(report.errors[0].message ?? '').split('\n')[0]}`;
      }
      if (code !== 0 && r.failed === 0) {
        r.failed = 1;
        r.note = `${r.note ? `${r.note}, ` : ''}playwright exited ${code}`;
      }
      if (r.passed + r.failed === 0) return oneCheck(false, 'no e2e tests ran');
      return r;
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
  results.push({ name: suite.name, seconds: (Date.now() - t0) / 1000, ...r });
}

const total = results.reduce((acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed }), { passed: 0, failed: 0 });
const rows = [
  ['suite', 'passed', 'failed', 'skipped', 'time', 'notes'],
  ...results.map((r) => [r.name, String(r.passed), String(r.failed), String(r.skipped), `${r.seconds.toFixed(1)}s`, r.note ?? '']),
  ['total', String(total.passed), String(total.failed), String(results.reduce((a, r) => a + r.skipped, 0)), `${((Date.now() - started) / 1000).toFixed(1)}s`, ''],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => row.map((cell, c) => (c >= 1 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows.slice(1, -1)) console.log(line(row));
console.log(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n${line(rows.at(-1))}`);
fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify({ date: new Date().toISOString(), results, total }, null, 2));
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
