/**
 * The simulator's in-memory world: tickets (from the seed, then changed by POSTs and the control
 * API), the log of what pages POSTed, fault modes, and the clock.
 */
import { generateSeed, makeBenchTicket, makeListFiller, classify, DEFAULT_SEED, TRIAGE_NEXT_ACTION } from './seed.mjs';
import {
  PERSONAS, SOFTWARE_PSEUDO_ID, STATUSES, TICKET_TYPES, CLOSED_STATUSES, TEAMS, fpParse, rosterRole, personaByName, USERS,
  RESOURCE_ROWS, SC_ROWS, VO_ROWS,
} from './personas.mjs';
import { DAY, MINUTE, parseYmd, isoDatetime, ymd } from './time.mjs';
import { decodeEntities, splitMeta, fpEncode, asciiOnly } from './fp.mjs';

export const FAULT_MODES = ['none', 'slow', '500', '401', 'login', 'markup', 'garbage', 'timeout', 'reset'];

function toMs(x) {
  if (x === undefined || x === null || x === '') return undefined;
  if (typeof x === 'number') return x;
  if (x instanceof Date) return x.getTime();
  const ymdMs = parseYmd(String(x));
  if (ymdMs !== null) return ymdMs;
  const ms = Date.parse(String(x));
  return Number.isFinite(ms) ? ms : undefined;
}

/** Fault matcher: a path prefix (with or without /goc), or a regex when the string looks like one. */
export function compileMatch(match) {
  if (!match) return null;
  const s = String(match);
  if (s.startsWith('^') || /[*+?()[\]{}|\\$]/.test(s)) {
    const re = new RegExp(s);
    return (path) => re.test(path);
  }
  return (path) => {
    const noQuery = path.split('?')[0];
    const stripped = noQuery.replace(/^\/goc(?=\/|$)/, '') || '/';
    return noQuery.startsWith(s) || stripped.startsWith(s);
  };
}

export class SimState {
  constructor({ seed = DEFAULT_SEED, now } = {}) {
    this.seed = seed;
    this.now0 = toMs(now) ?? Date.now();
    this.reset();
  }

  /** Back to the seed (same seed and `now` unless given). Clears faults, the update log and bench data. */
  reset({ seed, now } = {}) {
    if (seed !== undefined) this.seed = Number(seed);
    if (now !== undefined) this.now0 = toMs(now) ?? this.now0;
    this.startedAt = Date.now();
    const data = generateSeed({ seed: this.seed, now: this.now0 });
    this.tickets = data.tickets;
    this.bench = new Map();
    this.fillerCache = null;
    this.updatesLog = [];
    this.faults = [];
    this.requests = [];
    this.nextId = Math.max(...this.tickets.map((t) => t.id)) + 1;
    return this;
  }

  /** Simulated now: the configured `now` plus the real time elapsed since (re)start. */
  now() {
    return this.now0 + (Date.now() - this.startedAt);
  }

  setClock(ms) {
    this.now0 = ms;
    this.startedAt = Date.now();
  }

  ticket(id) {
    const n = Number(id);
    return this.tickets.find((t) => t.id === n) ?? this.bench.get(n) ?? null;
  }

  openTickets() {
    return this.tickets.filter((t) => !CLOSED_STATUSES.includes(t.status));
  }

  recentlyClosed(days = 7) {
    const now = this.now();
    return this.tickets.filter((t) => CLOSED_STATUSES.includes(t.status) && now - t.updated <= days * DAY);
  }

  /**
   * Counts with the extension's default rules (./classify.mjs), over all open tickets, at `at`
   * (ms; the simulator's now when absent).
   */
  counts(at) {
    const now = at ?? this.now();
    const ids = { open: [], software: [], untriaged: [], stale: [], overdue: [], softwareOverdue: [] };
    for (const t of this.tickets) {
      const c = classify(t, now);
      for (const k of ['open', 'software', 'untriaged', 'stale']) if (c[k]) ids[k].push(t.id);
      // `overdue` here counts every open ticket whose NAD has passed; the queue's flag is softwareOverdue.
      if (c.nadPast) ids.overdue.push(t.id);
      if (c.overdue) ids.softwareOverdue.push(t.id);
    }
    const guestHidden = this.openTickets().filter((t) => t.type === 'Security').map((t) => t.id);
    return {
      now: new Date(now).toISOString(),
      open: ids.open.length,
      openVisibleToGuests: ids.open.length - guestHidden.length,
      software: ids.software.length,
      untriaged: ids.untriaged.length,
      stale: ids.stale.length,
      overdue: ids.overdue.length,
      softwareOverdue: ids.softwareOverdue.length,
      recentlyClosed: this.recentlyClosed().length,
      tickets: this.tickets.length,
      updates: this.tickets.reduce((s, t) => s + t.descriptions.length, 0),
      ids,
    };
  }

