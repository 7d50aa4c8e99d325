/**
 * What kind of GOC Ticket page this is (docs/goc-pages.md §1–§4, §10, §11). Pure: takes a Document and a URL.
 * The app may sit at the root or under /goc/, so routes are matched with an optional prefix.
 */
import { SELECTORS } from './selectors';
export type PageKind = 'ticket' | 'list' | 'search' | 'other';

export interface GocPage {
  kind: PageKind;
  url: URL;
  /** '' or '/goc' */
  base: string;
  ticketId: number | null;
  /** Logged in = `#menu_user` exists (docs/goc-pages.md §11). */
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
  const menuUser = doc.querySelector(SELECTORS.menuUser);
  const signedIn = menuUser !== null;
  const userName = menuUser ? (menuUser.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null;
  const base = appBase(url);
  const ticketId = ticketIdFromUrl(url);
  const hasTicketGui = doc.querySelector(SELECTORS.ticketGui) !== null;
  let kind: PageKind = 'other';
  if (ticketId !== null && (hasTicketGui || doc.querySelector(SELECTORS.updates) !== null)) kind = 'ticket';
  else if (LIST_PATH.test(url.pathname) || doc.querySelector(SELECTORS.listTable) !== null) kind = 'list';
  else if (SEARCH_PATH.test(url.pathname)) kind = 'search';
  const mode =
    kind !== 'ticket' ? null : doc.querySelector(SELECTORS.ticketForm) !== null ? 'editor' : 'viewer';
  return { kind, url, base, ticketId: kind === 'ticket' ? ticketId : null, signedIn, userName, mode };
}
