// @vitest-environment happy-dom
/**
 * Team numbering (issue 13, docs/goc-pages.md §7.1): `N` in `team_N` is the FP schema's array index, which the
 * extension cannot know (the simulator now numbers Software `team_2`, as the real site does). The
 * extension's readers must take meaning from the `b.teamname` heading and the FP ids only: this
 * renders one editor page from the simulator, renumbers every team, and checks each reader named in
 * the issue gives the same answer by name on both pages.
 */
import { describe, expect, it } from 'vitest';
import {
  SimState, renderTicketPage, PERSONAS, SOFTWARE_PSEUDO_ID, SOFTWARE_TEAM_INDEX, TEAMS, type ViewContext,
} from '../../../goc-sim/server.mjs';
import { readTeams, assignPerson, assignedSoftware, setAssigned, type TeamList } from '../../../../features/shared/assignees';
import { readTicket } from '../../../../utils/goc/ticket';
import { parseListData } from '../../../../utils/goc/fblist';
import { softwareAssigneeMatcher, droppedSoftwareAssignees } from '../../../../utils/keep-software';
import { DEFAULT_SETTINGS } from '../../../../utils/settings/defaults';

const NOW = Date.parse('2026-03-04T15:27:00Z');
const state = new SimState({ seed: 1, now: NOW });
const view: ViewContext = {
  base: '', origin: 'https://ticket.opensciencegrid.org', user: PERSONAS.get('rquick')!, now: NOW, flash: null, variant: 'normal', query: '',
};
const ASSIGNED = [SOFTWARE_PSEUDO_ID, 'blin', 'sc-uscms-t2', 'gf-kfong'];
const t = state.tickets.find((x) => x.assignees.includes(SOFTWARE_PSEUDO_ID))!;
const html = renderTicketPage({ ...state.viewTicket(t), assignees: ASSIGNED }, view);

