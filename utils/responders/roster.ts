/**
 * The people a ticket knows: the team roster from settings and the ticket's submitter, indexed once
 * per ticket, and the lookup of a written name or address against them (exact, "Last, First",
 * first name, short form, first name + initial, and spellings without accents, hyphens or
 * apostrophes: "Jorgen Sorensen", "Hans Mueller", "Emily Carter Jones").
 */
import { compactKey, compactKeys, localPartFitsName, nameKey, normalizeName } from './names';
import type { Lookup, Person, ResponderContext } from './types';

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
  /** Names and first names without spaces, hyphens, apostrophes or accents (null = ambiguous). */
  byCompact?: Map<string, Person | null>;
  byCompactFirst?: Map<string, Person | null>;
  submitter: Person | null;
  /** Lookups already made for this ticket (the same header names repeat across 300 updates). */
  memo: Map<string, Lookup | null>;
}

export function normalizeEmail(text: string): string {
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
    byCompact: new Map(),
    byCompactFirst: new Map(),
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
  const addSpellings = (name: string, person: Person) => {
    for (const key of compactKeys(name)) if (key.length >= 3) addUnique(index.byCompact!, key, person);
  };
  const addFirstName = (name: string, person: Person) => {
    const first = firstName(name);
    addUnique(index.byFirstName, first, person);
    for (const key of compactKeys(first)) if (key.length >= 3) addUnique(index.byCompactFirst!, key, person);
  };
  const roster = Array.isArray(ctx?.roster) ? ctx.roster : [];
  for (const member of roster) {
    if (!member || typeof member.name !== 'string' || !member.name.trim()) continue;
    const person: Person = { name: member.name.trim(), role: member.role === 'osg-staff' ? 'osg-staff' : 'software' };
    const key = nameKey(person.name);
    if (key && !index.byName.has(key)) index.byName.set(key, person);
    addSpellings(person.name, person);
    for (const alias of member.aliases ?? []) {
      if (typeof alias !== 'string') continue;
      const a = nameKey(alias);
      if (!a) continue;
      if (alias.includes('@')) index.byEmail.set(normalizeEmail(alias), person);
      else {
        if (!index.byName.has(a)) index.byName.set(a, person);
        if (alias.trim().includes(' ')) addSpellings(alias, person);
      }
    }
    for (const email of member.emails ?? []) {
      if (typeof email !== 'string') continue;
      const e = normalizeEmail(email);
      if (!e.includes('@')) continue;
      index.byEmail.set(e, person);
      addUnique(index.byEmailLocal, e.split('@')[0], person);
    }
    addFirstName(person.name, person);
    addLastName(person.name, person);
    for (const alias of member.aliases ?? []) if (typeof alias === 'string' && !alias.includes('@')) addLastName(alias, person);
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
      if (key && key !== 'osg-goc' && n.trim().includes(' ')) addSpellings(n, person);
    }
    if (subEmail.includes('@') && !index.byEmail.has(subEmail)) {
      index.byEmail.set(subEmail, person);
      addUnique(index.byEmailLocal, subEmail.split('@')[0], person);
    }
    if (subName && !/^osg-goc$/i.test(subName)) {
      addFirstName(subName, person);
      addLastName(subName, person);
    }
  }
  return index;
}

/** A name or e-mail → a known person. `allowFirstName` only for signatures ("Thanks, Mat"). */
export function lookup(index: ResponderIndex, text: string, allowFirstName: boolean): Lookup | null {
  // Long text is never a name (lookupUncached refuses it at once): not memoised, so a hostile 1 MB
  // header is neither copied into a key and hashed nor kept in the memo.
  if (typeof text === 'string' && text.length > 1024) return lookupUncached(index, text, allowFirstName);
  const key = `${allowFirstName ? 1 : 0}${text}`;
  const memo = index.memo?.get(key);
  if (memo !== undefined) return memo;
  const hit = lookupUncached(index, text, allowFirstName);
  if (index.memo && index.memo.size < 5000) index.memo.set(key, hit);
  return hit;
}

function lookupUncached(index: ResponderIndex, text: string, allowFirstName: boolean): Lookup | null {
  const raw = String(text ?? '').trim();
  if (!raw || raw.length > 320) return null;
  if (raw.includes('@')) {
    const email = normalizeEmail(raw);
    const exact = index.byEmail.get(email);
    if (exact) return { person: exact, how: 'e-mail' };
    const masked = email.match(/^([^@\s]{1,100})@\.{2,8}$/);
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
  if (raw.length > 120) return null;
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
  const words = key.split(' ');
  if (allowFirstName && key && words.length === 1) {
    const one = index.byFirstName.get(key);
    if (one) return { person: one, how: 'first name' };
  }
  // Written without accents, hyphens or apostrophes, or transliterated ("Mueller", "OKeefe").
  const compact = compactKey(raw);
  if (words.length >= 2) {
    const spelled = index.byCompact?.get(compact);
    if (spelled) return { person: spelled, how: 'name (other spelling)' };
  }
  if (allowFirstName && words.length <= 2) {
    const first = index.byCompactFirst?.get(compact);
    if (first) return { person: first, how: 'first name (other spelling)' };
  }
  if (words.length >= 2 && words.length <= 4) {
    const first = words[0];
    const last = words[words.length - 1];
    // Same last name, one first name a short form of the other ("Robert Quick" for Rob Quick).
    const candidates = (index.byLastName.get(last) ?? []).filter(
      (c) => Math.min(c.first.length, first.length) >= 3 && (c.first.startsWith(first) || first.startsWith(c.first)),
    );
    const people = new Set(candidates.map((c) => c.person));
    if (people.size === 1) return { person: candidates[0].person, how: 'name (short form)' };
    // First name and the last name's initial ("Tim C.").
    if (allowFirstName && words.length === 2 && last.length === 1) {
      const initialed = new Set<Person>();
      for (const [lastName, list] of index.byLastName) {
        if (!lastName.startsWith(last)) continue;
        for (const c of list) if (c.first === first) initialed.add(c.person);
      }
      if (initialed.size === 1) return { person: [...initialed][0], how: 'first name and initial' };
    }
  }
  return null;
}