  // ---- faults ----------------------------------------------------------------------------------

  setFault({ mode = 'none', match, delayMs, times } = {}) {
    if (!FAULT_MODES.includes(String(mode))) throw new Error(`unknown fault mode "${mode}" (one of ${FAULT_MODES.join(', ')})`);
    const key = match ? String(match) : '';
    this.faults = this.faults.filter((f) => f.match !== key);
    if (mode === 'none') {
      if (!key) this.faults = [];
      return this.faults;
    }
    compileMatch(key); // throws on a bad regex
    this.faults.unshift({
      mode: String(mode),
      match: key,
      delayMs: delayMs === undefined ? 3000 : Number(delayMs),
      times: times === undefined ? null : Number(times),
    });
    return this.faults;
  }

  clearFaults() {
    this.faults = [];
  }

  /** The fault for a request path (`asset` = static library file: only an explicit match hits it). */
  faultFor(path, { asset = false, control = false } = {}) {
    if (control) return null;
    for (const f of this.faults) {
      const hit = f.match ? compileMatch(f.match)(path) : !asset;
      if (!hit) continue;
      if (f.times !== null) {
        f.times -= 1;
        if (f.times <= 0) this.faults = this.faults.filter((x) => x !== f);
      }
      return f;
    }
    return null;
  }

  // ---- control API: create / patch ------------------------------------------------------------

  /**
   * Creates a ticket (no `id`, or an unknown `id`) or patches one. A new ticket is, by default,
   * an untriaged Software ticket submitted from the web form.
   */
  upsertTicket(body = {}) {
    const existing = body.id !== undefined ? this.ticket(body.id) : null;
    const now = this.now();
    if (!existing) {
      const who = (body.submitter && typeof body.submitter === 'object' ? body.submitter : null) ?? USERS[0];
      const id = body.id !== undefined ? Number(body.id) : this.nextId++;
      if (id >= this.nextId) this.nextId = id + 1;
      const t = {
        id,
        title: body.title ?? 'New ticket from the control API',
        status: 'Engineering',
        priority: 4,
        type: 'Problem/Request',
        nextAction: TRIAGE_NEXT_ACTION,
        nad: now + 3 * DAY,
        submitted: now,
        updated: now,
        submitter: { name: who.name, email: who.email, phone: who.phone ?? '' },
        cc: [],
        assignees: [SOFTWARE_PSEUDO_ID],
        metadata: { SUBMITTER_NAME: who.name, SUBMITTED_VIA: 'GOC Ticket/submit', APP_ISSUE_TYPE: 'vdt' },
        attachments: [],
        links: [],
        base: '',
        tags: ['created'],
        descriptions: [],
        history: [],
      };
      const text = body.description ?? `${t.title}\n\nPlease help.`;
      t.descriptions.push(this.makeUpdate(t, now, 'OSG-GOC', `${text}\n\nby ${who.email}`, {
        author: who.name, role: 'submitter', expectedSource: 'trailer', signed: true, kind: 'created',
        expected: { responder: who.name, role: 'submitter' },
      }));
      t.history.push({ time: Math.floor(now / MINUTE) * MINUTE, lines: ['Ticket submitted via the GOC Ticket web form'] });
      this.tickets.push(t);
      this.applyPatch(t, { ...body, description: undefined, submitter: undefined }, { touch: false });
      return t;
    }
    this.applyPatch(existing, body, { touch: body.touch !== false });
    return existing;
  }

