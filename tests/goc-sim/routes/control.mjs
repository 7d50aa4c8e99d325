/**
 * The control API (`/__sim/…`, JSON, CORS `*`, never faulted): reset, clock, faults, the post and
 * request logs, tickets and their ground truth, counts, sign-in, the expected rotation, bench pages.
 * README.md in this folder lists every call.
 */
import { FAULT_MODES } from '../state.mjs';
import { expectedDuty } from '../rotation.mjs';
import { loginPersona, PERSONAS } from '../personas.mjs';
import { USER_COOKIE, cookieHeader, json, parseCookies, readBody, redirect, send } from '../http.mjs';
import { renderListPage } from '../render.mjs';

/** Answers a `/__sim/…` request. `useHttps` decides the cookie attributes. */
export async function control(req, res, url, origin, state, useHttps) {
  const cookie = (name, value, opts) => cookieHeader(useHttps, name, value, opts);
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
      case '/__sim/state': {
        // `?at=` (ms or ISO): the counts at that instant, e.g. the instant a queue check classified at.
        const raw = q.get('at');
        if (raw === null) return json(res, 200, state.counts());
        const at = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
        if (!Number.isFinite(at)) return json(res, 400, { ok: false, error: `"at" is not a time: "${raw.slice(0, 40)}"` });
        return json(res, 200, state.counts(at));
      }
      case '/__sim/submitted': {
        // The newest ticket filed through the new-ticket form, plus what the form posted.
        const last = state.lastSubmission();
        if (!last?.ticket) return json(res, 404, { ok: false, error: 'no ticket filed through /submit since the reset' });
        const { seq, time, user, fields } = last.entry;
        return json(res, 200, { ...state.ticketJson(last.ticket), submission: { seq, time, user, fields } });
      }
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
