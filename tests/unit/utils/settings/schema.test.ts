/** The settings schema: OSG Software Team defaults, validation and the field named in each error. */
import {
  DEFAULT_SIGNATURE,
  DEFAULT_SNIPPETS,
  SETTINGS_VERSION,
  defaultSettings,
  formatPath,
  parseSettings,
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
