/**
 * The deterministic seed: tickets, updates (descriptions), history and ground truth.
 * Same { seed, now } → same data. Dates are offsets from `now` (rounded down to the minute) so
 * "stale" and "overdue" stay meaningful whenever the tests run.
 *
 * A description (update) is stored as plain text; FP encoding happens at render time (fp.mjs).
 * Each carries `truth`: who really wrote it and how an ideal responder parser, given
 * tests/fixtures/team-config.json, finds the name (README "Ground truth").
 */
import {
  SOFTWARE_TEAM, GOC_STAFF, USERS, PERSONAS, SOFTWARE_PSEUDO_ID, TEAMS, RESOURCES, VOS,
  SUPPORT_CENTERS, RETIRED_TYPES, SUPPORT_CENTERS_TEAM_INDEX, CLOSED_STATUSES, fpParse, rosterRole,
} from './personas.mjs';
import { TOPICS, GOC_TOPICS, HOSTS, SITES, VERSIONS, logLines } from './topics.mjs';
import { XSS_PAYLOADS, XSS_JS } from './xss.mjs';
import { DAY, HOUR, MINUTE, mailDate, txDate, ymd } from './time.mjs';
import { decodeEntities } from './fp.mjs';
import { corpusTickets } from './corpus.mjs';
import { classifyTicket, QUEUE_RULES } from './classify.mjs';

export const DEFAULT_SEED = 1;
export const FIRST_TICKET_ID = 37100;
export const TRIAGE_NEXT_ACTION = QUEUE_RULES.triageNextAction;
export const STALE_DAYS = QUEUE_RULES.staleDays;
export const GOC_FOOTPRINTS_ADDRESS = 'osg@tick.globalnoc.iu.edu';

/** Seeded PRNG (mulberry32). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
}

const P = Object.fromEntries([...PERSONAS.values()].map((p) => [p.id, p]));
const first = (name) => String(name).split(/\s+/)[0];

const SIGNATURES = {
  /** The support process's signature (defaults.ts DEFAULT_SIGNATURE). */
  dashed: (p) => `------------------------------------\n${p.name}\nOSG Software Support\nvdt-support@opensciencegrid.org`,
  gocDashed: (p) => `------------------------------------\n${p.name}\nOSG Grid Operations Center\ngoc@opensciencegrid.org`,
  dashdash: (p) => `-- \n${p.name}\n${p.role === 'software' ? 'Center for High Throughput Computing, UW-Madison' : p.institution}`,
  thanks: (p) => `Thanks,\n${p.name}`,
  cheers: (p) => `Cheers,\n${p.name}`,
  none: () => '',
};

const TX_PEOPLE = ['Guenter Grein', 'Helmut Dres', 'Maria Dimou', 'Tigran Mkrtchyan'];

/** Who the ideal parser names, and with which role, for a writer on ticket `t`. */
function roleOf(writer, t) {
  const r = rosterRole(writer);
  if (r) return r;
  // Compared as the page shows them: entity references decoded.
  const same = (a, b) => !!a && !!b && decodeEntities(a) === decodeEntities(b);
  if (writer && t.submitter && (same(writer.email, t.submitter.email) || same(writer.name, t.submitter.name))) return 'submitter';
  return 'unknown';
}

/** A signature block with an OSG role line under the name (issue 3: such a name is OSG staff). */
const OSG_ROLE_LINE = /\n-{4,}\n[^\n]+\nOSG (Software Support|Grid Operations Center)\n/;

class Ctx {
  constructor(seed, now) {
    this.rng = new Rng(seed);
    this.now = now;
    /** All seed times are offsets from this minute. */
    this.T = Math.floor(now / MINUTE) * MINUTE;
    this.tickets = [];
    this.uid = 0;
  }
  /** A time `days` ago with random seconds 1–59 (seconds 0 would merge same-minute history). */
  ago(days, sec) {
    const s = sec ?? this.rng.int(1, 59);
    return this.T - Math.round(days * DAY / MINUTE) * MINUTE + s * 1000;
  }
  fill(text, t) {
    return String(text).replace(/\{(\w+)\}/g, (m, k) => (k in t.slots ? t.slots[k] : m));
  }
  ticket(opts) {
    const t = new TicketBuilder(this, opts);
    this.tickets.push(t);
    return t;
  }
}

class TicketBuilder {
  constructor(ctx, o) {
    const rng = ctx.rng;
    this.ctx = ctx;
    this.topic = o.topic ? [...TOPICS, ...GOC_TOPICS].find((x) => x.key === o.topic) : null;
    this.submitter = o.submitter
      ? { name: o.submitter.name, email: o.submitter.email, phone: o.submitter.phone ?? '' }
      : { name: 'OSG-GOC', email: 'goc@opensciencegrid.org', phone: '' };
    this.submitterPersona = o.submitter ?? null;
    const host = o.host ?? rng.pick(HOSTS);
    const resource = o.resource ?? rng.pick(RESOURCES);
    this.slots = {
      first: first(this.submitter.name),
      host,
      resource,
      site: rng.pick(SITES),
      version: rng.pick(VERSIONS),
      jira: `SOFTWARE-${rng.int(2000, 5999)}`,
      month: 'last month',
      project: `OSG-Staff.${rng.int(10, 99)}`,
    };
    this.title = o.title ?? this.ctx.fill(rng.pick(this.topic?.titles ?? ['Question about the OSG']), this);
    this.type = o.type ?? 'Problem/Request';
    this.priority = o.priority ?? (rng.chance(0.2) ? 3 : 4);
    this.status = o.status ?? 'Engineering';
    this.nextAction = o.nextAction ?? 'ENG Action';
    this.assignees = o.assignees ? [...o.assignees] : ['rquick'];
    this.cc = o.cc ? [...o.cc] : [];
    this.tags = new Set(o.tags ?? []);
    this.base = o.base ?? '';
    this.descs = [];
    this.history = [];
    this.attachments = o.attachments ?? [];
    this.links = o.links ?? [];
    this.nad = null;
    this.sortKey = 0;
    const vo = o.vo ?? this.topic?.vo ?? this.submitterPersona?.vo ?? rng.pick(VOS);
    this.metadata = {
      SUBMITTER_NAME: this.submitter.name,
      SUBMITTED_VIA: 'GOC Ticket/submit',
      ASSOCIATED_VO_NAME: vo,
      SUPPORTING_SC_NAME: o.supportCenter ?? (this.topic && TOPICS.includes(this.topic) ? 'OSG Software Support' : rng.pick(SUPPORT_CENTERS)),
      ASSOCIATED_R_NAME: resource,
      ASSOCIATED_RG_NAME: resource.replace(/[-_]?(CE\d*|T2|gk\d*)$/i, '') || resource,
      ...(this.topic && TOPICS.includes(this.topic) ? { APP_ISSUE_TYPE: 'vdt' } : {}),
      ...(o.metadata ?? {}),
    };
  }

  /** A topic text by key ('problem', 'ask', 'info', 'fix', 'reply'), or `key` itself as literal text. */
  text(key) {
    const arr = this.topic?.[key];
    return this.ctx.fill(Array.isArray(arr) ? this.ctx.rng.pick(arr) : key, this);
  }

