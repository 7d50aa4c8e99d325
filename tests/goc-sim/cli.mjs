#!/usr/bin/env node
/**
 * Starts the GOC Ticket simulator from the command line.
 *   node tests/goc-sim/cli.mjs [--port N (8080, https 8443)] [--https] [--host H] [--seed N] [--now ISO] [--base /goc]
 * Prints the URL; Ctrl+C stops it.
 */
import { startSimulator } from './server.mjs';

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith('--') ? a.slice(2).split('=', 2) : [null, null];
    if (!key) continue;
    if (key === 'https') out.https = inline !== 'false';
    else if (key === 'help' || key === 'h') out.help = true;
    else out[key] = inline ?? argv[++i];
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log('usage: node tests/goc-sim/cli.mjs [--port N] [--https] [--host 127.0.0.1] [--seed N] [--now 2026-01-15T12:00:00Z] [--base /goc]');
  process.exit(0);
}
const sim = await startSimulator({
  port: args.port !== undefined ? Number(args.port) : args.https ? 8443 : 8080,
  https: !!args.https,
  host: args.host ?? '127.0.0.1',
  seed: args.seed !== undefined ? Number(args.seed) : undefined,
  now: args.now,
  base: args.base === '/goc' ? '/goc' : '',
});
const c = sim.state.counts();
console.log(sim.url);
console.error(`GOC Ticket simulator: ${c.tickets} tickets, ${c.updates} updates, ${c.untriaged} untriaged. Control API at ${sim.origin}/__sim/state`);
const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
