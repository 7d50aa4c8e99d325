/** utils/settings/import-diff: what an import would change, before anything is stored (issue 10 finding 3). */
import {
  chosenSettings,
  defaultSettings,
  diffSettings,
  parseSettings,
  planImport,
  refuseUnsafeAddresses,
  SETTINGS_VERSION,
  type ImportPlan,
  type Settings,
} from '../../../../utils/settings';

const ALAIN = { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy', aliases: ['Alain'] };

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function plan(current: Settings, file: unknown): ImportPlan {
  const r = planImport(current, typeof file === 'string' ? file : JSON.stringify(file));
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('planImport', () => {
  it('lists each changed key, old → new, and stores nothing (pure)', () => {
    const current = settingsWith({ identity: ALAIN });
    const p = plan(current, { queue: { staleDays: 5 }, team: [{ name: 'Rob Quick', role: 'osg-staff' }] });
    expect(p.changes).toEqual([
      { path: 'team', summary: '0 → 1 entries' },
      { path: 'queue.staleDays', summary: '7 → 5' },
    ]);
    expect(p.keepIdentity.queue.staleDays).toBe(5);
    expect(current.queue.staleDays).toBe(7);
    expect(p.takeIdentity).toBeNull();
    expect(p.identityChanges).toEqual([]);
  });

  it('never takes the identity unless asked: the file identity is kept apart, its changes marked risky', () => {
    const current = settingsWith({ identity: ALAIN });
    const p = plan(current, { identity: { name: 'Mallory', email: 'mallory@evil.example' }, queue: { staleDays: 5 } });
    expect(p.keepIdentity.identity).toEqual(current.identity);
    expect(p.changes.map((c) => c.path)).toEqual(['queue.staleDays']);
    expect(p.identityChanges).toEqual([
      { path: 'identity.name', summary: '"Alain Roy" → "Mallory"', risk: 'identity', why: expect.stringMatching(/sign/) },
      { path: 'identity.email', summary: expect.stringContaining('"mallory@evil.example"'), risk: 'identity', why: expect.any(String) },
    ]);
    expect(chosenSettings(p, false).identity.name).toBe('Alain Roy');
    expect(chosenSettings(p, true).identity).toEqual({ ...ALAIN, name: 'Mallory', email: 'mallory@evil.example' });
    expect(chosenSettings(p, true).queue.staleDays).toBe(5);
  });

  it('offers no identity choice when the file carries the same identity as yours', () => {
    const current = settingsWith({ identity: ALAIN });
    expect(plan(current, { identity: { name: 'Alain Roy' } }).takeIdentity).toBeNull();
  });

  it('marks web addresses, switched-off guards and notifications as risky, saying why', () => {
    const p = plan(defaultSettings(), {
      queue: { gocBaseUrl: 'https://ticket.grid.iu.edu/goc' },
      jira: { baseUrl: 'https://jira.example.org' },
      rotation: { source: 'https://example.org/triage.ics' },
      triage: { docLinks: [{ name: 'Wiki', url: 'https://wiki.example.org' }] },
      features: { unsignedGuard: false, triagePanel: true },
      notifications: { newTicket: 'never', middayNudge: false },
      schedule: { workStart: '08:00' },
    });
    const risk = Object.fromEntries(p.changes.map((c) => [c.path, c.risk ?? null]));
    expect(risk).toEqual({
      'rotation.source': 'address',
      'queue.gocBaseUrl': 'address',
      'schedule.workStart': null,
      'notifications.newTicket': 'notification',
      'notifications.middayNudge': 'notification',
      'jira.baseUrl': 'address',
      'triage.docLinks': 'address',
      'features.unsignedGuard': 'guard',
    });
    for (const c of p.changes) if (c.risk) expect(c.why).toMatch(/\w{4,}/);
  });

  it('refuses an http:, javascript: or foreign-host address key by key: the rest imports, yours is kept', () => {
    const current = settingsWith({ jira: { baseUrl: 'https://jira.opensciencegrid.org' } });
    const p = plan(current, {
      queue: { staleDays: 4, gocBaseUrl: 'https://evil.example.org' },
      jira: { baseUrl: 'http://jira.opensciencegrid.org', projectKey: 'SOFT' },
      rotation: { source: 'javascript:alert(1)' },
      triage: { docLinks: [{ name: 'Old wiki', url: 'http://twiki.example.org' }, { name: 'Docs', url: 'https://osg-htc.org/docs/' }] },
    });
    expect(p.keepIdentity.queue).toMatchObject({ staleDays: 4, gocBaseUrl: 'https://ticket.opensciencegrid.org' });
    expect(p.keepIdentity.jira).toMatchObject({ baseUrl: 'https://jira.opensciencegrid.org', projectKey: 'SOFT' });
    expect(p.keepIdentity.rotation.source).toBe('');
    expect(p.keepIdentity.triage.docLinks).toEqual([{ name: 'Docs', url: 'https://osg-htc.org/docs/' }]);
    expect(p.refused).toEqual([
      expect.stringMatching(/^queue\.gocBaseUrl "https:\/\/evil\.example\.org" was not imported: expected the GOC Ticket address.*; yours is kept$/),
      expect.stringMatching(/^rotation\.source "javascript:alert\(1\)" was not imported: only https: addresses are accepted \(this one is javascript:\)/),
      expect.stringMatching(/^jira\.baseUrl "http:\/\/jira\.opensciencegrid\.org" was not imported: only https:.*http:/),
      expect.stringMatching(/^triage\.docLinks\[0\] "http:\/\/twiki\.example\.org" was left out: only https:/),
    ]);
  });

  it('a bad value that is not an address still refuses the whole file, naming the field', () => {
    const r = planImport(defaultSettings(), JSON.stringify({ queue: { staleDays: 4 }, team: [{ name: 'A', role: 'lead' }] }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^team\[0\]\.role: .*"lead"/) });
  });

  it('an invalid identity in the file is reported, not a reason to refuse the rest', () => {
    const p = plan(settingsWith({ identity: ALAIN }), { identity: { email: 'not-an-address' }, queue: { staleDays: 3 } });
    expect(p.takeIdentity).toBeNull();
    expect(p.refused).toEqual([expect.stringMatching(/^the identity in this file cannot be used: identity\.email: expected an e-mail/)]);
    expect(p.keepIdentity.queue.staleDays).toBe(3);
  });

  it('a file from a newer version: imported with a warning and its unknown keys listed; a changed known key names the version', () => {
    const p = plan(defaultSettings(), { version: SETTINGS_VERSION + 1, queue: { staleDays: 3, pollJitter: 5 }, escalation: { after: 2 } });
    expect(p.warnings).toEqual([expect.stringMatching(/newer version of the extension \(format 2; this one reads up to 1\).*kept but not used/)]);
    expect(p.changes.map((c) => c.path)).toEqual(['queue.staleDays', 'queue.pollJitter', 'escalation']);
    expect((p.keepIdentity as Record<string, unknown>).escalation).toEqual({ after: 2 });
    const refused = planImport(defaultSettings(), JSON.stringify({ version: SETTINGS_VERSION + 1, queue: { staleDays: { workdays: 3 } } }));
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/^this file was written by a newer version of the extension \(format 2.*update the extension.*queue\.staleDays: /),
    });
  });

  it('a file that is not JSON or not an object is refused with the reason', () => {
    expect(planImport(defaultSettings(), 'team: [Alain]')).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(planImport(defaultSettings(), '[1]')).toEqual({ ok: false, error: expect.stringMatching(/JSON object/) });
  });
});

