/**
 * Ticket pages and what they POST: the page itself (`/<id>`, `/viewer?id=N`, `/viewer/index/id/N`),
 * the editor's AJAX save, the read-only form and update templates (attachments: routes/attachment.mjs).
 * A handler takes the request context `c` built by server.mjs.
 */
import { fieldsOf, updateJson } from '../state.mjs';
import { QUICKDESC } from '../personas.mjs';
import { FLASH_COOKIE, formPairs, groupFields, readBody } from '../http.mjs';
import { renderAuthError, renderCloseScript, renderNoSuchTicket, renderSecurityDenied, renderServerError, renderTicketPage } from '../render.mjs';

const TICKET_PATH = /^\/(\d+)\/?$/;
const VIEWER_PATH = /^\/viewer(?:\/index)?(?:\/id\/([^/]+))?\/?$/;

/** Answers when `c.rest` is one of the ticket page's URL forms (returns true); otherwise returns false. */
export function ticketPage(c) {
  const reply = (status, html) => {
    c.send(status, html);
    return true;
  };
  const { req, q, rest, v, state } = c;
  let id = null;
  let m;
  if ((m = TICKET_PATH.exec(rest))) id = m[1];
  else if ((m = VIEWER_PATH.exec(rest)) && req.method !== 'POST') {
    id = m[1] ?? q.get('id') ?? '';
    // A non-numeric id is a search (the navbar's search box is a GET form to `viewer`).
    if (!/^\d+$/.test(id)) {
      c.redirect(302, `${v.base}/search?q=${encodeURIComponent(id)}`);
      return true;
    }
  }
  if (id === null) return false;
  if (q.get('close') === 'true') return reply(200, renderCloseScript(id));
  const t = state.ticket(id);
  if (!t) return reply(200, renderNoSuchTicket(id, v));
  const user = v.user;
  if (t.type === 'Security' && !user?.perms.includes('view_security_incident_ticket')) return reply(200, renderSecurityDenied(t.id, v));
  if (t.type === 'Security_Notification' && !user) return reply(200, renderSecurityDenied(t.id, v, true));
  const headers = {};
  c.takeFlash(headers);
  const html = renderTicketPage(state.viewTicket(t), v, { sort: q.get('sort'), expandall: q.get('expandall') === 'true', slow: q.get('slow') });
  c.send(200, html, undefined, headers);
  return true;
}

/** The editor's AJAX save: an empty 200 and a flash cookie; 401 without `update`. */
async function editorUpdate(c) {
  const { req, v, state } = c;
  const user = v.user;
  if (req.method !== 'POST') return c.send(200, renderServerError(v));
  const pairs = formPairs(await readBody(req));
  const f = fieldsOf(pairs);
  const entry = { route: 'viewer/update', id: Number(f.id) || null, pairs, fields: groupFields(pairs), description: f.description ?? '' };
  if (!user?.perms.includes('update')) {
    state.logPost({ ...entry, user: user?.id ?? null, status: 401 });
    return c.send(401, renderAuthError(v));
  }
  const result = state.applyEditorUpdate(pairs, user);
  state.logPost({ ...entry, user: user.id, status: 200, update: result?.update ? updateJson(result.update) : null });
  // Empty 200; the success alert appears on the next page (FP failures would skip it).
  const headers = result ? { 'set-cookie': c.cookie(FLASH_COOKIE, String(result.ticket.id)) } : {};
  return c.send(200, '', 'text/html; charset=UTF-8', headers);
}

/** The read-only form's POST: 302 back to the ticket; 401 for guests. */
async function basicUpdate(c) {
  const { req, q, v, state, fullbase } = c;
  const user = v.user;
  const id = q.get('id');
  if (req.method !== 'POST') return c.redirect(302, `${fullbase}/${id}`);
  const pairs = formPairs(await readBody(req));
  const f = fieldsOf(pairs);
  const entry = { route: 'viewer/updatebasic', id: Number(id) || null, pairs, fields: groupFields(pairs), description: f.description ?? '' };
  if (!user) {
    state.logPost({ ...entry, user: null, status: 401 });
    return c.send(401, renderAuthError(v));
  }
  const result = state.applyBasicUpdate(id, pairs, user);
  state.logPost({ ...entry, user: user.id, status: 302, update: result?.update ? updateJson(result.update) : null });
  return c.redirect(302, `${fullbase}/${id}`, result ? { 'set-cookie': c.cookie(FLASH_COOKIE, String(id)) } : {});
}

export const routes = {
  '/viewer/update': editorUpdate,
  '/viewer/updatebasic': basicUpdate,
  '/viewer/quickdesc': (c) => c.send(200, QUICKDESC[c.q.get('id') ?? ''] ?? '', 'text/plain; charset=UTF-8'),
};
