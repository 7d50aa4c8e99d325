/** utils/settings/team-file: the merge rules of the team file by URL (issue 9). */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';
import {
  activeOverrides,
  applyTeamValues,
  isTeamPath,
  parseTeamFile,
  recordOverrides,
  summarizeTeamChanges,
  type TeamValues,
} from '../../../../utils/settings/team-file';

const EXPORTS = path.resolve(__dirname, '../../../fixtures/settings-exports');
const ME = { name: 'Carl Edquist', email: 'carl.edquist@wisc.example.edu', footprintsId: 'edquist', aliases: ['Carl'] };

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function teamValues(file: unknown): TeamValues {
  const r = parseTeamFile(typeof file === 'string' ? file : JSON.stringify(file));
  if (!r.ok) throw new Error(r.error);
  return r.values;
}

/** What the store would keep: the merge validated like every save. */
function effective(current: Settings, values: TeamValues, overrides = {}): Settings {
  return settingsWith(applyTeamValues(current, values, overrides));
}

const TEAM_FILE = {
  version: 1,
  identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' },
  signature: '--\n{name}\nThe lead’s signature',
  notifications: { newTicket: 'never', dutyReminder: false, middayNudge: false },
  features: { unsignedGuard: false, keepSoftwareGuard: false, triagePanel: false, closeChecklist: false },
  schedule: { workStart: '07:00', workEnd: '15:00', middayNudge: '11:00' },
  teamFile: { url: 'https://evil.example.org/other.json' },
  goc: { extraOrigins: ['https://evil.example.org'] },
  team: [
    { name: 'Alain Roy', role: 'software' },
    { name: 'Brian Lin', role: 'software', footprintsId: 'blin' },
  ],
  experts: [{ topic: 'HTCondor-CE', keywords: ['condor-ce'], people: ['Brian Lin'] }],
  snippets: [{ name: 'Ask for logs', text: 'Hi {submitter},\nplease attach logs.' }],
  rotation: { source: 'https://ticket.opensciencegrid.org/rotation/rotation.json', timeZone: 'America/New_York', holidays: ['2026-12-25'], syncHours: 1 },
  queue: { staleDays: 5, softwareAssignees: ['Software'] },
  jira: { baseUrl: 'https://jira.example.org', projectKey: 'SOFTWARE' },
  triage: { nextActions: ['{owner}: look'] },
};

describe('isTeamPath', () => {
  it('allows the team keys and refuses every personal one', () => {
    for (const p of ['team', 'experts', 'snippets', 'rotation.source', 'rotation.timeZone', 'rotation.holidays', 'rotation.overrides', 'queue.staleDays', 'queue.someFutureKey', 'jira.baseUrl', 'triage.docLinks']) {
      expect(isTeamPath(p)).toBe(true);
    }
    for (const p of ['identity', 'identity.name', 'signature', 'notifications.newTicket', 'features.unsignedGuard', 'schedule.workStart', 'rotation.syncHours', 'teamFile.url', 'goc.extraOrigins', 'version', 'queue.__proto__', 'queue.a.b', 'rotation']) {
      expect(isTeamPath(p)).toBe(false);
    }
  });
});

