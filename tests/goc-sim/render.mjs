/**
 * Pure HTML renderers for the simulated GOC Ticket pages (DOM.md §2–§5, §8).
 * No server state: every function takes the data and a view context.
 *
 * View context `v`:
 *   base     '' | '/goc'           app base (`<base href="<base>/">`)
 *   origin   'https://host[:port]' for absolute links (fullbase = origin + base)
 *   user     persona or null (guest)
 *   now      ms
 *   flash    { id } | null         one-time "Successfully updated ticket"
 *   variant  'normal' | 'changed'  'changed' = the `markup` fault (renamed ids, reordered columns)
 */
import {
  TEAMS, STATUSES, TICKET_TYPES, PRIORITY_EDITOR, PRIORITY_LIST, VOS, SUPPORT_CENTERS, RESOURCES, QUICKDESC,
  PERSONAS, fpName, fpParse, teamName, CLOSED_STATUSES,
} from './personas.mjs';
import {
  safeText, escapeHtml, escapeXml, inlineJson, renderBodyHtml, renderPlainPre, splitMeta, maskEmail, isEmail,
  fpEncode, asciiOnly,
} from './fp.mjs';
import { headerTime, isoDatetime, ymd, unix, rssDate, MINUTE, HOUR } from './time.mjs';

export const APP_VERSION = '1.91';
export const FP_PROJECT_ID = 71;

const can = (user, perm) => !!user && user.perms.includes(perm);
const fullbase = (v) => `${v.origin}${v.base}`;

// ---- chrome -----------------------------------------------------------------------------------

