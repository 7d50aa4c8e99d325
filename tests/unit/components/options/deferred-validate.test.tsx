// @vitest-environment happy-dom
/**
 * A form that must check synchronously (it asks for a host permission inside the click) and is
 * submitted before the options page's second script (the validator) has arrived: the section's
 * own rules run, and the store, which validates every save, refuses what the schema would have.
 * The second script is loaded once per test file: the test checks it is not there yet.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { RotationSection } from '../../../../components/options/sections/RotationSection';
import { deferredNow, loadDeferred, updateSettingsWhenLoaded } from '../../../../components/options/use-deferred';
import { loadSettings } from '../../../../services/settings-store';
import { defaultSettingsCopy } from '../../../../utils/settings/defaults';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
afterAll(() => loadDeferred());

describe('a synchronous check before the validator has arrived', () => {
  it('lets the store refuse an invalid value, in the section’s words; nothing is stored', async () => {
    expect(deferredNow()).toBeNull();
    const save = vi.fn(updateSettingsWhenLoaded);
    render(<RotationSection settings={defaultSettingsCopy()} save={save} />);
    fireEvent.input(screen.getByLabelText('Holidays (no triage; one date per line)'), { target: { value: '2026-12-25\nChristmas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rotation settings' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not saved\. Holidays \(line 2\): expected a date/);
    expect((await loadSettings()).settings.rotation.holidays).toEqual([]);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });
});
