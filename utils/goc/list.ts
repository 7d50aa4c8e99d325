/**
 * The open-ticket list (`/list/open`, docs/goc-pages.md §10): one row model from two sources.
 *
 * - `parseListHtml(html)`: the server HTML as a STRING, parsed with htmlparser2's streaming callbacks.
 *   This is the background path: Chrome's MV3 service worker has no DOMParser.
 * - `parseListDocument(doc)`: a Document (DOMParser output, or the live page after DataTables has
 *   removed hidden columns from the DOM).
 *
 * Both reduce every cell to the same `RawCell` and then share `buildTicket`, so they agree by
 * construction. Columns are mapped by header text (NBSP-normalised), never by position: the server
 * sends 19 fixed columns, but the live table only keeps the visible ones, in the user's order.
 *
 * Never a false zero: a page that is not recognisably the list (login page, error page, changed
 * markup) is reported as such, not as an empty list. Pure: no browser extension APIs; never throws.
 */
import { Parser } from 'htmlparser2';
import { SELECTORS } from './selectors';

export type ColumnKey =
  | 'id'
  | 'submitter'
  | 'submitDate'
  | 'title'
  | 'type'
  | 'updateDate'
  | 'nextAction'
  | 'nad'
  | 'priority'
  | 'assignees'
  | 'ccs'
  | 'resource'
  | 'resourceGroup'
  | 'supportCenter'
  | 'virtualOrganization'
  | 'submittedVia'
  | 'ggusTicketType'
  | 'ggusTicketId'
  | 'snowTicketId';

/** Header text (lower case, single spaces) → column. Aliases cover older eras' wording. */
const HEADER_TO_COLUMN: Record<string, ColumnKey> = {
  id: 'id',
  '#': 'id',
  submitter: 'submitter',
  'submit date': 'submitDate',
  'submitted date': 'submitDate',
  title: 'title',
  type: 'type',
  'ticket type': 'type',
  'update date': 'updateDate',
  'last update': 'updateDate',
  'next action': 'nextAction',
  nad: 'nad',
  'next action date': 'nad',
  priority: 'priority',
  assignees: 'assignees',
  assignee: 'assignees',
  ccs: 'ccs',
  cc: 'ccs',
  resource: 'resource',
  'resource group': 'resourceGroup',
  'support center': 'supportCenter',
  'virtual organization': 'virtualOrganization',
  'submitted via': 'submittedVia',
  'ggus ticket type': 'ggusTicketType',
  'ggus ticket id': 'ggusTicketId',
  'snow ticket id': 'snowTicketId',
};

/** What the background needs to classify a ticket; without these the page "changed". */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['id', 'title', 'nextAction', 'assignees'];

export interface ListTicketMeta {
  resource: string | null;
  resourceGroup: string | null;
  supportCenter: string | null;
  virtualOrganization: string | null;
  submittedVia: string | null;
  ggusTicketType: string | null;
  ggusTicketId: string | null;
  snowTicketId: string | null;
}

/**
 * One open ticket. A field is `null` when its column is absent (hidden on the live page, or missing
 * in an older layout) or the cell says N/A.
 */
export interface ListTicket {
  id: number;
  title: string;
  submitter: string | null;
  /** YYYY-MM-DD */
  submitDate: string | null;
  type: string | null;
  /** YYYY-MM-DD */
  updateDate: string | null;
  nextAction: string | null;
  /** YYYY-MM-DD */
  nad: string | null;
  /** The server colours a past NAD red (docs/goc-pages.md §8); null when the NAD column is absent. */
  nadPastByColour: boolean | null;
  priority: string | null;
  /** Display names, one per `<br>` line; blank lines dropped. null when the column is absent. */
  assignees: string[] | null;
  /** Addresses; null when hidden from guests ("(Hidden)") or the column is absent. */
  ccs: string[] | null;
  ccsHidden: boolean;
  meta: ListTicketMeta;
}

export type ListParseResult =
  | {
      status: 'list';
      /** `#menu_user` present (docs/goc-pages.md §11). A guest still sees the list, minus Security tickets and CCs. */
      signedIn: boolean;
      userName: string | null;
      tickets: ListTicket[];
      columns: ColumnKey[];
      /** Rows that could not be read (no id, wrong cell count); the rest of the list still counts. */
      skippedRows: number;
    }
  | { status: 'login'; reason: string }
  | { status: 'unrecognised'; reason: string };

export interface ListParseOptions {
  /** Columns that must be present for the page to count as the list. Live-page callers pass []. */
  required?: readonly ColumnKey[];
}

