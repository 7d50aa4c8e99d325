/**
 * Footprints text encoding (docs/goc-pages.md §5.3). FP hands bodies and titles back with some punctuation as
 * numeric references (`&#58;` `:`, `&#62;` `>` …) while `&`, `@`, `/`, `=` stay literal, so a query
 * string carries a bare `&`. Decoding therefore accepts every numeric reference, the common named
 * entities (with their `;`), and leaves anything else, bare `&` included, exactly as it was.
 * Pure and total: never throws, whatever the input.
 */
import { collapseWhitespace } from './whitespace';

/** Named entities seen in mail-client and FP text. Anything not listed is left as typed. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', middot: '·', para: '¶', sect: '§',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', bull: '•', dagger: '†', prime: '′', times: '×', divide: '÷',
  euro: '€', pound: '£', yen: '¥', cent: '¢', micro: 'µ', iexcl: '¡', iquest: '¿', shy: '\u00ad',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠', asymp: '≈',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ',
};

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range values are what an HTML parser turns into U+FFFD too.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    return '\ufffd';
  }
  return String.fromCodePoint(code);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexCode(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** How far `accept` holds from `from`, looking at most `max + 1` characters (so a run is never read whole). */
function runEnd(text: string, from: number, max: number, accept: (c: number) => boolean): number {
  let j = from;
  while (j < text.length && j - from <= max && accept(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The reference starting at `amp` (an `&`): `&#58;` (1–8 digits), `&#x3a;` (1–7 hex digits) or
 * `&name;` (a letter and 1–9 letters/digits), each closed by `;`. Returns [end, replacement] or null.
 */
function referenceAt(text: string, amp: number): [number, string] | null {
  if (text.charCodeAt(amp + 1) === 35) {
    const x = text.charCodeAt(amp + 2);
    if (x === 120 || x === 88) {
      const end = runEnd(text, amp + 3, 7, isHexCode);
      const n = end - amp - 3;
      if (n < 1 || n > 7 || text.charCodeAt(end) !== 59) return null;
      return [end + 1, fromCodePoint(Number.parseInt(text.slice(amp + 3, end), 16))];
    }
    const end = runEnd(text, amp + 2, 8, isDigitCode);
    const n = end - amp - 2;
    if (n < 1 || n > 8 || text.charCodeAt(end) !== 59) return null;
    return [end + 1, fromCodePoint(Number.parseInt(text.slice(amp + 2, end), 10))];
  }
  if (!isLetterCode(text.charCodeAt(amp + 1))) return null;
  const end = runEnd(text, amp + 2, 9, (c) => isLetterCode(c) || isDigitCode(c));
  const n = end - amp - 2;
  if (n < 1 || n > 9 || text.charCodeAt(end) !== 59) return null;
  const name = text.slice(amp + 1, end);
  return [end + 1, Object.hasOwn(NAMED, name) ? NAMED[name]! : text.slice(amp, end + 1)];
}

/**
 * Decodes `&#58;`, `&#x3a;`, `&amp;`-style references; a bare `&` or an unknown name stays literal.
 * One pass from `&` to `&` (ticket bodies can be long). The result is written as UTF-16 code units
 * into one buffer (never longer than the text: every reference is longer than what it stands for)
 * and read back in blocks: a million small pieces, joined or concatenated, cost the garbage collector
 * more at 1 MB than at 250 KB, which the linear-time test (adversarial-inputs) reports.
 */
export function decodeFpEntities(text: string): string {
  if (typeof text !== 'string') return '';
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let units: Uint16Array | null = null;
  let length = 0;
  let last = 0;
  const copy = (from: string, start: number, end: number) => {
    for (let i = start; i < end; i++) units![length++] = from.charCodeAt(i);
  };
  while (amp >= 0) {
    const ref = referenceAt(text, amp);
    if (ref) {
      units ??= new Uint16Array(text.length);
      copy(text, last, amp);
      copy(ref[1], 0, ref[1].length);
      last = ref[0];
    }
    amp = text.indexOf('&', ref ? ref[0] : amp + 1);
  }
  if (!units) return text;
  copy(text, last, text.length);
  return fromCodeUnits(units, length);
}

/** The string of the first `length` code units, unpaired surrogates kept (a TextDecoder would replace them). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  const BLOCK = 8192;
  let out = '';
  for (let i = 0; i < length; i += BLOCK) out += String.fromCharCode(...units.subarray(i, Math.min(i + BLOCK, length)));
  return out;
}

/**
 * FP identifier escapes used in status, type and team names (`__b` space, `__u` -, `__f` /, `__P` (,
 * `__p` )), plus the ones seen only in field names (`__Q` ?, `__7` &, `__3` #, `__G` <, `__g` >).
 */
export function decodeFpIdentifier(text: string): string {
  const map: Record<string, string> = { b: ' ', u: '-', f: '/', P: '(', p: ')', Q: '?', '7': '&', '3': '#', G: '<', g: '>' };
  return String(text ?? '').replace(/__([bufPpQ73Gg])/g, (_m, c: string) => map[c] ?? _m);
}

/** Normalises text for comparisons: decoded, NBSP→space, whitespace collapsed, trimmed. */
export function cleanText(text: string): string {
  return collapseWhitespace(decodeFpEntities(text));
}
