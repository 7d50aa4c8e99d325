/**
 * What kind of GOC Ticket page this is (DOM.md §0–§3, §5, §7). Pure: takes a Document and a URL.
 * The app may sit at the root or under /goc/, so routes are matched with an optional prefix.
 */
export type PageKind = 'ticket' | 'list' | 'search' | 'other';

export interface GocPage {
  kind: PageKind;
  url: URL;
  /** '' or '/goc' */
  base: string;
  ticketId: number | null;
  /** Logged in = `#menu_user` exists (DOM.md §7). */
  signedIn: boolean;
  /** The signed-in person's name from `#menu_user`, caret stripped. */
  userName: string | null;
  /** editor = `form#ticket_form` (the `update` permission); viewer = read-only form; null off ticket pages. */
  mode: 'editor' | 'viewer' | null;
}

const TICKET_PATH = /^(\/goc)?\/(\d+)\/?$/;
const VIEWER_PATH = /^(\/goc)?\/viewer(\/index)?(\/id\/(\d+))?\/?$/;
const LIST_PATH = /^(\/goc)?\/list\/(open|recentclose)\/?$/;
const SEARCH_PATH = /^(\/goc)?\/search\/?$/;

export function ticketIdFromUrl(url: URL): number | null {
  const path = url.pathname.match(TICKET_PATH);
  if (path) return Number(path[2]);
  const viewer = url.pathname.match(VIEWER_PATH);
  if (viewer) {
    const id = viewer[4] ?? url.searchParams.get('id') ?? '';
    return /^\d+$/.test(id) ? Number(id) : null;
  }
  return null;
}

export function appBase(url: URL): string {
  return /^\/goc(\/|$)/.test(url.pathname) ? '/goc' : '';
}

export function detectPage(doc: Document, url: URL): GocPage {
  const menuUser = doc.querySelector('#menu_user');
  const signedIn = menuUser !== null;
  const userName = menuUser ? (menuUser.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null;
  const base = appBase(url);
  const ticketId = ticketIdFromUrl(url);
  const hasTicketGui = doc.querySelector('div.ticketgui') !== null;
  let kind: PageKind = 'other';
  if (ticketId !== null && (hasTicketGui || doc.querySelector('#updates') !== null)) kind = 'ticket';
  else if (LIST_PATH.test(url.pathname) || doc.querySelector('table#tickets') !== null) kind = 'list';
  else if (SEARCH_PATH.test(url.pathname)) kind = 'search';
  const mode =
    kind !== 'ticket' ? null : doc.querySelector('form#ticket_form') !== null ? 'editor' : 'viewer';
  return { kind, url, base, ticketId: kind === 'ticket' ? ticketId : null, signedIn, userName, mode };
}
