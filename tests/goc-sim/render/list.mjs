/** `/list/open` and `/list/recentclose` (docs/goc-pages.md §10), the search page, and RSS (§14). */
import { TEAMS, PRIORITY_LIST, fpName, fpParse } from '../personas.mjs';
import { safeText, escapeHtml, escapeXml, inlineJson, fpEncode, asciiOnly } from '../fp.mjs';
import { ymd, unix, rssDate } from '../time.mjs';
import { can, fullbase, page, simplePage, alerts, pageFooter } from './layout.mjs';

export const LIST_COLUMNS = [
  { name: 'ID', type: 'numeric', visible: true },
  { name: 'Submitter', type: 'string', meta: true, visible: false },
  { name: 'Submit Date', type: 'date', visible: false },
  { name: 'Title', type: 'html', visible: true },
  { name: 'Type', type: 'string', visible: true },
  { name: 'Update Date', type: 'date', visible: false },
  { name: 'Next Action', type: 'string', visible: true },
  { name: 'NAD', type: 'html', visible: true },
  { name: 'Priority', type: 'html', visible: true },
  { name: 'Assignees', type: 'html', visible: true },
  { name: 'CCs', type: 'html', visible: true },
  { name: 'Resource', type: 'string', meta: true, visible: false },
  { name: 'Resource Group', type: 'string', meta: true, visible: false },
  { name: 'Support Center', type: 'string', meta: true, visible: false },
  { name: 'Virtual Organization', type: 'string', meta: true, visible: false },
  { name: 'Submitted Via', type: 'string', meta: true, visible: false },
  { name: 'GGUS Ticket Type', type: 'numeric', meta: true, visible: false },
  { name: 'GGUS Ticket ID', type: 'numeric', meta: true, visible: false },
  { name: 'SNOW Ticket ID', type: 'string', meta: true, visible: false },
];

/** Column order of the `markup` fault: Title and Type swapped, Assignees moved to the front. */
const CHANGED_ORDER = [0, 9, 2, 4, 3, 5, 6, 7, 8, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18];

/** Team ids (raw and decoded): FP puts them in the assignee string; the list drops them. */
const TEAM_TOKENS = new Set(TEAMS.flatMap((tm) => [tm.team, fpParse(tm.team)]));

/** PHP htmlentities() for plain cells; empty → muted N/A. */
function td(value, escape = true) {
  if (value === null || value === undefined || value === '') return '<td><span class="muted">N/A</span></td>';
  return `<td>${escape ? escapeHtml(value) : value}</td>`;
}

function listRowCells(t, v) {
  const md = t.metadata ?? {};
  const prio = PRIORITY_LIST[t.priority] ?? '(Unknown Priority)';
  const prioHtml = t.priority === 1 || t.priority === 2 ? `<font color='red'>${prio}</font>` : t.priority === 3 ? `<font color='#c90'>${prio}</font>` : prio;
  // The real comparison of a date string with a number makes every non-overdue NAD #c90 (docs/goc-pages.md §8).
  const nadHtml = t.nad < v.now ? `<font color='red'>${ymd(t.nad)}</font>` : `<font color='#c90'>${ymd(t.nad)}</font>`;
  const names = t.assignees.filter((id) => !TEAM_TOKENS.has(id)).map((id) => fpName(id).replace(/ /g, '&nbsp;'));
  const ccs = v.user ? `<td>${t.cc.map(safeText).join(' | ')}<br></td>` : '<td>(Hidden)</td>';
  return [
    td(String(t.id)),
    td(md.SUBMITTER_NAME),
    td(ymd(t.submitted)),
    td(safeText(t.title), false),
    td(fpParse(t.type)),
    td(ymd(t.updated)),
    td(t.nextAction),
    td(nadHtml, false),
    td(prioHtml, false),
    td(names.map(safeText).join('<br>'), false),
    ccs,
    td(md.ASSOCIATED_R_NAME),
    td(md.ASSOCIATED_RG_NAME),
    td(md.SUPPORTING_SC_NAME),
    td(md.ASSOCIATED_VO_NAME),
    td(md.SUBMITTED_VIA),
    td(md.GGUS_TICKET_TYPE),
    td(md.GGUS_TICKET_ID),
    td(md.SERVICENOW_TICKET_ID),
  ];
}

/**
 * `/list/open` and `/list/recentclose` (docs/goc-pages.md §10). `tickets` are already filtered (open or
 * recently closed); Security rows are dropped here for users without permission.
 */
