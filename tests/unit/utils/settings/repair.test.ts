/** Loading stored settings: keep every good part, reset only what is bad, and say what. */
import { defaultSettings, repairSettings } from '../../../../utils/settings';

describe('repairSettings', () => {
  it('returns valid settings unchanged and reports nothing', () => {
    const r = repairSettings({ identity: { name: 'Alain Roy' }, queue: { staleDays: 3 } });
    expect(r.problems).toEqual([]);
    expect(r.settings.identity.name).toBe('Alain Roy');
    expect(r.settings.queue.staleDays).toBe(3);
  });

  it('resets one bad field to its default and keeps its neighbours', () => {
    const r = repairSettings({ identity: { name: 'Alain Roy' }, queue: { staleDays: 'x', triageNextAction: 'TRIAGE ME' } });
    expect(r.settings.queue.staleDays).toBe(7);
    expect(r.settings.queue.triageNextAction).toBe('TRIAGE ME');
    expect(r.settings.identity.name).toBe('Alain Roy');
    expect(r.problems).toEqual([expect.stringMatching(/^queue\.staleDays: .*reset to the default$/)]);
  });

  it('drops only the broken list item when a required field is missing or bad', () => {
    const r = repairSettings({
      team: [{ name: 'Alain Roy' }, { role: 'software' }, { name: 'Brian Lin' }, { name: 5 }, { name: 'Rob Quick', role: 'x' }],
    });
    expect(r.settings.team.map((m) => m.name)).toEqual(['Alain Roy', 'Brian Lin', 'Rob Quick']);
    expect(r.settings.team[2]!.role).toBe('software');
    expect(r.problems).toEqual([
      expect.stringMatching(/^team\[1\]\.name: .*team\[1\] was dropped$/),
      expect.stringMatching(/^team\[3\]\.name: .*team\[3\] was dropped$/),
      expect.stringMatching(/^team\[4\]\.role: .*reset to the default$/),
    ]);
  });

  it('drops a bad list item and then a duplicate that moved into its place, keeping the good items', () => {
    const ITB = 'https://itb.example.org';
    const r = repairSettings({ goc: { extraOrigins: [ITB, 'ftp://x.example.org', ITB, 'https://b.example.org'] } });
    expect(r.settings.goc.extraOrigins).toEqual([ITB, 'https://b.example.org']);
    expect(r.problems).toHaveLength(2);
    expect(r.problems).toContainEqual(expect.stringMatching(/^goc\.extraOrigins\[1\]: only https: .*ftp:.*; goc\.extraOrigins\[1\] was dropped$/));
    expect(r.problems).toContainEqual(expect.stringMatching(/^goc\.extraOrigins\[1\]: https:\/\/itb\.example\.org is listed twice; goc\.extraOrigins\[1\] was dropped$/));
  });

  it('drops three bad items in a row, each with its own line', () => {
    const r = repairSettings({ team: [{ name: 'Alain Roy' }, { name: 1 }, { name: 2 }, { name: 3 }, { name: 'Brian Lin' }] });
    expect(r.settings.team.map((m) => m.name)).toEqual(['Alain Roy', 'Brian Lin']);
    expect(r.problems).toEqual([
      expect.stringMatching(/^team\[1\]\.name: .*team\[1\] was dropped$/),
      expect.stringMatching(/^team\[2\]\.name: .*team\[2\] was dropped$/),
      expect.stringMatching(/^team\[3\]\.name: .*team\[3\] was dropped$/),
    ]);
  });

  it('replaces a section of the wrong type by its defaults', () => {
    const r = repairSettings({ identity: 'Alain', rotation: [], signature: 'Hi {nope}' });
    expect(r.settings.identity).toEqual(defaultSettings().identity);
    expect(r.settings.rotation).toEqual(defaultSettings().rotation);
    expect(r.settings.signature).toBe(defaultSettings().signature);
    expect(r.problems).toHaveLength(3);
  });

  it('survives a bad version number', () => {
    const r = repairSettings({ version: 'x', identity: { name: 'Alain Roy' } });
    expect(r.settings.identity.name).toBe('Alain Roy');
    expect(r.problems[0]).toMatch(/^version: /);
  });

  it('falls back to defaults for something that is not an object at all', () => {
    expect(repairSettings('garbage').settings).toEqual(defaultSettings());
    expect(repairSettings('garbage').problems).toHaveLength(1);
    expect(repairSettings(undefined)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('does not modify what it was given', () => {
    const stored = { queue: { staleDays: 'x' }, team: [{ role: 'software' }] };
    const copy = structuredClone(stored);
    repairSettings(stored);
    expect(stored).toEqual(copy);
  });
});
