// @vitest-environment happy-dom
/**
 * The options page's first frame comes from the snapshot the background validated, before the page's
 * second script (settings store, validator) arrives; then the stored settings themselves take over.
 *
 * Each test needs that second script NOT loaded yet, which holds once per test file (modules are
 * loaded once per file): the first test checks it, and later tests do not depend on it.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../../components/options/App';
import { deferredNow, loadDeferred } from '../../../../components/options/use-deferred';
import { saveSettings } from '../../../../services/settings-store';
import { defaultSettingsCopy } from '../../../../utils/settings/defaults';
import type { Settings } from '../../../../utils/settings/schema';
import { setItem, STORED } from '../../../../utils/storage-items';

function named(name: string): Settings {
  const s = defaultSettingsCopy();
  s.identity.name = name;
  return s;
}

const publish = (settings: unknown, error: string | null = null) =>
  setItem(fakeBrowser.storage, STORED.settingsSnapshot, { settings: settings as Settings, error, publishedAt: 1 });

/** The Full name field's value when the sections first appear (the mutation that adds them). */
async function nameAtFirstFrame(): Promise<string> {
  const field = (await screen.findByLabelText('Full name')) as HTMLInputElement;
  return field.value;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
// No import outlives the file.
afterAll(() => loadDeferred());

describe('the first frame', () => {
  it('shows the published snapshot before the second script arrives, then the stored settings', async () => {
    expect(deferredNow()).toBeNull();
    await saveSettings(named('Stored Name'));
    await publish(named('Snapshot Name'));
    render(<OptionsApp />);
    expect(await nameAtFirstFrame()).toBe('Snapshot Name');
    // The snapshot can lag a save by a moment: the stored settings win once the store is there.
    await waitFor(() => expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Stored Name'));
    expect(deferredNow()).not.toBeNull();
  });

  it('does not show a snapshot that lacks a section of this version (an older one published it)', async () => {
    await saveSettings(named('Stored Name'));
    const { jira: _jira, ...older } = named('Old Snapshot');
    await publish(older);
    render(<OptionsApp />);
    expect(await nameAtFirstFrame()).toBe('Stored Name');
    expect(document.querySelector('section#ticket-page')).toBeTruthy();
  });

  it('shows the snapshot’s load error at once', async () => {
    await publish(named(''), 'Some stored settings were invalid and are at their defaults: queue.staleDays.');
    await fakeBrowser.storage.local.set({ settings: { queue: { staleDays: 'many' } } });
    render(<OptionsApp />);
    const alert = await screen.findByText(/queue\.staleDays/);
    expect(alert.getAttribute('data-gta')).toBe('settings-load-error');
  });
});
