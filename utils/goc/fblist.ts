/**
 * The members of the editor's autocomplete assignee lists (`fblist`, docs/goc-pages.md §7.1) exist only
 * in an inline script: `var team_N__listdata = [{ id: "<fpid>", label: "<Name>"}, …];`. This reads that
 * script as TEXT with a small hand-written scanner (never eval, no regex over the input): one pass,
 * bounded input and entry counts, JS string escapes decoded, labels returned as plain strings.
 * Pure: no DOM, no browser APIs.
 */

export interface ListEntry {
  /** Footprints id (the `id` field). */
  fpid: string;
  /** Display name (the `label` field), exactly as the script spells it: text, never HTML. */
  label: string;
}

export interface TeamListData {
  /** `team_N` */
  team: string;
  entries: ListEntry[];
}

/** Longer scripts are read only up to here (the real pages' list data is far smaller). */
export const MAX_SCRIPT_CHARS = 2_000_000;
/** Entries kept per team list. */
export const MAX_ENTRIES = 5_000;
/** Team lists kept per script. */
export const MAX_TEAMS = 100;
/** Longest id or label kept (longer strings are cut). */
export const MAX_STRING_CHARS = 1_000;

const MARKER = '__listdata';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** A cursor over the text; every method only moves forward. */
class Scanner {
  constructor(
    readonly s: string,
    public i: number,
  ) {}

