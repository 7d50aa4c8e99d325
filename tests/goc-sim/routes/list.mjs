/** The ticket lists (`/list/open`, `/list/recentclose`), search (HTML and Solr-like JSON) and RSS. */
import { renderListPage, renderRss, renderSearchPage } from '../render.mjs';

function list(c) {
  const { q, rest, v, state } = c;
  const which = rest.includes('recentclose') ? 'recentclose' : 'open';
  const headers = {};
  c.takeFlash(headers);
  const rows = q.get('__rows');
  const tickets = which === 'open' ? (rows ? state.listWithRows(rows) : state.openTickets()) : state.recentlyClosed();
  return c.send(200, renderListPage(tickets, v, { which }), undefined, headers);
}

function search(c) {
  const { q, v, state } = c;
  const text = q.get('q') ?? '';
  const result = state.search(text, v.user, { start: Number(q.get('s') ?? 0) || 0, sortById: q.get('sort') === 'id' });
  if (q.get('json') === 'true') {
    const solr = {
      responseHeader: { status: 0, QTime: 4, params: { q: text, start: String(result.start), rows: '25', wt: 'json' } },
      response: { numFound: result.numFound, start: result.start, docs: result.docs.map(({ excerpt, ...d }) => d) },
    };
    return c.send(200, JSON.stringify(solr), 'text/html'); // the real endpoint set no Content-Type
  }
  v.query = text;
  return c.send(200, renderSearchPage(result, v, text));
}

function rss(c) {
  const { q, url, v, state } = c;
  const assignee = q.has('assignee') ? q.get('assignee') : undefined;
  const cc = q.has('cc') ? q.get('cc') : undefined;
  return c.send(200, renderRss(state.rssItems({ assignee, cc }), v, url.search.replace(/^\?/, '')), 'text/xml');
}

export const routes = {
  '/list/open': list,
  '/list/recentclose': list,
  '/search': search,
  '/rss': rss,
};
