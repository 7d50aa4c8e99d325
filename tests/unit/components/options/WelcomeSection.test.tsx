// @vitest-environment happy-dom
/** Options page: the Welcome section on its own, over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { tryItUrl, WelcomeSection } from '../../../../components/options/sections/WelcomeSection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const section = () => document.querySelector('[data-gta="options-welcome"]') as HTMLElement;

describe('Welcome section', () => {
  it('renders: the name field, the import button, what it does in words, and a GOC link from the settings', () => {
    const settings = defaultSettings();
    settings.queue.gocBaseUrl = 'https://ticket.grid.iu.edu/';
    render(<WelcomeSection settings={settings} save={storeSave()} firstRun />);
    expect(section().id).toBe('welcome');
    expect(section().querySelector('h2')?.textContent).toBe('Welcome');
    expect(screen.getByLabelText('Your name')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import the team file…' })).toBeTruthy();
    // A file published at a URL is kept in sync by the Team file section: the welcome points there.
    expect(screen.getByRole('link', { name: 'keep it in sync from its URL' }).getAttribute('href')).toBe('#team-file');
    const features = [...document.querySelectorAll('[data-gta="welcome-features"] li strong')].map((e) => e.textContent);
    expect(features).toEqual(['Badges', 'Banner', 'Signature', 'Snippets', 'Triage panel', 'Queue watch']);
    expect(section().textContent).toMatch(/Nothing needs setting up to start/);
    expect(document.querySelector('[data-gta="welcome-features"]')!.textContent).toMatch(/It needs your name; without one it says so/);
    const link = document.querySelector('a[data-gta="welcome-try"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://ticket.grid.iu.edu/list/open');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('saves the name to the identity, keeping the rest of it', async () => {
    await updateSettings((s) => ({ ...s, identity: { ...s.identity, email: 'alain@example.org', footprintsId: 'aroy' } }));
    const { settings } = await loadSettings();
    render(<WelcomeSection settings={settings} save={storeSave()} firstRun />);
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Alain Roy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(section().querySelector('[role="status"]')?.textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.identity).toMatchObject({ name: 'Alain Roy', email: 'alain@example.org', footprintsId: 'aroy' });
    // Synced like the Identity section's save.
    expect((await fakeBrowser.storage.sync.get('identity')).identity).toMatchObject({ name: 'Alain Roy' });
  });

  it('refuses a name over the limit in words, and stores nothing', async () => {
    render(<WelcomeSection settings={defaultSettings()} save={storeSave()} firstRun />);
    const input = screen.getByLabelText('Your name') as HTMLInputElement;
    input.removeAttribute('maxlength');
    fireEvent.input(input, { target: { value: 'x'.repeat(5000) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(section().querySelector('[role="alert"]')?.textContent).toMatch(/^Not saved\. Your name: at most \d+ characters/));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('says what the name is for until it is set, then shows it', () => {
    const { rerender } = render(<WelcomeSection settings={defaultSettings()} save={storeSave()} firstRun />);
    expect(document.getElementById('gta-welcome-name-hint')!.textContent).toMatch(/signature button asks for it/);
    const named = defaultSettings();
    named.identity.name = 'Brian Lin';
    rerender(<WelcomeSection settings={named} save={storeSave()} firstRun />);
    expect(document.getElementById('gta-welcome-name-hint')!.textContent).toContain('signed "Brian Lin"');
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Brian Lin');
  });

  it('the import button opens the Import section\'s own file input', () => {
    render(
      <>
        <WelcomeSection settings={defaultSettings()} save={storeSave()} firstRun />
        <section id="import-export">
          <input id="gta-config-import" type="file" data-gta="config-import" />
        </section>
      </>,
    );
    const input = document.getElementById('gta-config-import') as HTMLInputElement;
    const opened = vi.fn();
    input.addEventListener('click', opened);
    const scrolled = vi.fn();
    (document.getElementById('import-export') as HTMLElement).scrollIntoView = scrolled;
    fireEvent.click(screen.getByRole('button', { name: 'Import the team file…' }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(scrolled).toHaveBeenCalled();
    expect(document.activeElement).toBe(input);
  });

  it('has a Dismiss button on a first run only', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<WelcomeSection settings={defaultSettings()} save={storeSave()} firstRun onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Done, hide the welcome' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(section().dataset.gtaFirstRun).toBe('true');
    rerender(<WelcomeSection settings={defaultSettings()} save={storeSave()} firstRun={false} onDismiss={onDismiss} />);
    expect(document.querySelector('[data-gta="welcome-dismiss"]')).toBeNull();
    expect(section().dataset.gtaFirstRun).toBe('false');
  });

  it('tryItUrl copes with trailing slashes', () => {
    expect(tryItUrl('https://ticket.opensciencegrid.org')).toBe('https://ticket.opensciencegrid.org/list/open');
    expect(tryItUrl('https://ticket.opensciencegrid.org//')).toBe('https://ticket.opensciencegrid.org/list/open');
  });
});
