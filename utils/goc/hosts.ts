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

/** Match patterns for every page on every GOC host (manifest host permissions). */
export const GOC_MATCHES: string[] = GOC_ORIGINS.map((origin) => `${origin}/*`);

/** The list pages (`/list/open`, `/list/recentclose`), at the root or under /goc/. */
export const GOC_LIST_MATCHES: string[] = GOC_ORIGINS.flatMap((origin) => [`${origin}/list/*`, `${origin}/goc/list/*`]);

/** Whether a URL's host is one of the GOC hosts. */
export function isGocHost(hostname: string): boolean {
  return (GOC_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** Whether a path is one of the list pages (what GOC_LIST_MATCHES matches). */
export function isListPath(pathname: string): boolean {
  return pathname.startsWith('/list/') || pathname.startsWith('/goc/list/');
}

/** Our content scripts: the banner on every GOC page; the ticket, update and triage features, or the list ones, beside it. */
export type ContentScriptName = 'banner' | 'ticket' | 'update' | 'triage' | 'list';

/** Which content scripts run on a URL: the rules of their match patterns (a unit test compares them). */
export function contentScriptsFor(url: URL): ContentScriptName[] {
  if (url.protocol !== 'https:' || !isGocHost(url.hostname)) return [];
  return isListPath(url.pathname) ? ['banner', 'list'] : ['banner', 'ticket', 'update', 'triage'];
}