  /** Adds a description. `how` says how an ideal parser finds the author. */
  add({ at, stamp, body, writer, source, signed, kind, responder }) {
    const role = writer ? roleOf(writer, this) : 'unknown';
    const expectedRole = role === 'unknown' && source === 'signature' && OSG_ROLE_LINE.test(`\n${body}\n`) ? 'osg-staff' : role;
    let name = responder ?? (rosterRole(writer) ? writer.name : role === 'submitter' ? this.submitter.name : writer?.name ?? '');
    // The header prints the stamp with every colon deleted (docs/goc-pages.md §5.1).
    if (source === 'header' && name === stamp) name = stamp.replace(/:/g, '');
    const update = {
      uid: ++this.ctx.uid,
      time: at,
      stamp,
      body,
      truth: {
        author: writer?.name ?? '',
        role,
        expectedSource: source,
        signed,
        kind,
        expected: source === 'none' ? { responder: '', role: 'unknown' } : { responder: decodeEntities(name), role: expectedRole },
      },
    };
    this.descs.push(update);
    return update;
  }

  hist(at, lines) {
    this.history.push({ time: Math.floor(at / MINUTE) * MINUTE, lines });
  }

  /** Notification line FP writes after a description. */
  notified(at, extra = '') {
    const assignees = this.assignees.map((id) => PERSONAS.get(id)?.email ?? `${id}@tick.globalnoc.iu.edu`).join(', ');
    this.hist(at, [
      'Appended a Description',
      `Notification mail sent: Customer: ${this.submitter.email}; Cc: ${this.cc.join(', ')}; Assignee: ${assignees}${extra}`,
    ]);
  }

  // ---- opening descriptions --------------------------------------------------------------

  /**
   * Web-form submission: FP stamp `OSG-GOC` (shown in the header, but not the writer); the author
   * trailer names the person by era: guest, DN, e-mail, or `-- by Name` + META.
   */
  openWeb(days, mode, text) {
    const ctx = this.ctx;
    const at = ctx.ago(days);
    const p = this.submitterPersona;
    let body = text ?? this.text('problem');
    let trailer = '';
    let responder;
    if (mode === 'guest') {
      trailer = `\n\nby ${this.submitter.name} (guest)`;
      this.tags.add('guest-submitted').add('trailer-guest');
      this.metadata.SUBMITTED_VIA = 'GOC Ticket/submit (guest)';
    } else if (mode === 'dn') {
      trailer = `\n\nby ${p.dn}`;
      this.metadata.SUBMITTER_DN = p.dn;
      this.tags.add('trailer-dn');
      responder = p.role === 'user' ? this.submitter.name : undefined;
    } else if (mode === 'email') {
      trailer = `\n\nby ${this.submitter.email}`;
      this.tags.add('trailer-email');
    } else if (mode === 'meta') {
      trailer = `\n\n-- by ${this.submitter.name}`;
      this.metadata.SUBMITTER_DN = p?.dn ?? '';
      this.tags.add('trailer-name');
    }
    if (mode === 'meta' || ctx.rng.chance(0.35)) {
      trailer += `\n[META Information]\nSUBMITTER_DN: ${p?.dn ?? '(none)'}\nREMOTE_ADDR: 128.104.${ctx.rng.int(1, 254)}.${ctx.rng.int(1, 254)}\nHTTP_USER_AGENT: Mozilla/5.0 (X11; Linux x86_64; rv:52.0) Gecko/20100101 Firefox/52.0\nAPP_ISSUE_TYPE: ${this.metadata.APP_ISSUE_TYPE ?? 'goc'}`;
      this.tags.add('meta');
    }
    this.add({
      at, stamp: 'OSG-GOC', body: body + trailer, writer: p ?? this.submitter,
      source: 'trailer', signed: true, kind: `open-web-${mode}`, responder,
    });
    this.hist(at, ['Ticket submitted via the GOC Ticket web form', `Notification mail sent: Customer: ${this.submitter.email}; Assignee: rob.quick@iu.example.edu`]);
    this.opened = at;
    return this;
  }

  /** Opened by e-mail to the FP address: the sender's name is the stamp. */
  openEmail(days, text) {
    const at = this.ctx.ago(days);
    this.metadata.SUBMITTED_VIA = 'Email';
    this.add({ at, stamp: this.submitter.name, body: text ?? this.text('problem'), writer: this.submitterPersona ?? this.submitter, source: 'header', signed: true, kind: 'open-email' });
    this.hist(at, ['Ticket created from an e-mail', `Notification mail sent: Customer: ${this.submitter.email}`]);
    this.opened = at;
    return this;
  }

  /** GOC-TX import (GGUS): stamp OSG-GOC, `-- by Name at <date>` and `GOCTX Source: <url>`. */
  openTx(days, name, text) {
    const at = this.ctx.ago(days);
    const ggus = this.ctx.rng.int(130000, 159999);
    this.metadata.SUBMITTED_VIA = 'GOC-TX';
    this.metadata.GGUS_TICKET_ID = String(ggus);
    this.metadata.GGUS_TICKET_TYPE = 'USER';
    this.tags.add('trailer-goctx').add('ggus');
    const body = `${text ?? this.text('problem')}\n\n-- by ${name} at ${txDate(at - 4 * MINUTE)}\nGOCTX Source: https://ggus.eu/?mode=ticket_info&ticket_id=${ggus}`;
    this.add({ at, stamp: 'OSG-GOC', body, writer: { name, email: '' }, source: 'trailer', signed: true, kind: 'open-goctx', responder: name });
    this.hist(at, ['Ticket imported by GOC-TX from GGUS', `Notification mail sent: Assignee: tx+ggus@tick.globalnoc.example.edu`]);
    this.opened = at;
    return this;
  }

  /** Opened by a staff member from the editor (FP agent: by-header). */
  openStaff(days, id, text, sig = 'gocDashed') {
    const p = P[id];
    const at = this.ctx.ago(days);
    this.metadata.SUBMITTED_VIA = 'GOC Ticket/submit (staff)';
    const s = SIGNATURES[sig](p);
    this.add({ at, stamp: p.name, body: s ? `${text}\n\n${s}` : text, writer: p, source: 'header', signed: !!s, kind: 'open-staff' });
    this.notified(at);
    this.opened = at;
    return this;
  }

  // ---- staff -----------------------------------------------------------------------------

  /** A staff update from the editor: FP agent → by-header. */
  staff(days, id, key, sig = 'dashed', opts = {}) {
    const p = P[id];
    const at = opts.at ?? this.ctx.ago(days, opts.sec);
    const text = this.text(key);
    const s = SIGNATURES[sig](p);
    const body = s ? `${text}\n\n${s}` : text;
    if (!s) this.tags.add('staff-no-signature');
    if (sig === 'dashdash') this.tags.add('dashdash-sig');
    if (sig === 'thanks' || sig === 'cheers') this.tags.add('thanks-sig');
    if (/SOFTWARE-\d+/.test(text)) this.tags.add('jira');
    const u = this.add({ at, stamp: p.name, body, writer: p, source: 'header', signed: !!s, kind: `staff-${sig}` });
    if (!opts.noHistory) this.notified(at);
    return u;
  }

