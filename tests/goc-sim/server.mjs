/**
 * GOC Ticket simulator: an HTTP(S) server that renders the real site's structure
 * (docs/goc-pages.md) from a deterministic seed, keeps what pages POST, misbehaves on request, and
 * serves rotation sources.
 *
 *   import { startSimulator } from './server.mjs';
 *   const sim = await startSimulator({ port: 0, https: false });
 *   // sim.url, sim.port, sim.state, await sim.close()
 *
 * This file routes and applies faults; the pages' routes live in routes/, the markup in render/.
 * Routes and the control API: README.md in this folder.
 */
import http from 'node:http';
import https from 'node:https';
import { SimState } from './state.mjs';
import { renderAuthError, renderLoginPage, renderNotFound, renderServerError } from './render.mjs';
import { loginPersona } from './personas.mjs';
import {
  FLASH_COOKIE, USER_COOKIE, contentTypeFor, controlRequest, cookieHeader, delay, garbage, json, parseCookies, redirect, send,
  simulatorCertificate,
} from './http.mjs';
import { isAssetPath, serveStatic } from './routes/assets.mjs';
import { control } from './routes/control.mjs';
import { ticketPage, routes as ticketRoutes } from './routes/ticket.mjs';
import { routes as listRoutes } from './routes/list.mjs';
import { routes as loginRoutes } from './routes/login.mjs';
import { routes as submitRoutes } from './routes/submit.mjs';
import { routes as rotationRoutes } from './routes/rotation.mjs';
import { routes as attachmentRoutes } from './routes/attachment.mjs';
import { routes as teamFileRoutes } from './routes/team-file.mjs';

export { USER_COOKIE, FLASH_COOKIE, simulatorCertificate };

/** App routes by path (without `/goc`, without a trailing slash). */
const ROUTES = { ...submitRoutes, ...listRoutes, ...ticketRoutes, ...loginRoutes, ...rotationRoutes, ...attachmentRoutes, ...teamFileRoutes };

/**
 * Starts the simulator. Options: port (0 = any), https, host, now (Date|ms: the seed's "now"),
 * seed (PRNG seed), base ('' or '/goc': which base `url` points at; both are always served).
 */