export function renderListPage(tickets, v, { which = 'open' } = {}) {
  const changed = v.variant === 'changed';
  const order = changed ? CHANGED_ORDER : LIST_COLUMNS.map((_, i) => i);
  const tableId = changed ? 'ticket-table' : 'tickets';
  const rows = [];
  for (const t of tickets) {
    if (t.type === 'Security' && !can(v.user, 'view_security_incident_ticket')) continue;
    const cells = listRowCells(t, v);
    rows.push(`<tr onclick="window.name = 'gocticket_list'; window.open('${v.base}/${t.id}','ticket_${t.id}');">\n${order.map((i) => cells[i]).join('\n')}\n</tr>`);
  }
  const head = order
    .map((i, pos) => `<th>${LIST_COLUMNS[i].name.replace(/ /g, '&nbsp;')}<input data-pos="${pos}" type="text" class="search"/></th>`)
    .join('\n');
  const aoColumns = order.map((i) => ({ sType: LIST_COLUMNS[i].type, bVisible: LIST_COLUMNS[i].visible }));
  const coltog = (meta) =>
    order
      .map((i, pos) => (!!LIST_COLUMNS[i].meta === meta ? `<li class="coltog" data-cid="${pos}" onclick="fnShowHide(this, ${pos}); return false;"><a href="#">${LIST_COLUMNS[i].name}</a></li>` : ''))
      .join('');
  const toolbar = `<div class="navbar navbar-inverse"><div class="navbar-inner"><div class="container"><ul class="nav">${coltog(false)}<li class="divider-vertical"></li><li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">Metadata <b class="caret"></b></a><ul class="dropdown-menu">${coltog(true)}</ul></li></ul></div></div></div>`;
  const o = v.origin;
  const body = `<div class="container-fluid ticket-list">
${alerts(v)}
<span class="pull-right">
<a type="application/rss+xml" href="${fullbase(v)}/rss"><i class="fa fa-rss-square fa-2x"></i> RSS</a></span>
<ul class="nav nav-tabs">
<li class="${which === 'open' ? 'active' : ''}"><a href="${o}${v.base}/list/open">Open Tickets</a></li>
<li class="${which === 'recentclose' ? 'active' : ''}"><a href="${o}${v.base}/list/recentclose">Recently Closed Tickets</a></li>
</ul>
<table cellpadding="0" cellspacing="0" border="0" class="display" id="${tableId}">
<thead>
<tr>
${head}
</tr>
</thead>
${rows.join('\n')}
</table>
<script>
$.cookie.json = true;
var colsearch = $.cookie('colsearch');
if (colsearch == undefined) {
    colsearch = {};
}
var dtable = $('#${tableId}').dataTable({
    "bAutoWidth": true,
    "bPaginate": false,
    "bStateSave": true,
    "sDom": '<"toolbar">frtip',
    "aoColumns": ${inlineJson(aoColumns)}
});
function fnShowHide(button, iCol) {
    $(button).toggleClass("active");
    var bVis = dtable.fnSettings().aoColumns[iCol].bVisible;
    dtable.fnSetColumnVis(iCol, bVis ? false : true);
    init_colsearch();
}
$(".toolbar").html(${inlineJson(toolbar)});
function init_colsearch() {
    $(".search").each(function(idx, it) {
        var cid = $(it).data('pos');
        $(it).off("keyup input click");
        if (colsearch[cid] != undefined) {
            $(it).val(colsearch[cid]);
            dtable.fnFilter(colsearch[cid], cid);
        } else {
            dtable.fnFilter("", cid);
        }
        function update() {
            var tvalue = jQuery.trim(it.value);
            dtable.fnFilter(tvalue, cid);
            colsearch[cid] = tvalue;
            $.cookie('colsearch', colsearch, { expires: 30, path: window.location.pathname });
        }
        $(it).on("keyup", update);
        $(it).on("input", update);
        $(it).on("click", function(e) {
            e.stopPropagation();
            $(it).focus();
            return false;
        });
    });
}
$(function() {
    init_colsearch();
    $(".coltog").each(function(i, it) {
        var cid = $(it).data('cid');
        if (dtable.fnSettings().aoColumns[cid].bVisible) $(it).addClass("active");
    });
    $(".ticket-list").show();
});
</script>
${pageFooter()}
</div>`;
  return page(v, {
    title: which === 'open' ? 'Open Tickets' : 'Recently Closed Tickets',
    active: which === 'open' ? 'listopen' : 'listrecentclose',
    body,
    datatables: true,
  });
}

// ---- search -----------------------------------------------------------------------------------

export function renderSearchPage(results, v, q) {
  const items = results.docs
    .map((t) => `<div class="search-result"><h4><a href="${t.id}"><span class="muted">${t.id}</span> ${safeText(t.title)}</a> <small>(${safeText(t.status)})</small></h4><p>${fpEncode(asciiOnly(t.excerpt))}</p></div>`)
    .join('\n');
  return simplePage(
    v,
    'GOC Ticket',
    `<h3>Search Result</h3>
<p class="muted">${results.numFound} tickets match "${safeText(q)}"</p>
<div id="search_results">
${items || '<p>No tickets found.</p>'}
</div>`,
    'alltickets',
  );
}

// ---- RSS --------------------------------------------------------------------------------------

/** `/rss` (docs/goc-pages.md §14). `items`: [{ ticket, mtime }] sorted newest first. */
export function renderRss(items, v, query) {
  const fb = fullbase(v);
  const entries = items
    .map(({ ticket, mtime }) => {
      const newest = [...ticket.descriptions].sort((a, b) => b.time - a.time)[0];
      const desc = newest ? asciiOnly(fpEncode(newest.body)).split('\n').join('<br>\n') : '';
      return `<item>
<title>${escapeXml(asciiOnly(`(${ticket.id}) ${ticket.title}`))}</title>
<link>${fb}/${ticket.id}</link>
<guid>${fb}/${ticket.id}#${unix(mtime)}</guid>
<pubDate>${rssDate(mtime)}</pubDate>
<description>${escapeXml(desc)}</description>
</item>`;
    })
    .join('\n');
  return `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>GOC Ticket Update Feed</title>
<link>${fb}/list/open</link>
<atom:link href="${escapeXml(`${fb}/rss?${query}`)}" rel="self" type="application/rss+xml" />
<description>Recently updated GOC tickets</description>
${entries}
</channel>
</rss>
`;
}
