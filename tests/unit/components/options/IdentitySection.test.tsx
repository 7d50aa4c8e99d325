// @vitest-environment happy-dom
/** Options page: the Identity section, over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { IdentitySection } from '../../../../components/options/sections/IdentitySection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

/** The section's `save` prop as the page wires it: the store's validated read-modify-write. */
function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Identity section', () => {
  it('has a labelled field for name, e-mail, Footprints id and aliases', () => {
    render(<IdentitySection settings={defaultSettings()} save={storeSave()} />);
    for (const label of ['Full name', 'E-mail', 'Footprints id', 'Other spellings of your name']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(document.querySelector('section#identity h2')?.textContent).toBe('Identity');
  });

  it('saves what was typed (aliases one per line) and says so', async () => {
    const save = storeSave();
    render(<IdentitySection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Alain Roy' } });
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'alain.roy@wisc.example.edu' } });
    fireEvent.input(screen.getByLabelText('Footprints id'), { target: { value: 'aroy' } });
    fireEvent.input(screen.getByLabelText('Other spellings of your name'), { target: { value: 'Alain\n\n A. Roy \n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.identity).toEqual({
      name: 'Alain Roy',
      email: 'alain.roy@wisc.example.edu',
      footprintsId: 'aroy',
      aliases: ['Alain', 'A. Roy'],
    });
  });

  it('refuses a bad e-mail naming the field in words, and stores nothing', async () => {
    render(<IdentitySection settings={defaultSettings()} save={storeSave()} />);
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: 'alain at wisc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Not saved\. E-mail: expected an e-mail address/));
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('saves with the Enter key (a real form)', async () => {
    const save = storeSave();
    render(<IdentitySection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('Full name'), { target: { value: 'Brian Lin' } });
    fireEvent.submit(screen.getByLabelText('Full name').closest('form')!);
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]![0](defaultSettings()).identity.name).toBe('Brian Lin');
  });
});
