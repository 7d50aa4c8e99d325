import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishSettingsSnapshot, registerSettingsSnapshot } from '../../../services/settings-snapshot';
import { saveSettings } from '../../../services/settings-store';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

const read = async () => (await fakeBrowser.storage.local.get('settings.snapshot'))['settings.snapshot'] as
  | { settings: typeof DEFAULT_SETTINGS; error: string | null; publishedAt: number }
  | undefined;

describe('settings snapshot for pages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('publishes the validated settings, with the defaults when nothing is stored', async () => {
    await publishSettingsSnapshot(() => 1);
    expect((await read())?.settings).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, identity: { ...DEFAULT_SETTINGS.identity, name: 'Alain Roy' } });
    await publishSettingsSnapshot(() => 2);
    const snap = await read();
    expect(snap?.settings.identity.name).toBe('Alain Roy');
    expect(snap?.publishedAt).toBe(2);
  });

  it('repairs what it publishes and says what was wrong', async () => {
    await fakeBrowser.storage.local.set({ settings: { queue: { staleDays: 'lots' } } });
    await publishSettingsSnapshot();
    const snap = await read();
    expect(snap?.settings.queue.staleDays).toBe(7);
    expect(snap?.error).toMatch(/staleDays/);
  });

  it('does not rewrite an unchanged snapshot (pages are not woken for nothing)', async () => {
    await publishSettingsSnapshot(() => 1);
    await publishSettingsSnapshot(() => 2);
    expect((await read())?.publishedAt).toBe(1);
  });

  it('republishes when the stored settings change', async () => {
    registerSettingsSnapshot();
    await new Promise((r) => setTimeout(r, 0));
    await saveSettings({ ...DEFAULT_SETTINGS, queue: { ...DEFAULT_SETTINGS.queue, staleDays: 5 } });
    await vi.waitFor(async () => expect((await read())?.settings.queue.staleDays).toBe(5));
  });
});