/** Every `team_N` → `team_<perm[N]>` (ids, names, onclick code, list-data variables alike). */
function renumber(source: string, perm: (n: number) => number): string {
  return source.replace(/\bteam_(\d+)(?=__|\[)/g, (_, n) => `team_${perm(Number(n))}`);
}
/** Reversed order: Software (2) becomes team_5, GOC (0) team_7, Glidein (7) team_0. */
const REVERSED = (n: number) => TEAMS.length - 1 - n;
/** Software takes team_1, the number the simulator used to give it. */
const SWAP = (n: number) => (n === 1 ? 2 : n === 2 ? 1 : n);

function load(source: string): Document {
  document.open();
  document.write(source.replace(/<link\b[^>]*>/g, '').replace(/<script src=[^>]*><\/script>/g, ''));
  document.close();
  return document;
}
/** A team list without its page key: what it means. */
const meaning = (teams: TeamList[]) =>
  teams.map(({ name, kind, members }) => ({ name, kind, members })).sort((a, b) => a.name.localeCompare(b.name));
const teamOfKey = (doc: Document, key: string) => readTeams(doc).find((x) => x.key === key)?.name;
const isSoftware = softwareAssigneeMatcher(DEFAULT_SETTINGS.queue.softwareAssignees);

describe('the simulator numbers teams like the real site', () => {
  it('Software is team_2 under b.teamname "OSG Software Team"', () => {
    const doc = load(html);
    expect(SOFTWARE_TEAM_INDEX).toBe(2);
    expect(teamOfKey(doc, 'team_2')).toBe('OSG Software Team');
    expect(doc.querySelector<HTMLInputElement>(`input[name="team_2[${SOFTWARE_PSEUDO_ID}]"]`)!.checked).toBe(true);
    expect(doc.querySelector(`input[name="team_1[${SOFTWARE_PSEUDO_ID}]"]`)).toBeNull();
  });
});

describe.each([
  ['reversed', REVERSED],
  ['Software as team_1', SWAP],
])('readers key on the team name, not N (%s)', (_label, perm) => {
  const renumbered = renumber(html, perm);

  it('renumbering really moved the Software team', () => {
    const doc = load(renumbered);
    const key = `team_${perm(SOFTWARE_TEAM_INDEX)}`;
    expect(key).not.toBe('team_2');
    expect(teamOfKey(doc, key)).toBe('OSG Software Team');
  });

  it('readTeams (features/shared/assignees.ts): the same teams, members and kinds by name', () => {
    const a = meaning(readTeams(load(html)));
    const b = meaning(readTeams(load(renumbered)));
    expect(a.length).toBe(TEAMS.length);
    expect(b).toEqual(a);
  });

  it('readTicket (utils/goc/ticket.ts): the same assignees (FP id and name)', () => {
    const a = readTicket(load(html)).ticket.assignees;
    const b = readTicket(load(renumbered)).ticket.assignees;
    expect(a.map((x) => x.fpid).sort()).toEqual([...ASSIGNED].sort());
    expect(b).toEqual(a);
  });

  it('parseListData (utils/goc/fblist.ts): the same fblist members; the key names the list it came from', () => {
    const scripts = (src: string) => [...load(src).querySelectorAll('#ticket_form script')].map((s) => s.textContent ?? '').join('\n');
    const byName = (src: string) => {
      const doc = load(src);
      return parseListData(scripts(src))
        .map((d) => ({ name: teamOfKey(doc, d.team), entries: d.entries }))
        .sort((x, y) => String(x.name).localeCompare(String(y.name)));
    };
    const a = byName(html);
    expect(a.map((x) => x.name)).toEqual(['OSG Glidein Factory Operations', 'OSG Support Centers']);
    expect(byName(renumbered)).toEqual(a);
  });

  it('keep-Software (assignedSoftware + utils/keep-software.ts): the pseudo-user is found in the Software team and put back there', () => {
    for (const src of [html, renumbered]) {
      const doc = load(src);
      const at = assignedSoftware(readTeams(doc), isSoftware);
      expect(at.map((x) => [teamOfKey(doc, x.key), x.fpid])).toEqual([['OSG Software Team', SOFTWARE_PSEUDO_ID]]);
      // The user unticks it; the guard's check sees it dropped and re-ticks it in the team it was in.
      const box = doc.querySelector<HTMLInputElement>(`input[name="${at[0].key}[${SOFTWARE_PSEUDO_ID}]"]`)!;
      box.checked = false;
      const now = assignedSoftware(readTeams(doc), isSoftware).map((x) => ({ fpid: x.fpid, name: x.name }));
      expect(droppedSoftwareAssignees(at, now, DEFAULT_SETTINGS.queue.softwareAssignees).map((x) => x.fpid)).toEqual([SOFTWARE_PSEUDO_ID]);
      expect(setAssigned(doc, at[0].key, SOFTWARE_PSEUDO_ID, true)).toBe(true);
      expect(box.checked).toBe(true);
    }
  });

  it('assignPerson (triage panel, experts): picks the team by its name hint whatever its number', () => {
    for (const src of [html, renumbered]) {
      // Cat is in the Software team and the Security team: the hint decides, by name.
      let doc = load(src);
      const sec = assignPerson(doc, { name: 'Tim Cartwright', footprintsId: 'cat', team: 'Security' });
      expect([sec.state, sec.team, teamOfKey(doc, sec.key)]).toEqual(['ticked', 'OSG Security Team', 'OSG Security Team']);
      doc = load(src);
      const sw = assignPerson(doc, { name: 'Tim Cartwright', footprintsId: 'cat', team: 'Software' });
      expect([sw.state, sw.team, teamOfKey(doc, sw.key)]).toEqual(['ticked', 'OSG Software Team', 'OSG Software Team']);
      doc = load(src);
      const gf = assignPerson(doc, { name: 'Marisol Howard', team: 'Glidein' });
      expect([gf.state, gf.team]).toEqual(['added', 'OSG Glidein Factory Operations']);
    }
  });
});
