/**
 * When is a New Update "signed"? When it contains the user's rendered signature (whitespace
 * ignored), or one of their names (full name, aliases) stands as a whole word in its last lines.
 * Quoted lines never count. Pure.
 */
import { normalizeName } from './responders';

/** How many non-empty lines at the end may carry the name. */
export const SIGNED_WINDOW = 5;

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface SignedCheck {
  /** The user's signature rendered from their template ('' when none). */
  signature: string;
  /** identity.name (or the signed-in name) and aliases. */
  names: readonly string[];
}

export function isUpdateSigned(text: string, check: SignedCheck): boolean {
  const body = String(text ?? '');
  const sig = squash(check.signature ?? '');
  if (sig && squash(body).includes(sig)) return true;
  const tail = body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(>|&#62;)/.test(l))
    .slice(-SIGNED_WINDOW)
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
