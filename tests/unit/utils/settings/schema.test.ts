/** The settings schema: OSG Software Team defaults, validation and the field named in each error. */
import {
  DEFAULT_SIGNATURE,
  DEFAULT_SNIPPETS,
  SETTINGS_VERSION,
  defaultSettings,
  formatPath,
  parseSettings,
  settingsSchema,
  urlProblem,
} from '../../../../utils/settings';

function errorOf(raw: unknown): string {
  const result = parseSettings(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return result.error;
}

describe('defaults', () => {
  const d = defaultSettings();

  it('fit the OSG Software Team out of the box', () => {
    expect(d.version).toBe(SETTINGS_VERSION);
    expect(d.queue.softwareAssignees).toEqual(['Software', 'Software Support (Triage)', 'osg-software-support-stream']);
    expect(d.queue.triageNextAction).toBe('SOFTWARE TRIAGE');
    expect(d.queue.gocBaseUrl).toBe('https://ticket.opensciencegrid.org');
    expect(d.rotation.timeZone).toBe('America/Chicago');
    expect(d.signature).toBe(DEFAULT_SIGNATURE);
    expect(d.snippets.map((s) => s.name)).toEqual(DEFAULT_SNIPPETS.map((s) => s.name));
    expect(d.snippets[0]!.text).toContain('osg-system-profiler');
    expect(d.features.unsignedGuard).toBe(true);
  });

  it('leave identity empty: nobody is signed in as someone else by default', () => {
    expect(d.identity).toEqual({ name: '', email: '', footprintsId: '', aliases: [] });
  });

  it('use the standard signature: dashes, name, role line, support address', () => {
    expect(DEFAULT_SIGNATURE.split('\n')).toEqual([
      expect.stringMatching(/^-{10,}$/),
      '{name}',
      'OSG Software Support',
      'vdt-support@opensciencegrid.org',
    ]);
  });

  it('are fresh objects each time (editing one never changes the next)', () => {
    const a = defaultSettings();
    a.snippets[0]!.name = 'changed';
    a.queue.softwareAssignees.push('x');
    expect(defaultSettings().snippets[0]!.name).toBe(DEFAULT_SNIPPETS[0]!.name);
    expect(defaultSettings().queue.softwareAssignees).toHaveLength(3);
  });
});

describe('validation names the bad field the way it reads in the file', () => {
  it.each([
    [{ team: [{ name: 'A' }, { name: 'B', role: 'lead' }] }, /^team\[1\]\.role: .*software.*osg-staff.*\(found "lead"\)/],
    [{ team: [{ role: 'software' }] }, /^team\[0\]\.name: /],
    [{ team: [{ name: '   ' }] }, /^team\[0\]\.name: a team member needs a name/],
    [{ identity: { email: 'not-an-address' } }, /^identity\.email: expected an e-mail address/],
    [{ queue: { staleDays: 'seven' } }, /^queue\.staleDays: .*number.*\(found "seven"\)/],
    [{ queue: { staleDays: 0 } }, /^queue\.staleDays: /],
    [{ rotation: { timeZone: 'Mars/Olympus_Mons' } }, /^rotation\.timeZone: unknown time zone/],
    [{ rotation: { source: 'not a url' } }, /^rotation\.source: expected a URL/],
    [{ rotation: { overrides: [{ week: '13-Feb-2012', person: 'Alain Roy' }] } }, /^rotation\.overrides\[0\]\.week: expected a date/],
    [{ snippets: [{ name: 'x', text: 5 }] }, /^snippets\[0\]\.text: /],
    [{ experts: [{ topic: 'CE', keywords: 'condor' }] }, /^experts\[0\]\.keywords: .*array/],
    [{ jira: { baseUrl: 'jira' } }, /^jira\.baseUrl: expected a URL/],
    [{ signature: '{name} {phone}' }, /^signature: unknown placeholder \{phone\}/],
    [{ team: 'everyone' }, /^team: .*array.*\(found "everyone"\)/],
    [{ version: 'two' }, /^version: expected a whole number/],
  ])('%j → %s', (raw, pattern) => {
    expect(errorOf(raw)).toMatch(pattern);
  });

  it('counts the other problems after the first', () => {
    expect(errorOf({ team: [{ name: 'A', role: 'x' }], queue: { staleDays: -1 } })).toMatch(/\(and 1 more problem\)$/);
  });

  it('refuses what is not an object at the top level', () => {
    for (const raw of [null, 5, 'text', [], [{ identity: {} }]]) expect(errorOf(raw)).toMatch(/JSON object/);
  });

  it('names items of nested lists', () => {
    expect(errorOf({ queue: { staleDays: 7 }, team: [{ name: 'A', role: 'software', emails: [1] }] })).toMatch(
      /^team\[0\]\.emails\[0\]: /,
    );
  });
});

describe('formatPath', () => {
  it('writes keys that are not plain identifiers in brackets', () => {
    expect(formatPath(['rotation', 'my key', 0, 'x'])).toBe('rotation["my key"][0].x');
    expect(formatPath([])).toBe('');
  });
});

describe('accepted values', () => {
  it('trims text fields and e-mail addresses', () => {
    const r = parseSettings({ identity: { name: '  Alain Roy ', email: ' alain.roy@wisc.example.edu ' } });
    expect(r.ok && r.settings.identity).toMatchObject({ name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' });
  });

  it('accepts an empty e-mail and an empty rotation source (not configured yet)', () => {
    const r = parseSettings({ identity: { email: '' }, rotation: { source: '' } });
    expect(r.ok).toBe(true);
  });

  it('gives a team member without a role the software role', () => {
    const r = parseSettings({ team: [{ name: 'Mat Selmeci' }] });
    expect(r.ok && r.settings.team[0]).toEqual({ name: 'Mat Selmeci', emails: [], aliases: [], role: 'software' });
  });

  it('allows plain braces in a signature that are not placeholders', () => {
    const r = parseSettings({ signature: '-- \n{name}\n{ not a placeholder } {1,2}' });
    expect(r.ok).toBe(true);
  });

  it('keeps the identity small enough for storage.sync', () => {
    expect(errorOf({ identity: { aliases: Array.from({ length: 21 }, (_, i) => `a${i}`) } })).toMatch(/^identity\.aliases: /);
    expect(errorOf({ identity: { name: 'x'.repeat(201) } })).toMatch(/^identity\.name: /);
  });
});

describe('DEFAULT_SETTINGS (the validator-free defaults content scripts use)', () => {
  it('equals what the schema produces from an empty object', async () => {
    const { DEFAULT_SETTINGS, defaultSettingsCopy, settingsSchema } = await import('../../../../utils/settings');
    expect(DEFAULT_SETTINGS).toEqual(settingsSchema.parse({}));
    const copy = defaultSettingsCopy();
    copy.queue.softwareAssignees.push('someone');
    expect(DEFAULT_SETTINGS.queue.softwareAssignees).not.toContain('someone');
  });
});

describe('URL settings: https: only; queue.gocBaseUrl only on the GOC hosts (issue 10 finding 3)', () => {
  const hostile = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'http://ticket.opensciencegrid.org'];
  const settings = (url: string) => [
    { rotation: { source: url } },
    { queue: { gocBaseUrl: url } },
    { jira: { baseUrl: url } },
    { triage: { docLinks: [{ name: 'Docs', url }] } },
  ];

  it.each(hostile)('refuses %s in every URL setting, naming the field and saying why', (url) => {
    for (const raw of settings(url)) {
      expect(errorOf(raw)).toMatch(/^(rotation\.source|queue\.gocBaseUrl|jira\.baseUrl|triage\.docLinks\[0\]\.url): .*https:/);
    }
  });

  it('accepts https: addresses, and an empty rotation source or JIRA address (not configured)', () => {
    for (const raw of [
      { rotation: { source: 'https://twiki.example.org/bin/view/Main/Triage' } },
      { rotation: { source: '' } },
      { jira: { baseUrl: '' } },
      { jira: { baseUrl: 'https://jira.example.org' } },
      { triage: { docLinks: [{ name: 'Docs', url: 'https://osg-htc.org/docs/' }] } },
      { queue: { gocBaseUrl: 'https://ticket.grid.iu.edu/goc' } },
      { queue: { gocBaseUrl: 'https://TICKET.opensciencegrid.org/' } },
    ]) {
      expect(parseSettings(raw).ok ? 'ok' : errorOf(raw)).toBe('ok');
    }
  });

  it('refuses queue.gocBaseUrl on any host but the GOC ones', () => {
    for (const url of ['https://evil.example.org', 'https://ticket.opensciencegrid.org.evil.example', 'https://user:pw@ticket.opensciencegrid.org']) {
      expect(errorOf({ queue: { gocBaseUrl: url } })).toMatch(/^queue\.gocBaseUrl: .*(GOC Ticket address|user name or password)/);
    }
  });
});

const ok = (raw: Record<string, unknown>) => {
  const r = parseSettings(raw);
  return r.ok ? 'ok' : r.error;
};

describe('urlProblem: which web addresses a setting takes', () => {
  it('an https address with a host is fine', () => {
    expect(urlProblem('https://jira.example.org/browse')).toBeNull();
    expect(urlProblem('https://jira.example.org', { gocOnly: false })).toBeNull();
  });

  it('says what is wrong with the others', () => {
    expect(urlProblem('jira.example.org')).toBe('expected a URL');
    expect(urlProblem('')).toBe('expected a URL');
    expect(urlProblem('http://jira.example.org')).toBe('only https: addresses are accepted (this one is http:)');
    expect(urlProblem('javascript:alert(1)')).toBe('only https: addresses are accepted (this one is javascript:)');
    expect(urlProblem('https://me@jira.example.org')).toBe('an address with a user name or password in it is not accepted');
    expect(urlProblem('https://:secret@jira.example.org')).toBe('an address with a user name or password in it is not accepted');
  });

  it('a GOC-only address: a built-in host in any case, or one of your sites by its exact origin', () => {
    expect(urlProblem('https://TICKET.grid.iu.edu/goc', { gocOnly: true })).toBeNull();
    expect(urlProblem('https://ticket-itb.example.org/goc', { gocOnly: true, extraOrigins: ['https://ticket-itb.example.org'] })).toBeNull();
    expect(urlProblem('https://jira.example.org', { gocOnly: true })).toBe(
      'expected the GOC Ticket address (https://ticket.opensciencegrid.org or https://ticket.grid.iu.edu, with /goc when the app sits there)',
    );
    expect(urlProblem('https://jira.example.org', { gocOnly: true, extraOrigins: [] })).toBe(
      'expected the GOC Ticket address (https://ticket.opensciencegrid.org or https://ticket.grid.iu.edu, with /goc when the app sits there)',
    );
    expect(urlProblem('https://jira.example.org', { gocOnly: true, extraOrigins: ['https://a.example.org', 'https://b.example.org'] })).toBe(
      'expected the GOC Ticket address (https://ticket.opensciencegrid.org or https://ticket.grid.iu.edu, with /goc when the app sits there, or one of your other GOC sites (https://a.example.org, https://b.example.org))',
    );
  });
});

describe('web address settings', () => {
  it('are trimmed', () => {
    const r = parseSettings({ jira: { baseUrl: ' https://jira.example.org ' }, rotation: { source: '  ' } });
    expect(r.ok && [r.settings.jira.baseUrl, r.settings.rotation.source]).toEqual(['https://jira.example.org', '']);
  });

  it('the GOC address and a documentation link may not be empty; the team file address may', () => {
    expect(ok({ queue: { gocBaseUrl: '' } })).toMatch(/^queue\.gocBaseUrl: expected a URL/);
    expect(ok({ triage: { docLinks: [{ name: 'Docs', url: '' }] } })).toMatch(/^triage\.docLinks\[0\]\.url: expected a URL/);
    expect(ok({ teamFile: { url: '' } })).toBe('ok');
    expect(ok({ teamFile: { url: 'https://x.example.org/team.json' } })).toBe('ok');
    expect(ok({ teamFile: { url: 'http://x.example.org/team.json' } })).toMatch(/^teamFile\.url: only https:/);
  });
});

describe('identity limits (storage.sync keeps 8 KB per item)', () => {
  it('name and e-mail up to 200 characters, Footprints id up to 100, up to 20 aliases of 200', () => {
    const at = '@wisc.example.edu';
    expect(ok({ identity: { name: 'n'.repeat(200), email: `${'e'.repeat(200 - at.length)}${at}`, footprintsId: 'f'.repeat(100), aliases: Array.from({ length: 20 }, () => 'a'.repeat(200)) } })).toBe('ok');
    expect(ok({ identity: { email: `${'e'.repeat(201 - at.length)}${at}` } })).toMatch(/^identity\.email: /);
    expect(ok({ identity: { footprintsId: 'f'.repeat(101) } })).toMatch(/^identity\.footprintsId: /);
    expect(ok({ identity: { aliases: ['a'.repeat(201)] } })).toMatch(/^identity\.aliases\[0\]: /);
  });

  it('trims the Footprints id and the aliases', () => {
    const r = parseSettings({ identity: { footprintsId: ' aroy ', aliases: [' Alain '] } });
    expect(r.ok && r.settings.identity).toMatchObject({ footprintsId: 'aroy', aliases: ['Alain'] });
  });
});

describe('team, experts, snippets: list items', () => {
  it('a team member: e-mails, aliases and Footprints id trimmed; Footprints id up to 100', () => {
    const r = parseSettings({ team: [{ name: ' Brian Lin ', emails: [' blin@example.org '], aliases: [' Brian '], role: 'osg-staff', footprintsId: ' blin ' }] });
    expect(r.ok && r.settings.team[0]).toEqual({ name: 'Brian Lin', emails: ['blin@example.org'], aliases: ['Brian'], role: 'osg-staff', footprintsId: 'blin' });
    expect(ok({ team: [{ name: 'A', footprintsId: 'f'.repeat(100) }] })).toBe('ok');
    expect(ok({ team: [{ name: 'A', footprintsId: 'f'.repeat(101) }] })).toMatch(/^team\[0\]\.footprintsId: /);
  });

  it('a snippet needs a name; its text is kept exactly', () => {
    expect(ok({ snippets: [{ name: ' ', text: 'x' }] })).toMatch(/^snippets\[0\]\.name: a snippet needs a name/);
    const r = parseSettings({ snippets: [{ name: ' Hi ', text: '  Hello\n' }] });
    expect(r.ok && r.settings.snippets).toEqual([{ name: 'Hi', text: '  Hello\n' }]);
  });

  it('an expert topic needs a name; keywords, people and team are trimmed; the team name up to 100', () => {
    expect(ok({ experts: [{ topic: '' }] })).toMatch(/^experts\[0\]\.topic: an expert topic needs a name/);
    const r = parseSettings({ experts: [{ topic: ' CE ', keywords: [' ce '], people: [' Brian Lin '], team: ' Security ' }] });
    expect(r.ok && r.settings.experts).toEqual([{ topic: 'CE', keywords: ['ce'], people: ['Brian Lin'], team: 'Security' }]);
    expect(ok({ experts: [{ topic: 'CE', team: 't'.repeat(100) }] })).toBe('ok');
    expect(ok({ experts: [{ topic: 'CE', team: 't'.repeat(101) }] })).toMatch(/^experts\[0\]\.team: /);
  });
});

describe('rotation', () => {
  it('a swap: a date like 2026-02-13 and a (trimmed) person', () => {
    const r = parseSettings({ rotation: { overrides: [{ week: '2026-02-13', person: ' Brian Lin ' }] } });
    expect(r.ok && r.settings.rotation.overrides).toEqual([{ week: '2026-02-13', person: 'Brian Lin' }]);
    for (const week of ['2026-2-13', 'x2026-02-13', '2026-02-13x', '2026-02-133', '202-02-13']) {
      expect(ok({ rotation: { overrides: [{ week, person: 'A' }] } }), week).toMatch(/^rotation\.overrides\[0\]\.week: expected a date like 2026-02-13/);
    }
  });

  it('holidays are dates', () => {
    expect(ok({ rotation: { holidays: ['2026-12-25'] } })).toBe('ok');
    expect(ok({ rotation: { holidays: ['Dec 25'] } })).toMatch(/^rotation\.holidays\[0\]: expected a date/);
  });

  it('syncs every 1 to 168 hours, 6 by default', () => {
    for (const syncHours of [1, 168, 1.5]) expect(ok({ rotation: { syncHours } })).toBe('ok');
    for (const syncHours of [0.5, 169]) expect(ok({ rotation: { syncHours } })).toMatch(/^rotation\.syncHours: /);
  });

  it('a known time zone', () => {
    expect(ok({ rotation: { timeZone: 'Europe/Berlin' } })).toBe('ok');
  });
});

describe('queue limits', () => {
  it.each([
    ['staleDays', 1, 365, 1.5],
    ['checkMinutes', 1, 1440, null],
    ['offHoursCheckMinutes', 1, 1440, null],
    ['timeoutSeconds', 1, 300, null],
    ['historyDays', 1, 3650, 2.5],
  ] as const)('%s: from %i to %i', (key, min, max, notWhole) => {
    expect(ok({ queue: { [key]: min } })).toBe('ok');
    expect(ok({ queue: { [key]: max } })).toBe('ok');
    expect(ok({ queue: { [key]: min - 0.5 } })).toMatch(new RegExp(`^queue\\.${key}: `));
    expect(ok({ queue: { [key]: max + 1 } })).toMatch(new RegExp(`^queue\\.${key}: `));
    if (notWhole !== null) expect(ok({ queue: { [key]: notWhole } })).toMatch(new RegExp(`^queue\\.${key}: `));
    else expect(ok({ queue: { [key]: 1.5 } })).toBe('ok');
  });

  it('trims the assignees and the Next Action', () => {
    const r = parseSettings({ queue: { softwareAssignees: [' Software '], triageNextAction: ' TRIAGE ' } });
    expect(r.ok && [r.settings.queue.softwareAssignees, r.settings.queue.triageNextAction]).toEqual([['Software'], 'TRIAGE']);
  });
});

describe('schedule: times like 09:00', () => {
  it.each(['00:00', '09:00', '19:59', '20:00', '23:59'])('takes %s', (t) => {
    expect(ok({ schedule: { workStart: t, workEnd: t, middayNudge: t } })).toBe('ok');
  });

  it.each(['24:00', '9:00', '09:60', '29:00', 'x09:00', '09:00x', '0900'])('refuses %s', (t) => {
    expect(ok({ schedule: { workStart: t } })).toBe('schedule.workStart: expected a time like 09:00' + ` (found "${t}")`);
    expect(ok({ schedule: { workEnd: t } })).toMatch(/^schedule\.workEnd: expected a time/);
    expect(ok({ schedule: { middayNudge: t } })).toMatch(/^schedule\.middayNudge: expected a time/);
  });
});

describe('notifications and features', () => {
  it('new-ticket notifications: on duty, always or never', () => {
    for (const newTicket of ['on-duty', 'always', 'never']) expect(ok({ notifications: { newTicket } })).toBe('ok');
    expect(ok({ notifications: { newTicket: 'sometimes' } })).toMatch(/^notifications\.newTicket: /);
  });

  it('switches are true or false', () => {
    for (const key of ['unsignedGuard', 'keepSoftwareGuard', 'triagePanel', 'closeChecklist']) {
      expect(ok({ features: { [key]: false } })).toBe('ok');
      expect(ok({ features: { [key]: 'no' } })).toMatch(new RegExp(`^features\\.${key}: `));
    }
    for (const key of ['dutyReminder', 'middayNudge']) expect(ok({ notifications: { [key]: 0 } })).toMatch(new RegExp(`^notifications\\.${key}: `));
  });
});

describe('jira', () => {
  it('the project id is digits (or empty); the key is trimmed', () => {
    const r = parseSettings({ jira: { projectKey: ' SOFT ', projectId: ' 10400 ' } });
    expect(r.ok && r.settings.jira).toEqual({ baseUrl: '', projectKey: 'SOFT', projectId: '10400' });
    for (const projectId of ['abc', '1a', 'a1', '1 2']) {
      expect(ok({ jira: { projectId } })).toBe(`jira.projectId: expected the numeric JIRA project id (found "${projectId}")`);
    }
  });
});

describe('triage', () => {
  it('up to 30 Next Action presets of 1 to 200 characters, trimmed', () => {
    const r = parseSettings({ triage: { nextActions: [' {me}: look ', 'x'.repeat(200)] } });
    expect(r.ok && r.settings.triage.nextActions).toEqual(['{me}: look', 'x'.repeat(200)]);
    expect(ok({ triage: { nextActions: Array.from({ length: 30 }, (_, i) => `p${i}`) } })).toBe('ok');
    expect(ok({ triage: { nextActions: Array.from({ length: 31 }, (_, i) => `p${i}`) } })).toMatch(/^triage\.nextActions: /);
    expect(ok({ triage: { nextActions: [' '] } })).toMatch(/^triage\.nextActions\[0\]: /);
    expect(ok({ triage: { nextActions: ['x'.repeat(201)] } })).toMatch(/^triage\.nextActions\[0\]: /);
  });

  it('a preset with an unknown placeholder is refused with the placeholder named', () => {
    expect(ok({ triage: { nextActions: ['{owner}: look', '{boss}: decide'] } })).toMatch(/^triage\.nextActions: .*\{boss\}/);
  });

  it('up to 30 documentation links, each with a name', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `L${i}`, url: `https://d${i}.example.org` }));
    expect(ok({ triage: { docLinks: links(30) } })).toBe('ok');
    expect(ok({ triage: { docLinks: links(31) } })).toMatch(/^triage\.docLinks: /);
    expect(ok({ triage: { docLinks: [{ name: ' ', url: 'https://d.example.org' }] } })).toMatch(/^triage\.docLinks\[0\]\.name: a link needs a name/);
  });
});

