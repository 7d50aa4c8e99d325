/** utils/settings/team-file: the merge rules of the team file by URL (issue 9). */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, parseSettings, SETTINGS_VERSION, type Settings } from '../../../../utils/settings';
import {
  activeOverrides,
  anyChange,
  applyTeamValues,
  canonical,
  isTeamPath,
  parseTeamFile,
  recordOverrides,
  summarizeTeamChanges,
  teamValueAt,
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


function parsed(file: unknown) {
  const r = parseTeamFile(JSON.stringify(file));
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('isTeamPath: the key after the section must be a plain name', () => {
  it('refuses keys that do not start with a letter or hold other characters', () => {
    for (const p of ['queue.stale-days', 'queue.-x', 'queue.x-', 'queue._x', 'queue.9x', 'queue.', 'queue. x', 'jira.x y']) {
      expect(isTeamPath(p), p).toBe(false);
    }
    for (const p of ['queue.x', 'queue.x_9', 'jira.projectId', 'triage.nextActions']) expect(isTeamPath(p), p).toBe(true);
  });

  it('refuses a section it does not know, a team list with a key, and a bare section', () => {
    for (const p of ['escalation.after', 'team.name', 'snippets.0', 'queue', 'jira', 'triage', 'rotation.syncHours', 'Team', '']) {
      expect(isTeamPath(p), p).toBe(false);
    }
  });
});

describe('parseTeamFile: notes and warnings', () => {
  it('a file with team keys only has no notes', () => {
    expect(parsed({ version: 1, queue: { staleDays: 4 }, team: [{ name: 'A' }] }).notes).toEqual([]);
  });

  it('names the top-level keys this version does not know, apart from the personal ones', () => {
    const r = parsed({ escalation: { after: 2 }, identity: { name: 'X' }, laterList: [1] });
    expect(r.notes).toEqual([
      'not taken from the team file (they are yours): identity',
      'not known to this version, left out: escalation, laterList',
    ]);
    expect(r.values).toEqual({});
  });

  it('a rotation key that is not a team key is named as yours; a section key that is not a plain name is left out quietly', () => {
    const r = parsed({ rotation: { calendarColor: '#f00', timeZone: 'UTC' }, queue: { 'stale-days': 3, staleDays: 2 } });
    expect(r.values).toEqual({ 'rotation.timeZone': 'UTC', 'queue.staleDays': 2 });
    expect(r.notes).toEqual(['not taken from the team file (they are yours): rotation.calendarColor']);
  });

  it('passes on the warning about a file from a newer version', () => {
    const r = parsed({ version: SETTINGS_VERSION + 1, queue: { staleDays: 4 } });
    expect(r.warnings).toEqual([expect.stringMatching(/newer version/)]);
    expect(parsed({ queue: { staleDays: 4 } }).warnings).toEqual([]);
  });

  it('refused addresses come first in the notes, then the personal keys', () => {
    const r = parsed({ jira: { baseUrl: 'http://jira.example.org', projectKey: 'X' }, signature: '{name}' });
    expect(r.values).toEqual({ 'jira.projectKey': 'X' });
    expect(r.notes).toEqual([
      expect.stringMatching(/^jira\.baseUrl "http:\/\/jira\.example\.org" was not imported/),
      'not taken from the team file (they are yours): signature',
    ]);
  });

  it('values are the validated ones: trimmed, defaults filled in', () => {
    const r = parsed({ experts: [{ topic: ' CE ' }], jira: { projectKey: ' SOFT ' } });
    expect(r.values).toEqual({ experts: [{ topic: 'CE', keywords: [], people: [] }], 'jira.projectKey': 'SOFT' });
  });
});

describe('teamValueAt', () => {
  const s = settingsWith({ team: [{ name: 'A' }], queue: { staleDays: 3 } });

  it('reads a list or one key of a section', () => {
    expect(teamValueAt(s, 'team')).toEqual(s.team);
    expect(teamValueAt(s, 'queue.staleDays')).toBe(3);
  });

  it('is undefined where there is nothing: a missing key, an inherited one, a section that is not an object', () => {
    expect(teamValueAt(s, 'queue.quietHours')).toBeUndefined();
    expect(teamValueAt(s, 'queue.toString')).toBeUndefined();
    expect(teamValueAt({ queue: 'x' }, 'queue.length')).toBeUndefined();
    expect(teamValueAt({ queue: [5] }, 'queue.0')).toBeUndefined();
    expect(teamValueAt('settings', 'team')).toBeUndefined();
    expect(teamValueAt(null, 'queue.staleDays')).toBeUndefined();
  });
});

describe('applyTeamValues: more rules', () => {
  it('ignores a value for a path a team file may not set', () => {
    const mine = settingsWith({ identity: { name: 'Carl' } });
    const out = applyTeamValues(mine, { 'identity.name': 'Mallory', signature: 'x', 'queue.staleDays': 2 } as TeamValues);
    expect((out.identity as { name: string }).name).toBe('Carl');
    expect(out.signature).toBe(mine.signature);
    expect((out.queue as { staleDays: number }).staleDays).toBe(2);
  });

  it('puts a copy in place: changing the result does not change the team values, nor the settings given', () => {
    const values: TeamValues = { team: [{ name: 'A', emails: [], aliases: [], role: 'software' }], 'queue.softwareAssignees': ['S'] };
    const mine = defaultSettings();
    const out = applyTeamValues(mine, values) as unknown as Settings;
    out.team[0]!.name = 'changed';
    out.queue.softwareAssignees.push('x');
    expect((values.team as { name: string }[])[0]!.name).toBe('A');
    expect(values['queue.softwareAssignees']).toEqual(['S']);
    expect(mine.team).toEqual([]);
    expect(mine.queue.softwareAssignees).toEqual(defaultSettings().queue.softwareAssignees);
  });

  it('the result is plain data: the keys the team set can be changed and deleted', () => {
    const out = applyTeamValues(defaultSettings(), { team: [], 'queue.staleDays': 2 }) as Record<string, any>;
    expect(Object.keys(out)).toContain('team');
    expect(Object.keys(out.queue)).toContain('staleDays');
    out.team = ['x'];
    out.queue.staleDays = 3;
    expect([out.team, out.queue.staleDays]).toEqual([['x'], 3]);
    delete out.team;
    delete out.queue.staleDays;
    expect(['team' in out, 'staleDays' in out.queue]).toEqual([false, false]);
  });

  it('an override without a value leaves the key empty, so validation puts the default back', () => {
    const out = applyTeamValues(defaultSettings(), { 'queue.staleDays': 2 }, { 'queue.staleDays': undefined });
    expect((out.queue as Record<string, unknown>).staleDays).toBeUndefined();
    expect(settingsWith(out).queue.staleDays).toBe(7);
  });

  it('creates a section that the settings lack', () => {
    const { jira: _none, ...withoutJira } = defaultSettings();
    const out = applyTeamValues(withoutJira as Settings, { 'jira.projectKey': 'SOFT' });
    expect(out.jira).toEqual({ projectKey: 'SOFT' });
  });

  it('an override of the user\'s wins over the team value only for its own path', () => {
    const out = applyTeamValues(defaultSettings(), { 'queue.staleDays': 2, 'queue.checkMinutes': 5 }, { 'queue.staleDays': 9, 'queue.historyDays': 1 });
    expect(out.queue).toMatchObject({ staleDays: 9, checkMinutes: 5, historyDays: 180 });
  });
});

describe('canonical', () => {
  it('the same value with keys in another order reads the same; a list in another order does not', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: 2 } })).toBe(canonical({ a: { c: 2, d: [1, { x: 2, y: 1 }] }, b: 1 }));
    expect(canonical({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
  });
});

