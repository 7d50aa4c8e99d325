/**
 * The selectors of the GOC page parts the extension reads or writes, written once
 * (docs/goc-pages.md describes each part). Parsers in utils/goc/ and page features use these names,
 * so a change of the site's markup changes this file only.
 */
export const SELECTORS = {
  /** The signed-in user's menu in the navbar; absent for guests. */
  menuUser: '#menu_user',
  /** The ticket view's wrapper (viewer, editor and guest). */
  ticketGui: 'div.ticketgui',
  /** The editor form (only with the `update` permission). */
  ticketForm: 'form#ticket_form',
  /** The ticket id in the editor form. */
  ticketFormId: 'form#ticket_form input[name="id"]',
  /** Past Updates: one child per update, newest first. */
  updates: '#updates',
  /** The New Update box, in the editor and in the read-only form. */
  updateBox: 'textarea.description[name="description"]',
  /** The list pages' table (DataTables owns it). */
  listTable: 'table#tickets',
  /** DataTables' wrapper around the list table. */
  listTableWrapper: '#tickets_wrapper',
} as const;
