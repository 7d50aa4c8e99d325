/**
 * `/list/open` from a Document: DOMParser output, or the live page after DataTables has removed
 * hidden columns from the DOM. The row helpers are exported for the list-page feature, which
 * reads rows one at a time. No htmlparser2 here: this module goes into the list content script.
 */
import { SELECTORS } from '../selectors';
import { BR_MARK, type ListParseOptions, type ListParseResult, type RawCell, type RawRow } from './model';
import { BODY_TEXT_BUDGET, isSsoHref, resultFromSignals, unparsable, type PageSignals } from './page-signals';

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
      bodyText: (doc.body?.textContent ?? '').slice(0, BODY_TEXT_BUDGET),
    };
    return resultFromSignals(signals, options);
  } catch (error) {
    return unparsable(error);
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
