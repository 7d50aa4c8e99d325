/**
 * Host access for the rotation source. The manifest already grants the GOC hosts (where a team may
 * also publish the rotation); any other origin is asked for at run time, one origin at a time.
 */
import { browser } from 'wxt/browser';
import { isGocHost } from '../../../../utils/goc/hosts';

/** `https://host/*` for a URL the manifest does not already cover; null otherwise (or not a URL). */
export function neededPermission(source: string): { pattern: string; host: string } | null {
  try {
    const u = new URL(source.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.protocol === 'https:' && isGocHost(u.hostname)) return null;
    return { pattern: `${u.protocol}//${u.hostname}/*`, host: u.hostname };
  } catch {
    return null;
  }
}

/** Requests host access; must be called directly from a click (a user gesture), before any await. */
export function requestAccess(pattern: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
