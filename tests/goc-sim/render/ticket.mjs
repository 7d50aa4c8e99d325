/**
 * The ticket page (docs/goc-pages.md §4–§6): Past Updates (headers, bodies, META, history, Show
 * More), the page's own scripts, the whole page around the viewer or editor form, and the ticket
 * pages that are not one (no such ticket, permission denied, the `?close=true` script).
 */
import { PERSONAS } from '../personas.mjs';
import {
  safeText, inlineJson, renderBodyHtml, renderPlainPre, splitMeta, maskEmail, isEmail, fpEncode,
} from '../fp.mjs';
import { headerTime, isoDatetime, unix, MINUTE } from '../time.mjs';
import { can, page, simplePage, alerts, pageFooter, FP_PROJECT_ID } from './layout.mjs';
import { renderEditorForm, renderViewerForm } from './ticket-form.mjs';

/** One Past Updates entry list (descriptions, META, history), newest first unless sort=up. */
export function buildEntries(ticket, { loggedIn, viewMeta }) {
  const descs = ticket.descriptions.map((d) => ({ type: 'description', time: d.time, d, extra: [] }));
  const history = [];
  for (const h of ticket.history) {
    if (!loggedIn) continue;
    // Same minute as a description stamped at :00 → the lines go inside that description.
    const host = descs.find((x) => Math.floor(x.time / MINUTE) * MINUTE === h.time && x.time % MINUTE === 0);
    if (host) host.extra.push(...h.lines);
    else history.push({ type: 'history', time: h.time, lines: h.lines });
  }
  const all = [...descs, ...history].sort((a, b) => b.time - a.time || (a.type === 'description' ? -1 : 1));
  return { all, viewMeta };
}

function renderUpdates(ticket, v, { sort, expandall }) {
  const loggedIn = !!v.user;
  const viewMeta = can(v.user, 'view_meta');
  const changed = v.variant === 'changed';
  const { all } = buildEntries(ticket, { loggedIn, viewMeta });
  if (sort === 'up') all.reverse();
  const cls = changed ? 'update-entry' : 'update_description';
  const out = [];
  for (const e of all) {
    if (e.type === 'history') {
      out.push(`<div class="update_history"><pre>${renderPlainPre(e.lines.join('\n'))}</pre></div>`);
      continue;
    }
    const d = e.d;
    const { text, meta } = splitMeta(d.body);
    const body = e.extra.length ? `${text}\n${e.extra.join('\n')}` : text;
    let by = '';
    if (d.stamp !== 'goc') {
      const name = d.stamp.replace(/:/g, '');
      by = ` by <b>${safeText(!loggedIn && isEmail(name) ? maskEmail(name) : name)}</b>`;
    }
    const header = `<div class="${changed ? 'update-header' : 'header'}"><time datetime="${isoDatetime(d.time)}">${headerTime(d.time)}</time>${by}<a class="anchor" name="${unix(d.time)}">&nbsp;</a></div>`;
    const pre = `<pre>${renderBodyHtml(body, { guest: !loggedIn, expandall, uid: `${ticket.id}_${d.uid}` })}</pre>`;
    out.push(`<div class="${cls}">\n<i class="pull-right icon icon-share" title="Permalink"></i>\n${header}\n${pre}\n</div>`);
    if (meta !== null && viewMeta) out.push(`<div class="meta_information"><pre>${renderPlainPre(meta)}</pre></div>`);
  }
  const subject = `Open Science Grid: ${ticket.title} ISSUE=${ticket.id} PROJ=${FP_PROJECT_ID}`;
  const sortLink = sort === 'up' ? `${ticket.id}?sort=down` : `${ticket.id}?sort=up`;
  const sortIcon = sort === 'up' ? 'icon-arrow-down' : 'icon-arrow-up';
  const expandBtn = expandall
    ? `<a class="btn btn-small active" href="${ticket.id}">Expand All Descriptions</a>`
    : `<a class="btn btn-small" href="${ticket.id}?expandall=true">Expand Descriptions</a>`;
  const spam = can(v.user, 'update')
    ? `<button type="button" class="btn btn-small" onclick="if(confirm('Mask this ticket as spam? This closes the ticket.')) { location.href = 'viewer/processspam?id=${ticket.id}'; }">Mask as spam</button>`
    : '';
  const similar = (ticket.similar ?? [])
    .map((s) => `<a href="${s.id}"><b>${s.id}</b> ${safeText(s.title)} (${safeText(s.status)})</a><p>${fpEncode(s.excerpt)}</p>`)
    .join('\n');
  return `<div id="${changed ? 'ticket-updates' : 'updates'}">
<legend>Past Updates
<div class="btn-toolbar pull-right toolbar"><div class="btn-group">
<a class="btn btn-small" href="${sortLink}"><i class="${sortIcon}"></i> Sort</a>
${spam}
${expandBtn}
<a class="btn btn-small" href="mailto:osg@tick.globalnoc.iu.edu?subject=${encodeURIComponent(subject)}">Update w/Email</a>
</div></div>
</legend>
${out.join('\n')}
<legend>Similar Recent Tickets <small>modified within the last 30 days</small></legend>
<div id="similar_tickets">
${similar || '<p class="muted">No similar tickets found.</p>'}
</div>
</div>`;
}