  /** Skips whitespace and JS comments. */
  skip(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (isSpace(c)) this.i++;
      else if (c === 47 && s.charCodeAt(this.i + 1) === 47) {
        const end = s.indexOf('\n', this.i + 2);
        this.i = end < 0 ? s.length : end + 1;
      } else if (c === 47 && s.charCodeAt(this.i + 1) === 42) {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  eat(ch: string): boolean {
    this.skip();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  /** A quoted string starting at the cursor (after skip()), decoded; null when malformed. */
  string(): string | null {
    const s = this.s;
    const quote = s[this.i];
    if (quote !== '"' && quote !== "'") return null;
    this.i++;
    let out = '';
    let runStart = this.i;
    for (;;) {
      if (this.i >= s.length) return null;
      const c = s.charCodeAt(this.i);
      if (c === 10 || c === 13) return null; // raw newline: not a JS string
      if (s[this.i] === quote) {
        out += s.slice(runStart, this.i);
        this.i++;
        return out.length > MAX_STRING_CHARS ? out.slice(0, MAX_STRING_CHARS) : out;
      }
      if (c !== 92) {
        this.i++;
        continue;
      }
      out += s.slice(runStart, this.i);
      const decoded = this.escape();
      if (decoded === null) return null;
      out += decoded;
      runStart = this.i;
      // Bound the work on absurd strings: stop decoding past the cap, but keep scanning to the quote.
      if (out.length > MAX_STRING_CHARS * 2) out = out.slice(0, MAX_STRING_CHARS);
    }
  }

  /** The escape at the cursor (a backslash); moves past it. */
  private escape(): string | null {
    const s = this.s;
    const e = s[this.i + 1];
    this.i += 2;
    switch (e) {
      case undefined:
        return null;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return isDigit(s.charCodeAt(this.i)) ? null : '\0';
      case '\r':
        if (s[this.i] === '\n') this.i++;
        return '';
      case '\n':
      case '\u2028':
      case '\u2029':
        return ''; // line continuation
      case 'x':
        return this.hex(2);
      case 'u':
        if (s[this.i] === '{') {
          const end = s.indexOf('}', this.i);
          if (end < 0 || end - this.i > 7) return null;
          const code = parseHex(s.slice(this.i + 1, end));
          this.i = end + 1;
          return code === null || code > 0x10ffff ? null : String.fromCodePoint(code);
        }
        return this.hex(4);
      default:
        return e; // \" \' \\ \/ and any other character stand for themselves
    }
  }

  private hex(n: number): string | null {
    const code = parseHex(this.s.slice(this.i, this.i + n));
    if (code === null || this.i + n > this.s.length) return null;
    this.i += n;
    return String.fromCharCode(code);
  }

  /** A bare token (identifier, number, true/false/null); null when none. */
  word(): string | null {
    const start = this.i;
    while (this.i < this.s.length && (isIdentChar(this.s.charCodeAt(this.i)) || this.s[this.i] === '.' || this.s[this.i] === '-')) this.i++;
    return this.i > start ? this.s.slice(start, this.i) : null;
  }
}

function parseHex(text: string): number | null {
  if (text.length === 0) return null;
  let v = 0;
  for (let k = 0; k < text.length; k++) {
    const d = parseInt(text[k], 16);
    if (Number.isNaN(d)) return null;
    v = v * 16 + d;
  }
  return v;
}

/** `team_<digits>` ending just before `end`, or null (bounded look-back). */
function teamKeyBefore(s: string, end: number): string | null {
  let k = end;
  while (k > 0 && end - k < 9 && isDigit(s.charCodeAt(k - 1))) k--;
  if (k === end || k < 5 || s.slice(k - 5, k) !== 'team_') return null;
  if (k - 5 > 0 && isIdentChar(s.charCodeAt(k - 6))) return null; // part of a longer name
  return s.slice(k - 5, end);
}

/** One `{ id: "…", label: "…" }` object; null when malformed. Unknown keys with simple values are skipped. */
function parseObject(sc: Scanner): ListEntry | null {
  if (!sc.eat('{')) return null;
  let fpid: string | null = null;
  let label: string | null = null;
  for (;;) {
    if (sc.eat('}')) break;
    sc.skip();
    const key = sc.s[sc.i] === '"' || sc.s[sc.i] === "'" ? sc.string() : sc.word();
    if (key === null || !sc.eat(':')) return null;
    sc.skip();
    const value = sc.s[sc.i] === '"' || sc.s[sc.i] === "'" ? sc.string() : sc.word();
    if (value === null) return null; // nested objects, functions…: not list data
    if (key === 'id' || key === 'value') fpid ??= value;
    if (key === 'label') label = value;
    if (sc.eat(',')) continue;
    if (sc.eat('}')) break;
    return null;
  }
  if (fpid === null || fpid.trim() === '') return null;
  return { fpid: fpid.trim(), label: label ?? '' };
}

/** The array after `= [` ; entries parsed until its end, the cap, or the first malformed token. */
function parseArray(sc: Scanner): ListEntry[] {
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  // Duplicates do not count as entries; bound the objects read too.
  for (let objects = 0; objects < MAX_ENTRIES * 2; objects++) {
    if (sc.eat(']')) break;
    sc.skip();
    if (sc.i >= sc.s.length) break;
    const start = sc.i;
    const entry = parseObject(sc);
    if (!entry || sc.i === start) break;
    if (!seen.has(entry.fpid)) {
      seen.add(entry.fpid);
      entries.push(entry);
      if (entries.length >= MAX_ENTRIES) break;
    }
    if (sc.eat(',')) continue;
    sc.eat(']');
    break;
  }
  return entries;
}

/**
 * Every `team_N__listdata = [ … ]` in a script's text, in order (a team seen twice keeps its first list).
 * Never throws; text that is not list data is ignored.
 */
export function parseListData(scriptText: string): TeamListData[] {
  const s = typeof scriptText === 'string' ? scriptText.slice(0, MAX_SCRIPT_CHARS) : '';
  const out: TeamListData[] = [];
  const teams = new Set<string>();
  let from = 0;
  while (out.length < MAX_TEAMS) {
    const at = s.indexOf(MARKER, from);
    if (at < 0) break;
    from = at + MARKER.length;
    const team = teamKeyBefore(s, at);
    if (!team || isIdentChar(s.charCodeAt(from))) continue;
    const sc = new Scanner(s, from);
    const opened = sc.eat('=') && sc.eat('[');
    // Never rescan what the scanner passed (comments, strings): keeps the whole read linear.
    from = Math.max(from, sc.i);
    if (!opened) continue;
    const entries = parseArray(sc);
    from = Math.max(from, sc.i);
    if (teams.has(team)) continue;
    teams.add(team);
    out.push({ team, entries });
  }
  return out;
}