describe('refuseUnsafeAddresses', () => {
  it('does not modify its input and keeps non-string values for the schema to refuse', () => {
    const input = { jira: { baseUrl: 'http://x.example' }, rotation: { source: 42 } };
    const r = refuseUnsafeAddresses(input);
    expect(input.jira.baseUrl).toBe('http://x.example');
    expect(r.data).toEqual({ jira: {}, rotation: { source: 42 } });
  });
});

describe('diffSettings', () => {
  it('is empty for equal settings and ignores the version', () => {
    const s = defaultSettings();
    expect(diffSettings(s, { ...defaultSettings(), version: 7 })).toEqual([]);
  });
});

const ITB = 'https://ticket-itb.example.org';



describe('refuseUnsafeAddresses: more rules', () => {
  it('keeps good addresses, and empty or blank ones where "not configured" is allowed', () => {
    const data = {
      queue: { gocBaseUrl: ' https://ticket.grid.iu.edu/goc ' },
      rotation: { source: '   ' },
      jira: { baseUrl: '' },
    };
    expect(refuseUnsafeAddresses(data)).toEqual({ data, refused: [] });
  });

  it('an empty GOC address is not "not configured": it is refused', () => {
    const r = refuseUnsafeAddresses({ queue: { gocBaseUrl: '', staleDays: 3 } });
    expect(r.data).toEqual({ queue: { staleDays: 3 } });
    expect(r.refused).toEqual(['queue.gocBaseUrl "" was not imported: expected a URL; yours is kept']);
  });

  it('only the GOC address must be on a GOC host', () => {
    const data = { rotation: { source: 'https://calendar.example.org/t.ics' }, jira: { baseUrl: 'https://jira.example.org' } };
    expect(refuseUnsafeAddresses(data).refused).toEqual([]);
  });

  it('the GOC address may be on one of your sites when the file brings no list; the file\'s list replaces yours', () => {
    expect(refuseUnsafeAddresses({ queue: { gocBaseUrl: ITB } }, [ITB]).refused).toEqual([]);
    expect(refuseUnsafeAddresses({ queue: { gocBaseUrl: ITB }, goc: { extraOrigins: [] } }, [ITB]).refused).toHaveLength(1);
    expect(refuseUnsafeAddresses({ queue: { gocBaseUrl: ITB }, goc: { extraOrigins: 'x' } }, [ITB]).refused).toEqual([]);
    expect(refuseUnsafeAddresses({ queue: { gocBaseUrl: ITB }, goc: 'x' }, [ITB]).refused).toEqual([]);
    expect(refuseUnsafeAddresses({ queue: { gocBaseUrl: ITB }, goc: { extraOrigins: [`${ITB}/`] } }).refused).toEqual([]);
  });

  it('skips sections that are missing or not objects, and keys the section lacks', () => {
    const data = { queue: 'x', rotation: ['https://x'], jira: { projectKey: 'S' }, triage: { docLinks: 'x' } };
    expect(refuseUnsafeAddresses(data)).toEqual({ data, refused: [] });
    expect(refuseUnsafeAddresses({})).toEqual({ data: {}, refused: [] });
    expect(refuseUnsafeAddresses({ triage: 'x' })).toEqual({ data: { triage: 'x' }, refused: [] });
  });

  it('documentation links: a bad one is left out by its place in the file; one without an address stays for the schema', () => {
    const links = [
      { name: 'A', url: 'ftp://a.example.org' },
      { name: 'B', url: ' https://b.example.org ' },
      'not a link',
      null,
      { name: 'C' },
      { name: 'D', url: 'https://user:pw@d.example.org' },
    ];
    const r = refuseUnsafeAddresses({ triage: { docLinks: links } });
    expect((r.data.triage as { docLinks: unknown[] }).docLinks).toEqual([links[1], links[2], links[3], links[4]]);
    expect(r.refused).toEqual([
      'triage.docLinks[0] "ftp://a.example.org" was left out: only https: addresses are accepted (this one is ftp:)',
      'triage.docLinks[5] "https://user:pw@d.example.org" was left out: an address with a user name or password in it is not accepted',
    ]);
  });

  it('an address with spaces around it, even non-breaking ones pasted from a web page, is taken', () => {
    const data = { jira: { baseUrl: '\u00A0https://jira.example.org\u00A0' }, triage: { docLinks: [{ name: 'D', url: '\u00A0https://d.example.org' }] } };
    expect(refuseUnsafeAddresses(data).refused).toEqual([]);
    const p = plan(defaultSettings(), data);
    expect(p.keepIdentity.jira.baseUrl).toBe('https://jira.example.org');
    expect(p.keepIdentity.triage.docLinks).toEqual([{ name: 'D', url: 'https://d.example.org' }]);
  });

  it('the refusal shows the value as the file wrote it', () => {
    const r = refuseUnsafeAddresses({ jira: { baseUrl: ' http://j.example.org ' } });
    expect(r.refused).toEqual(['jira.baseUrl " http://j.example.org " was not imported: only https: addresses are accepted (this one is http:); yours is kept']);
  });
});

