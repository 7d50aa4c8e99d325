/**
 * Starts the GOC simulator for an e2e worker and wraps its control API. The real simulator
 * (tests/goc-sim/server.mjs) is used whenever it exists; `GTA_SIM=standin` forces the harness's
 * small stand-in (harness self-tests, or a simulator that is broken mid-development).
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExtDriver, GtaPage, SimHandle } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
const REAL_SIM = path.join(REPO_ROOT, 'tests/goc-sim/server.mjs');

export { EXTRA_GOC_HOST, GOC_HOSTS } from './launch.mjs';
export const GOC_HOST = 'ticket.opensciencegrid.org';

export interface RunningSim {
  kind: 'goc-sim' | 'standin';
  origin: string;
  port: number;
  state: unknown;
  close(): Promise<void>;
}

export async function startSim(): Promise<RunningSim> {
  const useReal = process.env.GTA_SIM !== 'standin' && fs.existsSync(REAL_SIM);
  // Loopback only, an ephemeral port: nothing is fixed, so parallel runs never collide.
  const options = { port: 0, https: true, host: '127.0.0.1' };
  if (useReal) {
    const mod = await import(pathToFileURL(REAL_SIM).href);
    const sim = await mod.startSimulator(options);
    return { kind: 'goc-sim', origin: `https://127.0.0.1:${sim.port}`, port: sim.port, state: sim.state, close: () => sim.close() };
  }
  const { startStandinSimulator } = await import('./standin-sim.mjs');
  const sim = await startStandinSimulator(options);
  return { kind: 'standin', origin: sim.url, port: sim.port, state: sim.state, close: () => sim.close() };
}

/** One HTTPS request to the simulator from the test process (its certificate is self-signed). */
export function simRequest(
  port: number,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathname,
        servername: GOC_HOST,
        rejectUnauthorized: false,
        headers: {
          host: GOC_HOST,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
        timeout: 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`simulator request ${method} ${pathname} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function normalisePath(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}

export function makeSimHandle(sim: RunningSim, getExt: () => Promise<ExtDriver>): SimHandle {
  const url = (p = '/', options: { host?: string } = {}) => `https://${options.host ?? GOC_HOST}${normalisePath(p)}`;

  const control = async <T = any>(p: string, body?: unknown, options: { method?: string } = {}): Promise<T> => {
    const pathname = p.startsWith('/__sim/') ? p : `/__sim/${p.replace(/^\//, '')}`;
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const res = await simRequest(sim.port, method, pathname, body);
    if (res.status >= 400) throw new Error(`simulator ${method} ${pathname} → HTTP ${res.status}: ${res.text.slice(0, 300)}`);
    if (res.contentType.includes('json')) return JSON.parse(res.text) as T;
    return res.text as T;
  };

  /** Drives a page through /__sim/login (or logout) so the browser stores the session cookie. */
  const viaPage = async (route: string, page: GtaPage | undefined, host: string | undefined, to: string) => {
    const target = `${url(route, { host })}${route.includes('?') ? '&' : '?'}to=${encodeURIComponent(to)}`;
    if (page) return page.goto(target);
    const ext = await getExt();
    const scratch = await ext.newPage();
    try {
      await scratch.goto(target);
    } finally {
      await scratch.close();
    }
  };

  return {
    origin: sim.origin,
    port: sim.port,
    kind: sim.kind,
    state: sim.state,
    url,
    control,
    reset: async () => {
      await control('reset', {});
    },
    login: (fpid, options = {}) =>
      viaPage(`/__sim/login?user=${encodeURIComponent(fpid)}`, options.page, options.host, options.to ?? (options.page ? '/list/open' : '/__sim/state')),
    logout: (options = {}) => viaPage('/__sim/logout', options.page, options.host, options.page ? '/list/open' : '/__sim/state'),
  };
}
