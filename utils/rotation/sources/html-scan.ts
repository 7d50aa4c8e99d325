/**
 * The table structure of a rendered TWiki page, found by one forward scan over its tags: where each
 * table, row and cell starts and ends, and where `<textarea>`/`<pre>` boxes are. Only cells are later
 * parsed as HTML, each from a bounded window (twiki.ts): a whole hostile page handed to an HTML tree
 * builder costs super-linear time (htmlparser2 on 50k unclosed `<del>` took seconds).
 * Every `<` is looked at once, a tag name is read for at most MAX_NAME characters, and each search
 * (`>`, a comment's end, a raw-text element's end) continues forward: linear on any page.
 */

export interface CellSpan {
  start: number;
  end: number;
  th: boolean;
}
export type RowSpans = CellSpan[];
export interface BoxSpan {
  start: number;
  end: number;
  textarea: boolean;
}
export interface PageSpans {
  tables: RowSpans[][];
  boxes: BoxSpan[];
}

export interface ScanLimits {
  /** Rows kept over all tables (a rotation has a few hundred). */
  rows: number;
  /** Cells kept per row. */
  cells: number;
  /** Tables kept (a topic page has a handful). */
  tables: number;
}

/** Tag names we act on are at most 8 letters (`textarea`); longer names are other tags. */
const MAX_NAME = 10;
/** Elements whose content is raw text: no tags inside, skipped to their end tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
/** First letters (lower case) of the names acted on: other tags are passed without reading their name. */
const WANTED_FIRST = new Set([...'stp'].map((c) => c.charCodeAt(0)));

/** First index ≥ from of `needle`, remembered: queries from increasing positions cost O(n) in all. */
function finder(s: string, needle: string): (from: number) => number {
  let asked = -1;
  let at = -1;
  return (from) => {
    if (asked >= 0 && from >= asked && (at < 0 || at >= from)) return at;
    asked = from;
    at = s.indexOf(needle, from);
    return at;
  };
}

const isNameChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

interface OpenTable {
  rows: RowSpans[];
  row: RowSpans | null;
  cell: CellSpan | null;
}

export function scanPage(html: string, limits: ScanLimits): PageSpans {
  const tables: RowSpans[][] = [];
  const boxes: BoxSpan[] = [];
  const stack: OpenTable[] = [];
  const nextGt = finder(html, '>');
  const nextCommentEnd = finder(html, '-->');
  let rows = 0;
  let pre: number | null = null;
  const closeCell = (t: OpenTable, at: number) => {
    if (t.cell) t.cell.end = at;
    t.cell = null;
  };
  const n = html.length;
  // A character loop, not indexOf per `<`: a native call per character of a `<<<…` run costs more.
  // Reads stay inside the text (an out-of-range charCodeAt gives NaN and slows the whole loop).
  for (let i = 0; i < n; i += 1) {
    if (html.charCodeAt(i) !== 60) continue; // '<'
    const next = i + 1 < n ? html.charCodeAt(i + 1) : 0;
    if (next === 33 && html.startsWith('<!--', i)) {
      const end = nextCommentEnd(i + 4);
      if (end < 0) break; // the rest is a comment
      i = end + 2;
      continue;
    }
    const closing = next === 47; // '/'
    const from = closing ? i + 2 : i + 1;
    const first = from < n ? html.charCodeAt(from) | 32 : 0; // lower case
    if (first < 97 || first > 122) continue;
    let to = from + 1;
    while (to < n && to - from <= MAX_NAME && isNameChar(html.charCodeAt(to))) to += 1;
    const gt = nextGt(to);
    if (gt < 0) break; // no tag can end: the rest is text
    const name = to - from > MAX_NAME || !WANTED_FIRST.has(first) ? '' : html.slice(from, to).toLowerCase();
    const top = stack.at(-1);
    if (!closing && RAW.has(name)) {
      // Raw text up to `</name`: searched case-insensitively from here on, once.
      const end = new RegExp(`</${name}[\\s/>]`, 'gi');
      end.lastIndex = gt + 1;
      const m = end.exec(html);
      if (name === 'textarea') boxes.push({ start: gt + 1, end: m ? m.index : html.length, textarea: true });
      if (!m) break;
      i = m.index + 1;
      continue;
    }
    if (name === 'pre') {
      if (!closing && pre === null) pre = gt + 1;
      else if (closing && pre !== null) {
        boxes.push({ start: pre, end: i, textarea: false });
        pre = null;
      }
    } else if (name === 'table') {
      if (!closing) {
        const t: OpenTable = { rows: [], row: null, cell: null };
        stack.push(t);
        if (tables.length < limits.tables) tables.push(t.rows);
      } else if (top) {
        closeCell(top, i);
        stack.pop();
      }
    } else if (top && name === 'tr') {
      closeCell(top, i);
      top.row = null;
      if (!closing && (rows += 1) <= limits.rows) top.rows.push((top.row = []));
    } else if (top && (name === 'td' || name === 'th')) {
      closeCell(top, i);
      if (!closing && top.row && top.row.length < limits.cells) {
        top.cell = { start: gt + 1, end: html.length, th: name === 'th' };
        top.row.push(top.cell);
      }
    }
    i = gt;
  }
  if (pre !== null) boxes.push({ start: pre, end: html.length, textarea: false });
  return { tables, boxes };
}
