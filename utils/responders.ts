/**
 * Who wrote a ticket update (issue 3). Evidence, in order of trust:
 *   1. the `by <b>NAME</b>` header (absent when FP's author was `goc`);
 *   2. the author trailer the GOC app appends (`-- by Name`, `by /DC=…/CN=First Last 12345`,
 *      `by email`, `by Name (guest)`; DOM.md §4);
 *   3. a signature block at the end of the author's own text (dashed line or `-- ` then a name,
 *      an optional OSG role line and address; "Thanks,\nName" / "Cheers, Name" closings);
 *   4. a line near the end that is just a known person's name, alias or e-mail, optionally after a
 *      dash ("- BL"): team roster from settings, then the ticket's submitter.
 * Quoted lines (`>`) and e-mail quotes (`… wrote:`) never decide. Pure and total: never throws.
 */
import { decodeFpEntities } from './footprints';

export type ResponderRole = 'software' | 'osg-staff' | 'submitter' | 'unknown';
export type ResponderSource = 'header' | 'signature' | 'trailer' | 'roster' | 'none';

export interface Responder {
  /** Display name ('' when nobody could be named). */
  name: string;
  role: ResponderRole;
  source: ResponderSource;
  /** One sentence saying how it was decided (the badge tooltip). */
  reason: string;
}

export interface RosterPerson {
  name: string;
  emails?: readonly string[];
  aliases?: readonly string[];
  role: 'software' | 'osg-staff';
}

export interface ResponderContext {
  roster: readonly RosterPerson[];
  submitter: { name: string; email: string; submitterName: string };
}

export interface UpdateText {
  byHeader: string | null;
  bodyText: string;
}

/** How many non-empty lines at the end of the author's own text may hold a signature. */
const SIGNATURE_WINDOW = 8;
const TRAILER_WINDOW = 3;
const ROLE_LINE =
  /\b(OSG|Open Science Grid|GOC|Grid Operations Cent(?:er|re)|Software Support|Software Team|Operations Team|Support Team|Security Team)\b/i;
const SEPARATOR = /^(?:-{2,}|_{5,}|={5,}|-- ?)$/;
const CLOSING_WORDS =
  '(?:many thanks|thanks again|thanks a lot|thanks|thank you|thx|cheers|best regards|kind regards|warm regards|regards|best wishes|all the best|best|sincerely|yours truly|yours|cordially|greetings)';
const CLOSING_ONLY = new RegExp(`^${CLOSING_WORDS}[\\s,.!:;-]*$`, 'i');
const CLOSING_WITH_NAME = new RegExp(`^${CLOSING_WORDS}\\s*[,.!:;]?\\s*[-–—~]*\\s*(.+?)\\s*[.!]?$`, 'i');
const QUOTE_INTRO = /(wrote|a écrit|schrieb)\s*:\s*$/i;
const FORWARD_MARKERS = /^(-{3,}\s*(original message|forwarded message)\s*-{3,}|_{10,})$/i;
/** FP history actions that the server may append inside a body (DOM.md §3.7). */
const HISTORY_LINE =
  /^(Appended a Description|Notification mail sent|Assignee(s)? (changed|added|removed)|Status (changed|set)|Priority (changed|set)|Title changed|Next Action (changed|set)|Next Action Deadline|Ticket (type )?changed|CC (changed|added|removed)|Attached a file|Field .* changed)/i;