export async function startSimulator({ port = 0, https: useHttps = false, host = '127.0.0.1', now, seed, base = '' } = {}) {
  const state = new SimState({ seed, now });
  const sockets = new Set();
  const proto = useHttps ? 'https' : 'http';
  const cookie = (name, value, opts) => cookieHeader(useHttps, name, value, opts);

  const handler = (req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`simulator error: ${err?.stack ?? err}`);
      } else res.destroy();
    });
  };

  async function handle(req, res) {
    const url = new URL(req.url, `${proto}://${req.headers.host ?? 'localhost'}`);
    const origin = `${proto}://${req.headers.host ?? `${host}:${server.address().port}`}`;
    const started = Date.now();
    res.on('finish', () => state.logRequest({ method: req.method, path: url.pathname + url.search, status: res.statusCode, ms: Date.now() - started, time: new Date().toISOString() }));

    if (url.pathname.startsWith('/__sim/')) return control(req, res, url, origin, state, useHttps);

    const m = /^\/goc(\/.*|$)/.exec(url.pathname);
    const appBase = m ? '/goc' : '';
    const rest = m ? m[1] || '/' : url.pathname;
    const asset = isAssetPath(rest);

    const fault = state.faultFor(url.pathname + url.search, { asset });
    const cookies = parseCookies(req.headers.cookie);
    const user = loginPersona(cookies[USER_COOKIE]);
    const v = { base: appBase, origin, user, now: state.now(), flash: null, variant: 'normal', query: '' };

    if (fault) {
      switch (fault.mode) {
        case 'slow':
          await delay(fault.delayMs);
          break;
        case 'timeout':
          return; // never answers; close() destroys the socket
        case 'reset':
          req.socket.destroy();
          return;
        case '500':
          return send(res, 500, renderServerError(v));
        case '401':
          return send(res, 401, renderAuthError(v));
        case 'login':
          return send(res, 200, renderLoginPage(v, url.pathname));
        case 'garbage':
          return send(res, 200, garbage(), contentTypeFor(rest));
        case 'markup':
          v.variant = 'changed';
          break;
      }
    }

    if (asset) {
      // `?slow=<ms>` on an asset: a slow CDN (at most a minute), e.g. to hold a page's load event back.
      const slow = Number(url.searchParams.get('slow'));
      if (slow > 0) await delay(Math.min(slow, 60_000));
      return serveStatic(req, res, rest);
    }
    return app(req, res, url, rest, v, cookies);
  }

  /** The request context every route handler gets. */
  function context(req, res, url, rest, v, cookies) {
    return {
      req, res, url, rest, v, cookies, state,
      q: url.searchParams,
      fullbase: `${v.origin}${v.base}`,
      send: (status, body, type, headers) => send(res, status, body, type, headers),
      redirect: (status, location, headers) => redirect(res, status, location, headers),
      json: (status, value) => json(res, status, value),
      cookie,
      /** The one-time flash is shown by the next page a browser navigates to (not by fetches). */
      takeFlash(headers) {
        const dest = req.headers['sec-fetch-dest'];
        if (!cookies[FLASH_COOKIE] || (dest && dest !== 'document' && dest !== 'iframe')) return;
        v.flash = { id: Number(cookies[FLASH_COOKIE]) || cookies[FLASH_COOKIE] };
        headers['set-cookie'] = cookie(FLASH_COOKIE, '', { clear: true });
      },
    };
  }

  async function app(req, res, url, rest, v, cookies) {
    const c = context(req, res, url, rest, v, cookies);
    if (ticketPage(c)) return;
    const route = ROUTES[rest.replace(/\/$/, '') || '/'];
    if (route) return route(c);
    return send(res, 404, renderNotFound(v, rest));
  }

  const certificate = useHttps ? await simulatorCertificate() : null;
  const server = useHttps ? https.createServer(certificate, handler) : http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const defaultPort = (useHttps && actualPort === 443) || (!useHttps && actualPort === 80);
  const origin = `${proto}://${shownHost}${defaultPort ? '' : `:${actualPort}`}`;
  return {
    url: `${origin}${base}`,
    origin,
    port: actualPort,
    https: useHttps,
    state,
    server,
    /** PEM cert/key of the self-signed certificate (https only). */
    certificate,
    /**
     * Calls the control API (or any route) from Node, trusting the self-signed certificate:
     * `await sim.control('/__sim/state')`, `await sim.control('/__sim/fault', { mode: '500' })`.
     * A body means POST (JSON). Returns parsed JSON when the reply is JSON, else the text.
     */
    control(route, body, { method } = {}) {
      return controlRequest({ origin, certificate, route, body, method });
    },
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

// Pure renderers and seed helpers, for unit tests and the bench (no server needed).
export {
  renderTicketPage, renderListPage, renderRss, renderLoginPage, renderNoSuchTicket, renderSecurityDenied, renderAuthError,
} from './render.mjs';
export { generateSeed, makeBenchTicket, makeListFiller, classify, TRIAGE_NEXT_ACTION, TRIAGE_PANEL_TAG } from './seed.mjs';
export { SimState, updateJson } from './state.mjs';
export { rotationIcs, rotationJson, rotationTml, rotationTwikiHtml, expectedDuty } from './rotation.mjs';
export { XSS_PAYLOADS, XSS_MARKER, XSS_JS } from './xss.mjs';
export { renderBodyHtml, fpEncode, decodeEntities, splitMeta, maskEmail, SHOW_LINES } from './fp.mjs';
export {
  PERSONAS, SOFTWARE_TEAM, GOC_STAFF, GLIDEIN_TEAM, USERS, VIEWER, SOFTWARE_PSEUDO_ID, TEAMS, SOFTWARE_TEAM_INDEX, GLIDEIN_TEAM_INDEX,
  SUPPORT_CENTERS_TEAM_INDEX,
} from './personas.mjs';
export { EDITOR_TEAMS } from './render.mjs';
export { fblist } from './render/fblist.mjs';
