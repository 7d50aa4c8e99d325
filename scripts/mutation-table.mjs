#!/usr/bin/env node
/**
 * The README's mutation score table from Stryker reports (mutation-testing-report-schema JSON: the
 * json reporter's artifacts/mutation/mutation.json, or --incremental files). Later files win for a
 * module measured twice.
 *   node scripts/mutation-table.mjs [report.json …]   (default: artifacts/mutation/*.json)
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's own formula.
 */
import fs from 'node:fs';
import path from 'node:path';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const args = process.argv.slice(2);
const dir = 'artifacts/mutation';
const files = args.length
  ? args
  : fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)).sort()
    : [];
if (files.length === 0) {
  console.error('No Stryker report found: run `npm run mutation` first (or pass report files).');
  process.exit(1);
}

const modules = new Map();
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [name, entry] of Object.entries(report.files ?? {})) {
    const mutants = entry.mutants ?? [];
    if (mutants.length === 0) continue;
    const count = (set) => mutants.filter((m) => set.has(m.status)).length;
    modules.set(path.relative(process.cwd(), path.resolve(name)), {
      mutants: mutants.length,
      detected: count(DETECTED),
      survived: mutants.filter((m) => m.status === 'Survived').length,
      noCoverage: mutants.filter((m) => m.status === 'NoCoverage').length,
      undetected: count(UNDETECTED),
    });
  }
}

const rows = [...modules.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log('| module | mutants | killed | survived | no coverage | score |');
console.log('|---|---|---|---|---|---|');
for (const [name, m] of rows) {
  const score = (100 * m.detected) / (m.detected + m.undetected);
  console.log(`| \`${name}\` | ${m.mutants} | ${m.detected} | ${m.survived} | ${m.noCoverage} | ${score.toFixed(1)} % |`);
}
const total = rows.reduce((t, [, m]) => ({ detected: t.detected + m.detected, undetected: t.undetected + m.undetected }), { detected: 0, undetected: 0 });
console.log(`| all | ${rows.reduce((n, [, m]) => n + m.mutants, 0)} | ${total.detected} | | | ${((100 * total.detected) / (total.detected + total.undetected)).toFixed(1)} % |`);
