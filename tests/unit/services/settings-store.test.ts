/** services/settings-store.ts over WXT's in-memory fakeBrowser: where each part lives, and bad data. */
import { fakeBrowser } from 'wxt/testing';
import {
  LOCAL_KEY,
  SYNC_KEY,
  applyImportText,
  loadSettings,
  previewImportText,
  restoreSettings,
  saveSettings,
  updateSettings,
  watchSettings,
} from '../../../services/settings-store';
import { defaultSettings, exportConfig } from '../../../utils/settings';

const identity = { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy', aliases: ['Alain'] };

beforeEach(() => fakeBrowser.reset());

describe('where settings are stored', () => {
  it('puts identity in storage.sync and everything else in storage.local', async () => {
    const saved = await saveSettings({ identity, queue: { staleDays: 3 } });
    expect(saved.error).toBeUndefined();
    const sync = await fakeBrowser.storage.sync.get(SYNC_KEY);
    const local = (await fakeBrowser.storage.local.get(LOCAL_KEY))[LOCAL_KEY] as Record<string, unknown>;
    // With the stamp saying when it was written (finding 7: the newer copy wins).
    expect(sync[SYNC_KEY]).toEqual({ ...identity, updatedAt: expect.any(Number) });
    expect(local.identity).toBeUndefined();
    expect((local.queue as { staleDays: number }).staleDays).toBe(3);
    expect(typeof local.signature).toBe('string');
  });

  it('loads both halves back as one object', async () => {
    await saveSettings({ identity, team: [{ name: 'Brian Lin' }] });
    const { settings, error } = await loadSettings();
    expect(error).toBeUndefined();
    expect(settings.identity).toEqual(identity);
    expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin']);
  });

  it('returns the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings() });
  });

  it('keeps the identity in storage.local when storage.sync refuses it, and that copy wins', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: { name: 'Old Name' } });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const saved = await saveSettings({ identity });
    expect(saved.error).toBeUndefined();
    const local = (await fakeBrowser.storage.local.get(LOCAL_KEY))[LOCAL_KEY] as Record<string, unknown>;
    expect(local.identity).toEqual({ ...identity, updatedAt: expect.any(Number) });
    expect((await loadSettings()).settings.identity).toEqual(identity);
  });

  it('works when storage.sync cannot even be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync disabled'));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync disabled'));
    expect((await saveSettings({ identity })).error).toBeUndefined();
    expect((await loadSettings()).settings.identity).toEqual(identity);
  });

  it('does not rewrite storage.sync when the identity did not change (sync has write quotas)', async () => {
    await saveSettings({ identity });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveSettings({ identity, queue: { staleDays: 9 } });
    expect(set).not.toHaveBeenCalled();
    expect((await loadSettings()).settings.queue.staleDays).toBe(9);
  });
});

describe('identity conflict between the local fallback copy and storage.sync (issue 10 finding 7)', () => {
  const newer = { ...identity, name: 'Alain Roy (synced later)' };
  const older = { ...identity, name: 'Alain Roy (stale local copy)' };

  it('a local copy older than the synced one loses, and is not pushed back over it', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: { ...newer, updatedAt: 2_000 } });
    await fakeBrowser.storage.local.set({ [LOCAL_KEY]: { identity: { ...older, updatedAt: 1_000 }, queue: { staleDays: 3 } } });
    expect((await loadSettings()).settings.identity).toEqual(newer);
    // Any later save (another section) must not push the stale copy back to sync.
    await updateSettings((s) => ({ ...s, queue: { ...s.queue, staleDays: 4 } }));
    const synced = (await fakeBrowser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    expect(synced).toMatchObject(newer);
    const local = (await fakeBrowser.storage.local.get(LOCAL_KEY))[LOCAL_KEY] as Record<string, unknown>;
    expect(local.identity).toBeUndefined();
    expect((await loadSettings()).settings.identity).toEqual(newer);
  });

  it('a local copy newer than the synced one wins, and goes to sync once sync accepts it', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: { ...older, updatedAt: 1_000 } });
    await fakeBrowser.storage.local.set({ [LOCAL_KEY]: { identity: { ...newer, updatedAt: 2_000 } } });
    expect((await loadSettings()).settings.identity).toEqual(newer);
    await updateSettings((s) => s);
    const synced = (await fakeBrowser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    expect(synced).toMatchObject(newer);
    const local = (await fakeBrowser.storage.local.get(LOCAL_KEY))[LOCAL_KEY] as Record<string, unknown>;
    expect(local.identity).toBeUndefined();
  });

  it('stamps both copies with when they were written, and never shows the stamp in the settings', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    await saveSettings({ identity });
    const local = (await fakeBrowser.storage.local.get(LOCAL_KEY))[LOCAL_KEY] as { identity: Record<string, unknown> };
    expect(typeof local.identity.updatedAt).toBe('number');
    await saveSettings({ identity: newer });
    const synced = (await fakeBrowser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    expect(typeof synced.updatedAt).toBe('number');
    expect((await loadSettings()).settings.identity).toEqual(newer);
  });
});