  applyPatch(t, b, { touch }) {
    const now = this.now();
    const lines = [];
    const set = (key, value, label) => {
      if (value === undefined || value === t[key]) return;
      lines.push(`${label} changed from ${t[key]} to ${value}`);
      t[key] = value;
    };
    set('title', b.title, 'Title');
    set('status', b.status, 'Status');
    set('priority', b.priority === undefined ? undefined : Number(b.priority), 'Priority');
    set('type', b.type ?? b.ticketType, 'Ticket Type');
    set('nextAction', b.nextAction, 'Next Action');
    if (b.nad !== undefined) t.nad = toMs(b.nad) ?? t.nad;
    if (b.submitted !== undefined) t.submitted = toMs(b.submitted) ?? t.submitted;
    if (b.submitter && typeof b.submitter === 'object') t.submitter = { ...t.submitter, ...b.submitter };
    if (Array.isArray(b.cc)) t.cc = b.cc.map(String);
    const before = t.assignees.join(' ');
    if (Array.isArray(b.assignees)) t.assignees = b.assignees.map(String);
    if (Array.isArray(b.addAssignees)) for (const a of b.addAssignees) if (!t.assignees.includes(a)) t.assignees.push(String(a));
    if (Array.isArray(b.removeAssignees)) t.assignees = t.assignees.filter((a) => !b.removeAssignees.includes(a));
    if (t.assignees.join(' ') !== before) lines.push(`Assignees changed from "${before}" to "${t.assignees.join(' ')}"`);
    if (b.metadata && typeof b.metadata === 'object') t.metadata = { ...t.metadata, ...b.metadata };
    if (Array.isArray(b.tags)) t.tags = [...new Set([...t.tags, ...b.tags.map(String)])];
    if (b.description || b.update) {
      const u = b.update ?? { body: b.description };
      const p = PERSONAS.get(u.author) ?? personaByName(u.author) ?? null;
      const stamp = u.stamp ?? (p?.fpAgent ? p.name : 'goc');
      const body = stamp === 'goc' && p ? `${u.body}\n\nby ${p.email}` : String(u.body ?? '');
      const role = rosterRole(p) ?? (p && p.email === t.submitter.email ? 'submitter' : 'unknown');
      t.descriptions.push(this.makeUpdate(t, this.freeSecond(t, now), stamp, body, {
        author: p?.name ?? '', role, expectedSource: stamp === 'goc' ? (p ? 'trailer' : 'none') : 'header', signed: !!p && body.includes(p.name), kind: 'control',
        expected: p ? { responder: p.name, role } : { responder: '', role: 'unknown' },
      }));
      lines.push('Appended a Description');
    }
    if (lines.length) t.history.push({ time: Math.floor(now / MINUTE) * MINUTE, lines });
    if (b.updated !== undefined) t.updated = toMs(b.updated) ?? t.updated;
    else if (touch && lines.length) t.updated = now;
  }

  makeUpdate(t, time, stamp, body, truth) {
    const uid = 1 + Math.max(0, ...this.tickets.flatMap((x) => x.descriptions.map((d) => d.uid)), ...t.descriptions.map((d) => d.uid));
    return { uid, time, stamp, body, truth };
  }

  /** Two updates in the same second would merge in FP; the simulator keeps them apart instead. */
  freeSecond(t, ms) {
    let s = Math.floor(ms / 1000) * 1000;
    while (t.descriptions.some((d) => Math.floor(d.time / 1000) * 1000 === s)) s += 1000;
    // A :00 second would pull same-minute history lines into the body; keep posted updates clean.
    if (s % MINUTE === 0) s += 1000;
    return s;
  }

  // ---- page POSTs ------------------------------------------------------------------------------

