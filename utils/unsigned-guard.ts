/**
 * When is a New Update "signed"? When it contains the user's rendered signature (whitespace
 * ignored), or one of their names (full name, aliases) stands as a whole word in its last lines.
 * Quoted lines never count. Pure.
 */
import { normalizeName } from './responders/names';
import { collapseWhitespace, includesCollapsed, isSpaceCode } from './whitespace';

/** How many non-empty lines at the end may carry the name. */
export const SIGNED_WINDOW = 5;

function squash(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

export interface SignedCheck {
  /** The user's signature rendered from their template ('' when none). */
  signature: string;
  /** identity.name (or the signed-in name) and aliases. */
  names: readonly string[];
}

/** Trimmed line body[start, end), or null when blank or quoted (`>`, FP's `&#62;`); no copy unless kept. */
function ownLine(body: string, start: number, end: number): string | null {
  let i = start;
  while (i < end && isSpaceCode(body.charCodeAt(i))) i++;
  if (i === end || body.startsWith('>', i) || body.startsWith('&#62;', i)) return null;
  return body.slice(i, end).trim();
}

/**
 * The last SIGNED_WINDOW own lines, read backwards from the end: a long body (pasted logs, thousands
 * of blank or quoted lines) is never split into an array of every line.
 */
function tailLines(body: string): string[] {
  const lines: string[] = [];
  let end = body.length;
  while (lines.length < SIGNED_WINDOW) {
    // Blank lines and trailing spaces are stepped over in one tight loop (trim drops them anyway).
    while (end > 0 && isSpaceCode(body.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    const nl = body.lastIndexOf('\n', end - 1);
    const line = ownLine(body, nl + 1, end);
    if (line) lines.push(line);
    if (nl < 0) break;
    end = nl;
  }
  return lines.reverse();
}

export function isUpdateSigned(text: string, check: SignedCheck): boolean {
  const body = String(text ?? '');
  const sig = squash(check.signature ?? '');
  // Lower-casing commutes with collapsing whitespace, so the body is searched in one pass, uncopied.
  if (sig && includesCollapsed(body.toLowerCase(), sig)) return true;
  const tail = tailLines(body)
    .map((l) => ` ${normalizeName(l)} `)
    .join('\n');
  return check.names.some((n) => {
    const key = normalizeName(n);
    return key.length >= 2 && tail.includes(` ${key} `);
  });
}

/** The guard has something to check: a non-empty update and at least one name to look for. */
export function guardApplies(text: string, check: SignedCheck): boolean {
  return String(text ?? '').trim().length > 0 && (check.names.some((n) => n.trim().length >= 2) || check.signature.trim().length > 0);
}
