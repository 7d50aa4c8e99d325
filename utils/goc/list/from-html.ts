/**
 * `/list/open` from the server HTML as a STRING, parsed with htmlparser2's streaming callbacks.
 * This is the background path: Chrome's MV3 service worker has no DOMParser. Page code uses
 * `from-document.ts` instead, so htmlparser2 stays out of the content scripts.
 */
import { Parser } from 'htmlparser2';
import { BR_MARK, type ListParseOptions, type ListParseResult, type RawCell, type RawRow } from './model';
import { BODY_TEXT_BUDGET, isSsoHref, resultFromSignals, unparsable, type PageSignals } from './page-signals';

/** Parses the server HTML of `/list/open`. Never throws. */
export function parseListHtml(html: string, options: ListParseOptions = {}): ListParseResult {
  try {
    return resultFromSignals(scanHtml(String(html ?? '')), options);
  } catch (error) {
    return unparsable(error);
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
  let bodyTextBudget = BODY_TEXT_BUDGET;
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