function ticketScripts(ticket, v, editor) {
  const persons = editor
    ? [...PERSONAS.values()]
        .filter((p) => p.role !== 'pseudo')
        .map((p) => ({ label: `${p.name} <${p.email}>`, value: p.email, email: p.email, name: p.name, phone: p.phone }))
    : [];
  return `<script type="text/javascript">
var persons = ${inlineJson(persons)};
function checkTab(e) {
    if (e.keyCode == 9) {
        var t = e.target, s = t.selectionStart;
        t.value = t.value.substring(0, s) + "    " + t.value.substring(t.selectionEnd);
        t.selectionStart = t.selectionEnd = s + 4;
        e.preventDefault();
    }
}
function bindcc(row) {
    row.find(".icon-remove").click(function() { $(this).closest(".cc").remove(); });
    row.find("input").autocomplete({ source: persons, minLength: 2 });
}
function addcc(area) {
    var row = $('<div class="input-append cc"><input type="text" class="span12" name="cc[]" value=""/><i class="icon-remove"></i></div>');
    area.append(row);
    bindcc(row);
}
$(function() {
    jQuery.timeago.settings.refreshMillis = 30000;
    $("time").timeago();
    $(".ccarea .cc").each(function() { bindcc($(this)); });
    $("textarea.description").focus(function() { $(this).css("height", "250px"); });
    $(".update_description .icon-share").click(function() {
        location.hash = $(this).parent().find("a.anchor").attr("name");
    });
    var hash = location.hash.substring(1);
    if (hash) $('a.anchor[name="' + hash + '"]').closest(".update_description").addClass("selected");
${
  editor
    ? `    $("#careof").autocomplete({ source: persons, minLength: 2, select: function(ev, ui) {
        $("input[name=submitter_name]").val(ui.item.name);
        $("input[name=submitter_email]").val(ui.item.email);
        $("input[name=submitter_phone]").val(ui.item.phone);
        $(this).val("");
        return false;
    } });
    $("input[name=nad]").datepicker({ dateFormat: "yy-mm-dd" });
    $("select.quickdesc").change(function() {
        var name = $(this).val();
        if (!name) return;
        $("textarea.description").val("Loading...");
        $.get("viewer/quickdesc?id=" + encodeURIComponent(name), function(data) { $("textarea.description").val(data); });
    });
    $("#ticket_links").select2({
        ajax: {
            url: "search", dataType: "json", delay: 250,
            data: function(params) { return { q: params.term || "", json: "true", s: 0 }; },
            processResults: function(data) {
                return { results: $.map(data.response.docs, function(d) { return { id: d.id, text: d.id + " " + d.title }; }) };
            }
        },
        templateSelection: function(item) { return $("<span>").attr("data-ticket-id", item.id).text(item.text); }
    });
    try {
        if (window.opener && window.opener.name == "gocticket_list") {
            $("#closewindow_area").show();
            if ($.cookie("closewindow") != "false") $("#closewindow").prop("checked", true);
        }
    } catch (err) {}
    $("#closewindow").change(function() {
        $.cookie("closewindow", $(this).is(":checked") ? "true" : "false", { path: "/", expires: 365 });
    });`
    : ''
}
});
</script>`;
}

/** An image served `ms` late (at most a minute), or nothing. */
function slowAsset(ms) {
  const n = /^\d{1,5}$/.test(String(ms ?? '')) ? Math.min(Number(ms), 60_000) : 0;
  return n ? `\n<img src="images/tag_orange.png?slow=${n}" alt="" width="1" height="1"/>` : '';
}

/**
 * The ticket page. `query`: { sort: 'up'|'down', expandall: boolean, slow: ms|null }. `slow` (a test
 * option, `/<id>?slow=<ms>`) adds an image served that much later: a slow CDN asset that holds the
 * page's load event back while the form is parsed and its scripts have run (DOM ready).
 * Editor for users with `update`, read-only viewer for everyone else (docs/goc-pages.md §4.1).
 */
export function renderTicketPage(ticket, v, query = {}) {
  const editor = can(v.user, 'update');
  const sort = query.sort === 'up' ? 'up' : 'down';
  const expandall = !!query.expandall;
  const banner =
    ticket.type === 'Security'
      ? '<div class="alert alert-error">This is a Security Incident ticket. Please do not share its content.</div>'
      : ticket.type === 'Security_Notification'
        ? '<div class="alert alert-normal">This is a Security Notification ticket.</div>'
        : '';
  const gui = editor ? renderEditorForm(ticket, v) : renderViewerForm(ticket, v);
  const body = `<div class="container-fluid">
<ul id="peers"></ul>
${alerts(v)}
${banner}
<div id="presence" class="pull-right"></div>
<div class="ticketgui">
${gui}
</div>
${renderUpdates(ticket, v, { sort, expandall })}
${pageFooter()}
</div>
${ticketScripts(ticket, v, editor)}${slowAsset(query.slow)}`;
  return page(v, { title: `[${ticket.id}] ${safeText(ticket.title)}`, active: 'view', body, timeago: true });
}

export function renderNoSuchTicket(id, v) {
  return simplePage(v, 'GOC Ticket', `<div class="alert alert-error">The ticket you are looking for can not be found. Please make sure you have entered the correct ticket ID (${safeText(id)}).</div>`);
}

export function renderSecurityDenied(id, v, notification = false) {
  const what = notification ? 'Security Notification ticket. Please login to view it.' : 'Security Incident ticket. Only the OSG security team can view it.';
  return simplePage(v, 'GOC Ticket', `<div class="alert alert-error">Permission Denied to view ticket id ${id}. This is a ${what}</div>`);
}

/** `/<id>?close=true`: only a script (docs/goc-pages.md §2). */
export function renderCloseScript(id) {
  return `<script type="text/javascript">
try { if (window.opener && window.opener.name == "gocticket_list") window.opener.location.reload(); } catch (e) {}
window.close();
location.href = "${id}";
</script>`;
}
