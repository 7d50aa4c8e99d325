/**
 * Hand-written ticket pages that follow docs/goc-pages.md §4 (editor, read-only viewer, guest). Used by the
 * parser and feature unit tests; the e2e suites use the simulator's real pages.
 */

export interface PageUpdate {
  datetime: string;
  by?: string;
  /** Inner HTML of the `pre` (FP-encoded text, as the server prints it). */
  bodyHtml: string;
  history?: string;
  meta?: string;
}

function updatesHtml(updates: PageUpdate[]): string {
  return updates
    .map((u, i) => {
      const by = u.by ? ` by <b>${u.by}</b>` : '';
      const unix = Math.floor(Date.parse(u.datetime) / 1000);
      return (
        `<div class="update_description"><i class="pull-right icon icon-share"></i>` +
        `<div class="header"><time datetime="${u.datetime}">${u.datetime}</time>${by}<a class="anchor" name="${unix}">&nbsp;</a></div>` +
        `<pre>${u.bodyHtml}</pre></div>` +
        (u.meta ? `<div class="meta_information"><pre>${u.meta}</pre></div>` : '') +
        (u.history ? `<div class="update_history"><pre>${u.history}</pre></div>` : '') +
        (i === -1 ? '' : '')
      );
    })
    .join('\n');
}

function updatesBlock(updates: PageUpdate[]): string {
  return (
    `<div id="updates"><legend>Past Updates<div class="btn-toolbar pull-right toolbar"><div class="btn-group">` +
    `<a class="btn btn-small" href="?sort=up"><i class="icon-arrow-up"></i> Sort</a></div></div></legend>` +
    `${updatesHtml(updates)}` +
    `<legend>Similar Recent Tickets</legend><div id="similar_tickets"><p class="muted">No similar tickets found.</p></div></div>`
  );
}

function navbar(user: string | null): string {
  const right = user
    ? `<li class="dropdown"><a id="menu_user" class="dropdown-toggle" href="#">${user} <span class="caret"></span></a></li>`
    : `<li><a href="sso/">Login</a></li>`;
  return `<div class="navbar navbar-inverse navbar-fixed-top"><div class="navbar-inner"><ul class="nav pull-right">${right}</ul></div></div>`;
}

export interface EditorPage {
  id: number;
  title: string;
  user: string;
  submitterName: string;
  submitterEmail: string;
  metaSubmitterName?: string;
  /** [team index, fpid, display name, checked] */
  checklist: [number, string, string, boolean][];
  updates: PageUpdate[];
}

export function editorPage(p: EditorPage): string {
  const teams = new Map<number, [string, string, boolean][]>();
  for (const [team, fpid, name, checked] of p.checklist) {
    const list = teams.get(team) ?? [];
    list.push([fpid, name, checked]);
    teams.set(team, list);
  }
  const teamHtml = [...teams]
    .map(
      ([n, members]) =>
        `<b class="teamname">Team ${n}</b><div class="list" id="team_${n}__list">` +
        members
          .map(
            ([fpid, name, checked]) =>
              `<div class="item${checked ? ' checked' : ''}"><input id="cl_team_${n}[${fpid}]" type="checkbox" name="team_${n}[${fpid}]" value="on"${checked ? ' checked' : ''}>&nbsp;<label>${name}</label></div>`,
          )
          .join('') +
        `</div>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><base href="/"><title>[${p.id}] ${p.title}</title></head><body>
${navbar(p.user)}
<div class="container-fluid"><ul id="peers"></ul><div id="presence" class="pull-right"></div>
<div class="ticketgui"><form id="ticket_form" class="form-horizontal">
<input type="hidden" name="id" value="${p.id}">
<div class="input-prepend"><span class="add-on">${p.id}</span><input class="span7" name="title" value="${p.title}"></div>
<div class="control-group"><label class="control-label">Full Name</label><div class="controls"><input name="submitter_name" value="${p.submitterName}"></div></div>
<div class="control-group"><label class="control-label">Email</label><div class="controls"><input name="submitter_email" value="${p.submitterEmail}"></div></div>
<div class="control-group"><label class="control-label">SUBMITTER_NAME</label><div class="controls"><input disabled name="metadata[SUBMITTER_NAME]" value="${p.metaSubmitterName ?? p.submitterName}"></div></div>
<div class="span7"><legend>Assignees</legend><div class="row-fluid control-group"><div class="span4">${teamHtml}</div></div></div>
<legend>New Update <select class="quickdesc" name="quickdesc"><option value="">(Template)</option></select></legend>
<textarea class="description" name="description"></textarea>
<div class="form-actions"><div class="controls"><button type="submit" class="btn btn-primary">Update</button>
<input type="checkbox" id="notify1" name="notify_assignees" value="on" checked></div></div>
</form><div id="loading_backdrop" style="display:none">Updating ...</div></div>
${updatesBlock(p.updates)}
</div></body></html>`;
}

export interface ViewerPage {
  id: number;
  title: string;
  user: string | null;
  fullName: string;
  email: string;
  submitter?: string;
  assignees: [string, string][];
  updates: PageUpdate[];
}

/** The read-only view; for a guest (`user: null`) emails are locks and there is no New Update box. */
export function viewerPage(p: ViewerPage): string {
  const guest = p.user === null;
  const email = guest ? '<i class="icon-lock"></i>' : `<a href="mailto:${p.email}">${p.email}</a>`;
  const newUpdate = guest
    ? ''
    : `<legend>New Update</legend><textarea class="description" name="description"></textarea>
<div class="form-actions"><button type="submit" class="btn btn-primary">Update</button>
<input type="checkbox" id="notify1" name="notify_assignees" value="on" checked></div>`;
  const assignees = p.assignees
    .map(([name, team]) => `<div class="assignee">${name} <span class="muted"> / ${team}</span></div>`)
    .join('');
  // Guest view: #updates nests inside div.ticketgui (the unclosed attachment-list div).
  const updates = updatesBlock(p.updates);
  return `<!DOCTYPE html><html><head><base href="/"><title>[${p.id}] ${p.title}</title></head><body>
${navbar(p.user)}
<div class="container-fluid"><div class="ticketgui">
<form class="form-horizontal" method="post" action="viewer/updatebasic?id=${p.id}">
<div class="page-header"><h3><span class="muted">${p.id}</span> / ${p.title}</h3></div>
<div class="control-group"><label class="control-label">Full Name</label><div class="controls">${p.fullName}</div></div>
<div class="control-group"><label class="control-label">Email</label><div class="controls">${email}</div></div>
${p.submitter ? `<div class="control-group"><label class="control-label">Submitter</label><div class="controls">${p.submitter}</div></div>` : ''}
<div class="span7"><legend>Assignees</legend>${assignees}<legend>Assignees</legend>TODO</div>
${newUpdate}
</form>
${guest ? `<div id="attachment-list">${updates}</div>` : ''}
</div>
${guest ? '' : updates}
</div></body></html>`;
}

/** A body longer than 35 lines, with the rest (and the signature) behind "Show More". */
export function showMoreBody(visibleLines: string[], hiddenLines: string[], uid = 1): string {
  return (
    `${visibleLines.join('\n')}\n` +
    `<div id="show_${uid}"><button class="btn">Show More</button></div>` +
    `<div class="detail hidden" id="detail_${uid}">${hiddenLines.join('\n')}</div>` +
    `<script>$("#show_${uid} button").click(function() { return false; });</script>`
  );
}
