import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsFrom, useDefaultSettings, watchPageSettings } from '../../../../features/shared/settings';
import { DEFAULT_SETTINGS } from '../../../../utils/settings';
import { defaultSettingsCopy, defaultSettingsWithoutSnippets } from '../../../../utils/settings/defaults';
import { STORED } from '../../../../utils/storage-items';

describe('page settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults until a snapshot is published: without the snippets\' texts, unless the script asks for them', () => {
    // Every script but the New Update box's: no feature there reads snippets, so their texts stay out of it.
    expect(settingsFrom(null)).toEqual({ ...DEFAULT_SETTINGS, snippets: [] });
    expect(DEFAULT_SETTINGS.snippets.length).toBeGreaterThan(0);
    // entrypoints/update.content.ts (the snippets feature) asks for the full defaults.
    useDefaultSettings(defaultSettingsCopy);
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS);
    useDefaultSettings(defaultSettingsWithoutSnippets);
  });

  it('the defaults without snippets are a fresh copy each time (a caller may change what it got)', () => {
    const first = defaultSettingsWithoutSnippets();
    first.identity.name = 'changed';
    first.snippets.push({ name: 'x', text: 'y' });
    expect(defaultSettingsWithoutSnippets().identity.name).toBe('');
    expect(defaultSettingsWithoutSnippets().snippets).toEqual([]);
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
