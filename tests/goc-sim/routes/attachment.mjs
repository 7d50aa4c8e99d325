/**
 * The editor's attachments (docs/goc-pages.md §9): the JSON list the page's script
 * fetches after DOM ready (`attachment/list?id=N`), the upload widget's handler (POST adds files,
 * DELETE removes one, GET lists them), the download (`attachment/view`) and thumbnails (`attachment/thumb`). Deletions and uploads
 * are logged with the posts (`/__sim/updates`) and show in `/__sim/tickets/<id>` (`attachments`).
 */
import { readBody } from '../http.mjs';
import { renderAuthError } from '../render.mjs';

/** The ticket when this user may see it (the page's own access rules); null otherwise. */
function visibleTicket(c) {
  const t = c.state.ticket(c.q.get('id'));
  if (!t) return null;
  const user = c.v.user;
  if (t.type === 'Security' && !user?.perms.includes('view_security_incident_ticket')) return null;
  if (t.type === 'Security_Notification' && !user) return null;
  return t;
}

/** One file as the real list gives it (`{id,name,size,thumbnail_url,delete_url,url,delete_type,date}`). */
export function attachmentJson(t, a) {
  const file = encodeURIComponent(a.name);
  return {
    id: t.id,
    name: a.name,
    size: a.size,
    url: `attachment/view?id=${t.id}&file=${file}`,
    ...(/\.(png|jpe?g|gif)$/i.test(a.name) ? { thumbnail_url: `attachment/thumb?id=${t.id}&file=${file}` } : {}),
    delete_url: `attachment/handler?id=${t.id}&file=${file}`,
    delete_type: 'DELETE',
    date: a.date,
  };
}

/** `GET attachment/list?id=N`: a JSON array (empty for an unknown or hidden ticket). */
function list(c) {
  const t = visibleTicket(c);
  return c.send(200, JSON.stringify(t ? t.attachments.map((a) => attachmentJson(t, a)) : []), 'application/json');
}

/** The files of a multipart body: name and byte size of each `files[]` part (small uploads only). */
export function multipartFiles(body, contentType) {
  const m = /boundary=(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType ?? '');
  if (!m) return [];
  const boundary = `--${m[1] ?? m[2]}`;
  const out = [];
  for (const part of body.split(boundary)) {
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd < 0) continue;
    const head = part.slice(0, headEnd);
    const name = /filename="([^"\r\n]{1,255})"/i.exec(head)?.[1];
    if (!name) continue;
    const data = part.slice(headEnd + 4).replace(/\r\n$/, '');
    out.push({ name: name.replace(/[/\\]/g, ''), size: Buffer.byteLength(data, 'utf8') });
  }
  return out;
}

/** The upload widget's handler: DELETE removes a file, POST adds files, GET lists them. Editors only write. */
async function handler(c) {
  const { req, q, v, state } = c;
  const t = visibleTicket(c);
  if (req.method === 'GET' || req.method === 'HEAD') {
    return c.send(200, JSON.stringify({ files: t ? t.attachments.map((a) => attachmentJson(t, a)) : [] }), 'application/json');
  }
  if (!v.user?.perms.includes('update')) return c.send(401, renderAuthError(v));
  if (!t) return c.send(200, JSON.stringify({ files: [] }), 'application/json');
  if (req.method === 'DELETE') {
    const file = q.get('file') ?? '';
    const before = t.attachments.length;
    t.attachments = t.attachments.filter((x) => x.name !== file);
    const deleted = before - t.attachments.length;
    state.logPost({ route: 'attachment/handler', method: 'DELETE', id: t.id, user: v.user.id, status: 200, pairs: [['file', file]], fields: { file }, description: '', deleted });
    return c.send(200, JSON.stringify({ [file]: deleted > 0 }), 'application/json');
  }
  if (req.method === 'POST') {
    const body = await readBody(req, 4 * 1024 * 1024);
    const date = new Date(state.now()).toISOString().slice(0, 10);
    const files = multipartFiles(body, req.headers['content-type']).map((f) => ({ ...f, date }));
    for (const f of files) {
      t.attachments = [...t.attachments.filter((x) => x.name !== f.name), f];
      state.logPost({ route: 'attachment/handler', method: 'POST', id: t.id, user: v.user.id, status: 200, pairs: [['file', f.name]], fields: { file: f.name }, description: '', added: 1 });
    }
    return c.send(200, JSON.stringify({ files: files.map((f) => attachmentJson(t, f)) }), 'application/json');
  }
  return c.send(405, 'method not allowed', 'text/plain');
}

/** `attachment/view?id=N&file=F`: the file (a placeholder text of its size). */
function view(c) {
  const t = visibleTicket(c);
  const a = t?.attachments.find((x) => x.name === (c.q.get('file') ?? ''));
  if (!a) return c.send(404, 'not found', 'text/plain');
  return c.send(200, `${a.name} (${a.size} bytes, simulated)\n`, 'text/plain; charset=UTF-8', { 'content-disposition': `filename="${encodeURIComponent(a.name)}"` });
}

/** A 1×1 PNG: the thumbnail of every image attachment. */
const THUMB = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** `attachment/thumb?id=N&file=F`: the image attachment's thumbnail. */
function thumb(c) {
  const t = visibleTicket(c);
  if (!t?.attachments.some((x) => x.name === (c.q.get('file') ?? ''))) return c.send(404, 'not found', 'text/plain');
  return c.send(200, THUMB, 'image/png');
}

export const routes = {
  '/attachment/thumb': thumb,
  '/attachment/list': list,
  '/attachment/handler': handler,
  '/attachment/view': view,
};
