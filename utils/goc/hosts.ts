/**
 * Where GOC Ticket lives: the one list of its host names. The manifest (wxt.config.ts), the
 * content scripts' match patterns, the options pages' "already granted" checks and the default
 * `queue.gocBaseUrl` all come from here (docs/goc-pages.md §1: the app sits at the root or under /goc/).
 */
export const GOC_HOSTS = ['ticket.opensciencegrid.org', 'ticket.grid.iu.edu'] as const;

/** `https://<host>` for every GOC host, in the same order. */
export const GOC_ORIGINS: readonly string[] = GOC_HOSTS.map((host) => `https://${host}`);

/** The default GOC Ticket address (the first host, at the root). */
export const DEFAULT_GOC_BASE_URL = GOC_ORIGINS[0];

/**
 * The host name of an origin (`https://a.b:8443` → `a.b`); '' when it is not a URL. Patterns are
 * made from the host alone: Firefox's match patterns have no port, Chrome's `https://host/*` covers
 * every port (the other GOC sites a user adds may name one).
 */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

/**
 * Match patterns for every page on every GOC host (manifest host permissions). The same rules for
 * any origin (the other GOC sites): utils/goc/origins.ts matchesFor, compared by a unit test.
 */
export const GOC_MATCHES: string[] = GOC_ORIGINS.map((origin) => `${origin}/*`);

/** The list pages (`/list/open`, `/list/recentclose`), at the root or under /goc/ (any origin: listMatchesFor). */
export const GOC_LIST_MATCHES: string[] = GOC_ORIGINS.flatMap((origin) => [`${origin}/list/*`, `${origin}/goc/list/*`]);

/** The new-ticket form (`/submit`, its POST `/submit/submit`), at the root or under /goc/, on these origins. */
export function submitMatchesFor(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => [`https://${hostOf(origin)}/submit*`, `https://${hostOf(origin)}/goc/submit*`]);
}

/**
 * The new-ticket form on every GOC host (entrypoints/submit.content.ts; the ticket scripts exclude it).
 * Written out rather than through submitMatchesFor: the entry points' definitions are in every content
 * script's bundle, and this keeps hostOf's URL parsing out of them (a unit test checks they agree).
 */
export const GOC_SUBMIT_MATCHES: string[] = GOC_ORIGINS.flatMap((origin) => [`${origin}/submit*`, `${origin}/goc/submit*`]);

/** Whether a path is the new-ticket form's (what GOC_SUBMIT_MATCHES matches). */
export function isSubmitPath(pathname: string): boolean {
  return pathname.startsWith('/submit') || pathname.startsWith('/goc/submit');
}

/** Whether a URL's host is one of the GOC hosts. */
export function isGocHost(hostname: string): boolean {
  return (GOC_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** Whether a path is one of the list pages (what GOC_LIST_MATCHES matches). */
export function isListPath(pathname: string): boolean {
  return pathname.startsWith('/list/') || pathname.startsWith('/goc/list/');
}

/** Our content scripts: the banner on every GOC page; the ticket, update and triage features, or the list ones, or the new-ticket form's, beside it. */
export type ContentScriptName = 'banner' | 'ticket' | 'update' | 'triage' | 'list' | 'submit';

/**
 * The scripts whose features all wait for the page's load event. The manifest does not list them:
 * its `loader` script (a few hundred bytes) asks the background after the load event, and the
 * background injects them (`/<name>.js`), so their code is neither parsed nor run while the page
 * loads (README › Performance).
 */
export const AFTER_LOAD_SCRIPTS = ['banner', 'list'] as const satisfies readonly ContentScriptName[];
export type AfterLoadScriptName = (typeof AFTER_LOAD_SCRIPTS)[number];

/** The scripts the manifest lists: the loader, and those with work before the load event. */
export type ManifestScriptName = Exclude<ContentScriptName, AfterLoadScriptName> | 'loader';

/** Which after-load scripts the background injects into a GOC page, by its path. */
export function afterLoadScriptsForPath(pathname: string): AfterLoadScriptName[] {
  return scriptsForPath(pathname).filter((name): name is AfterLoadScriptName => (AFTER_LOAD_SCRIPTS as readonly string[]).includes(name));
}

/**
 * Which content scripts run on a GOC page, by its path. A running script needs no host check: it
 * was injected only where its patterns matched (the manifest's, or those registered for the other
 * GOC sites the user added), so content scripts use this and carry no host list logic.
 */
export function scriptsForPath(pathname: string): ContentScriptName[] {
  if (isListPath(pathname)) return ['banner', 'list'];
  if (isSubmitPath(pathname)) return ['banner', 'submit'];
  return ['banner', 'ticket', 'update', 'triage'];
}

/**
 * Which content scripts run on a URL: the rules of their match patterns (a unit test compares them).
 * `extraOrigins`: the other GOC sites the user added (their scripts are registered at run time; an
 * added site counts by host name, as its patterns `https://host/*` match every port).
 */
export function contentScriptsFor(url: URL, extraOrigins: readonly string[] = []): ContentScriptName[] {
  if (url.protocol !== 'https:' || !(isGocHost(url.hostname) || extraOrigins.some((o) => hostOf(o) === url.hostname))) return [];
  return scriptsForPath(url.pathname);
}