describe('recordOverrides: more rules', () => {
  const values: TeamValues = { 'queue.staleDays': 5, team: [{ name: 'A', emails: [], aliases: [], role: 'software' }] };
  const synced = settingsWith({ queue: { staleDays: 5 }, team: [{ name: 'A' }] });

  it('a save that changes a team key back to the team value with no override on it changes nothing', () => {
    const mine = settingsWith({ queue: { staleDays: 8 }, team: [{ name: 'A' }] });
    expect(recordOverrides(mine, synced, values, {})).toBeNull();
  });

  it('keeps the other overrides when it adds one', () => {
    const after = settingsWith({ ...synced, queue: { staleDays: 6 } });
    expect(recordOverrides(synced, after, values, { team: [] })).toEqual({ team: [], 'queue.staleDays': 6 });
  });

  it('a path that is not a team key is never recorded', () => {
    const after = settingsWith({ ...synced, identity: { name: 'Carl' } });
    expect(recordOverrides(synced, after, { ...values, 'identity.name': 'X' }, {})).toBeNull();
  });

  it('compares values, not key order', () => {
    const reordered = settingsWith({ ...synced, team: [{ role: 'software', aliases: [], emails: [], name: 'A' }] });
    const mine = settingsWith({ ...synced, team: [{ name: 'B' }] });
    expect(recordOverrides(mine, reordered, values, { team: [{ name: 'B' }] })).toEqual({});
  });
});