/** A cell reduced to what both parsers can see the same way. */
export interface RawCell {
  /** Text with every `<br>` as BR_MARK; entities decoded once (HTML level). */
  text: string;
  /** `color` of the first `<font>` in the cell, lower case, or null. */
  fontColor: string | null;
  /** The cell holds `span.muted` (the server's N/A marker). */
  muted: boolean;
}

export interface RawRow {
  cells: RawCell[];
  /** The row's inline onclick, which carries the ticket URL (the id when the ID column is hidden). */
  onclick: string | null;
}

/** Stands for `<br>` inside cell text until lines are split. */
export const BR_MARK = '\u0001';

// ---------------------------------------------------------------------------------------------
// Text helpers shared by both paths

const WHITESPACE = /[\s\u00a0]+/g;

/** Collapses whitespace (NBSP included) and trims. */
export function cleanText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/**
 * Footprints numeric character references (`&#58;` …) left in text after the HTML-level decode:
 * `htmlentities` on the server turns FP's `&#58;` into `&amp;#58;`, so one decode leaves `&#58;`.
 */
export function decodeFootprints(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** The key of a header cell's text, e.g. "Next\u00a0Action" → "next action". */
export function headerKey(text: string): string {
  return cleanText(text.replaceAll(BR_MARK, ' ')).toLowerCase();
}

export function columnForHeader(text: string): ColumnKey | null {
  return HEADER_TO_COLUMN[headerKey(text)] ?? null;
}

function cellValue(cell: RawCell | undefined): string | null {
  if (!cell) return null;
  const value = cleanText(decodeFootprints(cell.text.replaceAll(BR_MARK, ' ')));
  if (value === '' || (cell.muted && value === 'N/A')) return null;
  return value;
}

function cellLines(cell: RawCell): string[] {
  return cell.text
    .split(BR_MARK)
    .map((line) => cleanText(decodeFootprints(line)))
    .filter((line) => line !== '' && !(cell.muted && line === 'N/A'));
}

const DATE = /\d{4}-\d{2}-\d{2}/;

function dateValue(cell: RawCell | undefined): string | null {
  const value = cellValue(cell);
  const match = value?.match(DATE);
  return match ? match[0] : null;
}

const RED = /^(red|#f00|#ff0000|rgb\(\s*255\s*,\s*0\s*,\s*0\s*\))$/i;

const ID_FROM_ONCLICK = /\/(\d+)['"]/;

/** Builds one ticket from a row's cells (aligned with `columns`). Returns null for unreadable rows. */
export function buildTicket(columns: readonly (ColumnKey | null)[], row: RawRow): ListTicket | null {
  const cellOf = (key: ColumnKey): RawCell | undefined => {
    const index = columns.indexOf(key);
    return index >= 0 ? row.cells[index] : undefined;
  };
  const idText = cellValue(cellOf('id')) ?? '';
  let id = /^\d+$/.test(idText) ? Number(idText) : NaN;
  if (Number.isNaN(id) && row.onclick) {
    const match = row.onclick.match(ID_FROM_ONCLICK);
    if (match) id = Number(match[1]);
  }
  if (!Number.isSafeInteger(id) || id <= 0) return null;

  const nadCell = cellOf('nad');
  const assigneeCell = cellOf('assignees');
  const ccCell = cellOf('ccs');
  const ccText = ccCell ? cellValue(ccCell) : null;
  const ccsHidden = ccText === '(Hidden)';
  let ccs: string[] | null = null;
  if (ccCell && !ccsHidden) {
    ccs = cellLines(ccCell)
      .flatMap((line) => line.split('|'))
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return {
    id,
    title: cellValue(cellOf('title')) ?? '',
    submitter: cellValue(cellOf('submitter')),
    submitDate: dateValue(cellOf('submitDate')),
    type: cellValue(cellOf('type')),
    updateDate: dateValue(cellOf('updateDate')),
    nextAction: cellValue(cellOf('nextAction')),
    nad: dateValue(nadCell),
    nadPastByColour: nadCell ? nadCell.fontColor !== null && RED.test(nadCell.fontColor) : null,
    priority: cellValue(cellOf('priority')),
    assignees: assigneeCell ? cellLines(assigneeCell) : null,
    ccs,
    ccsHidden,
    meta: {
      resource: cellValue(cellOf('resource')),
      resourceGroup: cellValue(cellOf('resourceGroup')),
      supportCenter: cellValue(cellOf('supportCenter')),
      virtualOrganization: cellValue(cellOf('virtualOrganization')),
      submittedVia: cellValue(cellOf('submittedVia')),
      ggusTicketType: cellValue(cellOf('ggusTicketType')),
      ggusTicketId: cellValue(cellOf('ggusTicketId')),
      snowTicketId: cellValue(cellOf('snowTicketId')),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The page-level signals both parsers collect

interface PageSignals {
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
}

const LOGIN_TEXT = /\b(cilogon|log ?in|sign ?in|single sign-on)\b/i;

function finish(signals: PageSignals, options: ListParseOptions): ListParseResult {
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

function isSsoHref(href: string | null | undefined): boolean {
  return !!href && /(^|\/)sso\/?$/.test(href.split(/[?#]/)[0]);
}

// ---------------------------------------------------------------------------------------------
// Path 1: an HTML string (htmlparser2, streaming)

/** Parses the server HTML of `/list/open`. Never throws. */
export function parseListHtml(html: string, options: ListParseOptions = {}): ListParseResult {
  try {
    return finish(scanHtml(String(html ?? '')), options);
  } catch (error) {
    return { status: 'unrecognised', reason: `The list could not be parsed (${String(error)}).` };
  }
}

function scanHtml(html: string): PageSignals {
  const signals: PageSignals = {
    hasTable: false,
    headers: [],
    rows: [],
    menuUserText: null,
    menuUserIsLogin: false,
    loginLink: false,
    passwordInput: false,
    ssoForm: false,
    title: '',
    bodyText: '',
  };
  // Depth of nested <table>s inside table#tickets (1 = the list table itself).
  let tableDepth = 0;
  let inThead = false;
  let inTitle = false;
  let rowIsHeader = false;
  let row: RawRow | null = null;
  let cell: RawCell | null = null;
  let menuUserDepth = 0; // >0 while inside #menu_user
  let bodyTextBudget = 20000;
  const tagStack: string[] = [];

  const closeCell = () => {
    if (cell && row) row.cells.push(cell);
    cell = null;
  };
  const closeRow = () => {
    closeCell();
    if (row) {
      // The first header row names the columns (same as the Document path).
      if (rowIsHeader) {
        if (signals.headers.length === 0) signals.headers = row.cells.map((c) => c.text);
      } else signals.rows.push(row);
    }
    row = null;
    rowIsHeader = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        tagStack.push(name);
        if (menuUserDepth > 0) menuUserDepth += 1;
        if (attribs.id === 'menu_user') {
          menuUserDepth = 1;
          signals.menuUserText = '';
          if (name === 'a' && isSsoHref(attribs.href)) signals.menuUserIsLogin = true;
        }
        if (name === 'a' && isSsoHref(attribs.href)) {
          signals.loginLink = true;
          if (menuUserDepth > 0) signals.menuUserIsLogin = true;
        }
        if (name === 'title') inTitle = true;
        if (name === 'input' && (attribs.type ?? '').toLowerCase() === 'password') signals.passwordInput = true;
        if (name === 'form' && /sso|cilogon|login/i.test(attribs.action ?? '')) signals.ssoForm = true;

        if (name === 'table') {
          if (tableDepth > 0) tableDepth += 1;
          else if (attribs.id === 'tickets') {
            tableDepth = 1;
            signals.hasTable = true;
          }
          return;
        }
        if (tableDepth !== 1) {
          if (cell && name === 'br') cell.text += BR_MARK;
          if (cell && name === 'font' && cell.fontColor === null && attribs.color) cell.fontColor = attribs.color.trim().toLowerCase();
          if (cell && name === 'span' && /(^|\s)muted(\s|$)/.test(attribs.class ?? '')) cell.muted = true;
          return;
        }
        if (name === 'thead') inThead = true;
        else if (name === 'tbody') inThead = false;
        else if (name === 'tr') {
          closeRow();
          row = { cells: [], onclick: attribs.onclick ?? null };
          rowIsHeader = inThead;
        } else if (name === 'td' || name === 'th') {
          closeCell();
          if (!row) {
            row = { cells: [], onclick: null };
            rowIsHeader = inThead;
          }
          cell = { text: '', fontColor: null, muted: false };
        } else if (cell) {
          if (name === 'br') cell.text += BR_MARK;
          else if (name === 'font' && cell.fontColor === null && attribs.color) cell.fontColor = attribs.color.trim().toLowerCase();
          else if (name === 'span' && /(^|\s)muted(\s|$)/.test(attribs.class ?? '')) cell.muted = true;
        }
      },
      ontext(text) {
        if (inTitle) signals.title += text;
        if (menuUserDepth > 0) signals.menuUserText += text;
        if (bodyTextBudget > 0) {
          signals.bodyText += text.slice(0, bodyTextBudget);
          bodyTextBudget -= text.length;
        }
        const open = tagStack[tagStack.length - 1];
        if (cell && tableDepth >= 1 && open !== 'script' && open !== 'style') cell.text += text;
      },
      onclosetag(name) {
        tagStack.pop();
        if (menuUserDepth > 0) menuUserDepth -= 1;
        if (name === 'title') inTitle = false;
        if (name === 'table' && tableDepth > 0) {
          tableDepth -= 1;
          if (tableDepth === 0) closeRow();
          return;
        }
        if (tableDepth !== 1) return;
        if (name === 'thead') {
          closeRow();
          inThead = false;
        } else if (name === 'tr') closeRow();
        else if (name === 'td' || name === 'th') closeCell();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return signals;
}

// ---------------------------------------------------------------------------------------------
// Path 2: a Document (DOMParser or the live page)

/** Cell text with `<br>` as BR_MARK, skipping script/style and anything the extension added. */
export function rawCellFromElement(cellEl: Element): RawCell {
  const out: RawCell = { text: '', fontColor: null, muted: false };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.text += (child as Text).data;
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName;
        if (tag === 'script' || tag === 'style' || el.hasAttribute('data-gta')) continue;
        if (tag === 'br') out.text += BR_MARK;
        if (tag === 'font' && out.fontColor === null && el.getAttribute('color')) {
          out.fontColor = (el.getAttribute('color') ?? '').trim().toLowerCase();
        }
        if (tag === 'span' && el.classList.contains('muted')) out.muted = true;
        walk(el);
      }
    }
  };
  walk(cellEl);
  return out;
}

/** The header texts of table#tickets, in DOM order (the live order after DataTables). */
export function tableHeaders(table: Element): string[] {
  const headRow = table.querySelector(':scope > thead > tr') ?? table.querySelector('thead tr');
  if (!headRow) return [];
  return Array.from(headRow.children)
    .filter((el) => el.localName === 'th' || el.localName === 'td')
    .map((th) => rawCellFromElement(th).text);
}

/** The body rows of table#tickets (browsers add the implicit tbody the server leaves out). */
export function tableBodyRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const section of Array.from(table.children)) {
    if (section.localName === 'tbody') rows.push(...Array.from(section.children).filter((r) => r.localName === 'tr'));
    else if (section.localName === 'tr') rows.push(section);
  }
  return rows;
}

export function rawRowFromElement(tr: Element): RawRow {
  return {
    cells: Array.from(tr.children)
      .filter((el) => el.localName === 'td' || el.localName === 'th')
      .map(rawCellFromElement),
    onclick: tr.getAttribute('onclick'),
  };
}

/** Parses `/list/open` from a Document. Never throws. */
export function parseListDocument(doc: Document, options: ListParseOptions = {}): ListParseResult {
  try {
    const table = doc.querySelector(SELECTORS.listTable);
    const menuUser = doc.querySelector(SELECTORS.menuUser);
    const signals: PageSignals = {
      hasTable: table !== null,
      headers: table ? tableHeaders(table) : [],
      rows: table ? tableBodyRows(table).map(rawRowFromElement) : [],
      menuUserText: menuUser ? menuUserTextOf(menuUser) : null,
      menuUserIsLogin: menuUser ? isSsoHref(menuUser.getAttribute('href')) || menuUser.querySelector('a[href$="sso/"], a[href$="/sso"]') !== null : false,
      loginLink: doc.querySelector('a[href$="sso/"], a[href$="/sso"]') !== null,
      passwordInput: Array.from(doc.querySelectorAll('input[type]')).some(
        (i) => (i.getAttribute('type') ?? '').toLowerCase() === 'password',
      ),
      ssoForm: Array.from(doc.querySelectorAll('form')).some((f) => /sso|cilogon|login/i.test(f.getAttribute('action') ?? '')),
      title: doc.title ?? '',
      bodyText: (doc.body?.textContent ?? '').slice(0, 20000),
    };
    return finish(signals, options);
  } catch (error) {
    return { status: 'unrecognised', reason: `The list could not be parsed (${String(error)}).` };
  }
}

function menuUserTextOf(el: Element): string {
  // Same text the string path collects: every text node under #menu_user (scripts excluded).
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += (child as Text).data;
      else if (child.nodeType === 1 && (child as Element).localName !== 'script') walk(child);
    }
  };
  walk(el);
  return text;
}
