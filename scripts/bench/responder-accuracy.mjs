/**
 * Responder attribution accuracy (issue 14) on the corpus in tests/fixtures/responders-corpus:
 * realistic update bodies written independently of the parser (e-mail clients' reply formats,
 * other languages, inline replies, signatures with organisation lines, Unicode spaces, accents,
 * trailers, third parties, logs). A case is right when both the name and the role are. Reported
 * overall and over the cases whose "by" header names a roster member (goal: ≥ 98 % and 100 %),
 * plus the parser's time per update on the corpus (Node, after a warm-up).
 *
 * `npm run bench` runs it with the other modules; alone: `node scripts/bench/responder-accuracy.mjs [--json]`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../lib/bench-context.mjs';
import { corpusRoster, loadCorpus, measureAccuracy } from '../../tests/fixtures/responders-corpus/index.mjs';

export const name = 'responder-accuracy';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOAL_OVERALL = 0.98;
const GOAL_HEADER = 1;

async function loadResponders(ctx) {
  if (ctx?.importTs) return ctx.importTs('utils/responders.ts');
  return importTypeScript(REPO_ROOT, 'utils/responders.ts');
}

export async function measureResponderAccuracy({ ctx, runs = 10, log = () => {} } = {}) {
  const R = await loadResponders(ctx);
  const roster = corpusRoster();
  const cases = loadCorpus();
  const identify = (c) => R.identifyResponder({ byHeader: c.byHeader, bodyText: c.bodyText }, R.buildResponderIndex({ roster, submitter: c.submitter }));
  const result = measureAccuracy(cases, identify, roster);
  for (const f of result.failures) log(`responder-accuracy: wrong on ${f.id}: got ${JSON.stringify(f.got)}, expected ${JSON.stringify(f.expected)}`);
  // Time per update with one index per submitter, the way a ticket page builds one per ticket.
  const indexes = new Map();
  const indexFor = (c) => {
    const key = JSON.stringify(c.submitter);
    if (!indexes.has(key)) indexes.set(key, R.buildResponderIndex({ roster, submitter: c.submitter }));
    return indexes.get(key);
  };
  const pass = () => {
    for (const c of cases) R.identifyResponder({ byHeader: c.byHeader, bodyText: c.bodyText }, indexFor(c));
  };
  for (let i = 0; i < 30; i++) pass();
  const samples = [];
  for (let i = 0; i < Math.max(runs, 10); i++) {
    for (const index of indexes.values()) index.memo?.clear?.();
    const t0 = performance.now();
    pass();
    samples.push((performance.now() - t0) / cases.length);
  }
  samples.sort((a, b) => a - b);
  return { ...result, perUpdateMs: samples[Math.floor(samples.length / 2)] };
}

const pct = (x) => +(x * 100).toFixed(1);

/** Module entry for scripts/bench.mjs. */
export async function run(ctx) {
  const r = await measureResponderAccuracy({ ctx, runs: ctx.runs, log: ctx.log });
  return [
    {
      metric: `responders: attribution accuracy on the corpus (${r.total} updates, name and role both right)`,
      value: pct(r.accuracy),
      unit: '%',
      note: `${r.right}/${r.total}; goal ≥ ${GOAL_OVERALL * 100} %${r.failures.length ? `; wrong: ${r.failures.map((f) => f.id).join(', ')}` : ''}`,
    },
    {
      metric: `responders: accuracy where the "by" header names a roster member (${r.headerCases} updates)`,
      value: pct(r.headerAccuracy),
      unit: '%',
      note: `${r.headerRight}/${r.headerCases}; goal ${GOAL_HEADER * 100} %`,
    },
    {
      metric: 'responders: parser time per corpus update (Node, median pass)',
      value: +r.perUpdateMs.toFixed(4),
      unit: 'ms',
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  measureResponderAccuracy({ log: json ? () => {} : (l) => console.log(l) })
    .then((r) => {
      if (json) return console.log(JSON.stringify(r, null, 2));
      console.log(`Responder accuracy: ${pct(r.accuracy)} % (${r.right}/${r.total}); header names a roster member: ${pct(r.headerAccuracy)} % (${r.headerRight}/${r.headerCases}); ${r.perUpdateMs.toFixed(4)} ms per update`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 2;
    });
}
