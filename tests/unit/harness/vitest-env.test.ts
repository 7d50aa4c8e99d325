// @vitest-environment happy-dom
/**
 * Guards the unit-test environment itself (vitest.config.ts + tests/unit/setup.ts): if the WXT
 * plugin, fake IndexedDB or happy-dom stop being wired in, every other suite would fail in
 * confusing ways; this one says what broke.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { loadSettings, saveSettings } from '../../../services/settings-store';

describe('unit test environment', () => {
  beforeEach(() => fakeBrowser.reset());

  it('resolves wxt/browser to an in-memory fake with working storage', async () => {
    await browser.storage.local.set({ probe: 42 });
    expect(await fakeBrowser.storage.local.get('probe')).toEqual({ probe: 42 });
  });

  it('lets services round-trip settings through the fake storage', async () => {
    const saved = await saveSettings({ identity: { name: 'Alain Roy', email: 'roy@example.org' } });
    expect(saved.error).toBeUndefined();
    const loaded = await loadSettings();
    expect(loaded.settings.identity.name).toBe('Alain Roy');
  });

  it('provides IndexedDB for Dexie', async () => {
    const db = new Dexie('vitest-env-probe');
    db.version(1).stores({ things: 'id' });
    await db.table('things').put({ id: 1, name: 'x' });
    expect(await db.table('things').get(1)).toEqual({ id: 1, name: 'x' });
    db.close();
    await Dexie.delete('vitest-env-probe');
  });

  it('runs DOM tests in happy-dom when the file asks for it', () => {
    const div = document.createElement('div');
    div.textContent = '<b>text</b>';
    document.body.append(div);
    expect(document.body.querySelector('b')).toBeNull();
    expect(div.innerHTML).toBe('&lt;b&gt;text&lt;/b&gt;');
  });
});
