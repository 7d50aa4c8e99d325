// @vitest-environment node
/** The simulator over HTTP: routes, the control API, fault modes, posts kept and shown, rotation sources. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startSimulator, SOFTWARE_TEAM_INDEX, type Simulator, type TicketJson, type Counts } from '../../goc-sim/server.mjs';

let sim: Simulator;
const NOW = Date.parse('2026-03-04T15:27:00Z'); // a Wednesday

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.control('/__sim/reset', {});
});

const get = (path: string, init: RequestInit = {}) => fetch(`${sim.origin}${path}`, { redirect: 'manual', ...init });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];
async function login(user: string) {
  const res = await get(`/__sim/login?user=${user}`);
  expect(res.status).toBe(200);
  return cookieOf(res);
}
const tickets = () => sim.control<TicketJson[]>('/__sim/tickets');
const byTag = async (tag: string) => (await tickets()).filter((t) => t.tags.includes(tag));
const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
const formHeaders = (cookie: string) => ({ 'content-type': 'application/x-www-form-urlencoded', cookie });

describe('routes', () => {
  it('serves a ticket at /<id>, /<id>/, /goc/<id>, /viewer?id=N and /viewer/index/id/N', async () => {
    const [t] = await byTag('scenario-triaged-fresh');
    for (const p of [`/${t.id}`, `/${t.id}/`, `/goc/${t.id}`, `/viewer?id=${t.id}`, `/viewer/index/id/${t.id}`]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      const html = await res.text();
      expect(html, p).toContain(`<title>[${t.id}] `);
      expect(html, p).toContain(`<base href="${p.startsWith('/goc') ? '/goc' : ''}/">`);
    }
    const search = await get('/viewer?id=xrootd crash');
    expect(search.status).toBe(302);
    expect(search.headers.get('location')).toBe('/search?q=xrootd%20crash');
  });

  it('answers unknown ids and denied Security tickets with HTTP 200 text pages', async () => {
    const missing = await get('/1234');
    expect(missing.status).toBe(200);
    expect(await missing.text()).toContain('can not be found');
    const [sec] = await byTag('security');
    const denied = await get(`/${sec.id}`);
    expect(denied.status).toBe(200);
    expect(await denied.text()).toContain(`Permission Denied to view ticket id ${sec.id}`);
    const staff = await get(`/${sec.id}`, { headers: { cookie: await login('rquick') } });
    expect(await staff.text()).toContain('form id="ticket_form"');
  });

  it('serves the real libraries from node_modules', async () => {
    for (const p of ['/lib/jquery/jquery.js', '/goc/lib/datatables/js/jquery.dataTables.js', '/lib/bootstrap/css/bootstrap.css', '/lib/jquery.cookie.js', '/lib/timeago/jquery.timeago.js', '/css/ticket.css']) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect((await res.text()).length, p).toBeGreaterThan(500);
    }
    expect((await get('/lib/jquery/../../package.json')).status).not.toBe(200);
    expect(await (await get('/lib/jquery/jquery.js')).text()).toContain('jQuery JavaScript Library v3.0.0');
  });

  it('renders /list/open, /list/recentclose and the 5,000-row list', async () => {
    const counts = await sim.control<Counts>('/__sim/state');
    const open = await (await get('/list/open')).text();
    expect(open.match(/<tr onclick=/g)?.length).toBe(counts.openVisibleToGuests);
    const closed = await (await get('/list/recentclose')).text();
    expect(closed.match(/<tr onclick=/g)?.length).toBe(counts.recentlyClosed);
    const big = await (await get('/list/open?__rows=5000')).text();
    expect(big.match(/<tr onclick=/g)?.length).toBeGreaterThanOrEqual(4999);
    const bench = await (await get('/__sim/bench/list?rows=400')).text();
    expect(bench.match(/<tr onclick=/g)?.length).toBeGreaterThanOrEqual(399);
  });

  it('serves RSS with the odd pubDate and the assignee / cc filters', async () => {
    const res = await get('/rss');
    expect(res.headers.get('content-type')).toContain('text/xml');
    const xml = await res.text();
    expect(xml.startsWith('<rss version="2.0"')).toBe(true);
    const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThan(10);
    for (const d of dates) expect(d).toMatch(/^[A-Z][a-z]{2}, [1-9]\d? [A-Z][a-z]{2} \d{4} (1?\d|2[0-3]):\d\d:\d\d GMT$/);
    expect(xml).toContain('&amp;#58;'); // FP references, escaped once for XML
    const software = await (await get('/rss?assignee=osg-software-support-stream')).text();
    const items = (x: string) => x.match(/<item>/g)?.length ?? 0;
    expect(items(software)).toBeGreaterThan(0);
    expect(items(software)).toBeLessThan(items(xml));
    expect(items(await (await get('/rss?assignee=nobody')).text())).toBe(0);
    const [cc] = await byTag('cc');
    const ccFeed = await (await get(`/rss?cc=${encodeURIComponent(cc.cc[0])}`)).text();
    expect(ccFeed).toContain(`(${cc.id})`);
  });

  it('answers search as HTML and as Solr-like JSON', async () => {
    const res = await get('/search?q=xrootd&json=true');
    const body = JSON.parse(await res.text());
    expect(body.response.numFound).toBeGreaterThan(0);
    expect(body.response.docs[0]).toHaveProperty('descriptions');
    expect(await (await get('/search?q=xrootd')).text()).toContain('search-result');
  });

  it('returns quick description templates as text', async () => {
    const res = await get('/viewer/quickdesc?id=' + encodeURIComponent('Assign to Software'));
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('OSG Software Team');
  });
});

describe('identity', () => {
  it('switches guest / editor / read-only viewer with the gocsim_user cookie', async () => {
    const [t] = await byTag('scenario-email');
    const guest = await (await get(`/${t.id}`)).text();
    expect(guest).not.toContain('id="menu_user"');
    expect(guest).toContain('/sso/">Login</a>');
    const editor = await (await get(`/${t.id}`, { headers: { cookie: await login('aroy') } })).text();
    expect(editor).toContain('<a id="menu_user" href="#" class="dropdown-toggle" data-toggle="dropdown">Alain Roy <span class="caret"></span></a>');
    expect(editor).toContain('<form id="ticket_form" class="form-horizontal">');
    const viewer = await (await get(`/${t.id}`, { headers: { cookie: await login('viewer1') } })).text();
    expect(viewer).not.toContain('ticket_form');
    expect(viewer).toContain(`/viewer/updatebasic?id=${t.id}`);
    expect(viewer).toContain('textarea class="description');
    expect((await get('/__sim/login?user=nobody')).status).toBe(400);
    const redirect = await get(`/__sim/login?user=aroy&to=/goc/${t.id}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/goc/${t.id}`);
  });

  it('shows the SSO login page and logs out', async () => {
    expect(await (await get('/sso/')).text()).toContain('CILogon');
    const out = await get('/logout/', { headers: { cookie: await login('aroy') } });
    expect(out.status).toBe(302);
    expect(out.headers.get('set-cookie')).toContain('gocsim_user=;');
  });
});

describe('posts', () => {
  it('keeps an editor update, shows it first on reload with the success alert once, and logs it', async () => {
    const [t] = await byTag('scenario-triaged-fresh');
    const cookie = await login('matyas');
    const full = await sim.control<TicketJson>(`/__sim/tickets/${t.id}`);
    const pairs: [string, string][] = [
      ['id', String(t.id)], ['title', t.title], ['next_action', 'Waiting on user'], ['priority', '3'], ['status', 'Customer'],
      ['ticket_type', 'Problem/Request'], [`team_${SOFTWARE_TEAM_INDEX}[osg-software-support-stream]`, 'on'], [`team_${SOFTWARE_TEAM_INDEX}[matyas]`, 'on'],
      ['cc[]', 'new-cc@example.org'], ['description', 'Fixed in 3.6.\r\n\r\nMat Selmeci'], ['notify_assignees', 'on'],
    ];
    const res = await get('/viewer/update', { method: 'POST', headers: formHeaders(cookie), body: form(pairs) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const flash = cookieOf(res);
    expect(flash).toMatch(/^gocsim_flash=\d+$/);

    const page = await (await get(`/${t.id}`, { headers: { cookie: `${cookie}; ${flash}` } })).text();
    expect(page).toContain('Successfully updated ticket');
    const first = page.indexOf('<div class="update_description">');
    expect(page.slice(first, first + 600)).toContain('by <b>Mat Selmeci</b>');
    expect(page.slice(first, first + 900)).toContain('Fixed in 3.6.\n\nMat Selmeci');

    const after = await sim.control<TicketJson>(`/__sim/tickets/${t.id}`);
    expect(after.updateCount).toBe(full.updateCount + 1);
    expect(after.assignees).toEqual(['osg-software-support-stream', 'matyas']);
    expect(after.nextAction).toBe('Waiting on user');
    expect(after.cc).toEqual(['new-cc@example.org']);
    expect(after.updates!.at(-1)).toMatchObject({ byHeader: 'Mat Selmeci', author: 'Mat Selmeci', role: 'software', expectedSource: 'header', signed: true });

    const log = await sim.control<any[]>(`/__sim/updates?id=${t.id}`);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ route: 'viewer/update', user: 'matyas', status: 200, description: 'Fixed in 3.6.\r\n\r\nMat Selmeci' });
    expect(log[0].fields['cc[]']).toEqual(['new-cc@example.org']);
  });

  it('metadata selects post OIM ids: an id stores *_ID and its name, "(not set)" clears both', async () => {
    const [t] = await byTag('scenario-triaged-fresh');
    const cookie = await login('matyas');
    const page = await (await get(`/${t.id}`, { headers: { cookie } })).text();
    const values = (name: string) => [...page.matchAll(new RegExp(`<select name="${name}"[^>]*>(.*?)</select>`, 'gs'))][0][1];
    const firstId = (name: string) => /<option value="(\d+)"/.exec(values(name))![1];
    const [r, sc, vo] = [firstId('metadata_r'), firstId('metadata_sc'), firstId('metadata_vo')];
    const base: [string, string][] = [['id', String(t.id)], ['title', t.title], ['next_action', t.nextAction], [`team_${SOFTWARE_TEAM_INDEX}[matyas]`, 'on']];
    let res = await get('/viewer/update', { method: 'POST', headers: formHeaders(cookie), body: form([...base, ['metadata_r', r], ['metadata_sc', sc], ['metadata_vo', vo]]) });
    expect(res.status).toBe(200);
    let md = (await sim.control<TicketJson>(`/__sim/tickets/${t.id}`)).metadata as Record<string, string>;
    expect(md).toMatchObject({ ASSOCIATED_R_ID: r, SUPPORTING_SC_ID: sc, ASSOCIATED_VO_ID: vo });
    // The stored names are the option labels' names (a resource label adds its FQDN).
    const label = (name: string, id: string) => new RegExp(`<option value="${id}"(?: selected="selected")?>([^<]*)</option>`).exec(values(name))![1];
    expect(label('metadata_r', r)).toMatch(new RegExp(`^${md.ASSOCIATED_R_NAME} \\(`));
    expect(label('metadata_sc', sc)).toBe(md.SUPPORTING_SC_NAME);
    expect(label('metadata_vo', vo)).toBe(md.ASSOCIATED_VO_NAME);
    // Reloaded, the editor selects exactly those ids.
    const again = await (await get(`/${t.id}`, { headers: { cookie } })).text();
    expect(again).toContain(`<option value="${r}" selected="selected">`);
    res = await get('/viewer/update', { method: 'POST', headers: formHeaders(cookie), body: form([...base, ['metadata_r', ''], ['metadata_sc', ''], ['metadata_vo', '']]) });
    expect(res.status).toBe(200);
    md = (await sim.control<TicketJson>(`/__sim/tickets/${t.id}`)).metadata as Record<string, string>;
    for (const k of ['ASSOCIATED_R_ID', 'ASSOCIATED_R_NAME', 'SUPPORTING_SC_ID', 'SUPPORTING_SC_NAME', 'ASSOCIATED_VO_ID', 'ASSOCIATED_VO_NAME']) expect(md[k], k).toBeUndefined();
  });

  it('refuses viewer/update without the update permission (401 page) and logs the attempt', async () => {
    const [t] = await byTag('scenario-email');
    const res = await get('/viewer/update', { method: 'POST', headers: formHeaders(await login('viewer1')), body: form([['id', String(t.id)], ['description', 'x']]) });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Authorization Error');
    expect((await sim.control<TicketJson>(`/__sim/tickets/${t.id}`)).updateCount).toBe(t.updateCount);
    expect((await sim.control<any[]>(`/__sim/updates?id=${t.id}`))[0].status).toBe(401);
  });

  it('read-only form: updatebasic appends with a by-email trailer and 302s back; guests get 401', async () => {
    const [t] = await byTag('scenario-email');
    const res = await get(`/viewer/updatebasic?id=${t.id}`, { method: 'POST', headers: formHeaders(await login('viewer1')), body: form([['description', 'Same here.']]) });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${sim.origin}/${t.id}`);
    const after = await sim.control<TicketJson>(`/__sim/tickets/${t.id}`);
    expect(after.updates!.at(-1)).toMatchObject({ byHeader: null, body: 'Same here.\n\nby pat.viewer@umn.example.edu', expectedSource: 'trailer' });
    const guest = await get(`/viewer/updatebasic?id=${t.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'description=x' });
    expect(guest.status).toBe(401);
  });
});

describe('control API', () => {
  it('reset restores the seed after changes', async () => {
    const before = await tickets();
    await sim.control('/__sim/tickets', { title: 'temporary' });
    expect((await tickets()).length).toBe(before.length + 1);
    await sim.control('/__sim/reset', {});
    expect(await tickets()).toEqual(before);
  });

  it('creates an untriaged ticket and triages one; counts follow the default rules', async () => {
    const c0 = await sim.control<Counts>('/__sim/state');
    const created = await sim.control<TicketJson>('/__sim/tickets', { title: 'New XRootD question' });
    expect(created.flags).toMatchObject({ software: true, untriaged: true });
    const c1 = await sim.control<Counts>('/__sim/state');
    expect(c1.untriaged).toBe(c0.untriaged + 1);
    expect(c1.ids.untriaged).toContain(created.id);
    const [u] = (await tickets()).filter((t) => t.flags.untriaged && t.id !== created.id);
    const triaged = await sim.control<TicketJson>('/__sim/tickets', { id: u.id, nextAction: 'ENG Action', addAssignees: ['blin'] });
    expect(triaged.assignees).toEqual(expect.arrayContaining(['osg-software-support-stream', 'blin']));
    expect(triaged.flags).toMatchObject({ software: true, untriaged: false, stale: false });
    expect((await sim.control<Counts>('/__sim/state')).untriaged).toBe(c0.untriaged);
    const list = await (await get('/list/open')).text();
    expect(list).toContain('New XRootD question');
  });

  it('/__sim/state?at= counts at that instant: the 6.9-day boundary ticket turns stale a day on, NADs pass', async () => {
    const [edge] = await byTag('boundary-updated-6.9d');
    const [later] = await byTag('boundary-nad-later-today');
    const now = await sim.control<Counts>('/__sim/state');
    expect(now.ids.stale).not.toContain(edge.id);
    expect(now.ids.softwareOverdue).not.toContain(later.id);
    // The same instant, by ms and by ISO, reads the same as no `at`.
    expect((await sim.control<Counts>(`/__sim/state?at=${Date.parse(now.now)}`)).ids).toEqual(now.ids);
    const dayOn = Date.parse(now.now) + 2 * 86_400_000;
    const then = await sim.control<Counts>(`/__sim/state?at=${new Date(dayOn).toISOString()}`);
    expect(then.now).toBe(new Date(dayOn).toISOString());
    expect(then.ids.stale).toContain(edge.id);
    expect(then.ids.softwareOverdue).toContain(later.id);
    // The simulator's own clock did not move.
    expect((await sim.control<Counts>('/__sim/state')).ids.stale).toEqual(now.ids.stale);
    const bad = await get('/__sim/state?at=yesterday');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('yesterday');
  });

  it('exposes every update’s ground truth', async () => {
    const [t] = await byTag('scenario-dn');
    const full = await sim.control<TicketJson>(`/__sim/tickets/${t.id}`);
    for (const u of full.updates!) {
      expect(u).toEqual(expect.objectContaining({ time: expect.any(String), author: expect.any(String), role: expect.any(String), expectedSource: expect.any(String), signed: expect.any(Boolean) }));
      expect(u.byHeader === null || typeof u.byHeader === 'string').toBe(true);
    }
    expect(full.updates!.some((u) => u.byHeader === null && u.expectedSource === 'trailer' && /CN=Timothy Cartwright/.test(u.body))).toBe(true);
  });

  it('bench ticket with 300 updates', async () => {
    const info = await sim.control<{ id: number; updates: number; url: string }>('/__sim/bench/ticket?updates=300&json=1');
    expect(info.updates).toBe(300);
    const page = await (await get(`/${info.id}`)).text();
    expect(page.match(/<div class="update_description">/g)).toHaveLength(300);
    const redirect = await get('/__sim/bench/ticket?updates=300');
    expect(redirect.headers.get('location')).toBe(`/${info.id}`);
  });
});

describe('faults', () => {
  it('500, 401 and login answer as specified, scoped by path prefix, and clear', async () => {
    await sim.control('/__sim/fault', { mode: '500', match: '/list/open' });
    expect((await get('/list/open')).status).toBe(500);
    expect((await get('/goc/list/open')).status).toBe(500);
    expect((await get('/rss')).status).toBe(200);
    await sim.control('/__sim/fault', { mode: '401', match: '/list/open' });
    const unauth = await get('/list/open');
    expect(unauth.status).toBe(401);
    expect(await unauth.text()).toContain('Authorization Error');
    await sim.control('/__sim/fault', { mode: 'login', match: '/list/open' });
    const loginPage = await get('/list/open', { headers: { cookie: await login('aroy') } });
    expect(loginPage.status).toBe(200);
    const html = await loginPage.text();
    expect(html).toContain('CILogon');
    expect(html).not.toContain('menu_user');
    expect(html).not.toContain('id="tickets"');
    await sim.control('/__sim/fault', { mode: 'none' });
    expect((await get('/list/open')).status).toBe(200);
  });

  it('markup renames the table, garbage answers junk, regex scoping and `times` work', async () => {
    await sim.control('/__sim/fault', { mode: 'markup', match: '^/(goc/)?list/' });
    const changed = await (await get('/list/open')).text();
    expect(changed).not.toContain('id="tickets"');
    expect(changed).toContain('id="ticket-table"');
    await sim.control('/__sim/fault', { mode: 'none' });
    await sim.control('/__sim/fault', { mode: 'garbage', match: '/rotation/', times: 1 });
    const junk = await get('/rotation/rotation.json');
    expect(junk.status).toBe(200);
    const bytes = Buffer.from(await junk.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
    expect(JSON.parse(await (await get('/rotation/rotation.json')).text()).length).toBeGreaterThan(50);
    expect((await sim.control<{ faults: unknown[] }>('/__sim/fault')).faults).toHaveLength(0);
  });

  it('slow delays the answer, timeout never answers, and unknown modes are refused', async () => {
    await sim.control('/__sim/fault', { mode: 'slow', match: '/rss', delayMs: 150 });
    expect((await get('/rss')).status).toBe(200);
    const logged = (await sim.control<{ path: string; ms: number }[]>('/__sim/requests?path=/rss')).at(-1)!;
    expect(logged.ms).toBeGreaterThanOrEqual(150);
    await sim.control('/__sim/fault', { mode: 'timeout', match: '/list/open' });
    const aborted = await get('/list/open', { signal: AbortSignal.timeout(300) }).then(() => 'answered', (e) => e.name);
    expect(aborted).toBe('TimeoutError');
    const bad = await fetch(`${sim.origin}/__sim/fault`, { method: 'POST', body: JSON.stringify({ mode: 'explode' }) });
    expect(bad.status).toBe(400);
  });
});

describe('rotation sources', () => {
  it('serve the same rotation as iCal, TWiki TML, TWiki HTML, JSON and /__sim/rotation/expected', async () => {
    const ics = await (await get('/rotation/triage.ics')).text();
    const tml = await (await get('/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text')).text();
    const html = await (await get('/twiki/bin/view/SoftwareTeam/TriageRotation')).text();
    const json: { week: string; person: string }[] = JSON.parse(await (await get('/rotation/rotation.json')).text());

    expect(tml).toContain('| *Week* | *Person* |');
    expect(tml).toMatch(/\| \d\d-[A-Z][a-z]{2}-\d{4} \| [A-Z]/);
    expect(tml).toMatch(/\| \d{4}-\d\d-\d\d \| [A-Z]/);
    expect(tml).toMatch(/\| \d{1,2} [A-Z][a-z]{2} \d{4} \| [A-Z]/);
    expect(html).toContain('class="twikiTable"');

    const comp = new ICAL.Component(ICAL.parse(ics));
    expect(comp.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/Chicago');
    const events = comp.getAllSubcomponents('vevent');
    const masters = events.filter((e) => !e.hasProperty('recurrence-id'));
    expect(masters).toHaveLength(7);
    expect(masters.every((e) => String(e.getFirstPropertyValue('rrule')) === 'FREQ=WEEKLY;INTERVAL=7')).toBe(true);
    expect(masters.filter((e) => e.hasProperty('exdate'))).toHaveLength(1);
    const overrides = events.filter((e) => e.hasProperty('recurrence-id'));
    expect(overrides).toHaveLength(1);

    // Expand the calendar with ical.js and compare week by week with the other sources.
    const byWeek = new Map<string, string>();
    for (const master of masters) {
      const ev = new ICAL.Event(master, { exceptions: overrides.filter((o) => o.getFirstPropertyValue('uid') === master.getFirstPropertyValue('uid')) });
      const it = ev.iterator();
      for (let next = it.next(); next && next.toJSDate().getTime() < NOW + 400 * 86_400_000; next = it.next()) {
        const occ = ev.getOccurrenceDetails(next);
        byWeek.set(occ.startDate.toString().slice(0, 10), String(occ.item.summary).replace(/^Triage: /, ''));
      }
    }
    const jsonWeeks = new Map(json.map((r) => [r.week, r.person]));
    const upcoming = json.filter((r) => Date.parse(r.week) >= NOW - 14 * 86_400_000 && Date.parse(r.week) < NOW + 300 * 86_400_000);
    expect(upcoming.length).toBeGreaterThan(30);
    for (const r of upcoming) expect(byWeek.get(r.week), r.week).toBe(r.person);
    for (const [week, person] of byWeek) if (jsonWeeks.has(week)) expect(jsonWeeks.get(week)).toBe(person);

    for (let d = 0; d < 35; d++) {
      const date = new Date(NOW + d * 86_400_000).toISOString().slice(0, 10);
      const answer = await sim.control<{ person: string | null; weekStart: string; weekend: boolean; reason: string }>(`/__sim/rotation/expected?date=${date}`);
      if (answer.weekend) expect(answer.person).toBeNull();
      else expect(answer.person, date).toBe(jsonWeeks.get(answer.weekStart) ?? null);
      if (answer.reason === 'exdate') expect(byWeek.has(answer.weekStart)).toBe(false);
    }
    const reasons = await Promise.all([7, 21].map((d) => sim.control<{ reason: string }>(`/__sim/rotation/expected?date=${new Date(NOW + d * 86_400_000).toISOString().slice(0, 10)}`)));
    expect(reasons.map((r) => r.reason)).toEqual(['override', 'exdate']);
  });
});

describe('https', () => {
  it('serves over TLS with a certificate for the GOC host names', async () => {
    const secure = await startSimulator({ port: 0, https: true, now: NOW });
    try {
      expect(secure.url.startsWith('https://127.0.0.1:')).toBe(true);
      const state = await secure.control<Counts>('/__sim/state');
      expect(state.tickets).toBeGreaterThanOrEqual(60);
      const { X509Certificate } = await import('node:crypto');
      const cert = new X509Certificate(secure.certificate!.cert);
      expect(cert.subjectAltName).toContain('DNS:ticket.opensciencegrid.org');
      expect(cert.subjectAltName).toContain('DNS:ticket.grid.iu.edu');
      expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    } finally {
      await secure.close();
    }
  });
});
