/**
 * Footprints text encoding (docs/goc-pages.md §5.3). FP hands bodies and titles back with some punctuation as
 * numeric references (`&#58;` `:`, `&#62;` `>` …) while `&`, `@`, `/`, `=` stay literal, so a query
 * string carries a bare `&`. Decoding therefore accepts every numeric reference, the common named
 * entities (with their `;`), and leaves anything else, bare `&` included, exactly as it was.
 * Pure and total: never throws, whatever the input.
 */

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

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,9}));/g;

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range values are what an HTML parser turns into U+FFFD too.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    return '\ufffd';
  }
  return String.fromCodePoint(code);
}

/** Decodes `&#58;`, `&#x3a;`, `&amp;`-style references; a bare `&` or an unknown name stays literal. */
export function decodeFpEntities(text: string): string {
  if (typeof text !== 'string' || !text.includes('&')) return typeof text === 'string' ? text : '';
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    const named = name !== undefined ? NAMED[name] : undefined;
    return named ?? whole;
  });
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
  return decodeFpEntities(text).replace(/[\s\u00a0]+/g, ' ').trim();
}
