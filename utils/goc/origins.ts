/**
 * Other GOC Ticket sites a user adds (issue 9, `goc.extraOrigins`): a test instance, a team's copy.
 * Pure and small (content scripts import it through hosts.ts): no zod, no browser APIs.
 *
 * An extra site is an origin, `https://host[:port]`, nothing more. Its host permission and its
 * content scripts use the host only (`https://host/*`): match patterns carry no port in Firefox,
 * and Chrome's `https://host/*` covers every port, so both browsers run the scripts on the same pages.
 */
import { GOC_HOSTS, hostOf } from './hosts';

/** The most extra sites kept (each one is a permission and a set of registered scripts). */
export const MAX_EXTRA_ORIGINS = 20;

export type OriginCheck = { ok: true; origin: string } | { ok: false; problem: string };

const EXAMPLE = 'https://ticket-itb.example.org';

/**
 * `value` as a normalised origin (`https://host` or `https://host:port`, lower case, no trailing
 * slash), or why it is not one. The built-in GOC hosts are refused: they are always on.
 */
export function checkGocOrigin(value: string): OriginCheck {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `expected an address such as ${EXAMPLE}` };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, problem: `only https: sites are accepted (this one is ${url.protocol.replace(/:$/, '')}:)` };
  }
  if (!url.hostname) return { ok: false, problem: `expected an address such as ${EXAMPLE}` };
  if (url.username || url.password) return { ok: false, problem: 'an address with a user name or password in it is not accepted' };
  // "https://host/" is the origin; anything after it (a path, ?query, #hash) is not.
  if (!/^https:\/\/[^/?#]+\/?$/i.test(text)) {
    return { ok: false, problem: `expected the site only, without a path (such as ${EXAMPLE})` };
  }
  if ((GOC_HOSTS as readonly string[]).includes(url.hostname)) {
    return { ok: false, problem: `${url.hostname} is built in (always on); add other GOC sites here` };
  }
  return { ok: true, origin: url.origin };
}

/** Match patterns for every page on these origins (host only; GOC_MATCHES for the built-in ones). */
export function matchesFor(origins: readonly string[]): string[] {
  return origins.map((origin) => `https://${hostOf(origin)}/*`);
}

/** Match patterns for the list pages on these origins, at the root or under /goc/ (GOC_LIST_MATCHES for the built-in ones). */
export function listMatchesFor(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => [`https://${hostOf(origin)}/list/*`, `https://${hostOf(origin)}/goc/list/*`]);
}

/** The host-permission and match-pattern form of an origin: `https://host/*` (no port). */
export function originPattern(origin: string): string {
  return `https://${hostOf(origin)}/*`;
}

/** The valid, normalised origins of a list, first occurrence kept (what content scripts trust). */
export function validOrigins(values: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const value of (values ?? []).slice(0, MAX_EXTRA_ORIGINS)) {
    if (typeof value !== 'string') continue;
    const check = checkGocOrigin(value);
    if (check.ok && !out.includes(check.origin)) out.push(check.origin);
  }
  return out;
}
