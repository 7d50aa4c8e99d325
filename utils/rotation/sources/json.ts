/**
 * JSON rotation files. The documented shape is `[{ "week": "2012-02-13", "person": "Alain Roy" }]`;
 * also read: an object wrapping that list (`rotation`, `weeks`, `entries`, `schedule`, `data`,
 * `items`), other key names (`date`/`start`/`monday`…, `name`/`who`/`email`…), a person given as
 * `{ name, email }`, a plain map `{ "2012-02-13": "Alain Roy" }`, and dates in the wiki formats.
 */
import type { IsoDate } from '../../time';
import { parseLooseDate } from './loose-date';
import { cleanPerson, type PersonRef } from '../person';
import { MAX_ROWS, type ParseResult } from '../types';
import { spansToWeeks, weekSpan, type DutySpan } from '../weeks';

const LIST_KEYS = ['rotation', 'weeks', 'entries', 'schedule', 'data', 'items', 'triage', 'duty'];
const DATE_KEYS = ['week', 'date', 'start', 'monday', 'weekOf', 'week_of', 'weekStart', 'week_start', 'from', 'begin', 'startDate', 'start_date'];
const PERSON_KEYS = ['person', 'name', 'who', 'onDuty', 'on_duty', 'triage', 'assignee', 'user', 'member', 'email'];

/**
 * Nesting read: a rotation file nests 2–4 levels (a wrapper, the list, an entry, a person object);
 * deeper text is refused before JSON.parse builds it (a 1 MB `[[[…` cost V8 super-linear time).
 */
export const MAX_JSON_DEPTH = 64;

const STRUCTURE = /["[\]{}]/g;

/** Occurrences of `ch`, counting stops past `limit`. */
function countUpTo(text: string, ch: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0 && n <= limit; at = text.indexOf(ch, at + 1)) n += 1;
  return n;
}

/**
 * Whether brackets outside strings nest deeper than `max`. Text with few brackets cannot (two native
 * searches); else one forward pass jumps from one quote or bracket to the next, and over each string
 * to its first unescaped quote.
 */
function nestsDeeper(text: string, max: number): boolean {
  if (countUpTo(text, '[', max) + countUpTo(text, '{', max) <= max) return false;
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const c = m[0];
    if (c === '"') {
      // The next quote not escaped (an even run of backslashes before it).
      let q = text.indexOf('"', m.index + 1);
      for (; q >= 0; q = text.indexOf('"', q + 1)) {
        let k = q - 1;
        while (text.charCodeAt(k) === 92) k -= 1;
        if ((q - 1 - k) % 2 === 0) break;
      }
      if (q < 0) return false; // unterminated: JSON.parse reports it
      STRUCTURE.lastIndex = q + 1;
    } else if (c === '[' || c === '{') {
      if ((depth += 1) > max) return true;
    } else depth -= 1;
  }
  return false;
}

export function parseJsonRotation(text: string): ParseResult {
  if (nestsDeeper(text, MAX_JSON_DEPTH)) {
    return { ok: false, format: 'json', error: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels: it is not a rotation file.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, format: 'json', error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const list = findList(data);
  if (list === null) {
    return {
      ok: false,
      format: 'json',
      error: 'The JSON has no rotation list (expected [{ "week": "2012-02-13", "person": "Alain Roy" }]).',
    };
  }
  const warnings: string[] = [];
  const spans: DutySpan[] = [];
  let bad = 0;
  for (const item of list.slice(0, MAX_ROWS)) {
    const entry = readItem(item);
    if (!entry) {
      bad += 1;
      continue;
    }
    spans.push(weekSpan(entry.date, entry.who.person, spans.length, entry.who.email));
  }
  if (list.length > MAX_ROWS) warnings.push(`Only the first ${MAX_ROWS} entries are used.`);
  if (bad > 0) warnings.push(`${bad} entr${bad === 1 ? 'y was' : 'ies were'} skipped (no readable date or person).`);
  if (spans.length === 0) {
    return {
      ok: false,
      format: 'json',
      error:
        list.length === 0
          ? 'The rotation list is empty.'
          : 'No entry has both a date and a person (expected { "week": "2012-02-13", "person": "Alain Roy" }).',
    };
  }
  return { ok: true, format: 'json', weeks: spansToWeeks(spans, warnings), warnings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The array of entries, or the pairs of a `{ date: person }` map. */
function findList(data: unknown, depth = 0): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isObject(data) || depth > 2) return null;
  for (const key of LIST_KEYS) {
    const found = findList(data[key], depth + 1);
    if (found) return found;
  }
  const pairs = Object.entries(data).filter(([k]) => parseLooseDate(k) !== null);
  if (pairs.length > 0) return pairs.map(([week, person]) => ({ week, person }));
  return null;
}

function pick(item: Record<string, unknown>, keys: string[]): unknown {
  const lower = new Map(Object.keys(item).map((k) => [k.toLowerCase(), k]));
  for (const key of keys) {
    const actual = lower.get(key.toLowerCase());
    if (actual !== undefined && item[actual] !== undefined && item[actual] !== null && item[actual] !== '') return item[actual];
  }
  return undefined;
}

function readDate(value: unknown): IsoDate | null {
  if (typeof value === 'string') return parseLooseDate(value);
  return null;
}

function readPerson(value: unknown, item?: Record<string, unknown>): PersonRef | null {
  if (typeof value === 'string') {
    const ref = cleanPerson(value);
    const email = item && typeof item.email === 'string' && item.email.includes('@') ? item.email.trim().toLowerCase() : undefined;
    return ref && email && !ref.email ? { ...ref, email } : ref;
  }
  if (isObject(value)) {
    const name = typeof value.name === 'string' ? value.name : undefined;
    const email = typeof value.email === 'string' ? value.email : undefined;
    const ref = cleanPerson(name ?? email ?? '');
    return ref && email && !ref.email ? { ...ref, email: email.trim().toLowerCase() } : ref;
  }
  if (Array.isArray(value) && value.length > 0) return readPerson(value[0], item);
  return null;
}

function readItem(item: unknown): { date: IsoDate; who: PersonRef } | null {
  if (Array.isArray(item) && item.length >= 2) {
    const date = readDate(item[0]);
    const who = readPerson(item[1]);
    return date && who ? { date, who } : null;
  }
  if (!isObject(item)) return null;
  const date = readDate(pick(item, DATE_KEYS));
  const who = readPerson(pick(item, PERSON_KEYS), item);
  return date && who ? { date, who } : null;
}