  /** Staff update stored by the `goc` account (no header) with an era trailer. */
  gocTrailer(days, id, key, trailer, sig = 'none') {
    const p = P[id];
    const at = this.ctx.ago(days);
    const s = SIGNATURES[sig](p);
    let body = s ? `${this.text(key)}\n\n${s}` : this.text(key);
    if (trailer === 'dn') {
      body += `\n\nby ${p.dn}`;
      this.tags.add('trailer-dn');
    } else if (trailer === 'email') {
      body += `\n\nby ${p.email}`;
      this.tags.add('trailer-email');
    } else if (trailer === 'meta') {
      body += `\n\n-- by ${p.name}\n[META Information]\nSUBMITTER_DN: ${p.dn}\nREMOTE_ADDR: 129.79.53.${this.ctx.rng.int(2, 250)}`;
      this.tags.add('trailer-name').add('meta');
    }
    this.add({ at, stamp: 'goc', body, writer: p, source: 'trailer', signed: true, kind: `goc-trailer-${trailer}` });
    this.notified(at);
  }

  /** `goc` stamp, no trailer (REST/legacy import), signed in the body only. */
  gocSignatureOnly(days, id, key, sig = 'dashed') {
    const p = P[id];
    const at = this.ctx.ago(days);
    this.tags.add('signature-only');
    this.add({ at, stamp: 'goc', body: `${this.text(key)}\n\n${SIGNATURES[sig](p)}`, writer: p, source: 'signature', signed: true, kind: `goc-signature-${sig}` });
    this.notified(at);
  }

  /** `goc` stamp, no trailer, no signature: only a roster alias at the end. */
  gocRosterOnly(days, id, key, alias) {
    const p = P[id];
    const at = this.ctx.ago(days);
    this.tags.add('roster-only');
    this.add({ at, stamp: 'goc', body: `${this.text(key)}\n\n- ${alias}`, writer: p, source: 'roster', signed: false, kind: 'goc-roster-alias' });
    this.notified(at);
  }

  /** A staff update with no header, trailer or signature: nothing names the writer. */
  gocUnsigned(days, id, key) {
    const p = P[id];
    const at = this.ctx.ago(days);
    this.tags.add('unsigned-staff');
    this.add({ at, stamp: 'goc', body: this.text(key), writer: p, source: 'none', signed: false, kind: 'goc-unsigned' });
    this.notified(at);
  }

  /** A long staff update (log paste) whose signature sits past line 35, in the Show More part. */
  staffLong(days, id, key, sig = 'dashed', lines = 48) {
    const p = P[id];
    const at = this.ctx.ago(days);
    const log = logLines(this.topic?.log ?? 'output', this.slots.host, lines, this.ctx.rng.next);
    const body = `${this.text(key)}\n\nFor reference, this is what we see in our test setup:\n\n${log.join('\n')}\n\nLet us know if that helps.\n\n${SIGNATURES[sig](p)}`;
    this.tags.add('long-signature').add('long');
    this.add({ at, stamp: p.name, body, writer: p, source: 'header', signed: true, kind: 'staff-long' });
    this.notified(at);
  }

  // ---- ticket handling -------------------------------------------------------------------

  /** GOC staff routes the ticket to Software: pseudo-user assignee, Next Action SOFTWARE TRIAGE. */
  toSoftware(days, staffId = 'echism', { describe = true, nextAction = TRIAGE_NEXT_ACTION } = {}) {
    const at = this.ctx.ago(days);
    const old = this.assignees.join(' ');
    this.assignees = [SOFTWARE_PSEUDO_ID];
    this.nextAction = nextAction;
    if (describe) {
      const p = P[staffId];
      this.add({ at, stamp: p.name, body: 'Assigning this ticket to the OSG Software Team for triage.\n\nThanks,\nOSG Grid Operations Center', writer: p, source: 'header', signed: false, kind: 'staff-route' });
    }
    this.hist(at, [`Assignees changed from "${old}" to "${SOFTWARE_PSEUDO_ID}"`, `Next Action changed to ${nextAction}`]);
    this.tags.add('routed-to-software');
  }

  /** Triage: the person on duty adds an owner (Software stays assigned) and sets a next action. */
  triage(days, ownerId, nextAction = 'ENG Action') {
    const at = this.ctx.ago(days);
    const before = this.assignees.join(' ');
    if (!this.assignees.includes(ownerId)) this.assignees.push(ownerId);
    this.nextAction = nextAction;
    this.hist(at, [`Assignees changed from "${before}" to "${this.assignees.join(' ')}"`, `Next Action changed from ${TRIAGE_NEXT_ACTION} to ${nextAction}`]);
    this.tags.add('triaged');
  }

  close(days, id, status = 'Resolved') {
    const p = P[id];
    const at = this.ctx.ago(days);
    const s = p.role === 'software' ? SIGNATURES.dashed(p) : SIGNATURES.gocDashed(p);
    this.add({ at, stamp: p.name, body: `Hi ${this.slots.first},\n\nSince the issue is resolved, I am closing this ticket. Feel free to reopen it if the problem comes back.\n\n${s}`, writer: p, source: 'header', signed: true, kind: 'staff-close' });
    this.hist(at, [`Status changed from ${this.status} to ${status}`]);
    this.status = status;
    this.nextAction = 'None';
    this.tags.add('closed');
  }

  // ---- user replies ----------------------------------------------------------------------

