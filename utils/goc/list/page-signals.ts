/**
 * What either parser collects from a page (`PageSignals`), and the one verdict drawn from it:
 * the list, the login page, or something unrecognised. Never a false zero: a page that is not
 * recognisably the list is reported as such, not as an empty list.
 */
import { buildTicket } from './build-ticket';
import { cleanText } from './cell-text';
import { columnForHeader, REQUIRED_COLUMNS } from './columns';
import type { ColumnKey, ListParseOptions, ListParseResult, ListTicket, RawRow } from './model';

export interface PageSignals {
  hasTable: boolean;
  headers: string[];
  rows: RawRow[];
  menuUserText: string | null;
  menuUserIsLogin: boolean;
  loginLink: boolean;
  passwordInput: boolean;
  ssoForm: boolean;
  title: string;
  bodyText: string;
  /** The list table never ended (string path only: a DOM cannot tell). */
  truncated?: boolean;
}

/** How much body text either parser keeps for the login check (bounded: pages can be large). */
export const BODY_TEXT_BUDGET = 20000;

const LOGIN_TEXT = /\b(cilogon|log ?in|sign ?in|single sign-on)\b/i;

/** A link to the SSO login (`…/sso/`), the sign of a signed-out page. */
export function isSsoHref(href: string | null | undefined): boolean {
  return !!href && /(^|\/)sso\/?$/.test(href.split(/[?#]/)[0]);
}

/** The parse result for a page's signals. */
export function resultFromSignals(signals: PageSignals, options: ListParseOptions): ListParseResult {
  const required = options.required ?? REQUIRED_COLUMNS;
  if (!signals.hasTable) {
    const loginish =
      signals.passwordInput ||
      signals.ssoForm ||
      LOGIN_TEXT.test(signals.title) ||
      /cilogon/i.test(signals.bodyText);
    if (loginish) return { status: 'login', reason: 'The GOC Ticket login page came back instead of the list.' };
    return { status: 'unrecognised', reason: 'The page has no ticket table (table#tickets): the page changed.' };
  }
  if (signals.truncated) {
    // Never a smaller count from half a page: the missing rows would read as triaged or closed.
    return { status: 'unrecognised', reason: 'The list page was cut off before the end of the ticket table.' };
  }
  const columns = signals.headers.map(columnForHeader);
  const missing = required.filter((key) => !columns.includes(key));
  if (missing.length > 0) {
    return { status: 'unrecognised', reason: `The ticket table lacks the column(s) ${missing.join(', ')}: the page changed.` };
  }
  const tickets: ListTicket[] = [];
  const seen = new Set<number>();
  let skippedRows = 0;
  for (const row of signals.rows) {
    // DataTables' "No matching records" row and the like: one cell spanning the table.
    if (row.cells.length === 1 && columns.length > 1 && !row.onclick) continue;
    const ticket = row.cells.length === columns.length ? buildTicket(columns, row) : null;
    if (!ticket || seen.has(ticket.id)) {
      skippedRows += 1;
      continue;
    }
    seen.add(ticket.id);
    tickets.push(ticket);
  }
  if (signals.rows.length > 0 && tickets.length === 0) {
    return { status: 'unrecognised', reason: 'No row of the ticket table could be read: the page changed.' };
  }
  const signedIn = signals.menuUserText !== null && !signals.menuUserIsLogin;
  return {
    status: 'list',
    signedIn,
    userName: signedIn ? cleanText(signals.menuUserText ?? '') || null : null,
    tickets,
    columns: columns.filter((c): c is ColumnKey => c !== null),
    skippedRows,
  };
}

/** The result when a parser threw: reported, never thrown on. */
export function unparsable(error: unknown): ListParseResult {
  return { status: 'unrecognised', reason: `The list could not be parsed (${String(error)}).` };
}