describe('parseTeamFile', () => {
  it('keeps only the team keys the file carries, and says which personal keys it left out', () => {
    const r = parseTeamFile(JSON.stringify(TEAM_FILE));
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.values).sort()).toEqual(
      ['experts', 'jira.baseUrl', 'jira.projectKey', 'queue.softwareAssignees', 'queue.staleDays', 'rotation.holidays', 'rotation.source', 'rotation.timeZone', 'snippets', 'team', 'triage.nextActions'].sort(),
    );
    // Validated like an import: defaults inside list items are filled in.
    expect(r.values.team).toEqual([
      { name: 'Alain Roy', emails: [], aliases: [], role: 'software' },
      { name: 'Brian Lin', emails: [], aliases: [], role: 'software', footprintsId: 'blin' },
    ]);
    expect(r.notes.join('\n')).toMatch(/not taken from the team file \(they are yours\): identity, signature, notifications, features, schedule, teamFile, goc, rotation\.syncHours/);
  });

  it('refuses a broken file with the reason, like import does', () => {
    expect(parseTeamFile('<html>Sign in</html>')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseTeamFile(JSON.stringify({ team: [{ name: 'X', role: 'lead' }] }))).toMatchObject({ ok: false, error: expect.stringMatching(/^team\[0\]\.role/) });
    expect(parseTeamFile('x'.repeat(1_000_001))).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('leaves out an address that breaks the https rule and takes the rest', () => {
    const r = parseTeamFile(JSON.stringify({ rotation: { source: 'http://twiki.example.org/Rota' }, queue: { staleDays: 4 } }));
    if (!r.ok) throw new Error(r.error);
    expect(r.values).toEqual({ 'queue.staleDays': 4 });
    expect(r.notes[0]).toMatch(/rotation\.source .* was not imported/);
  });

  it('reads every frozen old export (tests/fixtures/settings-exports) that import reads', () => {
    for (const name of fs.readdirSync(EXPORTS).filter((f) => f.endsWith('.json') && !f.includes('changed-field'))) {
      const r = parseTeamFile(fs.readFileSync(path.join(EXPORTS, name), 'utf8'));
      expect(r.ok, name).toBe(true);
    }
    const old = teamValues(fs.readFileSync(path.join(EXPORTS, 'unversioned-hand-written.json'), 'utf8'));
    expect((old.team as { name: string }[]).map((m) => m.name)).toEqual(['Tim Theisen', 'Kyle Gross']);
    expect(old['queue.staleDays']).toBe(10);
    const mine = effective(settingsWith({ identity: ME }), old);
    expect(mine.identity).toEqual(ME);
    expect(mine.queue.staleDays).toBe(10);
  });

  it('keeps keys this version does not know inside team sections and list items', () => {
    const values = teamValues(fs.readFileSync(path.join(EXPORTS, 'v2-from-a-newer-extension.json'), 'utf8'));
    expect(values['queue.quietHours']).toEqual({ from: '22:00', to: '06:00' });
    const mine = effective(settingsWith({ identity: ME }), values) as unknown as Record<string, any>;
    expect(mine.queue.quietHours).toEqual({ from: '22:00', to: '06:00' });
    expect(mine.team[0].timeZone).toBe('America/Chicago');
    // An unknown top-level section may be personal: not applied.
    expect(mine.escalation).toBeUndefined();
  });
});

describe('applyTeamValues', () => {
  it('never overwrites a personal key', () => {
    const mine = settingsWith({
      identity: ME,
      signature: '-- \n{name}',
      notifications: { newTicket: 'always', dutyReminder: true, middayNudge: true },
      features: { unsignedGuard: true },
      schedule: { workStart: '10:00' },
      rotation: { syncHours: 12 },
      teamFile: { url: 'https://ticket.opensciencegrid.org/team/team.json' },
    });
    const after = effective(mine, teamValues(TEAM_FILE));
    expect(after.identity).toEqual(mine.identity);
    expect(after.signature).toBe(mine.signature);
    expect(after.notifications).toEqual(mine.notifications);
    expect(after.features).toEqual(mine.features);
    expect(after.schedule).toEqual(mine.schedule);
    expect(after.rotation.syncHours).toBe(12);
    expect(after.teamFile).toEqual(mine.teamFile);
    expect(after.goc).toEqual(mine.goc);
    // …and the team keys did come from the file.
    expect(after.team.map((m) => m.name)).toEqual(['Alain Roy', 'Brian Lin']);
    expect(after.rotation.timeZone).toBe('America/New_York');
    expect(after.queue.staleDays).toBe(5);
    expect(after.queue.checkMinutes).toBe(10);
  });

  it('a key the file does not carry stays as the user had it', () => {
    const mine = settingsWith({ identity: ME, jira: { baseUrl: 'https://my-jira.example.org' }, queue: { checkMinutes: 15 } });
    const after = effective(mine, teamValues({ queue: { staleDays: 3 } }));
    expect(after.jira.baseUrl).toBe('https://my-jira.example.org');
    expect(after.queue).toMatchObject({ staleDays: 3, checkMinutes: 15 });
  });

  it('keeps keys this version does not know in the stored settings', () => {
    const mine = settingsWith({ identity: ME, futureSection: { a: 1 }, queue: { futureKnob: true } });
    const after = effective(mine, teamValues(TEAM_FILE)) as unknown as Record<string, any>;
    expect(after.futureSection).toEqual({ a: 1 });
    expect(after.queue.futureKnob).toBe(true);
  });
});