  quote(prev, at, style = 'gmail') {
    const lines = prev ? prev.body.split('\n').filter((l) => !/^\[META/.test(l)) : [];
    const head =
      style === 'wrapped'
        ? `On ${mailDate(at - 3 * HOUR)}, Open Science Grid FootPrints <\n${GOC_FOOTPRINTS_ADDRESS}> wrote:`
        : style === 'outlook'
          ? `From: Open Science Grid FootPrints <${GOC_FOOTPRINTS_ADDRESS}>\nSent: ${mailDate(at - 3 * HOUR)}\nSubject: Open Science Grid: ${this.title}`
          : `On ${mailDate(at - 3 * HOUR)}, Open Science Grid FootPrints <${GOC_FOOTPRINTS_ADDRESS}> wrote:`;
    const quoted = style === 'snipped' ? ['> [Duplicate message snipped]'] : lines.slice(0, 14).map((l) => (l ? `> ${l}` : '>'));
    if (style === 'wrapped') this.tags.add('wrapped-quote');
    return `${head}\n${quoted.join('\n')}`;
  }

  /**
   * The submitter answers. via: 'email' (sender's name as stamp, quoted text below),
   * 'email-address' (stamp is the bare address), 'web-email' / 'web-dn' (goc stamp + trailer).
   */
  reply(days, via, key, { quoteStyle = 'gmail', writer } = {}) {
    const at = this.ctx.ago(days);
    const w = writer ?? this.submitterPersona ?? this.submitter;
    const text = this.text(key);
    const prev = [...this.descs].reverse().find((d) => d.truth.role !== 'submitter');
    if (via === 'email' || via === 'email-address') {
      const body = `${text}\n\n${this.quote(prev, at, quoteStyle)}`;
      this.tags.add('email-reply');
      const stamp = via === 'email' ? w.name : w.email;
      if (via === 'email-address') this.tags.add('email-stamp');
      this.add({ at, stamp, body, writer: w, source: 'header', signed: true, kind: `reply-${via}` });
    } else if (via === 'web-email') {
      this.tags.add('trailer-email');
      this.add({ at, stamp: 'goc', body: `${text}\n\nby ${w.email}`, writer: w, source: 'trailer', signed: true, kind: 'reply-web-email' });
    } else if (via === 'web-dn') {
      this.tags.add('trailer-dn');
      this.add({ at, stamp: 'goc', body: `${text}\n\nby ${w.dn}`, writer: w, source: 'trailer', signed: true, kind: 'reply-web-dn' });
    }
    this.notified(at);
  }

  /** Someone other than the submitter (a colleague on CC) answers by e-mail. */
  thirdParty(days, name, email, text) {
    const at = this.ctx.ago(days);
    const prev = this.descs[this.descs.length - 1];
    this.tags.add('email-reply').add('third-party');
    this.add({ at, stamp: name, body: `${text}\n\n${this.quote(prev, at, 'snipped')}`, writer: { name, email }, source: 'header', signed: true, kind: 'reply-third-party' });
  }

  freeze() {
    const all = [...this.descs.map((d) => d.time), ...this.history.map((h) => h.time)];
    const updated = Math.max(...all);
    return {
      id: 0,
      title: this.title,
      status: this.status,
      priority: this.priority,
      type: this.type,
      nextAction: this.nextAction,
      nad: this.nad ?? updated + 3 * DAY,
      submitted: this.opened ?? Math.min(...all),
      updated,
      submitter: this.submitter,
      cc: this.cc,
      assignees: this.assignees,
      metadata: this.metadata,
      attachments: this.attachments,
      links: this.links,
      base: this.base,
      tags: [...this.tags],
      descriptions: this.descs.sort((a, b) => a.time - b.time),
      history: this.history.sort((a, b) => a.time - b.time),
    };
  }
}

// ---- classification (the extension's default rules, ./classify.mjs) ----------------------------

export function isOpen(t) {
  return !CLOSED_STATUSES.includes(t.status);
}
/** `{open, software, untriaged, stale, overdue, nadPast}` at `now` by the default rules. */
export function classify(t, now) {
  return classifyTicket(t, now);
}

// ---- scenarios -------------------------------------------------------------------------------

const U = Object.fromEntries(USERS.map((u) => [u.id, u]));

function scenarios(ctx) {
  const { T } = ctx;
  const days = (d) => T + d * DAY;

  // 1. Fresh untriaged arrival, guest submission.
  let t = ctx.ticket({ topic: 'htcondor-ce', submitter: U.jsmith, tags: ['scenario-untriaged-guest'] });
  t.openWeb(0.3, 'guest');
  t.toSoftware(0.25, 'echism');
  t.nad = days(3);

  // 2. Weekend arrival, SSO-era e-mail trailer, still untriaged (mixed-case next action).
  t = ctx.ticket({ topic: 'xrootd', submitter: U.rgarcia, priority: 3, tags: ['scenario-untriaged-mixed-case'] });
  t.openWeb(2.6, 'email');
  t.toSoftware(2.4, 'kagross', { nextAction: 'Software Triage' });
  t.nad = days(2);

  // 3. Untriaged with a follow-up from the user, overdue NAD.
  t = ctx.ticket({ topic: 'cvmfs', submitter: U.pnguyen, cc: ['cms-t2-admins@ucsd.example.edu'], tags: ['cc', 'scenario-untriaged-overdue'] });
  t.openWeb(4.2, 'email');
  t.toSoftware(4.1, 'echism');
  t.reply(3.5, 'web-email', 'info');
  t.nad = days(-2);

  // 4. Untriaged GGUS ticket through the ticket exchange.
  t = ctx.ticket({ topic: 'voms', submitter: { name: 'GGUS', email: 'helpdesk@ggus.example.eu' }, assignees: ['TX_FP71_GGUS2'], tags: ['scenario-untriaged-ggus'] });
  t.openTx(1.2, TX_PEOPLE[0]);
  t.toSoftware(1.1, 'rquick', { describe: false });
  t.assignees.push('TX_FP71_GGUS2');
  t.nad = days(4);

  // 5. Triaged, fresh conversation with signed staff updates and an e-mail reply.
  t = ctx.ticket({ topic: 'htcondor-ce', submitter: U.mwalsh, tags: ['scenario-triaged-fresh'] });
  t.openWeb(6, 'email');
  t.toSoftware(5.9, 'echism');
  t.triage(5.5, 'blin');
  t.staff(5.4, 'blin', 'ask', 'dashed');
  t.reply(4.6, 'email', 'info');
  t.staff(2.1, 'blin', 'fix', 'dashed');
  t.nad = days(5);

  // 6. Stale: triaged, last update 12 days ago.
  t = ctx.ticket({ topic: 'gridftp', submitter: U.hmueller, tags: ['scenario-stale'] });
  t.openWeb(20, 'dn');
  t.toSoftware(19.8, 'kagross');
  t.triage(19, 'edquist');
  t.staff(18.5, 'edquist', 'ask', 'dashdash');
  t.reply(12, 'email', 'info', { quoteStyle: 'outlook' });
  t.nad = days(6);

  // 7. Stale and overdue.
  t = ctx.ticket({ topic: 'gratia', submitter: U.abrown, priority: 3, tags: ['scenario-stale-overdue'] });
  t.openWeb(30, 'email');
  t.toSoftware(29.5, 'echism');
  t.triage(29, 'tim');
  t.staff(28, 'tim', 'ask', 'dashed');
  t.reply(25, 'email', 'info');
  t.staff(15, 'tim', 'fix', 'thanks');
  t.nad = days(-9);

  // 8. Long update: the signature is hidden behind Show More.
  t = ctx.ticket({ topic: 'condor', submitter: U.spatel, tags: ['scenario-long-signature'] });
  t.openWeb(3.5, 'email');
  t.toSoftware(3.4, 'echism');
  t.triage(3.2, 'tim');
  t.staffLong(3.1, 'tim', 'ask', 'dashed', 46);
  t.reply(2.2, 'email', 'info');
  t.staffLong(1.4, 'tim', 'fix', 'dashdash', 40);
  t.nad = days(4);

  // 9. Certificate era: DN trailers from the user and from staff without an FP account.
  t = ctx.ticket({ topic: 'certs', submitter: U.lchen, base: '/goc', tags: ['goc-prefix', 'scenario-dn'] });
  t.openWeb(5, 'dn');
  t.toSoftware(4.9, 'rquick');
  t.triage(4.8, 'cat');
  t.gocTrailer(4.5, 'cat', 'ask', 'dn');
  t.reply(3.9, 'web-dn', 'info');
  t.gocTrailer(3.0, 'cat', 'fix', 'dn', 'dashed');
  t.nad = days(10);

  // 10. `-- by Name` + META era (old ticket at /goc/), closed recently.
  t = ctx.ticket({ topic: 'voms', submitter: U.oolsen, base: '/goc', tags: ['goc-prefix', 'scenario-meta'] });
  t.openWeb(9, 'meta');
  t.toSoftware(8.9, 'echism');
  t.triage(8.7, 'matyas');
  t.gocTrailer(8.5, 'matyas', 'ask', 'meta');
  t.reply(8, 'email', 'info');
  t.staff(7.4, 'matyas', 'fix', 'dashed');
  t.close(3, 'matyas');

  // 11. Unsigned staff update (no header, trailer or signature) on a software ticket.
  t = ctx.ticket({ topic: 'squid', submitter: U.cmartin, tags: ['scenario-unsigned'] });
  t.openWeb(4, 'email');
  t.toSoftware(3.9, 'kagross');
  t.triage(3.7, 'sthapa');
  t.gocUnsigned(3.5, 'sthapa', 'ask');
  t.reply(2.8, 'email', 'info');
  t.staff(1.2, 'sthapa', 'fix', 'none');
  t.nad = days(3);

  // 12. Signature-only and roster-alias-only updates (REST/legacy `goc` stamps).
  t = ctx.ticket({ topic: 'profiler', submitter: U.kjohnson, tags: ['scenario-signature-only'] });
  t.openWeb(5.5, 'email');
  t.toSoftware(5.4, 'echism');
  t.triage(5.2, 'matyas');
  t.gocSignatureOnly(5.0, 'matyas', 'ask', 'dashed');
  t.reply(4.1, 'email', 'info', { quoteStyle: 'wrapped' });
  t.gocRosterOnly(3.3, 'blin', 'fix', 'BL');
  t.gocSignatureOnly(2.2, 'matyas', 'fix', 'cheers');
  t.nad = days(2);

  // 13. E-mail replies from a bare address and from a colleague on CC; quoted staff signatures.
  t = ctx.ticket({ topic: 'xrootd', submitter: U.dkim, cc: ['atlas-admins@uchicago.example.edu', 'oolsen@umich.example.edu'], tags: ['cc', 'scenario-email'] });
  t.openEmail(6.5);
  t.toSoftware(6.4, 'echism');
  t.triage(6.0, 'edquist');
  t.staff(5.8, 'edquist', 'ask', 'dashed');
  t.reply(5.0, 'email-address', 'info');
  t.thirdParty(4.7, 'Ole Olsen', 'oolsen@umich.example.edu', 'We see the same on our side since the update. Same config as Daniel.\n\nOle');
  t.staff(4.2, 'edquist', 'fix', 'dashed');
  t.reply(3.9, 'email', 'Thanks, that fixed it for both sites.\n\nDaniel', { quoteStyle: 'snipped' });
  t.nad = days(5);

  // 14. History appended inside a description (same minute, description at :00).
  t = ctx.ticket({ topic: 'cvmfs', submitter: U.swright, tags: ['history-appended', 'scenario-history'] });
  t.openWeb(2.5, 'email');
  t.toSoftware(2.4, 'echism');
  t.triage(2.3, 'aroy');
  const merged = t.staff(2.0, 'aroy', 'ask', 'dashed', { sec: 0, noHistory: true });
  merged.truth.historyAppended = true;
  t.hist(merged.time, ['Appended a Description', `Notification mail sent: Customer: ${t.submitter.email}; Assignee: alain.roy@wisc.example.edu`]);
  t.nad = days(5);

  // 15. Security ticket (hidden from users without view_security_incident_ticket).
  t = ctx.ticket({ topic: null, submitter: P.kagross, title: 'Compromised account on a worker node at ' + SITES[2], type: 'Security', priority: 1, assignees: ['kagross', 'rquick'], tags: ['security'] });
  t.openStaff(1.5, 'kagross', 'We have evidence that a user account was compromised on a worker node at MWT2.\nThe account is suspended. Please keep this ticket confidential.');
  t.staff(1.0, 'rquick', 'The site has reimaged the node. Waiting for the forensic report.', 'gocDashed');
  t.nad = days(2);

  // 16. Security notification (denied to guests).
  t = ctx.ticket({ topic: null, submitter: P.kagross, title: 'Security notification: critical kernel vulnerability', type: 'Security_Notification', priority: 2, assignees: ['kagross'], tags: ['security-notification'] });
  t.openStaff(3, 'kagross', 'A critical kernel vulnerability affects all EL8 and EL9 hosts. Please patch and reboot your nodes as soon as possible.\nDetails: https://opensciencegrid.org/security/advisory-2026-11.html');
  t.nad = days(7);

  // 17. Retired ticket types on old open GOC tickets.
  t = ctx.ticket({ topic: 'outage', submitter: U.vramos, type: 'Scheduled Maintenance', assignees: ['rquick', 'sc-uscms-t2'], base: '/goc', tags: ['retired-type', 'goc-prefix', 'fblist-assignee', 'non-software'] });
  t.openWeb(16, 'dn');
  t.staff(15.5, 'rquick', 'reply', 'gocDashed');
  t.nad = days(-3);
  t = ctx.ticket({ topic: 'outage', submitter: U.tnakamura, type: 'Unscheduled Outage', assignees: ['echism'], tags: ['retired-type', 'non-software'] });
  t.openWeb(1.8, 'email');
  t.staff(1.7, 'echism', 'reply', 'thanks');
  t.nad = days(6);

  // 18. Unknown FP assignee (blank line in the list) and a member of two teams.
  t = ctx.ticket({ topic: 'registration', submitter: U.aokafor, assignees: ['kagross', 'jdoe-retired'], tags: ['unknown-assignee', 'two-teams', 'non-software'] });
  t.openWeb(2.2, 'email');
  t.staff(2.0, 'kagross', 'reply', 'gocDashed');
  t.nad = days(3);

  // 19. Attachments (the delete buttons come before Update in the form).
  t = ctx.ticket({
    topic: 'profiler', submitter: U.ngupta,
    attachments: [
      { name: 'osg-profile.txt', size: 48213, date: ymd(T - 2 * DAY) },
      { name: 'condor-ce-logs.tar.gz', size: 1203311, date: ymd(T - 2 * DAY) },
    ],
    tags: ['attachments'],
  });
  t.openWeb(2.4, 'email');
  t.toSoftware(2.3, 'echism');
  t.triage(2.1, 'matyas');
  t.staff(2.0, 'matyas', 'ask', 'dashed');
  t.reply(1.6, 'email', 'info');
  t.nad = days(4);

  // 20. Ticket links, JIRA key, and a staff-opened software ticket; attachments too (one name with spaces, one image).
  t = ctx.ticket({
    topic: 'condor', submitter: P.blin, assignees: [SOFTWARE_PSEUDO_ID, 'blin'], nextAction: 'Waiting on upstream',
    attachments: [
      { name: 'schedd crash.log', size: 20480, date: ymd(T - 6 * DAY) },
      { name: 'condor_q.png', size: 310002, date: ymd(T - 2 * DAY) },
    ],
    tags: ['jira', 'staff-opened', 'links', 'attachments', 'attachments-software'],
  });
  t.openStaff(6, 'blin', 'Tracking the schedd crash reported by several sites here; upstream ticket is SOFTWARE-4711.\nSee also the GOC ticket history for earlier reports.', 'dashed');
  t.staff(2, 'blin', 'fix', 'dashed');
  t.nad = days(9);
}

/** Tickets whose titles, bodies, names, e-mails and authors carry XSS payloads. */
function xssTickets(ctx) {
  const { T } = ctx;
  const pl = XSS_PAYLOADS;
  const chunks = [pl.slice(0, 10), pl.slice(10, 20), pl.slice(20, 30), pl.slice(30)];

  let t = ctx.ticket({
    topic: 'xrootd',
    submitter: { name: pl[1], email: `"><svg onload=${XSS_JS}>@evil.example.com`, phone: pl[14] },
    title: `${pl[0]} XRootD crash`,
    cc: [`<img src=x onerror=${XSS_JS}>@cc.example.com`, 'security-watch@example.org'],
    tags: ['xss', 'cc'],
    metadata: { SUBMITTER_DN: `/DC=org/CN=${pl[3]}` },
  });
  t.openWeb(1.9, 'email', `Please look at these strings from our logs:\n\n${chunks[0].join('\n')}\n\nThanks`);
  t.toSoftware(1.8, 'echism');
  t.triage(1.7, 'blin');
  t.add({ at: ctx.ago(1.5), stamp: pl[2], body: `Reply with more data:\n${chunks[1].join('\n')}`, writer: { name: pl[2], email: 'x@evil.example.com' }, source: 'header', signed: false, kind: 'xss-header' });
  t.nad = T + 3 * DAY;

  t = ctx.ticket({
    topic: 'cvmfs',
    submitter: { name: `&#60;script&#62;${XSS_JS}&#60;/script&#62;`, email: 'entity@example.org', phone: '' },
    title: `&#60;script&#62;${XSS_JS}&#60;/script&#62; CVMFS probe`,
    tags: ['xss'],
  });
  t.openWeb(0.8, 'guest', `${chunks[2].join('\n')}`);
  t.toSoftware(0.7, 'echism');
  t.add({ at: ctx.ago(0.5), stamp: 'goc', body: `Signed with a hostile name:\n\n------------------------------------\n${pl[0]}\nOSG Software Support\nvdt-support@opensciencegrid.org`, writer: { name: pl[0], email: '' }, source: 'signature', signed: true, kind: 'xss-signature' });
  t.add({ at: ctx.ago(0.45), stamp: 'goc', body: `A DN trailer with markup:\n\nby /DC=org/DC=doegrids/OU=People/CN=${pl[1]} 4242`, writer: { name: pl[1], email: '' }, source: 'trailer', signed: true, kind: 'xss-trailer-dn' });
  t.nad = T + 4 * DAY;

  t = ctx.ticket({
    topic: 'gratia',
    submitter: { name: pl[16], email: `${pl[17].replace(/\s/g, '')}@example.org`, phone: '' },
    title: `"><img src=x onerror=${XSS_JS}> javascript:${XSS_JS}`,
    assignees: ['rquick'],
    tags: ['xss', 'non-software'],
    metadata: { SUBMITTER_NAME: pl[6] },
  });
  t.openEmail(3.2, `${chunks[3].join('\n')}\n\n-- by ${pl[4]}`);
  t.add({ at: ctx.ago(3.0), stamp: pl[3], body: `E-mail reply from a hostile sender:\n${pl[12]}\n\nOn ${mailDate(T)}, Open Science Grid FootPrints <${GOC_FOOTPRINTS_ADDRESS}> wrote:\n> ${pl[13]}`, writer: { name: pl[3], email: '' }, source: 'header', signed: false, kind: 'xss-email' });
  t.add({ at: ctx.ago(2.9), stamp: 'goc', body: `Trailer:\n\n-- by ${pl[5]}`, writer: { name: pl[5], email: '' }, source: 'trailer', signed: true, kind: 'xss-trailer-name' });
  t.add({ at: ctx.ago(2.8), stamp: 'goc', body: `Email trailer:\n\nby ${pl[18]}@evil.example.com`, writer: { name: `${pl[18]}@evil.example.com`, email: '' }, source: 'trailer', signed: true, kind: 'xss-trailer-email' });
  t.nad = T + 5 * DAY;
  for (const x of ctx.tickets.slice(-3)) x.xss = true;
}

const TRAILER_MODES = ['email', 'email', 'dn', 'guest', 'meta'];
const STAFF_SIGS = ['dashed', 'dashed', 'dashed', 'dashdash', 'thanks', 'cheers', 'none'];

/** Randomised tickets that fill the seed up to the counts. Boundaries stay clear of "now ± a day". */
function fillerTicket(ctx, n) {
  const { rng, T } = ctx;
  const shape = rng.pick(['resolved', 'waiting', 'fresh', 'fresh', 'untriaged', 'stale', 'goc', 'goc', 'long']);
  const topic = shape === 'goc' ? rng.pick(GOC_TOPICS) : rng.pick(TOPICS);
  const user = USERS[(n * 7 + rng.int(0, 4)) % USERS.length];
  const owner = rng.pick(SOFTWARE_TEAM).id;
  const router = rng.pick(GOC_STAFF).id;
  const t = ctx.ticket({
    topic: topic.key,
    submitter: user,
    base: rng.chance(0.12) ? '/goc' : '',
    cc: rng.chance(0.25) ? [`${first(user.name).toLowerCase()}-team@${user.email.split('@')[1]}`] : [],
    tags: [`filler-${shape}`],
  });
  if (t.base) t.tags.add('goc-prefix');
  if (t.cc.length) t.tags.add('cc');
  const mode = rng.pick(TRAILER_MODES);
  const sig = () => rng.pick(STAFF_SIGS);
  if (shape === 'goc') {
    t.assignees = [router, ...(rng.chance(0.3) ? [rng.pick(TEAMS[SUPPORT_CENTERS_TEAM_INDEX].members)] : [])];
    if (t.assignees.some((a) => a.startsWith('sc-'))) t.tags.add('fblist-assignee');
    t.tags.add('non-software');
    t.openWeb(rng.int(2, 40) + 0.3, mode);
    const d0 = (T - t.opened) / DAY;
    t.staff(d0 - 0.2, router, 'reply', rng.pick(['gocDashed', 'thanks', 'none']));
    t.reply(Math.max(d0 - 1, 0.4), 'email', 'Thanks, that works for us.\n\n{first}', { quoteStyle: rng.pick(['gmail', 'snipped', 'outlook']) });
    if (d0 > 5 && rng.chance(0.5)) t.close(Math.max(d0 - 2, 0.5), router, 'Closed');
    t.nad = rng.chance(0.3) ? T - rng.int(2, 10) * DAY : T + rng.int(2, 14) * DAY;
    return t;
  }
  const start = shape === 'stale' ? rng.int(16, 40) : shape === 'resolved' ? rng.int(9, 45) : shape === 'untriaged' ? rng.int(1, 5) : rng.int(5, 18);
  t.openWeb(start + 0.3, mode);
  t.toSoftware(start + 0.1, router);
  if (shape === 'untriaged') {
    if (rng.chance(0.5)) t.reply(start - 0.5, 'web-email', 'info');
    t.nad = T + rng.int(2, 6) * DAY;
    return t;
  }
  t.triage(start - 0.1, owner);
  // Conversation steps between `start` and `end` days ago.
  const end = shape === 'stale' ? rng.int(9, 14) : shape === 'resolved' ? 0.5 + rng.int(0, 6) : rng.int(0, 4) + 0.4;
  const steps = rng.int(3, 6);
  const span = start - 0.2 - end;
  for (let i = 0; i < steps; i++) {
    const d = start - 0.2 - (span * (i + 1)) / steps;
    if (i % 2 === 0) {
      if (shape === 'long' && i === 2) t.staffLong(d, owner, 'fix', 'dashed', rng.int(38, 60));
      else if (rng.chance(0.12)) t.gocTrailer(d, owner, i === 0 ? 'ask' : 'fix', rng.pick(['dn', 'email']));
      else if (rng.chance(0.06)) t.gocSignatureOnly(d, owner, i === 0 ? 'ask' : 'fix', rng.pick(['dashed', 'thanks']));
      else if (rng.chance(0.05)) t.gocUnsigned(d, owner, i === 0 ? 'ask' : 'fix');
      else if (rng.chance(0.04)) t.gocRosterOnly(d, owner, 'fix', PERSONAS.get(owner).aliases[0]);
      else t.staff(d, owner, i === 0 ? 'ask' : 'fix', sig());
    } else {
      const via = rng.pick(['email', 'email', 'email', 'web-email', 'web-dn', 'email-address']);
      t.reply(d, via, i === 1 ? 'info' : 'Thanks! I will try that and let you know.\n\n{first}', { quoteStyle: rng.pick(['gmail', 'gmail', 'snipped', 'outlook']) });
    }
  }
  if (shape === 'resolved') t.close(Math.max(end - 0.3, 0.2), owner, rng.pick(['Resolved', 'Closed']));
  t.nad = shape === 'waiting' && rng.chance(0.5) ? T - rng.int(2, 6) * DAY : T + rng.int(2, 12) * DAY;
  if (shape !== 'resolved') t.status = rng.pick(['Engineering', 'Customer', 'Engineering']);
  return t;
}

/** Tickets the real list would show only briefly: closed last month (not in recentclose). */
function oldClosed(ctx) {
  const t = ctx.ticket({ topic: 'certs', submitter: U.fdubois, base: '/goc', tags: ['goc-prefix', 'closed-old'] });
  t.openWeb(60, 'dn');
  t.toSoftware(59.8, 'echism');
  t.triage(59.5, 'aroy');
  t.staff(59, 'aroy', 'fix', 'dashed');
  t.close(50, 'aroy', 'Closed');
}

/**
 * Tickets on the classification boundaries (tests/spec/classification-cases.json): update ages
 * around `STALE_DAYS`, NADs around now, a long-untriaged ticket, one assigned only to a person.
 * Their flags are whatever ./classify.mjs says at the current time; no gap is kept around any edge.
 */
function boundaryTickets(ctx) {
  const { T } = ctx;
  const utcMidnight = Math.floor(T / DAY) * DAY;
  const triaged = (tag, lastUpdateDaysAgo, { sec, nad = T + 5 * DAY } = {}) => {
    const t = ctx.ticket({ topic: 'htcondor-ce', submitter: U.jsmith, tags: ['boundary', tag] });
    const start = Math.max(lastUpdateDaysAgo, 1) + 2;
    t.openWeb(start + 0.3, 'email');
    t.toSoftware(start + 0.2, 'echism');
    t.triage(start + 0.1, 'blin');
    t.staff(lastUpdateDaysAgo, 'blin', 'ask', 'dashed', { sec });
    t.nad = nad;
    return t;
  };
  triaged('boundary-updated-7.5d', 7.5);
  triaged('boundary-updated-6.9d', 6.9);
  triaged('boundary-updated-exactly-stale-days', STALE_DAYS, { sec: 0 });
  triaged('boundary-updated-8d', 8 - 1 / 24);
  triaged('boundary-nad-earlier-today', 1, { nad: T - 2 * HOUR });
  triaged('boundary-nad-utc-midnight', 1, { nad: utcMidnight }); // a date-only NAD for today, as the editor sets it
  triaged('boundary-nad-later-today', 1, { nad: T + 3 * HOUR });
  triaged('boundary-nad-tomorrow', 1, { nad: utcMidnight + DAY });

  // Untriaged for three weeks, Next Action typed with odd spacing, NAD past: untriaged and overdue, never stale.
  let t = ctx.ticket({ topic: 'xrootd', submitter: U.rgarcia, tags: ['boundary', 'boundary-untriaged-old'] });
  t.openWeb(21.3, 'email');
  t.toSoftware(21.1, 'echism', { nextAction: 'software  triage ' });
  t.nad = T - 3 * DAY;

  // Assigned only to a person on the Software team (not the pseudo-user): outside the queue.
  t = ctx.ticket({ topic: 'cvmfs', submitter: U.pnguyen, tags: ['boundary', 'boundary-person-only'] });
  t.openWeb(15.3, 'email');
  t.hist(ctx.ago(15.2), ['Assignees changed from "rquick" to "blin"', `Next Action changed to ${TRIAGE_NEXT_ACTION}`]);
  t.assignees = ['blin'];
  t.nextAction = TRIAGE_NEXT_ACTION;
  t.staff(12, 'blin', 'ask', 'dashed');
  t.nad = T - 4 * DAY;
}

/**
 * Triage-panel tickets (issue 8), tagged `triage-panel`: untriaged Software tickets whose words match
 * a Software expert topic of tests/fixtures/team-config.json (HTCondor-CE, XRootD) AND the glidein
 * topic (people in the Glidein Factory Operations fblist team). Plus one already triaged to a
 * checklist owner and a glidein person (`triage-panel-triaged`). Built with their own PRNG and
 * numbered after every other seed ticket, so adding them changes no other ticket; they are open and
 * listed in /list/open (the untriaged count includes the two).
 */
export const TRIAGE_PANEL_TAG = 'triage-panel';

function triagePanelTickets(seed, now, afterId) {
  const ctx = new Ctx(seed + 8, now);
  ctx.uid = 800_000; // update uids apart from the seed's (the corpus starts at 900,000)
  let t = ctx.ticket({
    topic: 'htcondor-ce', submitter: U.hmueller, host: 'ce01.fnal.example.gov', resource: 'FNAL_GPGRID_3', tags: [TRIAGE_PANEL_TAG],
    title: 'Glideins from the factory held at our HTCondor-CE (condor_ce_trace works)',
  });
  t.openWeb(0.7, 'email', 'Hello,\n\nSince yesterday the glideins the OSG glidein factory sends to ce01.fnal.example.gov stay held in the htcondor-ce\nqueue with "Failed to authenticate". condor_ce_trace from our own host works fine, so the CE itself looks healthy.\nOur VO frontend shows the pressure, but no glidein ever reaches the batch system.\n\nCould someone from the factory side and the CE side have a look?\n\nThanks,\nHans');
  t.toSoftware(0.6, 'echism');
  t.nad = ctx.T + 3 * DAY;
  t = ctx.ticket({
    topic: 'xrootd', submitter: U.dkim, host: 'xrootd.mwt2.example.org', resource: 'MWT2_UC_CE', tags: [TRIAGE_PANEL_TAG],
    title: 'xrdcp stage-out fails from glideins only',
  });
  t.openWeb(1.6, 'meta', 'Hi,\n\nJobs that run inside glideins (glideinWMS, our frontend is the ATLAS one) fail their stage-out:\n\n    xrdcp -f out.root root://xrootd.mwt2.example.org//atlas/scratch/out.root\n    [ERROR] Server responded with an error: [3010] Unable to open file; permission denied\n\nThe same xrdcp works from an interactive login on the worker node. Is the xrootd server mapping the\nglidein proxy differently?\n\nDaniel');
  t.toSoftware(1.5, 'kagross');
  t.nad = ctx.T + 2 * DAY;
  t = ctx.ticket({
    topic: 'htcondor-ce', submitter: U.spatel, host: 'ce.rcac.purdue.example.edu', resource: 'Purdue-Hammer', tags: [`${TRIAGE_PANEL_TAG}-triaged`],
    title: 'Glidein factory entry for Purdue-Hammer points at the retired HTCondor-CE',
  });
  t.openWeb(3.3, 'email', 'Hello,\n\nThe glidein factory entry for Purdue-Hammer still sends pilots to ce-old.rcac.purdue.example.edu, which we retired.\nPlease move the entry to ce.rcac.purdue.example.edu (htcondor-ce 5).\n\nSanjay');
  t.toSoftware(3.2, 'echism');
  t.triage(3.0, 'blin', 'Brian: check the CE; Kelly: factory entry');
  t.assignees.push('gf-kfong');
  t.nad = ctx.T + 2 * DAY;
  return ctx.tickets.map((b, k) => {
    const frozen = { ...b.freeze(), xss: false, id: afterId + 1 + k };
    finishTags(frozen, ctx.T);
    return frozen;
  });
}

export const MIN_TICKETS = 64;
export const MIN_UPDATES = 420;

/**
 * Builds the seed. Returns plain ticket objects (see README "Ticket JSON"), ids ascending with
 * submission time.
 */
export function generateSeed({ seed = DEFAULT_SEED, now = Date.now() } = {}) {
  const ctx = new Ctx(seed, typeof now === 'number' ? now : new Date(now).getTime());
  scenarios(ctx);
  xssTickets(ctx);
  oldClosed(ctx);
  let n = 0;
  const count = () => ctx.tickets.reduce((s, t) => s + t.descs.length, 0);
  while (ctx.tickets.length < MIN_TICKETS || count() < MIN_UPDATES) fillerTicket(ctx, n++);
  boundaryTickets(ctx);
  const frozen = ctx.tickets.map((b) => ({ ...b.freeze(), xss: !!b.xss }));
  frozen.sort((a, b) => a.submitted - b.submitted);
  let id = FIRST_TICKET_ID;
  for (const t of frozen) {
    id += 1 + ctx.rng.int(0, 6);
    t.id = id;
    finishTags(t, ctx.T);
  }
  // Ticket links point at other seed tickets (select2 chips in the editor, `p > a` in the viewer).
  const linked = frozen.find((t) => t.tags.includes('links'));
  if (linked) linked.links = frozen.filter((t) => t.tags.includes('scenario-long-signature') || t.tags.includes('scenario-email')).map((t) => t.id);
  frozen.push(...corpusTickets({ now: ctx.T, afterId: id }));
  frozen.push(...triagePanelTickets(seed, ctx.now, frozen[frozen.length - 1].id));
  return { seed, now: ctx.now, tickets: frozen };
}

/** Classification tags as of seed time (live flags are recomputed by the server). */
function finishTags(t, now) {
  const c = classify(t, now);
  const tags = new Set(t.tags);
  for (const k of ['software', 'untriaged', 'stale', 'overdue']) if (c[k]) tags.add(k);
  if (!c.open) tags.add('closed');
  if (t.descriptions.some((d) => d.body.split('\n').length > 35)) tags.add('long');
  if (t.descriptions.some((d) => /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,4}/.test(d.body))) tags.add('email-in-body');
  if (!tags.has('software') && c.open) tags.add('non-software');
  if (tags.has('software')) tags.delete('non-software');
  t.tags = [...tags].sort();
}