describe('planImport: more rules', () => {
  it('takes an identity only when it differs from yours; the changes it would make are the identity ones only', () => {
    const mine = settingsWith({ identity: { name: 'Alain Roy' } });
    const p = plan(mine, { identity: { footprintsId: 'aroy' }, queue: { staleDays: 3 } });
    expect(p.takeIdentity?.identity).toEqual({ name: 'Alain Roy', email: '', footprintsId: 'aroy', aliases: [] });
    expect(p.takeIdentity?.queue.staleDays).toBe(3);
    expect(p.identityChanges).toEqual([
      { path: 'identity.footprintsId', summary: '"" → "aroy"', risk: 'identity', why: 'your identity: updates you sign and "assigned to me" would use it' },
    ]);
    expect(p.changes).toEqual([{ path: 'queue.staleDays', summary: '7 → 3' }]);
    expect(p.refused).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it('the identity of a file with nothing else to import', () => {
    const p = plan(defaultSettings(), { identity: { name: 'Brian Lin' } });
    expect(p.changes).toEqual([]);
    expect(p.keepIdentity).toEqual(defaultSettings());
    expect(chosenSettings(p, true).identity.name).toBe('Brian Lin');
  });

  it('chosenSettings: asked to take an identity the file did not offer, keeps yours', () => {
    const p = plan(settingsWith({ identity: { name: 'Alain Roy' } }), { queue: { staleDays: 3 } });
    expect(chosenSettings(p, true)).toBe(p.keepIdentity);
    expect(chosenSettings(p, false)).toBe(p.keepIdentity);
  });

  it('a bad version is refused', () => {
    expect(planImport(defaultSettings(), '{"version": 0}')).toEqual({ ok: false, error: expect.stringMatching(/^version: /) });
  });

  it('a refused file of this version names the field without the note about newer versions', () => {
    const r = planImport(defaultSettings(), JSON.stringify({ version: SETTINGS_VERSION, queue: { staleDays: 'x' } }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^queue\.staleDays: .*\(found "x"\)$/) });
  });

  it('uses your GOC sites for the GOC address of a file that brings none', () => {
    const mine = settingsWith({ goc: { extraOrigins: [ITB] } });
    const p = plan(mine, { queue: { gocBaseUrl: `${ITB}/goc` } });
    expect(p.refused).toEqual([]);
    expect(p.keepIdentity.queue.gocBaseUrl).toBe(`${ITB}/goc`);
  });
});

describe('diffSettings: the summary and the risk of each change', () => {
  const d = () => defaultSettings();
  const diff = (change: (s: Record<string, any>) => void, before: Settings = d()) => {
    const after = structuredClone(before) as Record<string, any>;
    change(after);
    return diffSettings(before, after as Settings);
  };

  it('lists: same length "changed", with one entry in the singular', () => {
    expect(diff((s) => { s.queue.softwareAssignees = ['a', 'b', 'c']; })).toEqual([{ path: 'queue.softwareAssignees', summary: '3 entries changed' }]);
    const one = settingsWith({ team: [{ name: 'A' }] });
    expect(diff((s) => { s.team[0].name = 'B'; }, one)).toEqual([{ path: 'team', summary: '1 entry changed' }]);
    expect(diff((s) => { s.team = []; }, one)).toEqual([{ path: 'team', summary: '1 → 0 entries' }]);
  });

  it('a key added shows its value (shortened to 40); a key removed says so', () => {
    expect(diff((s) => { s.queue.quietHours = 'night'; })).toEqual([{ path: 'queue.quietHours', summary: 'added "night"' }]);
    expect(diff((s) => { s.later = 'z'.repeat(50); })).toEqual([{ path: 'later', summary: `added "${'z'.repeat(36)}...` }]);
    expect(diff((s) => { delete s.queue.historyDays; })).toEqual([{ path: 'queue.historyDays', summary: 'removed' }]);
  });

  it('text up to 40 characters is shown old → new; longer, multi-line, or an object is "changed"', () => {
    const forty = 'p'.repeat(40);
    expect(diff((s) => { s.queue.triageNextAction = forty; })).toEqual([{ path: 'queue.triageNextAction', summary: `"SOFTWARE TRIAGE" → "${'p'.repeat(36)}...` }]);
    expect(diff((s) => { s.queue.triageNextAction = `${forty}p`; })).toEqual([{ path: 'queue.triageNextAction', summary: 'changed' }]);
    expect(diff((s) => { s.queue.triageNextAction = 'a\nb'; })).toEqual([{ path: 'queue.triageNextAction', summary: 'changed' }]);
    const long = settingsWith({ queue: { triageNextAction: forty + 'p' } });
    expect(diff((s) => { s.queue.triageNextAction = 'short'; }, long)).toEqual([{ path: 'queue.triageNextAction', summary: 'changed' }]);
    const multi = settingsWith({ queue: { triageNextAction: 'a\nb' } });
    expect(diff((s) => { s.queue.triageNextAction = 'short'; }, multi)).toEqual([{ path: 'queue.triageNextAction', summary: 'changed' }]);
    expect(diff((s) => { s.queue.staleDays = { workdays: 3 }; })).toEqual([{ path: 'queue.staleDays', summary: 'changed' }]);
    expect(diff((s) => { s.queue.staleDays = null; })).toEqual([{ path: 'queue.staleDays', summary: 'changed' }]);
    const obj = { ...d(), queue: { ...d().queue, staleDays: { workdays: 3 } } } as unknown as Settings;
    expect(diff((s) => { s.queue.staleDays = 3; }, obj)).toEqual([{ path: 'queue.staleDays', summary: 'changed' }]);
    const nul = { ...d(), queue: { ...d().queue, staleDays: null } } as unknown as Settings;
    expect(diff((s) => { s.queue.staleDays = 3; }, nul)).toEqual([{ path: 'queue.staleDays', summary: 'changed' }]);
  });

  it('a section that became a plain value is one change; only the top-level version is skipped', () => {
    expect(diff((s) => { s.jira = 'none'; })).toEqual([{ path: 'jira', summary: 'changed' }]);
    expect(diff((s) => { s.queue.version = 2; })).toEqual([{ path: 'queue.version', summary: 'added 2' }]);
  });

  it('the risks: identity, each web address, turning off a guard or a notification', () => {
    const risk = (change: (s: Record<string, any>) => void) => diff(change).map((c) => [c.path, c.risk ?? null, c.why ?? null]);
    expect(risk((s) => { s.identity.email = 'a@b.example'; })).toEqual([
      ['identity.email', 'identity', 'your identity: updates you sign and "assigned to me" would use it'],
    ]);
    expect(risk((s) => { s.rotation.source = 'https://r.example.org'; })).toEqual([
      ['rotation.source', 'address', 'a web address: where the triage rotation is downloaded from'],
    ]);
    expect(risk((s) => { s.jira.baseUrl = 'https://j.example.org'; })).toEqual([
      ['jira.baseUrl', 'address', 'a web address: where the JIRA links on ticket pages point'],
    ]);
    expect(risk((s) => { s.queue.gocBaseUrl = 'https://ticket.grid.iu.edu'; })).toEqual([
      ['queue.gocBaseUrl', 'address', 'a web address: where the extension reads your tickets from'],
    ]);
    expect(risk((s) => { s.triage.docLinks = []; })).toEqual([
      ['triage.docLinks', 'address', 'web addresses the close checklist offers as links'],
    ]);
    expect(risk((s) => { s.features.closeChecklist = false; })).toEqual([['features.closeChecklist', 'guard', 'turns off a check on ticket pages']]);
    expect(risk((s) => { s.notifications.dutyReminder = false; })).toEqual([['notifications.dutyReminder', 'notification', 'turns off a notification']]);
    expect(risk((s) => { s.notifications.newTicket = 'never'; })).toEqual([['notifications.newTicket', 'notification', 'turns off a notification']]);
  });

  it('no risk: turning a guard or a notification on, another key of a risky section, another section', () => {
    const off = settingsWith({ features: { triagePanel: false }, notifications: { newTicket: 'never', middayNudge: false } });
    const risk = (change: (s: Record<string, any>) => void, before?: Settings) => diff(change, before).map((c) => c.risk ?? null);
    expect(risk((s) => { s.features.triagePanel = true; }, off)).toEqual([null]);
    expect(risk((s) => { s.notifications.middayNudge = true; }, off)).toEqual([null]);
    expect(risk((s) => { s.notifications.newTicket = 'always'; })).toEqual([null]);
    expect(risk((s) => { s.triage.nextActions = ['x']; })).toEqual([null]);
    expect(risk((s) => { s.jira.projectKey = 'X'; })).toEqual([null]);
    expect(risk((s) => { s.queue.staleDays = 3; })).toEqual([null]);
    expect(risk((s) => { s.rotation.timeZone = 'UTC'; })).toEqual([null]);
    expect(risk((s) => { s.schedule.workStart = '08:00'; })).toEqual([null]);
    expect(risk((s) => { s.signature = '{name}'; })).toEqual([null]);
    expect(risk((s) => { s.goc.extraOrigins = [ITB]; })).toEqual([null]);
  });
});
