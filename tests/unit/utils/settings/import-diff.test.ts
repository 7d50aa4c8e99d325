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
