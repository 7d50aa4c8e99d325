/**
 * GOC Ticket simulator: an HTTP(S) server that renders the real site's structure (DOM.md) from a
 * deterministic seed, keeps what pages POST, misbehaves on request, and serves rotation sources.
 *
 *   import { startSimulator } from './server.mjs';
 *   const sim = await startSimulator({ port: 0, https: false });
 *   // sim.url, sim.port, sim.state, await sim.close()
 *
 * Routes and the control API: README.md in this folder.
 */
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { SimState, fieldsOf, updateJson, FAULT_MODES } from './state.mjs';
import {
  renderTicketPage, renderListPage, renderNoSuchTicket, renderSecurityDenied, renderAuthError, renderServerError,
  renderNotFound, renderLoginPage, renderSubmitPage, renderCloseScript, renderSearchPage, renderRss,
} from './render.mjs';
import { rotationIcs, rotationJson, rotationTml, rotationTwikiHtml, expectedDuty } from './rotation.mjs';
import { loginPersona, PERSONAS, QUICKDESC } from './personas.mjs';
import { mulberry32 } from './seed.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const USER_COOKIE = 'gocsim_user';
export const FLASH_COOKIE = 'gocsim_flash';

// ---- static libraries ---------------------------------------------------------------------------

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = HERE;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
}

/** `lib/<name>/…` → a folder in node_modules (the versions the real site used, DOM.md §0). */
const LIB_DIRS = {
  jquery: ['jquery', 'dist'],
  'jquery-migrate': ['jquery-migrate', 'dist'],
  bootstrap: ['bootstrap2', 'docs/assets'],
  'jquery-ui': ['jquery-ui-dist', ''],
  select2: ['select2', 'dist'],
  timeago: ['timeago', ''],
  datatables: ['datatables', 'media'],
};
const SINGLE_FILES = {
  'lib/jquery.cookie.js': () => path.join(packageDir('jquery.cookie'), 'jquery.cookie.js'),
  'css/ticket.css': () => path.join(HERE, 'assets', 'ticket.css'),
  'images/tag_orange.png': () => path.join(packageDir('bootstrap2'), 'docs/assets/ico/favicon.png'),
  'favicon.ico': () => path.join(packageDir('bootstrap2'), 'docs/assets/ico/favicon.ico'),
};
const MIME = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.map': 'application/json',
};

function staticFile(rest) {
  const rel = rest.replace(/^\//, '');
  if (SINGLE_FILES[rel]) return SINGLE_FILES[rel]();
  const m = /^lib\/([^/]+)\/(.+)$/.exec(rel);
  if (!m || !LIB_DIRS[m[1]]) return null;
  const [pkg, sub] = LIB_DIRS[m[1]];
  const root = path.join(packageDir(pkg) ?? '/nonexistent', sub);
  const file = path.normalize(path.join(root, m[2]));
  return file.startsWith(root + path.sep) ? file : null;
}

const isAssetPath = (rest) => /^\/(lib|css|images)\//.test(rest) || rest === '/favicon.ico';

// ---- certificate ------------------------------------------------------------------------------

let certPromise = null;
/** Self-signed certificate for the GOC host names and loopback (cached per process). */
export function simulatorCertificate() {
  if (!certPromise) {
    certPromise = import('selfsigned').then(async (mod) => {
      const selfsigned = mod.default ?? mod;
      const notBefore = new Date(Date.now() - 86400e3);
      const notAfter = new Date(Date.now() + 5 * 365 * 86400e3);
      const pems = await selfsigned.generate([{ name: 'commonName', value: 'ticket.opensciencegrid.org' }], {
        keyType: 'ec',
        algorithm: 'sha256',
        notBeforeDate: notBefore,
        notAfterDate: notAfter,
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: [
              { type: 2, value: 'ticket.opensciencegrid.org' },
              { type: 2, value: 'ticket.grid.iu.edu' },
              { type: 2, value: 'localhost' },
              { type: 7, ip: '127.0.0.1' },
            ],
          },
        ],
      });
      return { key: pems.private, cert: pems.cert };
    });
  }
  return certPromise;
}