describe('validation on save and load', () => {
  it('refuses an invalid object, names the field, and changes nothing stored', async () => {
    await saveSettings({ identity, queue: { staleDays: 3 } });
    const before = { local: await fakeBrowser.storage.local.get(), sync: await fakeBrowser.storage.sync.get() };
    const result = await saveSettings({ identity: { ...identity, name: 'Someone Else' }, team: [{ name: 'X', role: 'boss' }] });
    expect(result.error).toMatch(/^team\[0\]\.role: /);
    expect(result.settings.identity.name).toBe('Alain Roy');
    expect({ local: await fakeBrowser.storage.local.get(), sync: await fakeBrowser.storage.sync.get() }).toEqual(before);
  });

  it('loads around a corrupted stored field: the rest is kept and the problem is reported', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: identity });
    await fakeBrowser.storage.local.set({
      [LOCAL_KEY]: { queue: { staleDays: 'lots' }, team: [{ name: 'Brian Lin' }] },
    });
    const { settings, error } = await loadSettings();
    expect(settings.identity).toEqual(identity);
    expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin']);
    expect(settings.queue.staleDays).toBe(7);
    expect(error).toMatch(/queue\.staleDays/);
  });

  it('still has the synced identity when the local part is not an object at all', async () => {
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: identity });
    await fakeBrowser.storage.local.set({ [LOCAL_KEY]: 'garbage' });
    const { settings, error } = await loadSettings();
    expect(settings.identity).toEqual(identity);
    expect(error).toMatch(/not an object/);
  });
});

describe('previewImportText, applyImportText and restoreSettings (issue 10 finding 3)', () => {
  const file = JSON.stringify({
    identity: { name: 'Mallory', email: 'mallory@evil.example' },
    team: [{ name: 'Rob Quick', role: 'osg-staff' }],
    queue: { staleDays: 4 },
  });
  const storage = async () => ({ local: await fakeBrowser.storage.local.get(), sync: await fakeBrowser.storage.sync.get() });

  it('previews over the stored settings without storing anything', async () => {
    await saveSettings({ identity });
    const before = await storage();
    const p = await previewImportText(file);
    expect(p.ok && p.changes.map((c) => c.path)).toEqual(['team', 'queue.staleDays']);
    expect(p.ok && p.identityChanges.map((c) => c.path)).toEqual(['identity.name', 'identity.email']);
    expect(await storage()).toEqual(before);
  });

  it('applies without the file identity unless asked, and returns the settings as they were', async () => {
    await saveSettings({ identity });
    const r = await applyImportText(file);
    expect(r.ok && r.tookIdentity).toBe(false);
    expect(r.ok && r.previous.queue.staleDays).toBe(7);
    const { settings } = await loadSettings();
    expect(settings.identity).toEqual(identity);
    expect(settings.team[0]!.role).toBe('osg-staff');
    expect(settings.queue.staleDays).toBe(4);
    await applyImportText(file, { takeIdentity: true });
    expect((await loadSettings()).settings.identity.name).toBe('Mallory');
  });

  it('undo restores the settings exactly: export before = export after', async () => {
    await saveSettings({ identity, queue: { staleDays: 9 }, jira: { baseUrl: 'https://jira.opensciencegrid.org' } });
    const before = exportConfig((await loadSettings()).settings, { includeIdentity: true });
    const r = await applyImportText(file, { takeIdentity: true });
    if (!r.ok) throw new Error(r.error);
    expect(exportConfig((await loadSettings()).settings, { includeIdentity: true })).not.toBe(before);
    expect((await restoreSettings(r.previous)).error).toBeUndefined();
    expect(exportConfig((await loadSettings()).settings, { includeIdentity: true })).toBe(before);
  });

  it('refuses a bad file with the field named and leaves storage exactly as it was', async () => {
    await saveSettings({ identity, queue: { staleDays: 3 } });
    const before = await storage();
    const r = await applyImportText(JSON.stringify({ queue: { staleDays: 5 }, team: [{ name: 'A' }, { name: 'B', role: 'lead' }] }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^team\[1\]\.role: /) });
    expect(await storage()).toEqual(before);
  });
});

describe('updateSettings', () => {
  it('applies quick successive changes without losing one', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, queue: { ...s.queue, staleDays: 11 } })),
      updateSettings((s) => ({ ...s, identity: { ...s.identity, name: 'Brian Lin' } })),
      updateSettings((s) => ({ ...s, jira: { ...s.jira, projectKey: 'SOFT' } })),
    ]);
    const { settings } = await loadSettings();
    expect([settings.queue.staleDays, settings.identity.name, settings.jira.projectKey]).toEqual([11, 'Brian Lin', 'SOFT']);
  });
});

describe('watchSettings', () => {
  it('calls back with the new settings after a change in either area, until unsubscribed', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.identity.name));
    await saveSettings({ identity });
    await vi.waitFor(() => expect(seen.at(-1)).toBe('Alain Roy'));
    await fakeBrowser.storage.sync.set({ [SYNC_KEY]: { ...identity, name: 'Changed Elsewhere' } });
    await vi.waitFor(() => expect(seen.at(-1)).toBe('Changed Elsewhere'));
    stop();
    const count = seen.length;
    // A watcher registered after the first one: once it has seen the change, the first would have too.
    const later: string[] = [];
    const stopLater = watchSettings((s) => later.push(s.identity.name));
    await saveSettings({ identity: { ...identity, name: 'After Stop' } });
    await vi.waitFor(() => expect(later.at(-1)).toBe('After Stop'));
    stopLater();
    expect(seen.length).toBe(count);
  });
});
