/**
 * The open-ticket list (`/list/open`, docs/goc-pages.md §10): one row model from two sources.
 *
 * - `parseListHtml(html)` (from-html.ts): the server HTML as a STRING, parsed with htmlparser2's
 *   streaming callbacks. This is the background path: Chrome's MV3 service worker has no DOMParser.
 * - `parseListDocument(doc)` (from-document.ts): a Document (DOMParser output, or the live page
 *   after DataTables has removed hidden columns from the DOM).
 *
 * Both reduce every cell to the same `RawCell` (model.ts) and then share `buildTicket` and the
 * page verdict (page-signals.ts), so they agree by construction. Columns are mapped by header text
 * (columns.ts), never by position.
 *
 * Page code imports from-document.ts (and model/columns/build-ticket) directly rather than this
 * index, so the list content script never depends on htmlparser2.
 *
 * Pure: no browser extension APIs; never throws.
 */
export * from './model';
export { REQUIRED_COLUMNS, headerKey, columnForHeader } from './columns';
export { CELL_TEXT_MAX, cleanText, decodeFootprints } from './cell-text';
export { buildTicket } from './build-ticket';
export { parseListHtml } from './from-html';
export { parseListDocument, rawCellFromElement, rawRowFromElement, tableBodyRows, tableHeaders } from './from-document';