describe('signature and version', () => {
  it('a signature up to 2000 characters', () => {
    expect(ok({ signature: 's'.repeat(2000) })).toBe('ok');
    expect(ok({ signature: 's'.repeat(2001) })).toMatch(/^signature: /);
  });

  it('the version is a whole number from 1', () => {
    const r = parseSettings({ version: 1 });
    expect(r.ok && r.settings.version).toBe(1);
    const newer = parseSettings({ version: 3 });
    expect(newer.ok && newer.settings.version).toBe(3);
    expect(settingsSchema.safeParse({ ...defaultSettings(), version: 0 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...defaultSettings(), version: 1.5 }).success).toBe(false);
    expect(settingsSchema.parse({}).version).toBe(1);
  });
});

describe('goc.extraOrigins', () => {
  it('names the site listed twice', () => {
    expect(ok({ goc: { extraOrigins: ['https://a.example.org', 'https://b.example.org', 'https://A.example.org'] } })).toBe(
      'goc.extraOrigins[2]: https://a.example.org is listed twice',
    );
  });

  it('says why a site is refused', () => {
    expect(ok({ goc: { extraOrigins: ['not a site'] } })).toBe('goc.extraOrigins[0]: expected an address such as https://ticket-itb.example.org');
  });
});

describe('every section defaults when missing', () => {
  it('each default is the documented one', () => {
    const s = settingsSchema.parse({});
    expect(s.rotation).toEqual({ source: '', timeZone: 'America/Chicago', holidays: [], overrides: [], syncHours: 6 });
    expect(s.queue).toMatchObject({ staleDays: 7, checkMinutes: 10, offHoursCheckMinutes: 60, timeoutSeconds: 20, historyDays: 180 });
    expect(s.schedule).toEqual({ workStart: '09:00', workEnd: '17:00', middayNudge: '12:00' });
    expect(s.notifications).toEqual({ newTicket: 'on-duty', dutyReminder: true, middayNudge: true });
    expect(s.jira).toEqual({ baseUrl: '', projectKey: 'SOFTWARE', projectId: '' });
    expect(s.features).toEqual({ unsignedGuard: true, keepSoftwareGuard: true, triagePanel: true, closeChecklist: true });
    expect(s.teamFile).toEqual({ url: '' });
    expect(s.goc).toEqual({ extraOrigins: [] });
    expect(s.team).toEqual([]);
    expect(s.experts).toEqual([]);
  });

  it('the default lists are fresh copies each time', () => {
    const a = settingsSchema.parse({});
    a.queue.softwareAssignees.push('x');
    a.triage.nextActions.push('y');
    a.triage.docLinks[0]!.name = 'changed';
    a.snippets[0]!.name = 'changed';
    const b = settingsSchema.parse({});
    expect(b.queue.softwareAssignees).not.toContain('x');
    expect(b.triage.nextActions).not.toContain('y');
    expect(b.triage.docLinks[0]!.name).not.toBe('changed');
    expect(b.snippets[0]!.name).not.toBe('changed');
  });
});
