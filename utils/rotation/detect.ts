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

const LOGIN_HINTS =
  /<input[^>]+type\s*=\s*["']?password|name\s*=\s*["']?(loginform|login_form)|\b(cilogon|shibboleth|saml)\b|<title>[^<]*(log\s?in|sign\s?in|authenticat|access denied)[^<]*<\/title>/i;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i;

export function detectFormat(body: string, contentType = ''): Detection {
  const text = body.replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 2000);
  if (head === '') return { ok: false, error: 'The source returned an empty response.' };
  if (/^BEGIN:VCALENDAR/i.test(head)) return { ok: true, format: 'ics' };
  if (/^[[{]/.test(head)) return { ok: true, format: 'json' };
  const html = (): Detection =>
    LOGIN_HINTS.test(text)
      ? { ok: false, error: 'The source returned a login page instead of the rotation (sign in, or use a public URL).' }
      : { ok: true, format: 'twiki-html' };
  if (HTML_START.test(head)) return html();
  if (/^\s*\|.*\|\s*$/m.test(text)) return { ok: true, format: 'twiki-tml' };
  if (/<(table|div|p|form|a|body|title)\b[^>]*>/i.test(head) || /text\/html/i.test(contentType)) return html();
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
    if (body.length > MAX_SOURCE_BYTES) {
      return { ok: false, format: null, error: `The source is too large (${Math.round(body.length / 1e6)} MB).` };
    }
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
