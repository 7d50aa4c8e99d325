/**
 * HTTP plumbing shared by the simulator's routes: cookies, bodies, replies, the self-signed
 * certificate, and the Node-side client for the control API.
 */
import http from 'node:http';
import https from 'node:https';
import { mulberry32 } from './seed.mjs';

export const USER_COOKIE = 'gocsim_user';
export const FLASH_COOKIE = 'gocsim_flash';

// ---- replies ------------------------------------------------------------------------------------

export function send(res, status, body, type = 'text/html; charset=UTF-8', headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function redirect(res, status, location, headers = {}) {
  res.writeHead(status, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

export function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(value, null, 1));
}

/** A Set-Cookie value; over https the cookies must be `Secure; SameSite=None` for the extension's fetches. */
export function cookieHeader(useHttps, name, value, { clear = false } = {}) {
  const attrs = useHttps ? 'Path=/; Secure; SameSite=None' : 'Path=/; SameSite=Lax';
  return `${name}=${clear ? '' : encodeURIComponent(value)}; ${attrs}${clear ? '; Max-Age=0' : ''}`;
}

// ---- requests -----------------------------------------------------------------------------------

export function parseCookies(header) {
  const out = {};
  for (const part of String(header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export function readBody(req, limit = 8 * 1024 * 1024) {
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

export function formPairs(text) {
  return [...new URLSearchParams(text)].map(([k, v]) => [k, v]);
}

/** Deterministic junk for the `garbage` fault. */
export function garbage(len = 2048) {
  const rnd = mulberry32(0xbad);
  const bytes = Buffer.alloc(len);
  for (let i = 0; i < len; i++) bytes[i] = Math.floor(rnd() * 256);
  return Buffer.concat([Buffer.from('\u0000\u0001GIF89a%PDF-1.4 <<garbage>> {"oops": [1,2,'), bytes]);
}

export function contentTypeFor(rest) {
  if (/\.ics$/.test(rest)) return 'text/calendar; charset=utf-8';
  if (/\.json$/.test(rest)) return 'application/json';
  if (/^\/rss/.test(rest)) return 'text/xml';
  return 'text/html; charset=UTF-8';
}

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Form pairs grouped: repeated names (cc[]) become arrays. */
export function groupFields(pairs) {
  const out = {};
  for (const [k, v] of pairs) {
    if (k in out) out[k] = Array.isArray(out[k]) ? [...out[k], v] : [out[k], v];
    else out[k] = k.endsWith('[]') ? [v] : v;
  }
  return out;
}

// ---- certificate --------------------------------------------------------------------------------

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

// ---- control client -----------------------------------------------------------------------------

export function controlRequest({ origin, certificate, route, body, method }) {
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