// ---- bench helpers ---------------------------------------------------------------------------

/** A ticket with `updates` descriptions for the benchmark (deterministic, not part of the seed). */
export function makeBenchTicket({ id = 99000, updates = 300, now = Date.now(), seed = 7 } = {}) {
  const ctx = new Ctx(seed, now);
  const t = ctx.ticket({ topic: 'htcondor-ce', submitter: U.jsmith, tags: ['bench'] });
  t.openWeb(updates * 0.05 + 1, 'email');
  t.toSoftware(updates * 0.05 + 0.9, 'echism');
  t.triage(updates * 0.05 + 0.8, 'blin');
  let i = 0;
  while (t.descs.length < updates) {
    const d = updates * 0.05 + 0.7 - i * 0.05;
    const who = SOFTWARE_TEAM[i % SOFTWARE_TEAM.length].id;
    if (i % 3 === 2) t.reply(d, 'email', 'info');
    else if (i % 11 === 5) t.staffLong(d, who, 'fix', 'dashed', 40);
    else t.staff(d, who, i % 2 ? 'fix' : 'ask', STAFF_SIGS[i % STAFF_SIGS.length]);
    i++;
  }
  const frozen = t.freeze();
  frozen.id = id;
  frozen.nad = ctx.T + 5 * DAY;
  frozen.status = 'Engineering';
  finishTags(frozen, ctx.T);
  return frozen;
}

