/**
 * What a fetched rotation source is, judged by its content (the URL and Content-Type only break
 * ties), and the one entry point that turns a response body into duty weeks — or an error in words.
 * A login page, an error page, HTML where data was expected, or an empty calendar is an error,
 * never an empty rotation.
 */
import { parseIcs } from './sources/ics';
import { parseJsonRotation } from './sources/json';
import { parseTwikiHtml, parseTwikiTml } from './sources/twiki';
import { DEFAULT_MAX_OCCURRENCES, type ParseOptions, type ParseResult, type SourceFormat } from './types';
import { isIanaZone } from './zones';

export type Detection = { ok: true; format: SourceFormat } | { ok: false; error: string };

/** Bodies larger than this are refused before parsing. */
export const MAX_SOURCE_BYTES = 5_000_000;
/**
 * The parse's bounds, checked before it starts (a rotation has a few hundred lines and events): a
 * body past them is a failure, never a long synchronous parse in the background worker.
 */
export const MAX_SOURCE_LINES = 200_000;
export const MAX_SOURCE_EVENTS = 20_000;

/** Occurrences of `needle`, counting stops past `limit`. */
function countUpTo(text: string, needle: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && n <= limit; at = text.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

/** Why a body is over the parse's bounds, or null. */
export function overParseBounds(body: string): string | null {
  if (body.length > MAX_SOURCE_BYTES) return `The source is too large (${Math.round(body.length / 1e6)} MB).`;
  if (Math.max(countUpTo(body, '\n', MAX_SOURCE_LINES), countUpTo(body, '\r', MAX_SOURCE_LINES)) > MAX_SOURCE_LINES) {
    return `The source has too many lines (more than ${MAX_SOURCE_LINES.toLocaleString('en-US')}): it is not a rotation, so it was not read.`;
  }
  if (countUpTo(body, 'BEGIN:VEVENT', MAX_SOURCE_EVENTS) > MAX_SOURCE_EVENTS) {
    return `The calendar has too many events (more than ${MAX_SOURCE_EVENTS.toLocaleString('en-US')}): it was not read.`;
  }
  return null;
}

const LOGIN_WORDS = /\b(cilogon|shibboleth|saml)\b|name\s*=\s*["']?(loginform|login_form)/i;
const TITLE_WORDS = /log\s?in|sign\s?in|authenticat|access denied/i;
const PASSWORD_TYPE = /type\s*=\s*["']?password/i;
const INPUT_TAG = /<input/gi;
const TITLE_TAG = /<title>/gi;

/**
 * A login form, an SSO product's name, or a login/denied <title>. Each tag or title is read once
 * (every search starts where the last ended): linear on any body (hostile `<input<input…` included).
 */
export function looksLikeLogin(text: string): boolean {
  if (LOGIN_WORDS.test(text)) return true;
  // `<input …type=password` inside one tag (up to its `>`).
  INPUT_TAG.lastIndex = 0;
  while (INPUT_TAG.exec(text)) {
    const at = INPUT_TAG.lastIndex - 6;
    const close = text.indexOf('>', at + 6);
    // At least one character between `<input` and `type`, as in `<input type=…`.
    if (PASSWORD_TYPE.test(text.slice(at + 7, close < 0 ? text.length : close))) return true;
    if (close < 0) break;
    INPUT_TAG.lastIndex = close;
  }
  // `<title>…</title>` without markup inside, naming a login or a refusal.
  TITLE_TAG.lastIndex = 0;
  while (TITLE_TAG.exec(text)) {
    const from = TITLE_TAG.lastIndex;
    const lt = text.indexOf('<', from);
    if (lt < 0) break;
    if (text.slice(lt, lt + 8).toLowerCase() === '</title>' && TITLE_WORDS.test(text.slice(from, lt))) return true;
    TITLE_TAG.lastIndex = lt;
  }
  return false;
}

const HTML_OPENING = /^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i;

/**
 * An HTML document's opening, after leading comments: the head (≤ 2000 characters) is read once per
 * comment end, never with nested quantifiers (`(<!--…-->\s*)*` backtracks exponentially).
 */
function startsAsHtml(head: string): boolean {
  const start = head.trimStart();
  if (HTML_OPENING.test(start)) return true;
  if (!start.startsWith('<!--')) return false;
  // A comment may end at any later `-->` (a lazy match can stretch): try the text after each.
  for (let end = start.indexOf('-->', 4); end >= 0; end = start.indexOf('-->', end + 1)) {
    if (HTML_OPENING.test(start.slice(end + 3).trimStart())) return true;
  }
  return false;
}

/** Line terminators as a multiline regex sees them (`^`/`$` and `.` stop at each). */
const LINE_END = /[\n\r\u2028\u2029]/g;
const LINE_ENDS = ['\n', '\r', '\u2028', '\u2029'];

/**
 * A line that is a TWiki table row, `| … |` (two pipes at least, spaces around). Only lines holding
 * a pipe are looked at, found with native searches; each character is read a bounded number of times.
 */
function hasTableLine(text: string): boolean {
  for (let from = 0; from < text.length; ) {
    const pipe = text.indexOf('|', from);
    if (pipe < 0) return false;
    const before = text.slice(from, pipe);
    const start = from + Math.max(...LINE_ENDS.map((c) => before.lastIndexOf(c))) + 1;
    LINE_END.lastIndex = pipe;
    const end = LINE_END.exec(text)?.index ?? text.length;
    const line = text.slice(start, end).trim();
    if (line.length >= 2 && line.startsWith('|') && line.endsWith('|')) return true;
    from = end + 1;
  }
  return false;
}

/** `<table…>`, `<div…>`…: a tag name, then a `>` somewhere after it (what `[^>]*>` needed, without rescanning). */
function hasHtmlTag(head: string): boolean {
  const m = /<(table|div|p|form|a|body|title)\b/i.exec(head);
  return m !== null && head.indexOf('>', m.index) >= 0;
}

export function detectFormat(body: string, contentType = ''): Detection {
  const text = body.replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 2000);
  if (head === '') return { ok: false, error: 'The source returned an empty response.' };
  if (/^BEGIN:VCALENDAR/i.test(head)) return { ok: true, format: 'ics' };
  if (/^[[{]/.test(head)) return { ok: true, format: 'json' };
  const html = (): Detection =>
    looksLikeLogin(text)
      ? { ok: false, error: 'The source returned a login page instead of the rotation (sign in, or use a public URL).' }
      : { ok: true, format: 'twiki-html' };
  if (startsAsHtml(head)) return html();
  if (hasTableLine(text)) return { ok: true, format: 'twiki-tml' };
  if (hasHtmlTag(head) || /text\/html/i.test(contentType)) return html();
  if (/BEGIN:VEVENT/i.test(head)) return { ok: true, format: 'ics' };
  const sample = head.slice(0, 60).replace(/\s+/g, ' ').trim();
  return {
    ok: false,
    error: `The source is not an iCal feed, a TWiki table or JSON (it starts with "${sample}${head.length > 60 ? '…' : ''}").`,
  };
}

/** Response body → duty weeks. Never throws. */
export function parseRotationSource(body: string, options: ParseOptions, contentType = ''): ParseResult {
  try {
    if (!isIanaZone(options.timeZone)) {
      return { ok: false, format: null, error: `The team time zone "${options.timeZone}" is not a known time zone.` };
    }
    const over = overParseBounds(body);
    if (over) return { ok: false, format: null, error: over };
    const detection = detectFormat(body, contentType);
    if (!detection.ok) return { ok: false, format: null, error: detection.error };
    switch (detection.format) {
      case 'ics':
        return parseIcs(body, { maxOccurrences: DEFAULT_MAX_OCCURRENCES, ...options });
      case 'json':
        return parseJsonRotation(body);
      case 'twiki-tml':
        return parseTwikiTml(body);
      case 'twiki-html': {
        const result = parseTwikiHtml(body);
        if (result.ok) return result;
        return {
          ok: false,
          format: 'twiki-html',
          error: `The source returned an HTML page without a rotation table (${result.error.replace(/^No rotation found: /, '').replace(/\.$/, '')}).`,
        };
      }
    }
  } catch (error) {
    return { ok: false, format: null, error: `The source could not be read (${String(error)}).` };
  }
}
