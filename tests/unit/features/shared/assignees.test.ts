// @vitest-environment happy-dom
/**
 * The editor's assignee lists on hand-written pages in the real site's shape (docs/goc-pages.md §7.1): checklists of
 * boxes, and fblists whose members exist only in an inline `team_N__listdata` script. Reading both, assigning
 * exactly one person the way the page does, undoing exactly that, and hostile list data kept as text.
 */
import { assignedFpIds, assignPerson, readTeams, setAssigned } from '../../../../features/shared/assignees';
import { fblist as simFblist } from '../../../goc-sim/server.mjs';

type Member = [fpid: string, name: string, on: boolean];

function checklist(n: number, name: string, members: Member[]): string {
  const items = members
    .map(
      ([id, label, on]) =>
        `<div class="item${on ? ' checked' : ''}"><input id="cl_team_${n}[${id}]" type="checkbox" name="team_${n}[${id}]" value="on"${on ? ' checked="checked"' : ''}>&nbsp;<label>${label}</label></div>`,
    )
    .join('\n');
  return `<b class="teamname">${name}</b>\n<div class="list" id="team_${n}__list">\n${items}\n</div>`;
}

/** Like the site's fblist(): chosen rows with an inline remove handler, the input, the hint, then the data script. */
function fblist(n: number, name: string, members: Member[], extraChosen: Member[] = []): string {
  const chosen = [...members.filter((m) => m[2]), ...extraChosen]
    .map(([id, label]) => `<div><i class="icon-remove" onclick="$(this).parent().remove();"></i> ${label}<input type="hidden" name="team_${n}[${id}]" value="on"/></div>`)
    .join('\n');
  // PHP's json_encode escapes "/" as "\/", so a "</script>" in a name cannot end the script.
  const php = (v: string) => JSON.stringify(v).replace(/\//g, '\\/');
  const data = members.map(([id, label]) => `{ id: ${php(id)}, label: ${php(label)}}`).join(',\n');
  return `<b class="teamname">${name}</b>
<div class="fblist_container" id="team_${n}__list"><div class="fblist">
${chosen}
<input type="text" class="autocomplete ac_input" autocomplete="off"/>
<p class="muted" id="team_${n}__acnote">Double-click to list all</p>
<script type="text/javascript">$(function() {var team_${n}__listdata = [${data}];
$("#team_${n}__list .autocomplete").autocomplete({source: team_${n}__listdata});});</script>
</div></div>`;
}

const HOSTILE = '<img src=x onerror=alert(1)></script>"\'';
const FACTORY: Member[] = [
  ['jfactory', 'Jeff Dost', false],
  ['mmascher', 'Marco Mascheroni', true],
  ['xss', HOSTILE, false],
  ...Array.from({ length: 12 }, (_, i): Member => [`gf${i}`, `Factory Person ${i}`, false]),
];

function page(): string {
  return `<form id="ticket_form"><div class="row-fluid">
<div class="span4">
${checklist(1, 'OSG Software Team', [
  ['osg-software-support-stream', 'Software Support (Triage)', true],
  ['aroy', 'Alain Roy', false],
  ['cat', 'Tim Cartwright', false],
])}
${checklist(3, 'OSG Security Team', [
  ['cat', 'Tim Cartwright', false],
  ['kagross', 'Kyle Gross', true],
])}
</div>
<div class="span4">${fblist(2, 'Glidein Factory Operations', FACTORY, [['legacy', 'Old Member', true]])}</div>
</div>
<textarea name="description"></textarea>
</form>`;
}

function load(html = page()): Document {
  document.body.innerHTML = html; // scripts inserted this way never run
  return document;
}

function formKeys(doc: Document): string[] {
  return Array.from(new FormData(doc.querySelector('form')!).keys()).filter((k) => k.startsWith('team_'));
}

function snapshot(doc: Document): string {
  return doc.querySelector('form')!.innerHTML + JSON.stringify(Array.from(doc.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).map((i) => i.checked));
}

describe('readTeams / assignedFpIds', () => {
  it('reads both kinds, with names, members and who is assigned; list data stays text', () => {
    const doc = load();
    const teams = readTeams(doc);
    expect(teams.map((t) => [t.key, t.name, t.kind, t.members.length])).toEqual([
      ['team_1', 'OSG Software Team', 'checklist', 3],
      ['team_3', 'OSG Security Team', 'checklist', 2],
      ['team_2', 'Glidein Factory Operations', 'fblist', FACTORY.length + 1],
    ]);
    expect(teams[0].members[0]).toEqual({ fpid: 'osg-software-support-stream', name: 'Software Support (Triage)', assigned: true });
    const factory = teams[2].members;
    expect(factory.slice(0, 3)).toEqual([
      { fpid: 'jfactory', name: 'Jeff Dost', assigned: false },
      { fpid: 'mmascher', name: 'Marco Mascheroni', assigned: true },
      { fpid: 'xss', name: HOSTILE, assigned: false },
    ]);
    // Chosen by the server but missing from the list data: still a member, named by its row.
    expect(factory[factory.length - 1]).toEqual({ fpid: 'legacy', name: 'Old Member', assigned: true });
    expect(doc.querySelector('img')).toBeNull();
    expect([...assignedFpIds(doc)]).toEqual(['osg-software-support-stream', 'kagross', 'mmascher', 'legacy']);
  });

  it('finds list data in a page-level script and ignores other teams\u2019 inputs', () => {
    const doc = load(
      `<form id="ticket_form"><b class="teamname">Big</b><div class="fblist_container" id="team_5__list"><div class="fblist">
<input type="hidden" name="team_50[zz]" value="on"><input class="autocomplete"></div></div></form>
<script>var persons = [{label: "x"}]; var team_5__listdata = [{id: 'p1', label: 'P One'}];</script>`,
    );
    expect(readTeams(doc)).toEqual([{ key: 'team_5', name: 'Big', kind: 'fblist', members: [{ fpid: 'p1', name: 'P One', assigned: false }] }]);
    expect(assignedFpIds(doc).size).toBe(0);
  });
});

describe('assignPerson in a checklist', () => {
  it('ticks exactly one box (first team), sets the item class, fires a bubbling change and no click; undo restores', () => {
    const doc = load();
    const before = snapshot(doc);
    const seen: string[] = [];
    doc.querySelector('form')!.addEventListener('change', (e) => seen.push(`change:${(e.target as HTMLInputElement).name}`));
    doc.addEventListener('click', () => seen.push('click'), true);
    const r = assignPerson(doc, { name: 'tim  CARTWRIGHT' });
    expect([r.state, r.team, r.key, r.fpid]).toEqual(['ticked', 'OSG Software Team', 'team_1', 'cat']);
    expect(seen).toEqual(['change:team_1[cat]']);
    const box = doc.querySelector<HTMLInputElement>('input[name="team_1[cat]"]')!;
    expect(box.checked).toBe(true);
    expect(box.closest('.item')!.classList.contains('checked')).toBe(true);
    expect(doc.querySelector<HTMLInputElement>('input[name="team_3[cat]"]')!.checked).toBe(false);
    expect(formKeys(doc)).toContain('team_1[cat]');
    expect(assignPerson(doc, { name: 'Tim Cartwright' }).state).toBe('already');
    r.undo();
    expect(snapshot(doc)).toBe(before);
  });

  it('prefers the team named by the hint, and finds by FP id when given', () => {
    const doc = load();
    const r = assignPerson(doc, { name: 'Tim Cartwright', team: 'security' });
    expect([r.state, r.key]).toEqual(['ticked', 'team_3']);
    r.undo();
    expect(assignPerson(doc, { name: 'Someone Else', footprintsId: 'aroy' })).toMatchObject({ state: 'ticked', fpid: 'aroy' });
  });

  it('reports already-assigned and missing people without changing anything', () => {
    const doc = load();
    const before = snapshot(doc);
    expect(assignPerson(doc, { name: 'Kyle Gross' })).toMatchObject({ state: 'already', team: 'OSG Security Team' });
    expect(assignPerson(doc, { name: 'Nobody Listed' })).toMatchObject({ state: 'missing', team: '' });
    expect(assignPerson(doc, { name: '' }).state).toBe('missing');
    expect(snapshot(doc)).toBe(before);
  });
});

describe('assignPerson in an fblist', () => {
  it('adds a row like the page\u2019s select handler, before the input; our remove icon removes it; undo too', () => {
    const doc = load();
    const r = assignPerson(doc, { name: 'Jeff Dost', footprintsId: 'jfactory' });
    expect([r.state, r.team, r.key, r.fpid]).toEqual(['added', 'Glidein Factory Operations', 'team_2', 'jfactory']);
    const row = doc.querySelector('[data-gta="assignee-added"]')!;
    expect(row.nextElementSibling!.matches('input.autocomplete')).toBe(true);
    expect(row.classList.contains('gta-assignee-added')).toBe(true);
    expect(row.textContent!.trim()).toBe('Jeff Dost');
    const icon = row.querySelector('i.icon-remove')!;
    expect(icon.hasAttribute('onclick')).toBe(false);
    const hidden = row.querySelector<HTMLInputElement>('input[type="hidden"]')!;
    expect([hidden.name, hidden.value]).toEqual(['team_2[jfactory]', 'on']);
    expect(formKeys(doc)).toContain('team_2[jfactory]');
    expect(assignedFpIds(doc).has('jfactory')).toBe(true);
    expect(readTeams(doc)[2].members[0]).toEqual({ fpid: 'jfactory', name: 'Jeff Dost', assigned: true });
    expect(assignPerson(doc, { name: 'Jeff Dost' }).state).toBe('already');

    (icon as HTMLElement).click();
    expect(row.isConnected).toBe(false);
    expect(formKeys(doc)).not.toContain('team_2[jfactory]');
    // Pre-selected rows are untouched.
    expect(formKeys(doc)).toEqual(expect.arrayContaining(['team_2[mmascher]', 'team_2[legacy]']));

    const before = snapshot(doc);
    const again = assignPerson(doc, { name: 'jeff dost' });
    expect(again.state).toBe('added');
    again.undo();
    expect(snapshot(doc)).toBe(before);
  });

  it('matches a hostile label by name and writes it as text', () => {
    const doc = load();
    const r = assignPerson(doc, { name: HOSTILE });
    expect(r).toMatchObject({ state: 'added', fpid: 'xss' });
    const row = doc.querySelector('[data-gta="assignee-added"]')!;
    expect(row.textContent!.trim()).toBe(HOSTILE);
    expect(row.querySelector('img, script')).toBeNull();
  });

  it('sees a chosen member as already assigned', () => {
    const doc = load();
    expect(assignPerson(doc, { name: 'X', footprintsId: 'mmascher' })).toMatchObject({ state: 'already', key: 'team_2' });
    expect(doc.querySelector('[data-gta="assignee-added"]')).toBeNull();
  });
});

describe('setAssigned', () => {
  it('ticks and unticks a box, reporting changes only', () => {
    const doc = load();
    const box = doc.querySelector<HTMLInputElement>('input[name="team_1[osg-software-support-stream]"]')!;
    expect(setAssigned(doc, 'team_1', 'osg-software-support-stream', true)).toBe(false);
    expect(setAssigned(doc, 'team_1', 'osg-software-support-stream', false)).toBe(true);
    expect([box.checked, box.closest('.item')!.classList.contains('checked')]).toEqual([false, false]);
    expect(setAssigned(doc, 'team_1', 'osg-software-support-stream', true)).toBe(true);
    expect([box.checked, box.closest('.item')!.classList.contains('checked')]).toEqual([true, true]);
    expect(setAssigned(doc, 'team_9', 'x', true)).toBe(false);
    expect(setAssigned(doc, 'team_1', 'nobody', true)).toBe(false);
  });

  it('removes a page row and re-adds it with the name from the list data', () => {
    const doc = load();
    expect(setAssigned(doc, 'team_2', 'mmascher', false)).toBe(true);
    expect(formKeys(doc)).not.toContain('team_2[mmascher]');
    expect(doc.querySelector('.fblist input.autocomplete')).not.toBeNull();
    expect(setAssigned(doc, 'team_2', 'mmascher', false)).toBe(false);
    expect(setAssigned(doc, 'team_2', 'mmascher', true)).toBe(true);
    expect(formKeys(doc)).toContain('team_2[mmascher]');
    expect(doc.querySelector('[data-gta="assignee-added"]')!.textContent!.trim()).toBe('Marco Mascheroni');
    expect(setAssigned(doc, 'team_2', 'mmascher', true)).toBe(false);
  });
});

describe('the simulator\u2019s copy of the site\u2019s fblist() markup', () => {
  const BAD = '</script><img src=x onerror=alert(1)> & "q" \'s';
  const items = [{ id: 'bad', label: BAD }, ...Array.from({ length: 13 }, (_, i) => ({ id: `p${i}`, label: `Person ${i}` }))];

  it('reads escaped list data and server-printed rows as text; adds before the input; removes by keyboard too', () => {
    const doc = load(`<form id="ticket_form"><b class="teamname">Glidein</b>\n${simFblist('team_7', items, ['bad'])}</form>`);
    const [team] = readTeams(doc);
    expect(team.kind).toBe('fblist');
    expect(team.members).toHaveLength(items.length);
    expect(team.members[0]).toEqual({ fpid: 'bad', name: BAD, assigned: true });
    expect(doc.querySelector('img')).toBeNull();
    expect(assignPerson(doc, { name: BAD }).state).toBe('already');

    const r = assignPerson(doc, { name: 'person 3' });
    expect(r).toMatchObject({ state: 'added', key: 'team_7', fpid: 'p3' });
    const row = doc.querySelector('[data-gta="assignee-added"]')!;
    expect(row.nextElementSibling!.matches('input.autocomplete')).toBe(true);
    expect(row.parentElement!.matches('.fblist')).toBe(true);
    expect(formKeys(doc)).toEqual(['team_7[bad]', 'team_7[p3]']);
    row.querySelector('i')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(row.isConnected).toBe(false);
    expect(formKeys(doc)).toEqual(['team_7[bad]']);
  });
});