describe('overrides', () => {
  const v1 = teamValues(TEAM_FILE);
  const synced = effective(settingsWith({ identity: ME, teamFile: { url: 'https://x.example.org/t.json' } }), v1);

  it('a save that changes a team key to a value of its own records it; back to the team value drops it', () => {
    const mySnippets = [{ name: 'Mine', text: 'Hello {submitter}' }];
    const edited = settingsWith({ ...synced, snippets: mySnippets });
    const overrides = recordOverrides(synced, edited, v1, {});
    expect(overrides).toEqual({ snippets: mySnippets });
    expect(activeOverrides(v1, overrides!)).toEqual(['snippets']);
    // A save that does not touch the team keys changes nothing.
    expect(recordOverrides(edited, settingsWith({ ...edited, identity: { ...ME, name: 'Carl E.' } }), v1, overrides!)).toBeNull();
    // Back to the team's value: no override any more.
    expect(recordOverrides(edited, synced, v1, overrides!)).toEqual({});
  });

  it('is kept across a changed team file; dropping it takes the (new) team value', () => {
    const mySnippets = [{ name: 'Mine', text: 'Hello {submitter}' }];
    const overrides = { snippets: mySnippets, 'queue.staleDays': 9 };
    const mine = effective(synced, v1, overrides);
    const v2 = teamValues({
      ...TEAM_FILE,
      team: [...TEAM_FILE.team, { name: 'Tim Theisen', role: 'software' }],
      snippets: [...TEAM_FILE.snippets, { name: 'Closing', text: 'Bye {submitter}' }],
      queue: { staleDays: 6 },
    });
    const after = effective(mine, v2, overrides);
    expect(after.snippets).toEqual(mySnippets);
    expect(after.queue.staleDays).toBe(9);
    expect(after.team.map((m) => m.name)).toEqual(['Alain Roy', 'Brian Lin', 'Tim Theisen']);
    // "Use the team's value" for the snippets: the new file's snippets.
    const { snippets: _dropped, ...rest } = overrides;
    const dropped = effective(after, v2, rest);
    expect(dropped.snippets.map((s) => s.name)).toEqual(['Ask for logs', 'Closing']);
    expect(dropped.queue.staleDays).toBe(9);
  });

  it('a broken file changes nothing: the last good values stay in use', () => {
    expect(parseTeamFile('{"team": [').ok).toBe(false);
    // The service keeps the last good values; applying them again is a no-op.
    expect(effective(synced, v1)).toEqual(synced);
  });
});

describe('summarizeTeamChanges', () => {
  it('says per area what changed: people, topics, snippets, settings', () => {
    const base = defaultSettings();
    const v1 = teamValues(TEAM_FILE);
    const v2 = teamValues({
      ...TEAM_FILE,
      team: [...TEAM_FILE.team, { name: 'Tim Theisen', role: 'software' }],
      experts: [{ topic: 'HTCondor-CE', keywords: ['condor-ce', 'htcondor-ce'], people: ['Brian Lin', 'Tim Theisen'] }],
      snippets: [...TEAM_FILE.snippets, { name: 'Closing', text: 'Bye {submitter}' }],
      queue: { staleDays: 6, softwareAssignees: ['Software'] },
    });
    const paths = [...new Set([...Object.keys(v1), ...Object.keys(v2)])];
    const lines = summarizeTeamChanges(
      applyTeamValues(base, v1) as Settings,
      applyTeamValues(base, v2) as Settings,
      paths,
      { snippets: [] },
    );
    const text = Object.fromEntries(lines.map((l) => [l.area, l.text]));
    expect(text).toEqual({
      roster: '+1 person',
      experts: '1 topic changed',
      snippets: '+1 snippet',
      rotation: 'unchanged',
      queue: 'queue.staleDays: 5 → 6'.slice('queue.'.length),
      jira: 'unchanged',
      triage: 'unchanged',
    });
    expect(lines.find((l) => l.area === 'snippets')?.overridden).toBe(true);
    expect(lines.find((l) => l.area === 'queue')?.details).toEqual(['queue.staleDays: 5 → 6']);
  });
});
