/**
 * The team's shared configuration file (issue 9, "the team file from a URL") at `/team/team.json`
 * on the GOC origin, so the manifest's host permission covers it. It is the simulator's team
 * (tests/fixtures/team-config.json) as a team lead would publish it, with personal keys that must
 * never reach a member (the lead's identity and signature, notifications and features off).
 *
 * Variants through the usual faults (`POST /__sim/fault {match: '/team/', mode}`):
 * - `markup`: the changed file: one more person (Jeff Dost), a changed expert (HTCondor-CE gets
 *   him and a keyword), a new snippet ("Team: point to the docs");
 * - `500`: HTTP 500; `garbage`: HTTP 200 with junk that is not JSON (a broken file).
 */
import fs from 'node:fs';

const FIXTURE = new URL('../../fixtures/team-config.json', import.meta.url);

export const TEAM_FILE_PATH = '/team/team.json';
export const TEAM_FILE_NEW_PERSON = 'Jeff Dost';
export const TEAM_FILE_SNIPPET = 'Team: ask for the CE configuration';
export const TEAM_FILE_NEW_SNIPPET = 'Team: point to the docs';

/** The published file; `changed` = the lead's next edit. `origin` = the simulator's GOC origin. */
export function teamFile(origin, { changed = false } = {}) {
  const base = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const file = {
    ...base,
    // Personal keys a lead's export may carry: a member must never take them.
    identity: { name: 'Tim Cartwright', email: 'tim.cartwright@wisc.example.edu', footprintsId: 'cat', aliases: ['TimC'] },
    signature: '--\n{name}\nSent from the team lead’s template',
    notifications: { newTicket: 'never', dutyReminder: false, middayNudge: false },
    features: { unsignedGuard: false, keepSoftwareGuard: false, triagePanel: false, closeChecklist: false },
    rotation: { ...base.rotation, source: `${origin}/rotation/rotation.json` },
    snippets: [
      { name: TEAM_FILE_SNIPPET, text: 'Hi {submitter},\n\nCould you attach /etc/condor-ce/config.d/ from the CE?' },
      ...base.snippets.slice(0, 2),
    ],
  };
  if (!changed) return file;
  return {
    ...file,
    team: [...file.team, { name: TEAM_FILE_NEW_PERSON, emails: ['jeff.dost@ucsd.example.edu'], aliases: ['Jeff'], role: 'software' }],
    experts: file.experts.map((e) =>
      e.topic === 'HTCondor-CE' ? { ...e, keywords: [...e.keywords, 'condor-ce-view'], people: [...e.people, TEAM_FILE_NEW_PERSON] } : e,
    ),
    snippets: [...file.snippets, { name: TEAM_FILE_NEW_SNIPPET, text: 'Hi {submitter},\n\nThis is documented at https://osg-htc.org/docs/.' }],
  };
}

export const routes = {
  [TEAM_FILE_PATH]: (c) =>
    c.send(200, JSON.stringify(teamFile(c.v.origin, { changed: c.v.variant === 'changed' }), null, 2) + '\n', 'application/json'),
};