/** Local copies of the libraries the real pages loaded from CDNs (served from node_modules). */
function libs({ timeago = false, datatables = false } = {}) {
  return [
    '<script src="lib/jquery/jquery.js"></script>',
    '<script src="lib/jquery-migrate/jquery-migrate.js"></script>',
    '<link href="lib/bootstrap/css/bootstrap.css" rel="stylesheet"/>',
    '<script src="lib/bootstrap/js/bootstrap.js"></script>',
    '<link href="lib/jquery-ui/jquery-ui.css" rel="stylesheet"/>',
    '<script src="lib/jquery-ui/jquery-ui.js"></script>',
    '<link href="lib/select2/css/select2.css" rel="stylesheet" />',
    '<script src="lib/select2/js/select2.js"></script>',
    '<link href="css/ticket.css" rel="stylesheet" />',
    '<script src="lib/jquery.cookie.js"></script>',
    timeago ? '<script src="lib/timeago/jquery.timeago.js"></script>' : '',
    datatables ? '<link rel="stylesheet" type="text/css" href="lib/datatables/css/jquery.dataTables.css"/>' : '',
    datatables ? '<script type="text/javascript" src="lib/datatables/js/jquery.dataTables.js"></script>' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function navbar(v, active) {
  const o = v.origin;
  const b = v.base;
  const user = v.user;
  let right;
  if (user) {
    const admin = can(user, 'admin');
    const notify = can(user, 'notify');
    right = [
      '<li class="dropdown">',
      `<a id="menu_user" href="#" class="dropdown-toggle" data-toggle="dropdown">${safeText(user.name)} <span class="caret"></span></a>`,
      '<ul class="dropdown-menu">',
      admin || notify ? '<li class="nav-header">Notification</li>' : '',
      admin ? `<li id="submenu_notify"><a href="${o}/notify">GOC Notification</a></li>` : '',
      notify ? `<li id="submenu_simplenotify"><a href="${o}/simplenotify">Security Notification</a></li>` : '',
      admin || notify ? '<li class="divider"></li>' : '',
      '<li class="nav-header">Ticket Submitter</li>',
      notify ? `<li id="submenu_securityannounceticket"><a href="${o}/securityannounceticket">Security Ticket</a></li>` : '',
      admin ? `<li id="submenu_bulkresource"><a href="${o}/bulkresource">Bulk Resource Tickets</a></li>` : '',
      admin ? `<li id="submenu_custom"><a href="${o}/custom">Custom Ticket</a></li>` : '',
      admin ? `<li id="submenu_ra"><a href="${o}/ra">Certificate Request</a></li>` : '',
      `<li id="submenu_campus"><a href="${o}/campus">CRC Request Form</a></li>`,
      '<li class="divider"></li>',
      admin ? '<li class="nav-header">Administration</li>' : '',
      admin ? `<li id="submenu_finderror"><a href="${o}/finderror">Footprints Errors</a></li>` : '',
      admin ? `<li id="submenu_assignment"><a href="${o}/assignment">Assignment</a></li>` : '',
      admin ? '<li class="divider"></li>' : '',
      `<li><a href="${o}/logout/">Logout</a></li>`,
      '</ul>',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  } else {
    right = `<li><a href="${o}/sso/">Login</a></li>`;
  }
  const act = (x) => (active === x ? ' class="active"' : '');
  // The View menu is active on its own pages and on its submenu pages.
  const actDrop = (x) => (active === x || ['listopen', 'listrecentclose', 'alltickets'].includes(active) ? ' active' : '');
  return `<div class="navbar navbar-inverse navbar-fixed-top">
<div class="navbar-inner">
<div class="container-fluid">
<a class="btn btn-navbar" data-toggle="collapse" data-target=".nav-collapse"><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></a>
<a class="brand" style="padding: 6px 0px 0px 6px;" href="http://opensciencegrid.org">OSG</a>
<ul class="nav">
<li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">GOC Ticket <b class="caret"></b></a>
<ul class="dropdown-menu">
<li><a href="https://myosg.grid.iu.edu">MyOSG</a></li>
<li><a href="https://oim.grid.iu.edu">OIM</a></li>
<li class="active"><a href="index">Ticket</a></li>
<li><a href="https://twiki.grid.iu.edu">TWiki</a></li>
</ul>
</li>
</ul>
<ul class="nav pull-right">
${right}
</ul>
<div class="nav-collapse">
<ul class="nav">
<li id="menu_submit"${act('submit')}><a href="${o}${b}/submit">Submit</a></li>
<li id="menu_view" class="dropdown${actDrop('view')}"><a href="#" class="dropdown-toggle" data-toggle="dropdown">View <b class="caret"></b></a>
<ul class="dropdown-menu">
<li id="submenu_listopen"${act('listopen')}><a href="${o}${b}/list/open">Open Tickets</a></li>
<li id="submenu_listrecentclose"${act('listrecentclose')}><a href="${o}${b}/list/recentclose">Recently Closed Tickets</a></li>
<li class="divider"></li>
<li id="submenu_alltickets"${act('alltickets')}><a href="${o}${b}/search?q=&amp;sort=id">All Tickets</a></li>
</ul>
</li>
</ul>
<form class="navbar-search pull-right" action="viewer">
<input id="search" type="text" name="id" class="search-query span2" placeholder="Search Ticket" value="${safeText(v.query ?? '')}"/>
</form>
</div>
</div>
</div>
</div>`;
}

function alerts(v) {
  if (!v.flash) return '';
  return `<div class="alert alert-success"><a class="close" data-dismiss="alert" href="#">&times;</a>Successfully updated ticket <a href="${v.flash.id}">${v.flash.id}</a></div>`;
}

function pageFooter() {
  return `<hr/><footer><p class="muted">GOC Ticket Version ${APP_VERSION} | <a href="https://ticket.opensciencegrid.org/goc/submit?app_issue_type=goc&amp;app_goc_url=ticket">Report Bugs</a></p></footer>`;
}

function page(v, { title, active, head = '', body, timeago = false, datatables = false }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base href="${v.base}/">
<title>${title}</title>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link href="${fullbase(v)}/rss" rel="alternate" type="application/rss+xml" title="GOC Ticket Update feed" />
<style type="text/css">
body { padding-top: 50px; padding-bottom: 40px; }
.sidebar-nav { padding: 9px 0; }
#search { width: 300px; }
</style>
${libs({ timeago, datatables })}
<link href="images/tag_orange.png" rel="icon" type="image/png"/>
${head}
</head>
<body>
${navbar(v, active)}
${body}
</body>
</html>
`;
}

// ---- ticket page ------------------------------------------------------------------------------

/** Assignee FP ids → [{ id, name, teamIndex }] per team membership (a member in two teams twice). */
function assigneeEntries(ticket) {
  const out = [];
  TEAMS.forEach((team, i) => {
    for (const id of team.members) if (ticket.assignees.includes(id)) out.push({ id, name: fpName(id), teamIndex: i });
  });
  return out;
}

function controlGroup(label, controls) {
  return `<div class="control-group"><label class="control-label">${label}</label><div class="controls">${controls}</div></div>`;
}

function nadFlag(nad, now) {
  if (nad < now) return 'flag_red';
  if (nad < now + 24 * HOUR) return 'flag_yellow';
  return '';
}

function ccRows(ccs) {
  return ccs
    .map((cc) => `<div class="cc"><input type="text" class="span12" name="cc[]" value="${safeText(cc)}"/><i class="icon-remove"></i></div>`)
    .join('\n');
}

function ccArea(ccs) {
  return `<div class="ccarea">\n${ccRows(ccs)}\n</div>\n<a class="btn btn-mini" href="#" onclick="addcc($('.ccarea')); return false;"><i class="icon-plus"></i> Add CC</a>`;
}

function attachmentWidget(ticket, editable) {
  const files = ticket.attachments
    .map(
      (a) =>
        `<div class="file" data-name="${safeText(a.name)}"><a href="attachment/view?id=${ticket.id}&amp;file=${encodeURIComponent(a.name)}" target="_blank">${safeText(a.name)}</a> <span class="muted">(${Math.ceil(a.size / 1024)} KB, ${a.date})</span>` +
        (editable ? ` <button class="button" title="Delete">&times;</button>` : '') +
        `</div>`,
    )
    .join('\n');
  return `<div id="fileupload" class="well">
<input id="fileupload" type="file" name="files[]" multiple/>
<div id="files">
${files}
</div>
</div>`;
}

function guestAttachments(ticket) {
  const rows = ticket.attachments
    .map((a) => `<tr class="attachment"><td><a href="attachment/view?id=${ticket.id}&amp;file=${encodeURIComponent(a.name)}">${safeText(a.name)}</a></td><td>${Math.ceil(a.size / 1024)} KB</td><td>${a.date}</td></tr>`)
    .join('\n');
  return `<table class="table table-condensed">${rows}</table>`;
}

function metadataValue(ticket, key) {
  return ticket.metadata?.[key] ?? '';
}

/** Read-only viewer (ticket_viewer.phtml): guests and users without `update`. */
function renderViewerForm(ticket, v) {
  const guest = !v.user;
  const email = ticket.submitter.email;
  const lock = '<i class="icon-lock"></i>';
  const contact = [
    controlGroup('Full Name', safeText(ticket.submitter.name)),
    controlGroup('Email', guest ? lock : `<a href="mailto:${safeText(email)}">${safeText(email)}</a>`),
    controlGroup('Phone', guest ? lock : safeText(ticket.submitter.phone)),
    controlGroup('CC', guest ? lock : ccArea(ticket.cc)),
  ].join('\n');

  const linkHtml = (ticket.linkedTickets ?? [])
    .map((l) => `<p><a href="${l.id}" target="_blank"><b>${l.id}</b> ${safeText(l.title)}</a></p>`)
    .join('');
  const details = [];
  const meta = [
    ['Support Center', metadataValue(ticket, 'SUPPORTING_SC_NAME')],
    ['Associated VO', metadataValue(ticket, 'ASSOCIATED_VO_NAME')],
    ['Resource Name', metadataValue(ticket, 'ASSOCIATED_R_NAME')],
    ['Submitted Via', metadataValue(ticket, 'SUBMITTED_VIA')],
    ['Submitter', metadataValue(ticket, 'SUBMITTER_NAME')],
  ];
  for (const [label, value] of meta) if (value) details.push(controlGroup(label, safeText(value)));
  if (linkHtml) details.push(controlGroup('Ticket Links', linkHtml));
  details.push(controlGroup('Ticket Type', safeText(ticket.type)));
  details.push(controlGroup('Priority', PRIORITY_EDITOR[ticket.priority] ?? `unknown_prioriry:${ticket.priority}`));
  details.push(controlGroup('Status', statusControl(ticket, v)));
  details.push(controlGroup('Next Action', safeText(ticket.nextAction)));
  const flag = nadFlag(ticket.nad, v.now);
  details.push(controlGroup('Next Action Deadline', `<span class="${flag}">${ymd(ticket.nad)}</span>`));

  const assignees = assigneeEntries(ticket)
    .map((a) => `<div class="assignee">${safeText(a.name)}${a.id.startsWith('TX_') ? ` <a href="https://ggus.eu/?mode=ticket_info&amp;ticket_id=${safeText(metadataValue(ticket, 'GGUS_TICKET_ID'))}" target="_blank"><i class="icon-share"></i></a>` : ''}<span class="muted"> / ${safeText(teamName(a.teamIndex))}</span></div>`)
    .join('\n');

  // The real template writes the attachment list as `<div id="attachment-list"/>`: HTML does not
  // self-close it, so the rest of the form — and #updates after it — end up nested (DOM.md §3.1).
  const attachments = guest
    ? `<legend>Attachments</legend>\n<div id="attachment-list"/>\n${guestAttachments(ticket)}`
    : `<legend>Attachments</legend>\n${attachmentWidget(ticket, false)}\n<div id="attachment-list"/>`;

  const newUpdate = guest
    ? ''
    : `<legend>New Update</legend>
<textarea class="description span12" name="description" rows="5" onkeydown="checkTab(event);"></textarea>
<div class="form-actions">
<button type="submit" class="btn btn-primary" onclick="if($.trim($('textarea.description').val()) == '') { return confirm('The update is empty. Submit anyway?'); }">Update</button>
&nbsp;<label class="checkbox inline"><input id="notify1" type="checkbox" name="notify_assignees" value="on" checked="checked"/> Notify Assignees</label>
&nbsp;<label class="checkbox inline"><input id="notify2" type="checkbox" name="notify_submitter" value="on" checked="checked"/> Notify Submitter</label>
&nbsp;<label class="checkbox inline"><input id="notify3" type="checkbox" name="notify_ccs" value="on" checked="checked"/> Notify CCs</label>
</div>`;

  return `<form class="form-horizontal" method="post" action="${fullbase(v)}/viewer/updatebasic?id=${ticket.id}">
<div class="page-header"><h3><span class="muted">${ticket.id}</span> / ${safeText(ticket.title)}</h3></div>
<div class="row-fluid">
<div class="span5">
<fieldset><legend>Contact</legend>
${contact}
</fieldset>
<fieldset><legend>Details</legend>
${details.join('\n')}
</fieldset>
</div>
<div class="span7">
<legend>Assignees</legend>
${assignees}
<legend>Assignees</legend>
TODO
${attachments}
</div>
</div>
${newUpdate}
</form>`;
}

/** The read-only status select: `close` permission and the user is the submitter, a CC or an assignee. */
function statusControl(ticket, v) {
  const user = v.user;
  const mine =
    user &&
    can(user, 'close') &&
    (user.email === ticket.submitter.email ||
      ticket.cc.includes(user.email) ||
      ticket.assignees.some((id) => PERSONAS.get(id)?.email === user.email));
  if (!mine) return safeText(ticket.status);
  const opts = STATUSES.map((s) => {
    const enabled = s === ticket.status || s === 'Resolved' || s === 'Closed';
    return `<option value="${s}"${s === ticket.status ? ' selected="selected"' : ''}${enabled ? '' : ' disabled="disabled"'}>${s}</option>`;
  }).join('');
  return `<select name="status">${opts}</select>`;
}

function option(value, label, selected, extra = '') {
  return `<option value="${safeText(value)}"${selected ? ' selected="selected"' : ''}${extra}>${safeText(label)}</option>`;
}

/** Team checkboxes: ≤12 members `checklist`, more `fblist` (DOM.md §3.4). */
function teamBlock(ticket, i) {
  const team = TEAMS[i];
  const name = `team_${i}`;
  let inner;
  if (team.members.length <= 12) {
    inner = `<div class="list" id="${name}__list">\n${team.members
      .map((id) => {
        const on = ticket.assignees.includes(id);
        const tx = id.startsWith('TX_') ? `<span class="pull-right"><a href="https://ggus.eu/" target="_blank"><i class="icon-share"></i></a></span>` : '';
        return `${tx}<div class="item${on ? ' checked' : ''}"><input id="cl_${name}[${id}]" type="checkbox" name="${name}[${id}]" value="on"${on ? ' checked="checked"' : ''}/>&nbsp;<label>${safeText(fpName(id))}</label></div>`;
      })
      .join('\n')}\n</div>`;
  } else {
    const chosen = team.members
      .filter((id) => ticket.assignees.includes(id))
      .map((id) => `<div><i class="icon-remove"></i> ${safeText(fpName(id))}<input type="hidden" name="${name}[${id}]" value="on"/></div>`)
      .join('\n');
    const choices = team.members.map((id) => ({ label: fpName(id), value: id }));
    inner = `<div class="fblist_container" id="${name}__list"><div class="fblist">
${chosen}
</div>
<input type="text" class="autocomplete ac_input" data-team="${name}" data-choices="${escapeHtml(JSON.stringify(choices))}" placeholder="Type a name (double-click lists all)"/>
<p class="muted" id="${name}__acnote"><small>Double-click to list all members</small></p>
</div>`;
  }
  return `<b class="teamname">${safeText(teamName(i))}</b>\n${inner}`;
}

export const EDITOR_TEAMS = [[0, 1, 3], [2], [4, 5, 6]];

function renderEditorForm(ticket, v) {
  const md = ticket.metadata ?? {};
  const selectBacked = /^(ASSOCIATED_R_|SUPPORTING_SC_|ASSOCIATED_VO_|ASSOCIATED_RG_)/;
  const disabledMeta = Object.keys(md)
    .filter((k) => !selectBacked.test(k))
    .map((k) => controlGroup(k, `<input type="text" name="metadata[${k}]" value="${safeText(md[k])}" disabled="disabled"/>`))
    .join('\n');
  const sel = (name, values, current) =>
    `<select name="${name}">${option('', '(None)', !current)}${values.map((x) => option(x, x, x === current)).join('')}</select>`;
  const types = TICKET_TYPES.map((t) => option(t, t, t === ticket.type)).join('');
  const prios = [1, 2, 3, 4].map((p) => option(String(p), PRIORITY_EDITOR[p], p === ticket.priority)).join('');
  const statuses = STATUSES.map((s) => option(s, s, s === ticket.status, ` class="ticketid ticketid_${s.replace(/\s+/g, '_')}"`)).join('');
  const columns = EDITOR_TEAMS.map((ids) => `<div class="span4">\n${ids.map((i) => teamBlock(ticket, i)).join('\n')}\n</div>`).join('\n');
  const links = (ticket.linkedTickets ?? []).map((l) => option(String(l.id), `${l.id} ${l.title}`, true)).join('');
  const quick = [option('', '(Template)', true), ...Object.keys(QUICKDESC).map((k) => option(k, k, false))].join('');

  return `<form id="ticket_form" class="form-horizontal">
<input type="hidden" name="id" value="${ticket.id}"/>
<div class="input-prepend"><span class="add-on">${ticket.id}</span><input type="text" class="span7" name="title" value="${safeText(ticket.title)}"/></div>
<div class="row-fluid">
<div class="span5">
<fieldset><legend>Contact</legend>
${controlGroup('Populate From', '<input type="text" id="careof" placeholder="Search people"/>')}
${controlGroup('Full Name', `<input type="text" name="submitter_name" value="${safeText(ticket.submitter.name)}"/>`)}
${controlGroup('Email', `<input type="text" name="submitter_email" value="${safeText(ticket.submitter.email)}"/>`)}
${controlGroup('Phone', `<input type="text" name="submitter_phone" value="${safeText(ticket.submitter.phone)}"/>`)}
${controlGroup('CC', ccArea(ticket.cc))}
</fieldset>
<fieldset><legend>Details</legend>
${disabledMeta}
${controlGroup('Associated Resource', sel('metadata_r', RESOURCES, md.ASSOCIATED_R_NAME))}
${controlGroup('Support Center', sel('metadata_sc', SUPPORT_CENTERS, md.SUPPORTING_SC_NAME))}
${controlGroup('Associated VO', sel('metadata_vo', VOS, md.ASSOCIATED_VO_NAME))}
${controlGroup('Ticket Type', `<select name="ticket_type">${types}</select>`)}
${controlGroup('Priority', `<select name="priority">${prios}</select>`)}
${controlGroup('Status', `<select name="status">${statuses}</select>`)}
${controlGroup('Next Action', `<input type="text" name="next_action" value="${safeText(ticket.nextAction)}"/>`)}
${controlGroup('Next Action Deadline', `<input type="text" name="nad" value="${ymd(ticket.nad)}"/>`)}
</fieldset>
</div>
<div class="span7">
<legend>Assignees${can(v.user, 'admin') ? ' <small><a href="assignment" target="_blank">Assignment Tip</a></small>' : ''}</legend>
<div class="row-fluid control-group">
${columns}
</div>
<legend>Ticket Links</legend>
<select id="ticket_links" multiple="multiple" style="width: 100%">${links}</select>
<legend>Attachments</legend>
${attachmentWidget(ticket, true)}
</div>
</div>
<legend>New Update <select class="quickdesc" name="quickdesc">${quick}</select></legend>
<textarea class="description span12" name="description" rows="5" onkeydown="checkTab(event);"></textarea>
<div class="form-actions">
<div class="controls">
<button type="submit" class="btn btn-primary">Update</button>
&nbsp;<label class="checkbox inline"><input id="notify1" type="checkbox" name="notify_assignees" value="on" checked="checked"/> Notify Assignees</label>
&nbsp;<label class="checkbox inline"><input id="notify2" type="checkbox" name="notify_submitter" value="on" checked="checked"/> Notify Submitter</label>
&nbsp;<label class="checkbox inline"><input id="notify3" type="checkbox" name="notify_ccs" value="on" checked="checked"/> Notify CCs</label>
<div id="closewindow_area" style="display: none;"><label class="checkbox"><input id="closewindow" type="checkbox" name="closewindow" value="on"/> Close this window after update</label></div>
</div>
</div>
</form>
<div id="loading_backdrop">Updating ...</div>
<script type="text/javascript">
// Bound right after the form, like the real page (DOM.md §3.6): AJAX POST, then reload.
$("#ticket_form").submit(function() {
    $("#loading_backdrop").show();
    var form = $(this).serializeArray();
    var links = $("#ticket_links").val() || [];
    form.push({ name: "ticket_links", value: links.join(",") });
    $.ajax({ url: "viewer/update", type: "POST", data: form }).done(function() {
        if ($("#closewindow").is(":checked")) {
            window.close();
        } else {
            location.reload();
        }
    });
    return false;
});
</script>`;
}

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
    ? `    $(".list .item").click(function(e) {
        var box = $(this).find("input");
        if (e.target.tagName != "INPUT") box.prop("checked", !box.prop("checked"));
        $(this).toggleClass("checked", box.prop("checked"));
    });
    $(".fblist_container input.autocomplete").each(function() {
        var input = $(this), team = input.data("team"), list = input.siblings(".fblist");
        input.autocomplete({ source: input.data("choices"), minLength: 0, select: function(ev, ui) {
            var row = $("<div><i class=\\"icon-remove\\"></i> <span></span><input type=\\"hidden\\" value=\\"on\\"/></div>");
            row.find("span").text(ui.item.label);
            row.find("input").attr("name", team + "[" + ui.item.value + "]");
            list.append(row);
            input.val("");
            return false;
        } });
        input.dblclick(function() { input.autocomplete("search", ""); });
    });
    $(".fblist").on("click", ".icon-remove", function() { $(this).parent().remove(); });
    $("#careof").autocomplete({ source: persons, minLength: 2, select: function(ev, ui) {
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
    $("#files .file button.button").click(function(e) {
        e.preventDefault();
        var file = $(this).closest(".file");
        $.ajax({ url: "attachment/handler?id=${ticket.id}&file=" + encodeURIComponent(file.data("name")), type: "DELETE" }).done(function() { file.remove(); });
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

/**
 * The ticket page. `query`: { sort: 'up'|'down', expandall: boolean }.
 * Editor for users with `update`, read-only viewer for everyone else (DOM.md §3.1).
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
${ticketScripts(ticket, v, editor)}`;
  return page(v, { title: `[${ticket.id}] ${safeText(ticket.title)}`, active: 'view', body, timeago: true });
}

// ---- special pages ----------------------------------------------------------------------------

function simplePage(v, title, inner, active = '') {
  return page(v, { title, active, body: `<div class="container-fluid">\n${alerts(v)}\n${inner}\n${pageFooter()}\n</div>` });
}

export function renderNoSuchTicket(id, v) {
  return simplePage(v, 'GOC Ticket', `<div class="alert alert-error">The ticket you are looking for can not be found. Please make sure you have entered the correct ticket ID (${safeText(id)}).</div>`);
}

export function renderSecurityDenied(id, v, notification = false) {
  const what = notification ? 'Security Notification ticket. Please login to view it.' : 'Security Incident ticket. Only the OSG security team can view it.';
  return simplePage(v, 'GOC Ticket', `<div class="alert alert-error">Permission Denied to view ticket id ${id}. This is a ${what}</div>`);
}

/** The 401 page (DOM.md §7). */
export function renderAuthError(v) {
  return simplePage(v, 'GOC Ticket', '<h2>Authorization Error</h2>\n<p>You are not authorized to access this page. Please login with an account that has the required permission.</p>');
}

export function renderServerError(v) {
  return simplePage(v, 'GOC Ticket', '<h2>An error occurred</h2>\n<p>Application error: Internal Server Error. The error has been reported to the GOC.</p>');
}

export function renderNotFound(v, path) {
  return simplePage(v, 'GOC Ticket', `<h2>Page not found</h2>\n<p>${safeText(path)} does not exist.</p>`);
}

/**
 * The SSO login page (2017–18: `/sso/` hands over to CILogon). Also what the `login` fault serves
 * instead of data. No `#menu_user`, no ticket markup.
 */
export function renderLoginPage(v, to = '') {
  const people = [...PERSONAS.values()].filter((p) => p.role !== 'pseudo');
  const options = people.map((p) => `<option value="${safeText(p.id)}">${safeText(p.name)} (${p.role})</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base href="${v.base}/">
<meta charset="utf-8" />
<title>CILogon - Select an Identity Provider</title>
<link href="lib/bootstrap/css/bootstrap.css" rel="stylesheet"/>
</head>
<body>
<div class="container" id="sso-login">
<h2>Log On to GOC Ticket</h2>
<p>Select an Identity Provider to log on with CILogon. Your e-mail address is used to find your OIM contact.</p>
<form method="get" action="${v.origin}/__sim/login">
<input type="hidden" name="to" value="${safeText(to)}"/>
<label for="idp">Identity Provider (simulator: pick a person)</label>
<select id="idp" name="user">${options}</select>
<button type="submit" class="btn btn-primary" id="sso-submit">Log On</button>
</form>
</div>
</body>
</html>
`;
}

export function renderSubmitPage(v) {
  return simplePage(
    v,
    'GOC Ticket',
    `<h2>Submit a GOC Ticket</h2>
<form class="form-horizontal" method="post" action="submit">
${controlGroup('Full Name', `<input type="text" name="name" value="${safeText(v.user?.name ?? '')}"/>`)}
${controlGroup('Email', `<input type="text" name="email" value="${safeText(v.user?.email ?? '')}"/>`)}
${controlGroup('Phone', `<input type="text" name="phone" value="${safeText(v.user?.phone ?? '')}"/>`)}
${controlGroup('Title', '<input type="text" name="title"/>')}
${controlGroup('Details', '<textarea name="detail" rows="6"></textarea>')}
<div class="form-actions"><button type="button" class="btn btn-primary" disabled="disabled">Submit (disabled in the simulator)</button></div>
</form>`,
    'submit',
  );
}

/** `/<id>?close=true`: only a script (DOM.md §1). */
export function renderCloseScript(id) {
  return `<script type="text/javascript">
try { if (window.opener && window.opener.name == "gocticket_list") window.opener.location.reload(); } catch (e) {}
window.close();
location.href = "${id}";
</script>`;
}

// ---- list page --------------------------------------------------------------------------------

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
  // The real comparison of a date string with a number makes every non-overdue NAD #c90 (DOM.md §5).
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
 * `/list/open` and `/list/recentclose` (DOM.md §5). `tickets` are already filtered (open or
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

/** `/rss` (DOM.md §8). `items`: [{ ticket, mtime }] sorted newest first. */
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

export { CLOSED_STATUSES };
