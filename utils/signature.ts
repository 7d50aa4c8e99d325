/**
 * Signature templates: placeholders, rendering, "already signed?" detection and where to insert.
 * Pure: no DOM, no browser APIs; `now` and the time zone are passed in.
 */
import { dateIn } from './time';
import { collapseWhitespace, includesCollapsed } from './whitespace';

/** Every placeholder a signature template may use. Anything else in braces is refused. */
export const SIGNATURE_PLACEHOLDERS = ['name', 'email', 'date', 'ticket'] as const;
export type SignaturePlaceholder = (typeof SIGNATURE_PLACEHOLDERS)[number];
export type SignatureValues = Record<SignaturePlaceholder, string>;

/** `{word}` is a placeholder; other braces (`{ }`, `{1,2}`, JSON) are plain text. */
const PLACEHOLDER = /\{([A-Za-z_][\w-]*)\}/g;

/** Placeholder names in the template that are not known, in order of first appearance, no repeats. */
export function unknownPlaceholders(template: string, allowed: readonly string[] = SIGNATURE_PLACEHOLDERS): string[] {
  const known = new Set<string>(allowed);
  const unknown: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!known.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** A user-facing sentence about unknown placeholders, or null when the template is fine. */
export function describeUnknownPlaceholders(template: string, allowed: readonly string[] = SIGNATURE_PLACEHOLDERS): string | null {
  const unknown = unknownPlaceholders(template, allowed);
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `{${n}}`).join(', ');
  const known = allowed.map((n) => `{${n}}`).join(', ');
  return `unknown placeholder${unknown.length > 1 ? 's' : ''} ${list} (use ${known})`;
}

/** YYYY-MM-DD of `now` in the given IANA time zone (the team's zone, not the machine's). */
export function formatSignatureDate(now: Date, timeZone: string): string {
  // An unknown zone cannot reach here through validated settings; dateIn falls back to UTC.
  return dateIn(now, timeZone);
}

/**
 * Fills the placeholders. A line made only of placeholders that all came out empty is dropped
 * (a template with `{email}` on its own line should not leave a blank line when no e-mail is set).
 * Unknown placeholders are left as written; callers refuse such templates before saving.
 */
export function renderSignature(template: string, values: SignatureValues): string {
  const lines = template.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    let usedPlaceholder = false;
    let allEmpty = true;
    const rendered = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!(SIGNATURE_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
      usedPlaceholder = true;
      const value = values[name as SignaturePlaceholder] ?? '';
      if (value.trim() !== '') allEmpty = false;
      return value;
    });
    const onlyPlaceholders = line.replace(PLACEHOLDER, '').trim() === '';
    if (usedPlaceholder && allEmpty && onlyPlaceholders) continue;
    out.push(rendered.replace(/[ \t]+$/, ''));
  }
  // Leading/trailing blank lines in a template are formatting noise, not content.
  return out.join('\n').replace(/^\n+|\n+$/g, '');
}

/** Collapses every run of whitespace to one space: how "the same text" is compared. */
export function normalizeWhitespace(text: string): string {
  return collapseWhitespace(text);
}

/**
 * True when `text` already contains `signature`, ignoring whitespace differences. The update body is
 * untrusted and may be long: it is searched in one pass without building a normalised copy, so the
 * signature is found wherever it stands.
 */
export function containsSignature(text: string, signature: string): boolean {
  return includesCollapsed(String(text ?? ''), normalizeWhitespace(signature));
}

export interface InsertionPlan {
  /** The text to put in place of value[start, end): the signature plus the line breaks it needs. */
  text: string;
  start: number;
  end: number;
}

/**
 * Where and what to insert so the signature sits on its own lines: a blank line before it when
 * there is text before, and a line break after it when text follows on the same line.
 * With no selection (`selection` null) it goes at the end of the text.
 */
export function planSignatureInsertion(
  value: string,
  signature: string,
  selection: { start: number; end: number } | null,
): InsertionPlan {
  const length = value.length;
  const clamp = (n: number) => Math.min(Math.max(0, Math.trunc(Number.isFinite(n) ? n : length)), length);
  let start = selection ? clamp(selection.start) : length;
  let end = selection ? clamp(selection.end) : length;
  if (end < start) [start, end] = [end, start];

  const before = value.slice(0, start);
  const after = value.slice(end);
  let prefix: string;
  if (before.trim() === '') prefix = before === '' || before.endsWith('\n') ? '' : '\n';
  else if (before.endsWith('\n\n')) prefix = '';
  else if (before.endsWith('\n')) prefix = '\n';
  else prefix = '\n\n';
  const suffix = after !== '' && !after.startsWith('\n') ? '\n' : '';
  return { text: prefix + signature + suffix, start, end };
}