describe('activeOverrides', () => {
  it('lists an override that differs from the team value, or has no team value to differ from', () => {
    const values: TeamValues = { 'queue.staleDays': 5, 'jira.projectKey': 'SOFT' };
    const overrides = { 'queue.staleDays': 9, 'jira.projectKey': 'SOFT', snippets: [], 'identity.name': 'X' };
    expect(activeOverrides(values, overrides)).toEqual(['queue.staleDays', 'snippets']);
    expect(activeOverrides(null, overrides)).toEqual(['queue.staleDays', 'jira.projectKey', 'snippets']);
    expect(activeOverrides({ 'queue.staleDays': 9 }, { 'queue.staleDays': 9 })).toEqual([]);
  });
});

describe('summarizeTeamChanges: the words for each kind of change', () => {
  const s = (raw: Record<string, unknown>) => settingsWith(raw);
  const person = (name: string, role = 'software') => ({ name, role });

  it('people added, removed and changed, counted in one line', () => {
    const before = s({ team: [person('A'), person('B'), person('C')] });
    const after = s({ team: [person('A', 'osg-staff'), person('D'), person('E')] });
    const [line] = summarizeTeamChanges(before, after, ['team']);
    expect(line).toEqual({ area: 'roster', text: '+2 people, −2 people, 1 person changed', details: ['team: 3 entries changed'] });
  });

  it('one removed; several changed; only the order changed; nothing changed', () => {
    const ab = s({ team: [person('A'), person('B')] });
    expect(summarizeTeamChanges(ab, s({ team: [person('A')] }), ['team'])[0]!.text).toBe('−1 person');
    expect(summarizeTeamChanges(ab, s({ team: [person('A', 'osg-staff'), person('B', 'osg-staff')] }), ['team'])[0]!.text).toBe('2 people changed');
    expect(summarizeTeamChanges(ab, s({ team: [person('B'), person('A')] }), ['team'])[0]!.text).toBe('order changed');
    expect(summarizeTeamChanges(ab, ab, ['team'])[0]!).toEqual({ area: 'roster', text: 'unchanged', details: [] });
  });

  it('experts are counted by topic, snippets by name', () => {
    const before = s({ experts: [{ topic: 'CE' }], snippets: [{ name: 'Hi', text: 'a' }] });
    const after = s({ experts: [{ topic: 'CE' }, { topic: 'XRootD' }, { topic: 'HTCondor' }], snippets: [{ name: 'Bye', text: 'a' }] });
    const text = Object.fromEntries(summarizeTeamChanges(before, after, ['experts', 'snippets']).map((l) => [l.area, l.text]));
    expect(text).toEqual({ experts: '+2 topics', snippets: '+1 snippet, −1 snippet' });
  });

  it('only the areas the file carries get a line, in a fixed order', () => {
    const d = defaultSettings();
    const lines = summarizeTeamChanges(d, d, ['triage.nextActions', 'queue.staleDays', 'snippets', 'rotation.timeZone', 'jira.baseUrl']);
    expect(lines.map((l) => l.area)).toEqual(['snippets', 'rotation', 'queue', 'jira', 'triage']);
    expect(anyChange(lines)).toBe(false);
    expect(summarizeTeamChanges(d, d, [])).toEqual([]);
  });

  it('a section with several changed settings says how many, with one detail line each', () => {
    const before = s({ queue: { staleDays: 5, checkMinutes: 10 }, rotation: { timeZone: 'UTC' } });
    const after = s({ queue: { staleDays: 6, checkMinutes: 15 }, rotation: { timeZone: 'America/New_York' } });
    const lines = summarizeTeamChanges(before, after, ['queue.staleDays', 'queue.checkMinutes', 'rotation.timeZone']);
    expect(lines).toEqual([
      { area: 'rotation', text: 'timeZone: "UTC" → "America/New_York"', details: ['rotation.timeZone: "UTC" → "America/New_York"'] },
      { area: 'queue', text: '2 settings changed', details: ['queue.staleDays: 5 → 6', 'queue.checkMinutes: 10 → 15'] },
    ]);
    expect(anyChange(lines)).toBe(true);
  });

  it('a change to a key the file does not carry is not the team\'s change', () => {
    const before = s({ queue: { staleDays: 5, checkMinutes: 10 } });
    const after = s({ queue: { staleDays: 5, checkMinutes: 15 } });
    expect(summarizeTeamChanges(before, after, ['queue.staleDays'])).toEqual([{ area: 'queue', text: 'unchanged', details: [] }]);
    expect(summarizeTeamChanges(before, after, ['queue.stale'])).toEqual([{ area: 'queue', text: 'unchanged', details: [] }]);
  });

  it('a key whose value is an object: its changed parts are the details', () => {
    const before = settingsWith({ queue: { quietHours: { from: '22:00', to: '06:00' } } });
    const after = settingsWith({ queue: { quietHours: { from: '23:00', to: '07:00' } } });
    const [line] = summarizeTeamChanges(before, after, ['queue.quietHours']);
    expect(line).toEqual({
      area: 'queue',
      text: '2 settings changed',
      details: ['queue.quietHours.from: "22:00" → "23:00"', 'queue.quietHours.to: "06:00" → "07:00"'],
    });
  });

  it('a key of such an object that is not a plain name is a detail too', () => {
    const before = settingsWith({ queue: { quietHours: { 'from-time': '22:00' } } });
    const after = settingsWith({ queue: { quietHours: { 'from-time': '23:00' } } });
    expect(summarizeTeamChanges(before, after, ['queue.quietHours'])).toEqual([
      { area: 'queue', text: 'quietHours["from-time"]: "22:00" → "23:00"', details: ['queue.quietHours["from-time"]: "22:00" → "23:00"'] },
    ]);
  });

  it('an override marks a changed area only, and only when it is on one of that area\'s paths', () => {
    const before = s({ queue: { staleDays: 5 }, jira: { projectKey: 'A' } });
    const after = s({ queue: { staleDays: 6 }, jira: { projectKey: 'A' } });
    const lines = summarizeTeamChanges(before, after, ['queue.staleDays', 'jira.projectKey'], { 'jira.projectKey': 'B', 'queue.checkMinutes': 3 });
    expect(lines.map((l) => 'overridden' in l)).toEqual([false, false]);
    const marked = summarizeTeamChanges(before, after, ['queue.staleDays', 'jira.projectKey'], { 'queue.staleDays': 9, 'jira.projectKey': 'B' });
    expect(marked.map((l) => l.overridden)).toEqual([true, undefined]);
  });

  it('list items that are not objects are compared as they are', () => {
    const before = { ...defaultSettings(), team: ['A', 'B'] } as unknown as Settings;
    const after = { ...defaultSettings(), team: ['B', 'C'] } as unknown as Settings;
    expect(summarizeTeamChanges(before, after, ['team'])[0]!.text).toBe('+1 person, −1 person');
    expect(summarizeTeamChanges(before, { ...before, team: 'x' } as unknown as Settings, ['team'])[0]!.text).toBe('−2 people');
  });
});