// ---- helpers ----------------------------------------------------------------------------------

function parseCookies(header) {
  const out = {};
  for (const part of String(header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function readBody(req, limit = 8 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function formPairs(text) {
  return [...new URLSearchParams(text)].map(([k, v]) => [k, v]);
}

/** Deterministic junk for the `garbage` fault. */
function garbage(len = 2048) {
  const rnd = mulberry32(0xbad);
  const bytes = Buffer.alloc(len);
  for (let i = 0; i < len; i++) bytes[i] = Math.floor(rnd() * 256);
  return Buffer.concat([Buffer.from('\u0000\u0001GIF89a%PDF-1.4 <<garbage>> {"oops": [1,2,'), bytes]);
}

function contentTypeFor(rest) {
  if (/\.ics$/.test(rest)) return 'text/calendar; charset=utf-8';
  if (/\.json$/.test(rest)) return 'application/json';
  if (/^\/rss/.test(rest)) return 'text/xml';
  return 'text/html; charset=UTF-8';
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the server -------------------------------------------------------------------------------

/**
 * Starts the simulator. Options: port (0 = any), https, host, now (Date|ms: the seed's "now"),
 * seed (PRNG seed), base ('' or '/goc': which base `url` points at; both are always served).
 */
export async function startSimulator({ port = 0, https: useHttps = false, host = '127.0.0.1', now, seed, base = '' } = {}) {
  const state = new SimState({ seed, now });
  const sockets = new Set();
  const proto = useHttps ? 'https' : 'http';

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

    if (url.pathname.startsWith('/__sim/')) return control(req, res, url, origin);

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

    if (asset) return serveStatic(req, res, rest);
    return app(req, res, url, rest, v, cookies);
  }

  function send(res, status, body, type = 'text/html; charset=UTF-8', headers = {}) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  }

  function redirect(res, status, location, headers = {}) {
    res.writeHead(status, { location, 'cache-control': 'no-store', ...headers });
    res.end();
  }

  function json(res, status, value) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(value, null, 1));
  }

  function cookie(name, value, { clear = false } = {}) {
    const attrs = useHttps ? 'Path=/; Secure; SameSite=None' : 'Path=/; SameSite=Lax';
    return `${name}=${clear ? '' : encodeURIComponent(value)}; ${attrs}${clear ? '; Max-Age=0' : ''}`;
  }

  function serveStatic(req, res, rest) {
    const file = staticFile(rest);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found', 'text/plain');
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  /** The one-time flash is shown by the next page a browser navigates to (not by fetches). */
  function takeFlash(req, v, cookies, headers) {
    const dest = req.headers['sec-fetch-dest'];
    if (!cookies[FLASH_COOKIE] || (dest && dest !== 'document' && dest !== 'iframe')) return;
    v.flash = { id: Number(cookies[FLASH_COOKIE]) || cookies[FLASH_COOKIE] };
    headers['set-cookie'] = cookie(FLASH_COOKIE, '', { clear: true });
  }

  async function app(req, res, url, rest, v, cookies) {
    const q = url.searchParams;
    const user = v.user;
    const fullbase = `${v.origin}${v.base}`;
    let mt;

    // Ticket page: /<id>, /viewer?id=N, /viewer/index/id/N
    let ticketId = null;
    if ((mt = /^\/(\d+)\/?$/.exec(rest))) ticketId = mt[1];
    else if ((mt = /^\/viewer(?:\/index)?(?:\/id\/([^/]+))?\/?$/.exec(rest)) && req.method !== 'POST') {
      const id = mt[1] ?? q.get('id') ?? '';
      if (!/^\d+$/.test(id)) return redirect(res, 302, `${v.base}/search?q=${encodeURIComponent(id)}`);
      ticketId = id;
    }
    if (ticketId !== null) {
      if (q.get('close') === 'true') return send(res, 200, renderCloseScript(ticketId));
      const t = state.ticket(ticketId);
      const headers = {};
      if (!t) return send(res, 200, renderNoSuchTicket(ticketId, v));
      if (t.type === 'Security' && !user?.perms.includes('view_security_incident_ticket')) return send(res, 200, renderSecurityDenied(t.id, v));
      if (t.type === 'Security_Notification' && !user) return send(res, 200, renderSecurityDenied(t.id, v, true));
      takeFlash(req, v, cookies, headers);
      const html = renderTicketPage(state.viewTicket(t), v, { sort: q.get('sort'), expandall: q.get('expandall') === 'true' });
      return send(res, 200, html, undefined, headers);
    }

    switch (rest.replace(/\/$/, '') || '/') {
      case '/':
      case '/index':
        return redirect(res, 302, `${v.base}/submit/?`);
      case '/submit':
        return send(res, 200, renderSubmitPage(v));
      case '/open':
        return redirect(res, 301, `${v.base}/submit`);
      case '/navigator':
      case '/navigator2':
      case '/navigatorold':
        return redirect(res, 301, `${v.base}/list/open`);

      case '/list/open':
      case '/list/recentclose': {
        const which = rest.includes('recentclose') ? 'recentclose' : 'open';
        const headers = {};
        takeFlash(req, v, cookies, headers);
        const rows = q.get('__rows');
        const tickets = which === 'open' ? (rows ? state.listWithRows(rows) : state.openTickets()) : state.recentlyClosed();
        return send(res, 200, renderListPage(tickets, v, { which }), undefined, headers);
      }

      case '/rss': {
        const assignee = q.has('assignee') ? q.get('assignee') : undefined;
        const cc = q.has('cc') ? q.get('cc') : undefined;
        return send(res, 200, renderRss(state.rssItems({ assignee, cc }), v, url.search.replace(/^\?/, '')), 'text/xml');
      }

      case '/search': {
        const text = q.get('q') ?? '';
        const result = state.search(text, user, { start: Number(q.get('s') ?? 0) || 0, sortById: q.get('sort') === 'id' });
        if (q.get('json') === 'true') {
          const solr = {
            responseHeader: { status: 0, QTime: 4, params: { q: text, start: String(result.start), rows: '25', wt: 'json' } },
            response: { numFound: result.numFound, start: result.start, docs: result.docs.map(({ excerpt, ...d }) => d) },
          };
          return send(res, 200, JSON.stringify(solr), 'text/html'); // the real endpoint set no Content-Type
        }
        v.query = text;
        return send(res, 200, renderSearchPage(result, v, text));
      }
      case '/search/autocomplete': {
        const text = (q.get('q') ?? '').toLowerCase();
        const lines = state.tickets.filter((t) => text && t.title.toLowerCase().includes(text) && t.type !== 'Security').slice(0, 10).map((t) => `${t.id} ${t.title}`);
        return send(res, 200, lines.join('\n'), 'text/plain');
      }

      case '/viewer/update': {
        if (req.method !== 'POST') return send(res, 200, renderServerError(v));
        const pairs = formPairs(await readBody(req));
        const f = fieldsOf(pairs);
        if (!user?.perms.includes('update')) {
          state.logPost({ route: 'viewer/update', id: Number(f.id) || null, user: user?.id ?? null, status: 401, pairs, fields: groupFields(pairs), description: f.description ?? '' });
          return send(res, 401, renderAuthError(v));
        }
        const result = state.applyEditorUpdate(pairs, user);
        state.logPost({ route: 'viewer/update', id: Number(f.id) || null, user: user.id, status: 200, pairs, fields: groupFields(pairs), description: f.description ?? '', update: result?.update ? updateJson(result.update) : null });
        // Empty 200; the success alert appears on the next page (FP failures would skip it).
        const headers = result ? { 'set-cookie': cookie(FLASH_COOKIE, String(result.ticket.id)) } : {};
        return send(res, 200, '', 'text/html; charset=UTF-8', headers);
      }

      case '/viewer/updatebasic': {
        const id = q.get('id');
        if (req.method !== 'POST') return redirect(res, 302, `${fullbase}/${id}`);
        const pairs = formPairs(await readBody(req));
        const f = fieldsOf(pairs);
        if (!user) {
          state.logPost({ route: 'viewer/updatebasic', id: Number(id) || null, user: null, status: 401, pairs, fields: groupFields(pairs), description: f.description ?? '' });
          return send(res, 401, renderAuthError(v));
        }
        const result = state.applyBasicUpdate(id, pairs, user);
        state.logPost({ route: 'viewer/updatebasic', id: Number(id) || null, user: user.id, status: 302, pairs, fields: groupFields(pairs), description: f.description ?? '', update: result?.update ? updateJson(result.update) : null });
        return redirect(res, 302, `${fullbase}/${id}`, result ? { 'set-cookie': cookie(FLASH_COOKIE, String(id)) } : {});
      }

      case '/viewer/quickdesc':
        return send(res, 200, QUICKDESC[q.get('id') ?? ''] ?? '', 'text/plain; charset=UTF-8');

      case '/viewer/processspam': {
        if (!user?.perms.includes('update')) return send(res, 401, renderAuthError(v));
        const t = state.ticket(q.get('id'));
        if (t) {
          state.logPost({ route: 'viewer/processspam', id: t.id, user: user.id, status: 302, pairs: [], fields: {}, description: '' });
          state.upsertTicket({ id: t.id, status: 'Closed', type: 'Security_Notification' });
        }
        return redirect(res, 302, `${fullbase}/${q.get('id')}`);
      }

      case '/viewer/edit':
        if (!user?.perms.includes('update')) return send(res, 401, renderAuthError(v));
        return send(res, 200, renderServerError(v));

      case '/attachment/list': {
        const t = state.ticket(q.get('id'));
        const list = (t?.attachments ?? []).map((a, i) => ({
          id: i + 1,
          name: a.name,
          size: a.size,
          thumbnail_url: `${fullbase}/attachment/thumb?id=${t.id}&file=${encodeURIComponent(a.name)}`,
          delete_url: `${fullbase}/attachment/handler?id=${t.id}&file=${encodeURIComponent(a.name)}`,
          url: `${fullbase}/attachment/view?id=${t.id}&file=${encodeURIComponent(a.name)}`,
          delete_type: 'DELETE',
          date: a.date,
        }));
        return send(res, 200, JSON.stringify(list), 'application/json');
      }
      case '/attachment/view':
      case '/attachment/thumb': {
        const t = state.ticket(q.get('id'));
        const a = t?.attachments.find((x) => x.name === q.get('file'));
        if (!a) return send(res, 404, renderNotFound(v, rest));
        return send(res, 200, `Simulated attachment ${a.name} of ticket ${t.id} (${a.size} bytes)\n`, 'text/plain');
      }
      case '/attachment/handler': {
        const t = state.ticket(q.get('id'));
        if (req.method === 'DELETE') {
          if (!user?.perms.includes('update')) return send(res, 401, renderAuthError(v));
          if (t) {
            const before = t.attachments.length;
            t.attachments = t.attachments.filter((x) => x.name !== q.get('file'));
            state.logPost({ route: 'attachment/handler', id: t.id, user: user.id, status: 200, pairs: [['file', q.get('file') ?? '']], fields: { file: q.get('file') }, description: '', deleted: before - t.attachments.length });
          }
          return send(res, 200, JSON.stringify({ [q.get('file') ?? '']: true }), 'application/json');
        }
        return send(res, 200, JSON.stringify({ files: t?.attachments ?? [] }), 'application/json');
      }

      case '/sso':
        if (user) return redirect(res, 302, `${v.base}/list/open`);
        return send(res, 200, renderLoginPage(v, q.get('to') ?? `${v.base}/list/open`));
      case '/logout':
        return redirect(res, 302, `${v.base}/list/open`, { 'set-cookie': cookie(USER_COOKIE, '', { clear: true }) });

      // Rotation sources (issue 4). The `markup` fault serves a source with no recognisable rows.
      case '/rotation/triage.ics':
        return send(res, 200, rotationIcs(state.now0, { empty: v.variant === 'changed' }), 'text/calendar; charset=utf-8');
      case '/rotation/rotation.json':
        return send(res, 200, v.variant === 'changed' ? '{"rotation": "moved to the TWiki"}' : rotationJson(state.now0), 'application/json');
      case '/twiki/bin/view/SoftwareTeam/TriageRotation': {
        if (v.variant === 'changed') return send(res, 200, '<html><body><h1>TriageRotation</h1><p>This topic moved.</p></body></html>');
        if (q.get('raw') === 'text') return send(res, 200, rotationTml(state.now0), 'text/plain; charset=iso-8859-1');
        return send(res, 200, rotationTwikiHtml(state.now0), 'text/html; charset=iso-8859-1');
      }
    }
    return send(res, 404, renderNotFound(v, rest));
  }

  /** Control API (JSON), never faulted. */
  async function control(req, res, url, origin) {
    const q = url.searchParams;
    const route = url.pathname.replace(/\/$/, '');
    const body = async () => {
      const text = await readBody(req);
      if (!text.trim()) return {};
      try {
        return JSON.parse(text);
      } catch {
        return Object.fromEntries(new URLSearchParams(text));
      }
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, DELETE', 'access-control-allow-headers': 'content-type' });
      return res.end();
    }
    let mt;
    try {
      switch (route) {
        case '/__sim/health':
          return json(res, 200, { ok: true, url: origin, now: new Date(state.now()).toISOString() });
        case '/__sim/reset': {
          const b = req.method === 'POST' ? await body() : {};
          state.reset({ seed: b.seed, now: b.now });
          return json(res, 200, { ok: true, seed: state.seed, now: new Date(state.now0).toISOString(), counts: state.counts() });
        }
        case '/__sim/clock': {
          const b = req.method === 'POST' ? await body() : {};
          if (b.now !== undefined) state.setClock(typeof b.now === 'number' ? b.now : Date.parse(b.now));
          else if (b.advanceMs !== undefined) state.setClock(state.now() + Number(b.advanceMs));
          return json(res, 200, { now: new Date(state.now()).toISOString() });
        }
        case '/__sim/fault': {
          if (req.method === 'POST') {
            const b = await body();
            try {
              state.setFault(b);
            } catch (e) {
              return json(res, 400, { ok: false, error: e.message, modes: FAULT_MODES });
            }
          }
          return json(res, 200, { ok: true, faults: state.faults });
        }
        case '/__sim/updates': {
          if (req.method === 'DELETE') state.updatesLog = [];
          const id = q.get('id');
          return json(res, 200, id ? state.updatesLog.filter((e) => String(e.id) === id) : state.updatesLog);
        }
        case '/__sim/requests': {
          if (req.method === 'DELETE') state.requests = [];
          const p = q.get('path');
          return json(res, 200, p ? state.requests.filter((r) => r.path.startsWith(p)) : state.requests);
        }
        case '/__sim/tickets': {
          if (req.method === 'POST') {
            const b = await body();
            const t = state.upsertTicket(b);
            return json(res, 200, state.ticketJson(t));
          }
          const full = q.get('full') === '1' || q.get('full') === 'true';
          const tag = q.get('tag');
          const list = state.tickets.filter((t) => !tag || t.tags.includes(tag));
          return json(res, 200, list.map((t) => state.ticketJson(t, { full })));
        }
        case '/__sim/state':
          return json(res, 200, state.counts());
        case '/__sim/personas':
          return json(res, 200, [...PERSONAS.values()].map(({ id, name, email, role, perms, fpAgent, aliases, dn }) => ({ id, name, email, role, perms, fpAgent, aliases: aliases ?? [], dn: dn ?? null })));
        case '/__sim/login': {
          const who = loginPersona(q.get('user'));
          if (!who) return json(res, 400, { ok: false, error: `unknown user "${q.get('user')}"` });
          const to = q.get('to');
          const set = { 'set-cookie': cookie(USER_COOKIE, who.id) };
          if (to && to.startsWith('/') && !to.startsWith('//')) return redirect(res, 302, to, set);
          res.writeHead(200, { 'content-type': 'application/json', ...set });
          return res.end(JSON.stringify({ ok: true, user: who.id, name: who.name }));
        }
        case '/__sim/logout': {
          const to = q.get('to');
          const set = { 'set-cookie': cookie(USER_COOKIE, '', { clear: true }) };
          if (to && to.startsWith('/') && !to.startsWith('//')) return redirect(res, 302, to, set);
          res.writeHead(200, { 'content-type': 'application/json', ...set });
          return res.end(JSON.stringify({ ok: true }));
        }
        case '/__sim/rotation/expected':
          return json(res, 200, expectedDuty(state.now(), q.get('date') ?? undefined));
        case '/__sim/bench/ticket': {
          const t = state.benchTicket(q.get('updates') ?? 300);
          const b = q.get('base') === '/goc' ? '/goc' : '';
          if (q.get('json') === '1' || q.get('json') === 'true') return json(res, 200, { id: t.id, updates: t.descriptions.length, url: `${origin}${b}/${t.id}` });
          return redirect(res, 302, `${b}/${t.id}`);
        }
        case '/__sim/bench/list': {
          const user = loginPersona(parseCookies(req.headers.cookie)[USER_COOKIE]);
          const v = { base: '', origin, user, now: state.now(), flash: null, variant: 'normal', query: '' };
          return send(res, 200, renderListPage(state.listWithRows(q.get('rows') ?? 5000), v, { which: 'open' }));
        }
      }
      if ((mt = /^\/__sim\/tickets\/(\d+)$/.exec(route))) {
        const t = state.ticket(mt[1]);
        if (!t) return json(res, 404, { ok: false, error: `no ticket ${mt[1]}` });
        if (req.method === 'POST') state.upsertTicket({ ...(await body()), id: t.id });
        return json(res, 200, state.ticketJson(t));
      }
    } catch (e) {
      return json(res, 500, { ok: false, error: String(e?.message ?? e) });
    }
    return json(res, 404, { ok: false, error: `unknown control route ${route}` });
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

function controlRequest({ origin, certificate, route, body, method }) {
  const u = new URL(route, origin);
  const lib = u.protocol === 'https:' ? https : http;
  const payload = body === undefined ? null : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: method ?? (payload ? 'POST' : 'GET'),
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        ...(certificate ? { ca: certificate.cert, servername: 'localhost' } : {}),
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const isJson = /json/.test(res.headers['content-type'] ?? '');
          try {
            resolve(isJson ? JSON.parse(text) : text);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Form pairs grouped: repeated names (cc[]) become arrays. */
function groupFields(pairs) {
  const out = {};
  for (const [k, v] of pairs) {
    if (k in out) out[k] = Array.isArray(out[k]) ? [...out[k], v] : [out[k], v];
    else out[k] = k.endsWith('[]') ? [v] : v;
  }
  return out;
}

// Pure renderers and seed helpers, for unit tests and the bench (no server needed).
export {
  renderTicketPage, renderListPage, renderRss, renderLoginPage, renderNoSuchTicket, renderSecurityDenied, renderAuthError,
} from './render.mjs';
export { generateSeed, makeBenchTicket, makeListFiller, classify, TRIAGE_NEXT_ACTION } from './seed.mjs';
export { SimState, updateJson } from './state.mjs';
export { rotationIcs, rotationJson, rotationTml, rotationTwikiHtml, expectedDuty } from './rotation.mjs';
export { XSS_PAYLOADS, XSS_MARKER, XSS_JS } from './xss.mjs';
export { renderBodyHtml, fpEncode, decodeEntities, splitMeta, maskEmail, SHOW_LINES } from './fp.mjs';
export { PERSONAS, SOFTWARE_TEAM, GOC_STAFF, USERS, VIEWER, SOFTWARE_PSEUDO_ID, TEAMS } from './personas.mjs';
