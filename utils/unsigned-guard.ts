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

/**
 * The last SIGNED_WINDOW own lines (not blank, not quoted with `>` or FP's `&#62;`), trimmed, read
 * backwards from the end: a long body (pasted logs, thousands of blank or quoted lines) is never
 * split into an array of every line. Their order does not matter: each line is matched on its own.
 */
function tailLines(body: string): string[] {
  const lines: string[] = [];
  let end = body.length;
  while (lines.length < SIGNED_WINDOW) {
    // Blank lines and trailing spaces are stepped over in one tight loop; body[end - 1] is then the
    // last visible character of the line (charCodeAt(-1) is NaN, not a space: the loop stops at 0).
    while (isSpaceCode(body.charCodeAt(end - 1))) end--;
    if (end <= 0) break;
    const nl = body.lastIndexOf('\n', end - 1);
    // Leading spaces: this stops at body[end - 1] at the latest, so the line is never empty.
    let start = nl + 1;
    while (isSpaceCode(body.charCodeAt(start))) start++;
    if (!body.startsWith('>', start) && !body.startsWith('&#62;', start)) lines.push(body.slice(start, end));
    end = nl;
  }
  return lines;
}

export function isUpdateSigned(text: string, check: SignedCheck): boolean {
  const body = String(text ?? '');
  const sig = squash(check.signature ?? '');
  // Lower-casing commutes with collapsing whitespace, so the body is searched in one pass, uncopied.
  if (sig && includesCollapsed(body.toLowerCase(), sig)) return true;
  const tail = tailLines(body).map((l) => ` ${normalizeName(l)} `);
  return check.names.some((n) => {
    const key = normalizeName(n);
    return key.length >= 2 && tail.some((line) => line.includes(` ${key} `));
  });
}

/** The guard has something to check: a non-empty update and at least one name to look for. */
export function guardApplies(text: string, check: SignedCheck): boolean {
  return String(text ?? '').trim().length > 0 && (check.names.some((n) => n.trim().length >= 2) || check.signature.trim().length > 0);
}
