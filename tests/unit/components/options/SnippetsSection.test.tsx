// @vitest-environment happy-dom
/** Options page: the Snippets section, over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { SnippetsSection, snippetProblems } from '../../../../components/options/sections/SnippetsSection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { DEFAULT_SNIPPETS, defaultSettings, exportConfig, parseConfigText, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

/** The section's `save` prop as the page wires it: the store's validated read-modify-write. */
function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}

const names = () => Array.from(document.querySelectorAll<HTMLInputElement>('[data-gta="options-snippet"] input[data-gta-field="name"]')).map((i) => i.value);

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Snippets section', () => {
  it('lists the defaults, profiler request first', () => {
    render(<SnippetsSection settings={defaultSettings()} save={storeSave()} />);
    expect(names()).toEqual(DEFAULT_SNIPPETS.map((s) => s.name));
    expect(names()[0]).toMatch(/osg-system-profiler/);
  });

  it('edits, reorders, adds and removes, then saves in that order', async () => {
    const save = storeSave();
    render(<SnippetsSection settings={defaultSettings()} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move snippet 2 up' }));
    expect(names().slice(0, 2)).toEqual([DEFAULT_SNIPPETS[1].name, DEFAULT_SNIPPETS[0].name]);
    fireEvent.click(document.querySelectorAll<HTMLButtonElement>('[data-gta-action="remove"]')[2]);
    fireEvent.click(screen.getByRole('button', { name: 'Add snippet' }));
    const rows = document.querySelectorAll('[data-gta="options-snippet"]');
    const last = rows[rows.length - 1];
    fireEvent.input(last.querySelector('input')!, { target: { value: 'Ask for the CE config' } });
    fireEvent.input(last.querySelector('textarea')!, { target: { value: 'Hi {submitter}, please attach /etc/condor-ce/config.d for {ticket}.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save snippets' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    const stored = (await loadSettings()).settings.snippets;
    expect(stored.map((s) => s.name)).toEqual([
      DEFAULT_SNIPPETS[1].name,
      DEFAULT_SNIPPETS[0].name,
      ...DEFAULT_SNIPPETS.slice(3).map((s) => s.name),
      'Ask for the CE config',
    ]);
    // They travel in the team configuration file.
    const roundTrip = parseConfigText(exportConfig((await loadSettings()).settings));
    expect(roundTrip.ok && roundTrip.settings.snippets).toEqual(stored);
  });

  it('refuses unknown placeholders and empty names, naming the problem, and saves nothing', async () => {
    const save = storeSave();
    render(<SnippetsSection settings={defaultSettings()} save={save} />);
    fireEvent.input(document.querySelector('[data-gta="options-snippet"] textarea')!, { target: { value: 'Hi {submiter}' } });
    expect(screen.getByText(/unknown placeholder \{submiter\}/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save snippets' }));
    await waitFor(() => expect(document.querySelector('.gta-status')?.textContent).toBe('Not saved: snippet 1 has unknown placeholder {submiter}.'));
    expect(save).not.toHaveBeenCalled();
    expect(snippetProblems([{ name: ' ', text: 'x' }]).get(0)).toBe('needs a name');
  });
});