  /**
   * `POST viewer/update` from the editor (docs/goc-pages.md §6.2): every field replaces the stored value;
   * `team_N[fpid]` keys replace the assignee list; a non-empty description is appended.
   */
  applyEditorUpdate(pairs, user) {
    const f = fieldsOf(pairs);
    const t = this.ticket(f.id);
    if (!t) return null;
    const now = this.now();
    const lines = [];
    const change = (key, value, label) => {
      if (value === undefined || value === t[key]) return;
      lines.push(`${label} changed from ${t[key]} to ${value}`);
      t[key] = value;
    };
    change('title', f.title, 'Title');
    if (f.submitter_name !== undefined || f.submitter_email !== undefined || f.submitter_phone !== undefined) {
      t.submitter = {
        name: f.submitter_name ?? t.submitter.name,
        email: f.submitter_email ?? t.submitter.email,
        phone: f.submitter_phone ?? t.submitter.phone,
      };
    }
    change('nextAction', f.next_action, 'Next Action');
    if (f.nad) t.nad = toMs(f.nad) ?? t.nad;
    if (f.priority && /^[1-4]$/.test(f.priority)) change('priority', Number(f.priority), 'Priority');
    if (f.status && STATUSES.includes(f.status)) change('status', f.status, 'Status');
    if (f.ticket_type !== undefined) change('type', TICKET_TYPES.includes(f.ticket_type) ? f.ticket_type : 'Problem/Request', 'Ticket Type');
    // The selects post OIM ids ('' = "(not set)", which clears): setMetadata*ID stores the id and its name.
    const metaSelect = (value, rows, prefix, extra = []) => {
      if (value === undefined) return;
      const row = rows.find((r) => r.id === value);
      t.metadata[`${prefix}_ID`] = value || undefined;
      t.metadata[`${prefix}_NAME`] = value ? row?.name : undefined;
      if (!value) for (const k of extra) t.metadata[k] = undefined;
    };
    metaSelect(f.metadata_r, RESOURCE_ROWS, 'ASSOCIATED_R', ['ASSOCIATED_RG_ID', 'ASSOCIATED_RG_NAME']);
    metaSelect(f.metadata_sc, SC_ROWS, 'SUPPORTING_SC');
    metaSelect(f.metadata_vo, VO_ROWS, 'ASSOCIATED_VO');
    for (const k of Object.keys(t.metadata)) if (t.metadata[k] === undefined) delete t.metadata[k];
    // Assignees: every key starting team_, FP id inside the brackets; only ids some team lists.
    const assignees = [];
    for (const [name] of pairs) {
      const m = /^team_\d+\[(.+)\]$/.exec(name);
      if (m && !assignees.includes(m[1]) && TEAMS.some((tm) => tm.members.includes(m[1]))) assignees.push(m[1]);
    }
    if (assignees.join(' ') !== t.assignees.join(' ')) {
      lines.push(`Assignees changed from "${t.assignees.join(' ')}" to "${assignees.join(' ')}"`);
      t.assignees = assignees;
    }
    t.cc = pairs.filter(([n, v]) => n === 'cc[]' && v.trim()).map(([, v]) => v.trim());
    if (f.ticket_links !== undefined) t.links = f.ticket_links.split(',').map((x) => Number(x)).filter((x) => Number.isInteger(x) && x > 0);
    const update = this.appendDescription(t, f.description, user, now);
    if (update) lines.push('Appended a Description', this.notificationLine(t, f));
    if (lines.length) t.history.push({ time: Math.floor(now / MINUTE) * MINUTE, lines });
    t.updated = now;
    return { ticket: t, update };
  }

  /** `POST viewer/updatebasic` from the read-only form: description, CCs (if sent), status. */
  applyBasicUpdate(id, pairs, user) {
    const t = this.ticket(id);
    if (!t) return null;
    const f = fieldsOf(pairs);
    const now = this.now();
    const lines = [];
    if (pairs.some(([n]) => n === 'cc[]')) t.cc = pairs.filter(([n, v]) => n === 'cc[]' && v.trim()).map(([, v]) => v.trim());
    if (f.status && f.status !== t.status && ['Resolved', 'Closed'].includes(f.status)) {
      lines.push(`Status changed from ${t.status} to ${f.status}`);
      t.status = f.status;
    }
    const update = this.appendDescription(t, f.description, user, now);
    if (update) lines.push('Appended a Description', this.notificationLine(t, f));
    if (lines.length) t.history.push({ time: Math.floor(now / MINUTE) * MINUTE, lines });
    t.updated = now;
    return { ticket: t, update };
  }

  /** FP agents are stamped with their name; others as `goc` with `by <email>` appended (SSO era). */
  appendDescription(t, raw, user, now) {
    // Browsers send textarea newlines as CRLF; bodies are stored with LF (the viewer trims lines anyway).
    const text = raw === undefined ? raw : String(raw).replace(/\r\n?/g, '\n');
    if (!text || !text.trim()) return null;
    const agent = !!user?.fpAgent;
    const stamp = agent ? user.name : 'goc';
    const body = agent ? text : `${text}\n\nby ${user?.email ?? 'unknown'}`;
    const role = rosterRole(user) ?? (user && user.email === t.submitter.email ? 'submitter' : 'unknown');
    const tail = text.trim().split('\n').slice(-6).join('\n');
    const signed = !!user && (tail.includes(user.name) || (user.aliases ?? []).some((a) => new RegExp(`(^|\\n)\\s*-*\\s*${escapeRe(a)}\\s*$`).test(tail)));
    const u = this.makeUpdate(t, this.freeSecond(t, now), stamp, body, {
      author: user?.name ?? '', role, expectedSource: agent ? 'header' : 'trailer', signed, kind: 'posted',
      expected: { responder: user?.name ?? '', role },
    });
    t.descriptions.push(u);
    return u;
  }

