/**
 * A tiny stand-in for the GOC simulator (tests/goc-sim/), with the same start API and the few
 * control routes the harness itself relies on. It exists for the harness self-tests
 * (tests/e2e/harness/*.selftest.mjs) and as a fallback while tests/goc-sim is absent; feature
 * tests always run against the real simulator once it is there (see harness/sim.ts).
 *
 *   const sim = await startStandinSimulator({ port: 0, https: true, host: '127.0.0.1' });
 *   sim.url → 'https://127.0.0.1:<port>'; await sim.close();
 *
 * Routes: /<id> (a ticket page: editor when signed in as a known user, else read-only),
 * /list/open, /__sim/reset, /__sim/login?user=&to=, /__sim/logout, /__sim/state, /__sim/tickets,
 * /__sim/requests (every request seen, for proxy/host-mapping checks).
 */
import http from 'node:http';
import https from 'node:https';
import { selfSignedCert } from './cert.mjs';

const USERS = { aroy: 'Alain Roy', matyas: 'Mat Selmeci', rquick: 'Rob Quick' };

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title, user, body) {
  const menu = user
    ? `<li class="dropdown"><a href="#" id="menu_user" class="dropdown-toggle">${esc(USERS[user] ?? user)} <span class="caret"></span></a></li>`
    : `<li><a href="/sso/">Login</a></li>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><base href="/"><title>${esc(title)}</title></head>
<body><div class="navbar navbar-inverse navbar-fixed-top"><div class="navbar-inner"><ul class="nav pull-right">${menu}</ul></div></div>
<div class="container-fluid">${body}</div></body></html>`;
}

function ticketPage(id, user, updates) {
  const form = user
    ? `<form id="ticket_form" class="form-horizontal"><input type="hidden" name="id" value="${id}">
       <textarea class="description" name="description"></textarea>
       <div class="form-actions"><button type="submit" class="btn btn-primary">Update</button></div></form>`
    : `<form class="form-horizontal" method="post" action="viewer/updatebasic?id=${id}"></form>`;
  const items = updates
    .map(
      (u, i) => `<div class="update_description"><div class="header"><time datetime="2018-01-0${(i % 9) + 1}T10:00:00Z">x</time> by <b>${esc(u.by)}</b></div><pre>${esc(u.text)}</pre></div>`,
    )
    .join('\n');
  return layout(
    `[${id}] Stand-in ticket ${id}`,
    user,
    `<div class="ticketgui"><div class="page-header"><h3><span class="muted">${id}</span> / Stand-in ticket ${id}</h3></div>${form}</div>
<div id="updates">${items}</div>`,
  );
}

function listPage(user) {
  const rows = [1, 2, 3]
    .map((n) => `<tr><td><a href="${40000 + n}">${40000 + n}</a></td><td>Ticket ${n}</td></tr>`)
    .join('');
  return layout('Open Tickets', user, `<div id="tickets_wrapper"><table id="tickets" class="table dataTable"><thead><tr><th>ID</th><th>Title</th></tr></thead><tbody>${rows}</tbody></table></div>`);
}

function cookieUser(req) {
  const m = /(?:^|;\s*)gocsim_user=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]) : null;
}

export async function startStandinSimulator({ port = 0, https: useHttps = true, host = '127.0.0.1' } = {}) {
  const state = { requests: [], updatesPerTicket: 3 };
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://x');
    state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (code, type, body, headers = {}) => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const user = cookieUser(req);
    let m;
    if (url.pathname === '/__sim/reset') {
      state.requests = [];
      return send(200, 'application/json', '{"ok":true}');
    }
    if (url.pathname === '/__sim/state') return send(200, 'application/json', JSON.stringify({ open: 3 }));
    if (url.pathname === '/__sim/tickets') {
      return send(200, 'application/json', JSON.stringify([40001, 40002, 40003].map((id) => ({ id, title: `Stand-in ticket ${id}` }))));
    }
    if (url.pathname === '/__sim/requests') return send(200, 'application/json', JSON.stringify(state.requests));
    if (url.pathname === '/__sim/login') {
      const who = url.searchParams.get('user') ?? '';
      return send(302, 'text/plain', '', {
        location: url.searchParams.get('to') || '/list/open',
        'set-cookie': `gocsim_user=${encodeURIComponent(who)}; Path=/; Secure; SameSite=Lax`,
      });
    }
    if (url.pathname === '/__sim/logout') {
      return send(302, 'text/plain', '', {
        location: url.searchParams.get('to') || '/list/open',
        'set-cookie': 'gocsim_user=; Path=/; Max-Age=0; Secure; SameSite=Lax',
      });
    }
    if ((m = /^(?:\/goc)?\/(\d+)\/?$/.exec(url.pathname))) {
      const n = Number(url.searchParams.get('updates') ?? state.updatesPerTicket);
      const updates = Array.from({ length: n }, (_, i) => ({ by: i % 2 ? 'Alain Roy' : 'Some User', text: `Update ${i}\n-- \nAlain Roy` }));
      return send(200, 'text/html; charset=utf-8', ticketPage(m[1], user && USERS[user] ? user : null, updates));
    }
    if (/^(?:\/goc)?\/list\/open\/?$/.test(url.pathname)) return send(200, 'text/html; charset=utf-8', listPage(user));
    return send(404, 'text/html', layout('GOC Ticket', user, '<p>Not found</p>'));
  };
  const server = useHttps
    ? https.createServer(await selfSignedCert(), handler)
    : http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    url: `${useHttps ? 'https' : 'http'}://${host}:${actualPort}`,
    port: actualPort,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
