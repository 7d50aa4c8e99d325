// @vitest-environment happy-dom
/** Options page: the Experts section, over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ExpertsSection } from '../../../../components/options/sections/ExpertsSection';
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

describe('Experts section', () => {
  it('adds a topic from comma-separated keywords and people, and refuses incomplete rows', async () => {
    const save = storeSave();
    render(<ExpertsSection settings={defaultSettings()} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    fireEvent.input(screen.getByLabelText('Topic 1'), { target: { value: 'Storage' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save experts' }));
    await waitFor(() => expect(document.querySelector('.gta-status')?.textContent).toMatch(/needs at least one keyword/));
    expect(save).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Keywords of topic 1'), { target: { value: 'xrootd, GridFTP ,, dCache' } });
    fireEvent.input(screen.getByLabelText('People for topic 1'), { target: { value: 'Carl Edquist, Brian Lin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save experts' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.experts).toEqual([
      { topic: 'Storage', keywords: ['xrootd', 'GridFTP', 'dCache'], people: ['Carl Edquist', 'Brian Lin'] },
    ]);
  });
});