  notificationLine(t, f) {
    const parts = [];
    if (f.notify_submitter === 'on') parts.push(`Customer: ${t.submitter.email}`);
    if (f.notify_ccs === 'on' && t.cc.length) parts.push(`Cc: ${t.cc.join(', ')}`);
    if (f.notify_assignees === 'on') parts.push(`Assignee: ${t.assignees.map((a) => PERSONAS.get(a)?.email ?? a).join(', ')}`);
    return parts.length ? `Notification mail sent: ${parts.join('; ')}` : 'No notification mail sent';
  }

  /**
   * A ticket filed through the new-ticket form (`POST submit/submit`; spec from routes/submit.mjs
   * `submissionOf`): FP's new-ticket defaults (Engineering, ENG Action, NAD now) with the form's
   * contact, CCs, assignees, metadata and first description. Tagged `filed`.
   */
  fileSubmittedTicket(spec) {
    const now = this.now();
    const t = {
      id: this.nextId++,
      title: spec.title,
      status: 'Engineering',
      priority: spec.priority ?? 4,
      type: spec.type ?? 'Problem/Request',
      nextAction: 'ENG Action',
      nad: now,
      submitted: now,
      updated: now,
      submitter: { ...spec.contact },
      cc: [...spec.cc],
      assignees: [...spec.assignees],
      metadata: { ...spec.metadata },
      attachments: [],
      links: [],
      base: spec.base ?? '',
      tags: ['filed'],
      descriptions: [],
      history: [],
    };
    const at = this.freeSecond(t, now);
    t.descriptions.push(this.makeUpdate(t, at, spec.stamp, spec.body, spec.truth));
    const assignees = t.assignees.map((a) => PERSONAS.get(a)?.email ?? `${a}@tick.globalnoc.iu.edu`).join(', ');
    const ccs = t.cc.length ? `; Cc: ${t.cc.join(', ')}` : '';
    t.history.push({ time: Math.floor(at / MINUTE) * MINUTE, lines: ['Ticket submitted via the GOC Ticket web form', `Notification mail sent: Customer: ${t.submitter.email}${ccs}; Assignee: ${assignees}`] });
    this.tickets.push(t);
    return t;
  }

  /** The newest ticket filed through the form, with what was posted (null when none since the reset). */
  lastSubmission() {
    for (let i = this.updatesLog.length - 1; i >= 0; i--) {
      const e = this.updatesLog[i];
      if (e.route === 'submit/submit' && e.id) return { entry: e, ticket: this.ticket(e.id) };
    }
    return null;
  }

  logPost(entry) {
    this.updatesLog.push({ seq: this.updatesLog.length + 1, time: new Date(this.now()).toISOString(), ...entry });
  }

  logRequest(entry) {
    this.requests.push(entry);
    if (this.requests.length > 2000) this.requests.splice(0, this.requests.length - 2000);
  }

  // ---- views for pages -------------------------------------------------------------------------

  /** Adds what the ticket page shows besides the ticket itself (links, similar tickets). */
  viewTicket(t) {
    const linkedTickets = (t.links ?? []).map((id) => this.ticket(id)).filter(Boolean).map((x) => ({ id: x.id, title: x.title }));
    const words = significantWords(t.title);
    const now = this.now();
    const similar = this.tickets
      .filter((x) => x.id !== t.id && now - x.updated < 30 * DAY && x.type !== 'Security' && significantWords(x.title).some((w) => words.includes(w)))
      .slice(0, 3)
      .map((x) => ({ id: x.id, title: x.title, status: x.status, excerpt: asciiOnly(splitMeta(x.descriptions[0]?.body ?? '').text).slice(0, 140) }));
    return { ...t, linkedTickets, similar };
  }

  /** Bench ticket with N updates (id 99000 + N), kept until reset; not in lists or counts. */
  benchTicket(updates = 300) {
    const n = Math.max(1, Math.min(5000, Number(updates) || 300));
    const id = 99000 + n;
    if (!this.bench.has(id)) this.bench.set(id, makeBenchTicket({ id, updates: n, now: this.now0 }));
    return this.bench.get(id);
  }

  /** Open tickets padded with synthetic rows up to `rows` (the 5,000-row list for the bench). */
  listWithRows(rows) {
    const open = this.openTickets();
    const extra = Math.max(0, Math.min(50_000, Number(rows) || 0) - open.length);
    if (this.fillerCache?.count !== extra) this.fillerCache = { count: extra, rows: makeListFiller({ count: extra, now: this.now0 }) };
    return [...open, ...this.fillerCache.rows];
  }

