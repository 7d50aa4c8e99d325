/**
 * The MIME layer of a pasted e-mail source (RFC 2045-2047): encoded-words in headers,
 * quoted-printable and base64 bodies, character sets, multipart bodies. Every function scans its
 * input once, looking ahead only through bounded windows, and never throws. Pure (TextDecoder is
 * the standard Encoding API, present in browsers, workers and Node).
 */
import { decodeFpEntities } from '../footprints';
import { collapseWhitespace, isSpaceCode } from '../whitespace';

/**
 * Decodes bytes in `charset` (a label in any case: TextDecoder compares labels ignoring ASCII case);
 * an unknown charset is read as UTF-8 and reported through `unknown`.
 */
export function decodeBytes(bytes: Uint8Array, charset: string, unknown?: (charset: string) => void): string {
  const label = charset.trim() || 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    unknown?.(charset);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Quoted-printable: `=XX` escapes are bytes (runs decoded together in `charset`, so a UTF-8
 * character split over escapes comes out whole), `=` at a line end (spaces allowed) is a soft break.
 * Anything else, including a lone `=`, is kept as written.
 */
export function decodeQuotedPrintable(text: string, charset = 'utf-8', unknown?: (charset: string) => void): string {
  const out: string[] = [];
  const bytes = new Uint8Array(Math.min(text.length, 1 << 20) || 1);
  let n = 0;
  let literalFrom = 0;
  const flushBytes = () => {
    if (n > 0) out.push(decodeBytes(bytes.subarray(0, n), charset, unknown));
    n = 0;
  };
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 61 /* = */) {
      i++;
      continue;
    }
    const hi = hexValue(text.charCodeAt(i + 1));
    const lo = hexValue(text.charCodeAt(i + 2));
    let end = -1;
    let byte = -1;
    if (hi >= 0 && lo >= 0) {
      byte = hi * 16 + lo;
      end = i + 3;
    } else {
      let j = i + 1;
      // Past the end charCodeAt is NaN, no space: the scan stops there.
      while (j - i <= 16 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= text.length || text.charCodeAt(j) === 10) end = j + 1;
    }
    if (end < 0) {
      i++;
      continue;
    }
    if (i > literalFrom) {
      flushBytes();
      out.push(text.slice(literalFrom, i));
    }
    if (byte >= 0) {
      if (n === bytes.length) flushBytes();
      bytes[n++] = byte;
    }
    i = end;
    literalFrom = end;
  }
  flushBytes();
  out.push(text.slice(literalFrom));
  return out.join('');
}

function base64Value(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43 || c === 45) return 62;
  if (c === 47 || c === 95) return 63;
  return -1;
}

/** Base64 (standard or URL alphabet); other characters (line breaks, junk) are skipped, `=` ends it. */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break;
    const v = base64Value(c);
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** The longest encoded-word read (RFC 2047 allows 75; mailers go over it). */
const WORD_MAX = 600;

/**
 * RFC 2047 encoded-words (`=?UTF-8?Q?J=C3=BCrgen?=`, `=?utf-8?B?...?=`) in a header value; the
 * white space between two adjacent encoded-words is dropped. A malformed word is kept as written.
 */
export function decodeEncodedWords(value: string, unknown?: (charset: string) => void): string {
  let start = value.indexOf('=?');
  const out: string[] = [];
  let last = 0;
  let lastWasWord = false;
  /** The next "?=" at or after the last place looked (-1: none to the end; before q2 + 1: look again). */
  let nextClose = 0;
  while (start >= 0) {
    // Each search is amortized: the next '?' is found once between neighbouring starts (the mode
    // letter and its '?' are read in place), and the next "?=" is remembered, so a run of "=?UTF-8?Q?a" without an end costs one pass, not one per start.
    const q1 = value.indexOf('?', start + 2);
    const modeCode = value.charCodeAt(q1 + 1) | 32;
    const q2 = q1 >= 0 && q1 - start < 60 && (modeCode === 98 || modeCode === 113) && value.charCodeAt(q1 + 2) === 63 ? q1 + 2 : -1;
    if (q2 >= 0 && nextClose !== -1 && nextClose < q2 + 1) nextClose = value.indexOf('?=', q2 + 1);
    // With a mode, nextClose is now -1 or at q2 + 1 or later.
    const end = q2 >= 0 ? nextClose : -1;
    if (end < 0 || end - start > WORD_MAX) {
      start = value.indexOf('=?', start + 2);
      continue;
    }
    const charset = value.slice(start + 2, q1).split('*')[0]!;
    const payload = value.slice(q2 + 1, end);
    // The mode is B or Q (checked above, either case).
    const decoded = modeCode === 98 ? decodeBytes(decodeBase64(payload), charset, unknown) : decodeQuotedPrintable(payload.replaceAll('_', ' '), charset, unknown);
    const between = value.slice(last, start);
    if (!(lastWasWord && between.trim() === '')) out.push(between);
    out.push(decoded);
    last = end + 2;
    lastWasWord = true;
    start = value.indexOf('=?', last);
  }
  out.push(value.slice(last));
  return out.join('');
}