/** Extra open tickets for a big /list/open (no descriptions; list rows only). */
export function makeListFiller({ count, startId = 200000, now = Date.now(), seed = 11 }) {
  const rng = new Rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const user = USERS[i % USERS.length];
    const software = i % 4 !== 0;
    const untriaged = software && i % 9 === 1;
    const updated = now - (software && !untriaged && i % 5 === 0 ? rng.int(10, 30) : rng.int(0, 5)) * DAY - rng.int(1, 20) * HOUR;
    out.push({
      id: startId + i,
      title: `${topic.titles[0].replace('{resource}', RESOURCES[i % RESOURCES.length]).replace('{host}', HOSTS[i % HOSTS.length]).replace('{version}', VERSIONS[i % VERSIONS.length])} (#${i})`,
      status: 'Engineering',
      priority: 1 + (i % 4),
      type: 'Problem/Request',
      nextAction: untriaged ? TRIAGE_NEXT_ACTION : 'ENG Action',
      nad: now + (i % 7 === 0 ? -3 : 4) * DAY,
      submitted: updated - 2 * DAY,
      updated,
      submitter: { name: user.name, email: user.email, phone: user.phone },
      cc: i % 6 === 0 ? [`list-${i}@example.org`] : [],
      assignees: software ? [SOFTWARE_PSEUDO_ID, ...(untriaged ? [] : [SOFTWARE_TEAM[i % 7].id])] : ['rquick'],
      metadata: { SUBMITTER_NAME: user.name, ASSOCIATED_VO_NAME: topic.vo, ASSOCIATED_R_NAME: RESOURCES[i % RESOURCES.length] },
      attachments: [],
      links: [],
      base: '',
      tags: ['bench-list'],
      descriptions: [],
      history: [],
    });
  }
  return out;
}

export { fpParse, RETIRED_TYPES };