  search(q, user, { start = 0, sortById = false } = {}) {
    const clean = String(q ?? '').replace(/[^A-Za-z0-9 _+,.\-]/g, ' ').trim().toLowerCase();
    const terms = clean.split(/\s+/).filter(Boolean);
    const canSecurity = !!user?.perms.includes('view_security_incident_ticket');
    let hits = this.tickets.filter((t) => {
      if (t.type === 'Security' && !canSecurity) return false;
      if (t.type === 'Security_Notification' && !user) return false;
      if (!terms.length) return true;
      const hay = `${t.id} ${t.title} ${t.descriptions.map((d) => d.body).join(' ')}`.toLowerCase();
      return terms.every((w) => hay.includes(w));
    });
    hits = sortById ? hits.sort((a, b) => b.id - a.id) : hits.sort((a, b) => b.updated - a.updated);
    const docs = hits.slice(start, start + 25);
    return {
      numFound: hits.length,
      start,
      docs: docs.map((t) => ({
        id: t.id,
        title: t.title,
        status: t.status,
        descriptions: t.descriptions.map((d) => asciiOnly(fpEncode(d.body))),
        excerpt: splitMeta(t.descriptions[0]?.body ?? '').text.slice(0, 200),
      })),
    };
  }

  rssItems({ assignee, cc }) {
    const now = this.now();
    const items = [];
    for (const t of this.tickets) {
      if (now - t.updated > 30 * DAY) continue;
      const tokens = [...t.assignees, ...t.assignees.flatMap((a) => TEAMS.filter((tm) => tm.members.includes(a)).map((tm) => fpParse(tm.team)))];
      if (assignee !== undefined && (!t.assignees.length || !tokens.includes(assignee))) continue;
      if (cc !== undefined && t.cc.length && !t.cc.includes(cc)) continue;
      // Loader lag: the item time is when the cron job posted the file, a few minutes later.
      items.push({ ticket: t, mtime: t.updated + ((t.id % 3) + 2) * MINUTE });
    }
    return items.sort((a, b) => b.mtime - a.mtime);
  }

  // ---- JSON ------------------------------------------------------------------------------------

  ticketJson(t, { full = true } = {}) {
    const now = this.now();
    const c = classify(t, now);
    const out = {
      id: t.id,
      title: t.title,
      status: t.status,
      priority: t.priority,
      type: t.type,
      nextAction: t.nextAction,
      nad: isoDatetime(t.nad),
      nadDate: ymd(t.nad),
      submitted: isoDatetime(t.submitted),
      updated: isoDatetime(t.updated),
      updateDate: ymd(t.updated),
      submitter: t.submitter,
      cc: t.cc,
      assignees: t.assignees,
      assigneeNames: t.assignees.map((a) => PERSONAS.get(a)?.name ?? a),
      metadata: t.metadata,
      attachments: t.attachments,
      links: t.links,
      base: t.base,
      url: `${t.base}/${t.id}`,
      tags: t.tags,
      flags: { open: c.open, software: c.software, untriaged: c.untriaged, stale: c.stale, overdue: c.overdue },
      updateCount: t.descriptions.length,
    };
    if (full) {
      out.updates = t.descriptions.map((d) => updateJson(d));
      out.history = t.history.map((h) => ({ time: isoDatetime(h.time), lines: h.lines }));
    }
    return out;
  }
}

/** One update's ground truth (README "Ground truth"). */
export function updateJson(d) {
  const { text, meta } = splitMeta(d.body);
  return {
    uid: d.uid,
    time: isoDatetime(d.time),
    unix: Math.floor(d.time / 1000),
    stamp: d.stamp,
    byHeader: d.stamp === 'goc' ? null : d.stamp.replace(/:/g, ''),
    author: d.truth.author,
    role: d.truth.role,
    expectedSource: d.truth.expectedSource,
    signed: d.truth.signed,
    kind: d.truth.kind,
    expected: d.truth.expected,
    historyAppended: !!d.truth.historyAppended,
    body: d.body,
    bodyText: text,
    meta,
    lines: text.split('\n').length,
    fpBody: fpEncode(d.body),
  };
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const STOP = new Set(['after', 'with', 'from', 'fails', 'failed', 'error', 'errors', 'since', 'update', 'request', 'there', 'their', 'about']);
function significantWords(title) {
  return decodeEntities(String(title))
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((w) => w.length >= 5 && !STOP.has(w));
}

/** Form pairs → { name: last value } (repeated names: see pairs). */
export function fieldsOf(pairs) {
  const f = {};
  for (const [k, v] of pairs) f[k] = v;
  return f;
}
