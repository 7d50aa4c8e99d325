/**
 * The two forms of a ticket page (docs/goc-pages.md §4, §6–§9): the read-only viewer (also what
 * guests get) and the editor (`form#ticket_form`), with their assignee lists (checklist and
 * fblist), CC area, Next Action / NAD fields and the attachment widget.
 */
import {
  TEAMS, STATUSES, TICKET_TYPES, PRIORITY_EDITOR, RESOURCE_ROWS, SC_ROWS, VO_ROWS, QUICKDESC, PERSONAS, fpName,
  teamName,
} from '../personas.mjs';
import { safeText } from '../fp.mjs';
import { fblist } from './fblist.mjs';
import { ymd, HOUR } from '../time.mjs';
import { can, fullbase, controlGroup } from './layout.mjs';
import { attachmentWidget, guestAttachments, uploadWidget } from './attachments.mjs';

/** Assignee FP ids → [{ id, name, teamIndex }] per team membership (a member in two teams twice). */
function assigneeEntries(ticket) {
  const out = [];
  TEAMS.forEach((team, i) => {
    for (const id of team.members) if (ticket.assignees.includes(id)) out.push({ id, name: fpName(id), teamIndex: i });
  });
  return out;
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

function metadataValue(ticket, key) {
  return ticket.metadata?.[key] ?? '';
}

/** Read-only viewer (ticket_viewer.phtml): guests and users without `update`. */
export function renderViewerForm(ticket, v) {
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
  // self-close it, so the rest of the form — and #updates after it — end up nested (docs/goc-pages.md §4.1).
  const attachments = guest
    ? `<legend>Attachments</legend>\n<div id="attachment-list"/>\n${guestAttachments(ticket)}`
    : `<legend>Attachments</legend>\n${attachmentWidget(ticket)}\n<div id="attachment-list"/>`;

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

/** Team checkboxes: ≤12 members `checklist`, more `fblist` (docs/goc-pages.md §7.1). */
function teamBlock(ticket, i) {
  const team = TEAMS[i];
  const name = `team_${i}`;
  let inner;
  if (team.members.length <= 12) {
    inner = `<div class="list" id="${name}__list">\n${team.members
      .map((id) => {
        const on = ticket.assignees.includes(id);
        const tx = id.startsWith('TX_') ? `<span class="pull-right"><a href="https://ggus.eu/" target="_blank"><i class="icon-share"></i></a></span>` : '';
        // Inline handlers as helper.php's checklist() prints them: the item flips the box without a
        // change event; the box's own click stops there (a bubbling document listener never sees it).
        const key = `${name}[${safeText(id)}]`;
        return `${tx}<div class="item${on ? ' checked' : ''}" onclick="$(this).toggleClass('checked'); var i = document.getElementById('cl_${key}'); i.checked = !i.checked;"><input id="cl_${key}" type="checkbox" name="${key}" value="on" onclick="$(this).parent('.item').toggleClass('checked'); event.stopPropagation();"${on ? ' checked="checked"' : ''}/>&nbsp;<label>${safeText(fpName(id))}</label></div>`;
      })
      .join('\n')}\n</div>`;
  } else {
    inner = fblist(name, team.members.map((id) => ({ id, label: fpName(id) })), ticket.assignees);
  }
  return `<b class="teamname">${safeText(teamName(i))}</b>\n${inner}`;
}

/**
 * Team indices per editor column (config `editor_teams` = [[0,1,3],[2],[4,5,6]]): the Software team
 * (2) has the middle column, as on the real site; Glidein Factory Operations (7) is ours, appended there.
 */
export const EDITOR_TEAMS = [[0, 1, 3], [2, 7], [4, 5, 6]];

export function renderEditorForm(ticket, v) {
  const md = ticket.metadata ?? {};
  const selectBacked = /^(ASSOCIATED_R_|SUPPORTING_SC_|ASSOCIATED_VO_|ASSOCIATED_RG_)(ID|NAME)$|^ticket_links$/;
  const disabledMeta = Object.keys(md)
    .filter((k) => !selectBacked.test(k))
    .map((k) => controlGroup(k, `<input type="text" name="metadata[${k}]" value="${safeText(md[k])}" disabled="disabled"/>`))
    .join('\n');
  // Rselector/Scselector/Voselector: OIM ids as values, `(not set)` first, chosen by the *_ID
  // metadata (the seed's tickets carry only the name: its row stands in for the id).
  const sel = (name, rows, prefix) => {
    const current = md[`${prefix}_ID`] ?? rows.find((r) => r.name === md[`${prefix}_NAME`])?.id ?? '';
    return `<select name="${name}" class="span12">${option('', '(not set)', false)}${rows.map((r) => option(r.id, r.label, r.id === String(current))).join('')}</select>`;
  };
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
${controlGroup('Associated Resource', sel('metadata_r', RESOURCE_ROWS, 'ASSOCIATED_R'))}
${controlGroup('Support Center', sel('metadata_sc', SC_ROWS, 'SUPPORTING_SC'))}
${controlGroup('Associated VO', sel('metadata_vo', VO_ROWS, 'ASSOCIATED_VO'))}
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
${uploadWidget(ticket, v)}
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
// Bound right after the form, like the real page (docs/goc-pages.md §6.2): AJAX POST, then reload.
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
