/**
 * `/list/open` from the server HTML as a STRING, parsed with htmlparser2's streaming callbacks.
 * This is the background path: Chrome's MV3 service worker has no DOMParser. Page code uses
 * `from-document.ts` instead, so htmlparser2 stays out of the content scripts.
 */
import { Parser } from 'htmlparser2';
import { CELL_TEXT_MAX } from './cell-text';
import { BR_MARK, type ListParseOptions, type ListParseResult, type RawCell, type RawRow } from './model';
import { BODY_TEXT_BUDGET, isSsoHref, resultFromSignals, unparsable, type PageSignals } from './page-signals';

/**
 * Bounds on hostile or broken pages (issue 10, finding 1), each far above the real list page:
 * - MAX_RUN: a stretch of the page with no tag in it (one cell's text, a script) is passed to the
 *   parser as its first and last MAX_RUN characters. Real cells are a few hundred characters and
 *   cell text is read only up to CELL_TEXT_MAX anyway; keeping the end keeps a long attribute's
 *   closing quote and `>`, so the markup around the cut reads the same.
 * - MAX_OPEN: elements open at once. The real page nests about 15 deep; htmlparser2's open-element
 *   stack costs time per element in its depth, so a page of unclosed tags would be quadratic.
 * - MAX_CELL_ELEMENTS: elements inside one cell (the real ones hold a few `<br>`, `<font>`, `<span>`).
 * A page over MAX_OPEN or MAX_CELL_ELEMENTS is not the list page: reported as unrecognised.
 */
export const MAX_RUN = 64 * 1024;
export const MAX_OPEN = 256;
export const MAX_CELL_ELEMENTS = 256;

/** Parses the server HTML of `/list/open`. Never throws. */
export function parseListHtml(html: string, options: ListParseOptions = {}): ListParseResult {
  try {
    return resultFromSignals(scanHtml(boundRuns(String(html ?? ''))), options);
  } catch (error) {
    return unparsable(error);
  }
}

/** Whether a tag, end tag, comment or declaration starts at `lt` (a `<`), as htmlparser2 reads it. */
function tagStartsAt(html: string, lt: number): boolean {
  const c = html.charCodeAt(lt + 1);
  const lower = c | 0x20; // ASCII letters folded to lower case
  return (lower >= 97 && lower <= 122) || c === 47 || c === 33 || c === 63;
}

/** The first tag start at or after `from`, or -1 (a run of `<<<<` is stepped through, not searched per `<`). */
function nextTagStart(html: string, from: number): number {
  let i = html.indexOf('<', from);
  while (i >= 0) {
    if (tagStartsAt(html, i)) return i;
    i += 1;
    if (html.charCodeAt(i) !== 60) i = html.indexOf('<', i);
  }
  return -1;
}

/**
 * The page with every long stretch cut to its first and last MAX_RUN characters: a stretch with no
 * tag start in it, and a start or end tag whose `>` is more than 2 × MAX_RUN away (one tag with
 * 10^5 attributes is as much work as a long cell).
 */
function boundRuns(html: string): string {
  const pieces: string[] = [];
  let copied = 0; // html[0, copied) is in pieces
  const cut = (start: number, end: number) => {
    pieces.push(html.slice(copied, start + MAX_RUN), html.slice(end - MAX_RUN, end));
    copied = end;
  };
  let runStart = 0;
  let gt = -1; // the first '>' at or after the last tag start looked at (cached: the scan stays linear)
  for (let from = 0; ; ) {
    const lt = nextTagStart(html, from);
    const runEnd = lt < 0 ? html.length : lt;
    if (runEnd - runStart > 2 * MAX_RUN) cut(runStart, runEnd);
    if (lt < 0) break;
    from = runStart = lt + 1;
    if (html[lt + 1] === '!' || html[lt + 1] === '?') continue; // comments end at `-->`, not `>`
    if (gt < lt) {
      gt = html.indexOf('>', lt);
      if (gt < 0) gt = html.length; // none left: never searched again
    }
    const tagEnd = gt;
    if (tagEnd - lt > 2 * MAX_RUN) {
      cut(lt, tagEnd);
      from = runStart = tagEnd;
    }
  }
  if (pieces.length === 0) return html;
  pieces.push(html.slice(copied));
  return pieces.join('');
}

/** `text` appended to `into` while it is shorter than CELL_TEXT_MAX. */
function capped(into: string, text: string): string {
  return into.length >= CELL_TEXT_MAX ? into : into + text.slice(0, CELL_TEXT_MAX - into.length);
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
  let bodyTextBudget = BODY_TEXT_BUDGET;
  let cellElements = 0; // elements opened inside the current cell
  const tagStack: string[] = [];
  let ending = false; // set while parser.end() closes what is still open

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
        if (tagStack.length > MAX_OPEN) throw new Error(`the page nests elements more than ${MAX_OPEN} deep`);
        if (cell && ++cellElements > MAX_CELL_ELEMENTS) throw new Error(`a table cell holds more than ${MAX_CELL_ELEMENTS} elements`);
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
          cellElements = 0;
        } else if (cell) {
          if (name === 'br') cell.text += BR_MARK;
          else if (name === 'font' && cell.fontColor === null && attribs.color) cell.fontColor = attribs.color.trim().toLowerCase();
          else if (name === 'span' && /(^|\s)muted(\s|$)/.test(attribs.class ?? '')) cell.muted = true;
        }
      },
      ontext(text) {
        // Title, menu name and cells are read up to CELL_TEXT_MAX (cell-text.ts), so a hostile page
        // cannot make them grow with its size.
        if (inTitle) signals.title = capped(signals.title, text);
        if (menuUserDepth > 0) signals.menuUserText = capped(signals.menuUserText ?? '', text);
        if (bodyTextBudget > 0) {
          signals.bodyText += text.slice(0, bodyTextBudget);
          bodyTextBudget -= text.length;
        }
        const open = tagStack[tagStack.length - 1];
        if (cell && tableDepth >= 1 && open !== 'script' && open !== 'style') cell.text = capped(cell.text, text);
      },
      onclosetag(name) {
        tagStack.pop();
        if (menuUserDepth > 0) menuUserDepth -= 1;
        if (name === 'title') inTitle = false;
        // The list table still open when the text ran out: the page was cut off in transit.
        if (name === 'table' && tableDepth === 1 && ending) signals.truncated = true;
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
  ending = true;
  parser.end();
  return signals;
}