const GOCTX_SOURCE = /^GOCTX Source\s*:/i;
const NOT_NAME_WORDS = new Set([
  'the', 'team', 'support', 'thanks', 'thank', 'regards', 'cheers', 'best', 'hi', 'hello', 'dear', 'please',
  'sent', 'from', 'to', 'subject', 'date', 'cc', 'on', 'wrote', 'ticket', 'update', 'note', 'ps', 'p.s.',
  'and', 'or', 'for', 'with', 'you', 'your', 'we', 'i', 'it', 'is', 'this', 'that', 'let', 'me', 'know',
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents removed, punctuation to spaces: "Sélmeci, Mat." → "selmeci mat". */
export function normalizeName(text: string): string {
  const raw = String(text ?? '');
  // Plain ASCII (most names and e-mails) skips Unicode normalisation: cheaper on a cold page.
  const folded = PRINTABLE_ASCII.test(raw)
    ? raw.toLowerCase().replace(/[^a-z0-9@.+_-]+/g, ' ')
    : raw
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ');
  return folded
    .replace(/(^|\s)[.\-_]+|[.\-_]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain names (letters, spaces, . ' , -) are compared loosely; anything else only as typed. */
const PLAIN_NAME = /^[\p{L}\p{M}\s.'’,-]+$/u;
const PLAIN_ASCII_NAME = /^[A-Za-z\s.',-]+$/;

/** The key a name is looked up by: loose for real names, exact (case- and space-folded) otherwise. */
export function nameKey(text: string): string {
  const raw = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (!raw) return '';
  const plain = PRINTABLE_ASCII.test(raw) ? PLAIN_ASCII_NAME.test(raw) : PLAIN_NAME.test(raw);
  return plain ? normalizeName(raw) : `=${raw.toLowerCase()}`;
}

function normalizeEmail(text: string): string {
  return String(text ?? '').trim().toLowerCase().replace(/^mailto:/, '');
}

function firstName(name: string): string {
  const n = normalizeName(name);
  if (!n) return '';
  // "Smith, John" → John
  if (/,/.test(name)) {
    const after = normalizeName(name.split(',')[1] ?? '');
    if (after) return after.split(' ')[0];
  }
  return n.split(' ')[0];
}

interface Person {
  name: string;
  role: 'software' | 'osg-staff' | 'submitter';
}

/** Lookup tables built once per ticket (300 updates share them). */
export interface ResponderIndex {
  byName: Map<string, Person>;
  byEmail: Map<string, Person>;
  /** Local part of e-mails, for guest-masked `local@....` addresses. */
  byEmailLocal: Map<string, Person | null>;
  /** First names that name exactly one person (null = ambiguous). */
  byFirstName: Map<string, Person | null>;
  /** Last name → people with their normalised first names ("Robert Quick" ≈ "Rob Quick"). */
  byLastName: Map<string, { first: string; person: Person }[]>;
  submitter: Person | null;
  /** Lookups already made for this ticket (the same header names repeat across 300 updates). */
  memo: Map<string, Lookup | null>;
}

function addUnique<K>(map: Map<K, Person | null>, key: K, person: Person) {
  if (!key) return;
  const old = map.get(key);
  if (old === undefined) map.set(key, person);
  else if (old !== null && old.name !== person.name) map.set(key, null);
}

export function buildResponderIndex(ctx: ResponderContext): ResponderIndex {
  const index: ResponderIndex = {
    byName: new Map(),
    byEmail: new Map(),
    byEmailLocal: new Map(),
    byFirstName: new Map(),
    byLastName: new Map(),
    submitter: null,
    memo: new Map(),
  };
  const addLastName = (name: string, person: Person) => {
    const words = normalizeName(name).split(' ');
    if (words.length < 2) return;
    const last = words[words.length - 1];
    const list = index.byLastName.get(last) ?? [];
    list.push({ first: words[0], person });
    index.byLastName.set(last, list);
  };
  const roster = Array.isArray(ctx?.roster) ? ctx.roster : [];
  for (const member of roster) {
    if (!member || typeof member.name !== 'string' || !member.name.trim()) continue;
    const person: Person = { name: member.name.trim(), role: member.role === 'osg-staff' ? 'osg-staff' : 'software' };
    const key = nameKey(person.name);
    if (key && !index.byName.has(key)) index.byName.set(key, person);
    for (const alias of member.aliases ?? []) {
      const a = nameKey(alias);
      if (!a) continue;
      if (alias.includes('@')) index.byEmail.set(normalizeEmail(alias), person);
      else if (!index.byName.has(a)) index.byName.set(a, person);
    }
    for (const email of member.emails ?? []) {
      const e = normalizeEmail(email);
      if (!e.includes('@')) continue;
      index.byEmail.set(e, person);
      addUnique(index.byEmailLocal, e.split('@')[0], person);
    }
    addUnique(index.byFirstName, firstName(person.name), person);
    addLastName(person.name, person);
    for (const alias of member.aliases ?? []) if (!alias.includes('@')) addLastName(alias, person);
  }
  const sub = ctx?.submitter;
  const subName = (sub?.name || sub?.submitterName || '').trim();
  const subEmail = normalizeEmail(sub?.email ?? '');
  if (subName || subEmail.includes('@')) {
    const display = subName && !/^osg-goc$/i.test(subName) ? subName : subEmail || subName;
    const person: Person = { name: display, role: 'submitter' };
    index.submitter = person;
    for (const n of [sub?.name ?? '', sub?.submitterName ?? '']) {
      const key = nameKey(n);
      if (key && !index.byName.has(key) && key !== 'osg-goc') index.byName.set(key, person);
    }
    if (subEmail.includes('@') && !index.byEmail.has(subEmail)) {
      index.byEmail.set(subEmail, person);
      addUnique(index.byEmailLocal, subEmail.split('@')[0], person);
    }
    if (subName && !/^osg-goc$/i.test(subName)) {
      addUnique(index.byFirstName, firstName(subName), person);
      addLastName(subName, person);
    }
  }
  return index;
}

/** "jane.smith", "jsmith", "janes", "smith" fit "Jane Smith"; "dkim" fits "Daniel Kim". */
export function localPartFitsName(local: string, name: string): boolean {
  const words = normalizeName(name.replace(/['’]/g, '')).split(' ').filter((w) => /^[\p{L}]+$/u.test(w));
  if (words.length < 2) return false;
  const first = words[0];
  const last = words[words.length - 1];
  const l = local.toLowerCase().replace(/\d+$/, '');
  const parts = l.split(/[._-]+/).filter(Boolean);
  if (parts.length >= 2) return parts[0] === first && parts[parts.length - 1] === last;
  return [first + last, first[0] + last, first + last[0], last + first[0], last].includes(l) && l.length >= 3;
}

interface Lookup {
  person: Person;
  how: string;
}

/** A name or e-mail → a known person. `allowFirstName` only for signatures ("Thanks, Mat"). */
function lookup(index: ResponderIndex, text: string, allowFirstName: boolean): Lookup | null {
  const key = `${allowFirstName ? 1 : 0}${text}`;
  const memo = index.memo?.get(key);
  if (memo !== undefined) return memo;
  const hit = lookupUncached(index, text, allowFirstName);
  index.memo?.set(key, hit);
  return hit;
}

function lookupUncached(index: ResponderIndex, text: string, allowFirstName: boolean): Lookup | null {
  const raw = String(text ?? '').trim();
  if (!raw) return null;
  if (raw.includes('@')) {
    const email = normalizeEmail(raw);
    const exact = index.byEmail.get(email);
    if (exact) return { person: exact, how: 'e-mail' };
    const masked = email.match(/^([^@\s]+)@\.{2,}$/);
    if (masked) {
      const local = index.byEmailLocal.get(masked[1]);
      if (local) return { person: local, how: 'masked e-mail' };
      // Guests see no submitter e-mail: "jane.smith@...." or "jsmith@...." against the name.
      if (index.submitter && localPartFitsName(masked[1], index.submitter.name)) {
        return { person: index.submitter, how: 'masked e-mail (fits the submitter\'s name)' };
      }
    }
    return null;
  }
  const key = nameKey(raw);
  const byName = index.byName.get(key);
  if (byName) return { person: byName, how: 'name' };
  if (key.startsWith('=')) return null;
  // "Roy, Alain" → "alain roy"
  if (raw.includes(',')) {
    const [last, first] = raw.split(',', 2);
    const swapped = index.byName.get(normalizeName(`${first} ${last}`));
    if (swapped) return { person: swapped, how: 'name' };
  }
  if (allowFirstName && key && !key.includes(' ')) {
    const one = index.byFirstName.get(key);
    if (one) return { person: one, how: 'first name' };
  }
  // Same last name, one first name a short form of the other ("Robert Quick" for Rob Quick).
  const words = key.split(' ');
  if (words.length >= 2 && words.length <= 4) {
    const first = words[0];
    const candidates = (index.byLastName.get(words[words.length - 1]) ?? []).filter(
      (c) => Math.min(c.first.length, first.length) >= 3 && (c.first.startsWith(first) || first.startsWith(c.first)),
    );
    const people = new Set(candidates.map((c) => c.person));
    if (people.size === 1) return { person: candidates[0].person, how: 'name (short form)' };
  }
  return null;
}

/** Looks like a person's name: 1–4 capitalised words, no digits, not a stock phrase. */
export function isNameLike(text: string): boolean {
  const t = String(text ?? '').trim();
  if (t.length < 2 || t.length > 50 || /[\d@:/\\<>()[\]{}|=+*#$%^&"]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 4) return false;
  let capitalised = 0;
  for (const w of words) {
    if (!/^[\p{L}][\p{L}'’.-]*,?$/u.test(w)) return false;
    if (NOT_NAME_WORDS.has(w.toLowerCase().replace(/[,.]$/, ''))) return false;
    if (/^\p{Lu}/u.test(w)) capitalised += 1;
  }
  return capitalised === words.length;
}

function isQuoted(line: string): boolean {
  return /^\s*(>|&#62;|&gt;)/.test(line);
}

/** Non-empty, trimmed lines of the author's own text: no quotes, nothing after an e-mail quote intro. */
export function ownLines(bodyText: string): string[] {
  const out: string[] = [];
  for (const rawLine of bodyText.split('\n')) {
    const line = decodeFpEntities(rawLine).replace(/\u00a0/g, ' ').trim();
    if (!line) continue;
    if (isQuoted(line)) continue;
    if (QUOTE_INTRO.test(line) || FORWARD_MARKERS.test(line)) break;
    if (/^From:\s/i.test(line) && out.length > 0) break; // Outlook-style header block of a quote
    out.push(line);
  }
  while (out.length > 0 && HISTORY_LINE.test(out[out.length - 1])) out.pop();
  return out;
}

function allLines(bodyText: string): string[] {
  return bodyText
    .split('\n')
    .map((l) => decodeFpEntities(l).replace(/\u00a0/g, ' ').trim())
    .filter((l) => l.length > 0);
}

interface Found {
  name: string;
  /** Raw evidence, quoted in the reason. */
  evidence: string;
  roleLine?: boolean;
}

/** The DN's CN without the numeric id: `/DC=org/…/CN=Alain Roy 424511` → "Alain Roy". */
export function nameFromDn(dn: string): string {
  // Split only where a new attribute starts ("/CN=", "/OU="): a CN may itself contain "/".
  const parts = dn.split(/\/(?=[A-Za-z][A-Za-z0-9.]*=)/).map((p) => p.trim());
  const cns = parts.filter((p) => /^CN=/i.test(p)).map((p) => p.slice(3).trim());
  for (const cn of cns) {
    if (!cn || /^\d+$/.test(cn) || /^(limited )?proxy$/i.test(cn)) continue;
    return cn.replace(/\s+(UID:)?[\w-]*\d{3,}$/i, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  }
  return '';
}

function findTrailer(bodyText: string, index?: ResponderIndex): Found | null {
  const lines = allLines(bodyText).filter((l) => !isQuoted(l) && !HISTORY_LINE.test(l) && !GOCTX_SOURCE.test(l));
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < TRAILER_WINDOW; i -= 1, seen += 1) {
    const line = lines[i];
    let m = line.match(/^--\s*by\s+(.+?)(?:\s+at\s+.*\d.*)?$/i);
    if (m) return { name: m[1].trim(), evidence: line };
    m = line.match(/^by\s+(\/.*CN=.*)$/i);
    if (m) {
      const name = nameFromDn(m[1]);
      if (name) return { name, evidence: line };
    }
    m = line.match(/^by\s+(\S+@\S+)$/i);
    if (m) return { name: m[1], evidence: line };
    // The server appends `by <address>` as the very last line; there even a broken or hostile
    // address with spaces counts. Higher up only a known address or a guest-masked `local@....`.
    m = line.match(/^by\s+(.+@\S+)$/i);
    if (m && (seen === 0 || (index && lookup(index, m[1], false)) || /@\.{4}$/.test(m[1]))) {
      return { name: m[1], evidence: line };
    }
    m = line.match(/^by\s+(.+?)\s*\(guest\)$/i);
    if (m && m[1].trim()) return { name: m[1].trim(), evidence: line };
  }
  return null;
}

/** The signature block in the author's own text, closest to the end. */
function findSignature(lines: string[], index: ResponderIndex): Found | null {
  const start = Math.max(0, lines.length - SIGNATURE_WINDOW);
  const nameAt = (i: number) => {
    const line = lines[i];
    if (line === undefined) return null;
    return isNameLike(line) || lookup(index, line, true) ? line.replace(/[,.]$/, '') : null;
  };
  for (let i = lines.length - 1; i >= start; i -= 1) {
    const line = lines[i];
    // 1. Separator then a name (optionally a role line after it).
    if (SEPARATOR.test(line)) {
      // Separator, a line, an OSG role line: that line is the name whatever it looks like.
      const next = lines[i + 1];
      const roleAfter = ROLE_LINE.test(lines[i + 2] ?? '') && (lines[i + 2] ?? '').length <= 60;
      if (next && roleAfter && !ROLE_LINE.test(next) && next.length <= 200 && !SEPARATOR.test(next)) {
        return { name: next, evidence: lines.slice(i, i + 3).join(' / '), roleLine: true };
      }
      const name = nameAt(i + 1);
      if (name) return { name, evidence: lines.slice(i, i + 3).join(' / '), roleLine: ROLE_LINE.test(lines[i + 2] ?? '') };
      if (lines[i + 1] && ROLE_LINE.test(lines[i + 1]) && (lines[i + 1] ?? '').length <= 60) {
        return { name: lines[i + 1], evidence: lines.slice(i, i + 2).join(' / '), roleLine: true };
      }
    }
    // 2. "Thanks," then a name on the next line.
    if (CLOSING_ONLY.test(line)) {
      const name = nameAt(i + 1);
      if (name) return { name, evidence: `${line} ${lines[i + 1]}`, roleLine: ROLE_LINE.test(lines[i + 2] ?? '') };
      const next = lines[i + 1];
      if (next && ROLE_LINE.test(next) && next.length <= 60 && i + 2 >= lines.length) {
        return { name: next, evidence: `${line} ${next}`, roleLine: true };
      }
    }
    // 3. "Thanks, Mat" / "Cheers -- Mat" on one line.
    const closing = line.match(CLOSING_WITH_NAME);
    if (closing && (isNameLike(closing[1]) || lookup(index, closing[1], true))) {
      return { name: closing[1].replace(/[,.]$/, ''), evidence: line };
    }
    // ("- Mat" on one line is not a block: the roster step below decides it, if Mat is known.)
    // 4. A name directly above an OSG role line, without a separator.
    if (ROLE_LINE.test(line) && line.length <= 60 && i > 0) {
      const name = nameAt(i - 1);
      if (name && !SEPARATOR.test(lines[i - 1])) {
        return { name, evidence: `${lines[i - 1]} / ${line}`, roleLine: true };
      }
    }
  }
  return null;
}

/** A line near the end that is only a known person's name, alias or e-mail. */
function findRosterLine(lines: string[], index: ResponderIndex): { found: Found; hit: Lookup } | null {
  const start = Math.max(0, lines.length - SIGNATURE_WINDOW);
  for (let i = lines.length - 1; i >= start; i -= 1) {
    const line = lines[i].replace(/^[-–—~]+\s*/, '').replace(/[,.!]$/, '');
    if (/^(hi|hello|dear|hey)\b/i.test(line)) continue;
    const hit = lookup(index, line, true);
    if (hit) return { found: { name: line, evidence: lines[i] }, hit };
    const emails = line.match(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi) ?? [];
    for (const email of emails) {
      const byEmail = lookup(index, email, false);
      if (byEmail) return { found: { name: email, evidence: lines[i] }, hit: byEmail };
    }
  }
  return null;
}

const ROLE_WORD: Record<ResponderRole, string> = {
  software: 'Software team',
  'osg-staff': 'OSG staff',
  submitter: 'ticket submitter',
  unknown: 'not a known person',
};

function quote(text: string): string {
  const t = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `“${t}”`;
}

function decide(
  found: Found,
  source: Exclude<ResponderSource, 'none'>,
  index: ResponderIndex,
  what: string,
): Responder {
  const hit = lookup(index, found.name, source === 'signature' || source === 'roster');
  if (hit) {
    const role = hit.person.role;
    return {
      name: hit.person.name,
      role,
      source,
      reason: `${what} ${quote(found.evidence)}; ${hit.how} matches ${hit.person.name} (${ROLE_WORD[role]})`,
    };
  }
  const osgAccount = /^osg-goc$/i.test(found.name.trim());
  const role: ResponderRole = found.roleLine || osgAccount ? 'osg-staff' : 'unknown';
  const why = osgAccount
    ? 'the GOC operations account'
    : found.roleLine
      ? 'signed with an OSG role line'
      : 'not in the team roster and not the submitter';
  return { name: found.name, role, source, reason: `${what} ${quote(found.evidence)}; ${why} (${ROLE_WORD[role]})` };
}

/** Who wrote one update. Build the index once per ticket with buildResponderIndex(). */
export function identifyResponder(update: UpdateText, index: ResponderIndex): Responder {
  try {
    const header = typeof update?.byHeader === 'string' ? update.byHeader.trim() : '';
    // A known person in the header decides without reading the body (the common, cheap case)...
    if (header && !/^(osg-goc|goc)$/i.test(header)) {
      const known = lookup(index, header, false);
      if (known) return decide({ name: header, evidence: `by ${header}` }, 'header', index, 'Header');
    }
    const body = typeof update?.bodyText === 'string' ? update.bodyText : '';
    const trailer = findTrailer(body, index);
    // OSG-GOC (new tickets, GOC-TX imports) and goc stamp the update for someone the trailer names.
    if (header && !(trailer && /^(osg-goc|goc)$/i.test(header))) {
      const byHeader = decide({ name: header, evidence: `by ${header}` }, 'header', index, 'Header');
      if (byHeader.role !== 'unknown') return byHeader;
      // Not a known person: their own signature may still carry an OSG role line.
      const signed = findSignature(ownLines(body), index);
      if (signed?.roleLine && nameKey(signed.name) === nameKey(header)) {
        return { ...byHeader, role: 'osg-staff', reason: `${byHeader.reason.replace(/; .*$/, '')}; signed with an OSG role line (OSG staff)` };
      }
      return byHeader;
    }
    if (trailer) return decide(trailer, 'trailer', index, 'Author trailer');
    const lines = ownLines(body);
    const signature = findSignature(lines, index);
    if (signature) return decide(signature, 'signature', index, 'Signature');
    const rosterLine = findRosterLine(lines, index);
    if (rosterLine) return decide(rosterLine.found, 'roster', index, 'Known person on a closing line');
    return { name: '', role: 'unknown', source: 'none', reason: 'No header, author trailer, signature or known name at the end' };
  } catch (error) {
    return { name: '', role: 'unknown', source: 'none', reason: `Could not read this update (${String(error)})` };
  }
}

export function identifyResponders(updates: readonly UpdateText[], ctx: ResponderContext): Responder[] {
  const index = buildResponderIndex(ctx);
  return updates.map((u) => identifyResponder(u, index));
}

/**
 * A staff-looking update nobody signed: no header, no trailer, no signature, no known name, and it is
 * not the ticket's opening description (that one is the submitter's request).
 */
export function isUnsignedUpdate(responder: Responder, isOpening: boolean): boolean {
  return responder.source === 'none' && !isOpening;
}

export function isStaffRole(role: ResponderRole): boolean {
  return role === 'software' || role === 'osg-staff';
}

/**
 * Badge colours per role: white text on these backgrounds reaches WCAG AA (≥ 4.5:1) for normal text;
 * the unit tests compute the ratios.
 */
export const ROLE_COLORS: Record<ResponderRole, { background: string; color: string }> = {
  software: { background: '#1d4f91', color: '#ffffff' },
  'osg-staff': { background: '#6a1b9a', color: '#ffffff' },
  submitter: { background: '#1b5e20', color: '#ffffff' },
  unknown: { background: '#595959', color: '#ffffff' },
};
