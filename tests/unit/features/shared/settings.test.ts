import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsFrom, watchPageSettings } from '../../../../features/shared/settings';
import { DEFAULT_SETTINGS } from '../../../../utils/settings';
import { STORED } from '../../../../utils/storage-items';

describe('page settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults until a snapshot is published', () => {
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('follow each published snapshot from the change event, and nothing else', async () => {
    const seen: string[] = [];
    const stop = watchPageSettings((s) => seen.push(s.identity.name));
    const snapshot = (name: string) => ({ settings: { ...DEFAULT_SETTINGS, identity: { ...DEFAULT_SETTINGS.identity, name } }, error: null, publishedAt: 1 });
    await browser.storage.local.set({ [STORED.settingsSnapshot.key]: snapshot('First') });
    await browser.storage.local.set({ [STORED.queueSoftwareFilter.key]: true });
    await browser.storage.local.set({ [STORED.settingsSnapshot.key]: snapshot('Second') });
    stop();
    await browser.storage.local.set({ [STORED.settingsSnapshot.key]: snapshot('Third') });
    expect(seen).toEqual(['First', 'Second']);
  });
});
