/**
 * Pure HTML renderers for the simulated GOC Ticket pages (docs/goc-pages.md). No server state:
 * every function takes the data and a view context (render/layout.mjs). One module per page kind
 * under render/; this file gathers their exports for server.mjs and the tests.
 */
export { APP_VERSION, FP_PROJECT_ID, renderAuthError, renderServerError, renderNotFound } from './render/layout.mjs';
export { EDITOR_TEAMS } from './render/ticket-form.mjs';
export { buildEntries, renderTicketPage, renderNoSuchTicket, renderSecurityDenied, renderCloseScript } from './render/ticket.mjs';
export { renderLoginPage } from './render/login.mjs';
export { renderSubmitPage } from './render/submit.mjs';
export { LIST_COLUMNS, renderListPage, renderSearchPage, renderRss } from './render/list.mjs';
export { CLOSED_STATUSES } from './personas.mjs';
