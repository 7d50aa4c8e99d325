// @vitest-environment happy-dom
/** Options sections of the ticket features: Snippets, Experts, Ticket page (guard + JIRA). */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ExpertsSection } from '../../../components/options/sections/ExpertsSection';
import { GuardSection } from '../../../components/options/sections/GuardSection';
import { SnippetsSection, snippetProblems } from '../../../components/options/sections/SnippetsSection';
import { loadSettings, saveSettings } from '../../../services/settings-store';
import { DEFAULT_SNIPPETS, defaultSettings, exportConfig, parseConfigText, type Settings } from '../../../utils/settings';

function storeSave() {
  return vi.fn(async (next: Settings) => (await saveSettings(next)).error ?? null);
}

const names = () => Array.from(document.querySelectorAll<HTMLInputElement>('[data-gta="options-snippet"] input[data-gta-field="name"]')).map((i) => i.value);

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

describe('Ticket page section', () => {
  it('turns the guard off and sets the JIRA tracker', async () => {
    render(<GuardSection settings={defaultSettings()} save={storeSave()} />);
    const box = document.querySelector<HTMLInputElement>('[data-gta-field="unsignedGuard"]')!;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.input(screen.getByLabelText('JIRA address'), { target: { value: 'https://jira.example.org/' } });
    fireEvent.input(screen.getByLabelText('Project id'), { target: { value: '10400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    const s = (await loadSettings()).settings;
    expect(s.features.unsignedGuard).toBe(false);
    expect(s.jira).toMatchObject({ baseUrl: 'https://jira.example.org', projectKey: 'SOFTWARE', projectId: '10400' });
  });

  it('refuses a non-http JIRA address', async () => {
    const save = storeSave();
    render(<GuardSection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('JIRA address'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.submit(document.querySelector('[data-gta="options-guard"] form')!);
    await waitFor(() => expect(document.querySelector('.gta-status')?.textContent).toMatch(/must start with https/));
    expect(save).not.toHaveBeenCalled();
  });
});
