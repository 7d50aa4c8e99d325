/**
 * Editor pages for the triage panel tests, following docs/goc-pages.md §4.3, §7.1 and §8: checklist
 * teams (≤12, `div.item` + checkbox + label) and an fblist team (>12: chosen rows before the
 * autocomplete input, every member only in the inline script's `team_N__listdata`).
 */

export interface TriagePageOptions {
  nextAction?: string;
  nad?: string;
  /** [team index, team name, fpid, display name, checked] */
  checklist?: [number, string, string, string, boolean][];
  /** The fblist team: index, name, members [fpid, label] and the chosen fpids. */
  fblist?: { index: number; name: string; members: [string, string][]; chosen: string[] };
  title?: string;
  bodies?: string[];
  description?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const SOFTWARE_CHECKLIST: [number, string, string, string, boolean][] = [
  [1, 'OSG Software Team', 'osg-software-support-stream', 'Software Support (Triage)', true],
  [1, 'OSG Software Team', 'aroy', 'Alain Roy', false],
  [1, 'OSG Software Team', 'blin', 'Brian Lin', false],
  [1, 'OSG Software Team', 'tim', 'Tim Theisen', false],
  [1, 'OSG Software Team', 'matyas', 'Mat Selmeci', false],
  [0, 'OSG GOC Support Team', 'rquick', 'Rob Quick', true],
];

export const GLIDEIN_FBLIST = {
  index: 7,
  name: 'OSG Glidein Factory Operations',
  members: [
    ['gf-kfong', 'Kelly Fong'],
    ['gf-loconnor', "Liam O'Connor"],
    ['gf-jdost', 'Jeff Dost'],
  ] as [string, string][],
  chosen: ['gf-jdost'],
};

function jsString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c');
}

export function triageEditorPage(o: TriagePageOptions = {}): string {
  const teams = new Map<number, { name: string; items: string[] }>();
  for (const [n, team, fpid, name, checked] of o.checklist ?? SOFTWARE_CHECKLIST) {
    const t = teams.get(n) ?? { name: team, items: [] };
    t.items.push(
      `<div class="item${checked ? ' checked' : ''}"><input id="cl_team_${n}[${fpid}]" type="checkbox" name="team_${n}[${fpid}]" value="on"${checked ? ' checked' : ''}>&nbsp;<label>${esc(name)}</label></div>`,
    );
    teams.set(n, t);
  }
  const checklists = [...teams].map(([n, t]) => `<b class="teamname">${esc(t.name)}</b><div class="list" id="team_${n}__list">${t.items.join('')}</div>`).join('\n');
  const f = o.fblist;
  const fblist = f
    ? `<b class="teamname">${esc(f.name)}</b><div class="fblist_container" id="team_${f.index}__list"><div class="fblist">` +
      f.chosen
        .map((id) => `<div><i class="icon-remove"></i> ${esc(f.members.find((m) => m[0] === id)?.[1] ?? id)}<input type="hidden" name="team_${f.index}[${id}]" value="on"/></div>`)
        .join('') +
      `<input type="text" class="autocomplete ac_input"/>` +
      `<script>var team_${f.index}__listdata = [${f.members.map(([id, label]) => `{ id: ${jsString(id)}, label: ${jsString(label)}}`).join(',\n')}];</script>` +
      `<p class="muted" id="team_${f.index}__acnote"><small>Double-click to list all members</small></p></div></div>`
    : '';
  const updates = (o.bodies ?? ['Jobs are held.'])
    .map((b, i) => `<div class="update_description"><div class="header"><time datetime="2026-11-30T1${i}:00:00+00:00">x</time></div><pre>${esc(b)}</pre></div>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><base href="/"><title>[4242] ${esc(o.title ?? 'Held jobs')}</title></head><body>
<div class="navbar navbar-inverse navbar-fixed-top"><ul class="nav pull-right"><li class="dropdown"><a id="menu_user" class="dropdown-toggle" href="#">Alain Roy <span class="caret"></span></a></li></ul></div>
<div class="container-fluid"><div class="ticketgui"><form id="ticket_form" class="form-horizontal">
<input type="hidden" name="id" value="4242">
<div class="input-prepend"><span class="add-on">4242</span><input class="span7" name="title" value="${esc(o.title ?? 'Held jobs')}"></div>
<div class="row-fluid"><div class="span5"><fieldset><legend>Details</legend>
<div class="control-group"><label class="control-label">Next Action</label><div class="controls"><input type="text" name="next_action" value="${esc(o.nextAction ?? 'SOFTWARE TRIAGE')}"/></div></div>
<div class="control-group"><label class="control-label">Next Action Deadline</label><div class="controls"><input type="text" name="nad" value="${esc(o.nad ?? '2026-12-04')}"/></div></div>
</fieldset></div>
<div class="span7"><legend>Assignees</legend><div class="row-fluid control-group"><div class="span4">${checklists}</div><div class="span4">${fblist}</div></div></div></div>
<legend>New Update <select class="quickdesc" name="quickdesc"><option value="">(Template)</option></select></legend>
<textarea class="description span12" name="description">${esc(o.description ?? '')}</textarea>
<div class="form-actions"><div class="controls"><button type="submit" class="btn btn-primary">Update</button></div></div>
</form><div id="loading_backdrop" style="display:none">Updating ...</div></div>
<div id="updates"><legend>Past Updates</legend>${updates}</div>
</div></body></html>`;
}