export interface ContentType {
  type: string;
  charset: string;
  boundary: string;
}

/** `text/plain; charset="utf-8"; boundary=...` → its parts (lower-case type; defaults text/plain, utf-8). */
export function parseContentType(value: string): ContentType {
  const parts = value.slice(0, 4096).split(';');
  const result: ContentType = { type: parts[0]!.trim().toLowerCase() || 'text/plain', charset: 'utf-8', boundary: '' };
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let val = part.slice(eq + 1).trim();
    if (val.length >= 2 && val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1);
    if (key === 'charset') result.charset = val.toLowerCase();
    else if (key === 'boundary') result.boundary = val;
  }
  return result;
}

/** Tags that end a line of text (an empty line is not doubled: Gmail nests <div>s). */
const LINE_TAGS = new Set(['div', 'tr', 'li', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'title', 'hr']);
/** Tags that stand apart as paragraphs: a blank line before and after. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'blockquote', 'pre', 'ul', 'ol']);
const SKIPPED_TAGS = new Set(['script', 'style', 'head']);

/** The tag name right after `<` or `</` (at most 12 letters/digits, lower case). */
function tagNameAt(text: string, from: number): string {
  let j = from;
  while (j - from < 12) {
    // Past the end charCodeAt is NaN, and NaN | 32 is 32: no letter, the name ends.
    const c = text.charCodeAt(j) | 32;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && j > from))) break;
    j++;
  }
  return text.slice(from, j).toLowerCase();
}

/**
 * The text of an HTML mail, as plain text: tags dropped (block tags become line breaks, cells a
 * space), script/style/head content and comments dropped, entities decoded, white space collapsed
 * outside `<pre>`. The result is never markup for output: it is text to put into a form field.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let pre = 0;
  const text = (raw: string) => {
    const decoded = decodeFpEntities(raw).replaceAll('\u00a0', ' ');
    if (pre > 0) {
      const parts = decoded.split('\n');
      line += parts[0];
      for (const p of parts.slice(1)) {
        lines.push(line);
        line = p;
      }
      return;
    }
    const lead = isSpaceCode(decoded.charCodeAt(0)) && line !== '' && !line.endsWith(' ') ? ' ' : '';
    const body = collapseWhitespace(decoded);
    const trail = body !== '' && isSpaceCode(decoded.charCodeAt(decoded.length - 1)) ? ' ' : '';
    line += lead + body + trail;
  };
  const breakLine = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  const endLine = () => {
    if (line.trim() !== '') breakLine();
    else line = '';
  };
  // A blank line after; the final pass below drops doubled, leading and trailing blank lines.
  const paragraph = () => {
    endLine();
    lines.push('');
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      text(html.slice(lt));
      break;
    }
    const closing = html.charCodeAt(lt + 1) === 47;
    const name = tagNameAt(html, lt + (closing ? 2 : 1));
    if (!name && !closing && html.charCodeAt(lt + 1) !== 33 && html.charCodeAt(lt + 1) !== 63) {
      // "a < b" in text: not a tag.
      text('<');
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (!closing && SKIPPED_TAGS.has(name)) {
      const end = findClosingTag(html, i, name);
      i = end;
      continue;
    }
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (name === 'br') breakLine();
    else if (PARAGRAPH_TAGS.has(name)) paragraph();
    else if (LINE_TAGS.has(name)) endLine();
    else if (name === 'td' || name === 'th') text(' ');
  }
  endLine();
  // At most one blank line in a row; no blank lines at the ends.
  const out: string[] = [];
  for (const l of lines) {
    if (l.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l.trim() === '' ? '' : l);
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The index after `</name …>` from `from`, or the end of the text; each `</` is looked at once. */
function findClosingTag(html: string, from: number, name: string): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    if (tagNameAt(html, at + 2) === name) {
      const gt = html.indexOf('>', at + 2);
      return gt < 0 ? html.length : gt + 1;
    }
    at = html.indexOf('</', at + 2);
  }
  return html.length;
}
