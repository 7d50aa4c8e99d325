// @vitest-environment happy-dom
/**
 * Options page: the Triage section (Next Action presets, documentation links), the triage switches
 * in the Ticket page section, the experts' team label, and an old team file without any of these
 * keys still importing — over fake storage, saved through the store's validated read-modify-write.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ExpertsSection } from '../../../../components/options/sections/ExpertsSection';
import { ImportExportSection } from '../../../../components/options/sections/ImportExportSection';
import { TicketPageSection } from '../../../../components/options/sections/TicketPageSection';
import { TriageSection } from '../../../../components/options/sections/TriageSection';
import { loadSettings, saveSettings, updateSettings } from '../../../../services/settings-store';
import { DEFAULT_DOC_LINKS, DEFAULT_TRIAGE_NEXT_ACTIONS, defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}
const status = () => document.querySelector('.gta-status')?.textContent ?? '';
const presets = () => [...document.querySelectorAll<HTMLInputElement>('[data-gta-field="nextAction"]')].map((i) => i.value);

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Triage section: Next Action presets', () => {
  it('shows the defaults; edits, adds, reorders, removes and saves them', async () => {
    render(<TriageSection settings={defaultSettings()} save={storeSave()} />);
    expect(presets()).toEqual(DEFAULT_TRIAGE_NEXT_ACTIONS);
    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    fireEvent.input(screen.getByLabelText('Next Action preset 4'), { target: { value: '  {owner}: ask {me}  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move preset 4 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove preset 2' }));
    expect(presets()).toEqual(['{owner}: investigate', '  {owner}: ask {me}  ', 'Software: review']);
    fireEvent.click(screen.getByRole('button', { name: 'Save triage settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.triage.nextActions).toEqual(['{owner}: investigate', '{owner}: ask {me}', 'Software: review']);
  });

  it('refuses an unknown placeholder with the schema’s message, under the preset and in the status; nothing saved', async () => {
    const save = storeSave();
    render(<TriageSection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('Next Action preset 1'), { target: { value: '{ownr}: investigate' } });
    // Shown while typing…
    expect(document.querySelector('#gta-next-action-error-0')?.textContent).toBe('unknown placeholder {ownr} (use {owner}, {me})');
    expect(screen.getByLabelText('Next Action preset 1').getAttribute('aria-invalid')).toBe('true');
    // …and refused on save.
    fireEvent.click(screen.getByRole('button', { name: 'Save triage settings' }));
    await waitFor(() => expect(status()).toBe('Not saved. Next Action presets: unknown placeholder {ownr} (use {owner}, {me})'));
    expect(save).not.toHaveBeenCalled();
    expect((await loadSettings()).settings.triage.nextActions).toEqual(DEFAULT_TRIAGE_NEXT_ACTIONS);
  });

  it('the store refuses what the form let through, in the same words (schema check)', () => {
    const r = parseSettings({ triage: { nextActions: ['{who}: look'] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('unknown placeholder {who} (use {owner}, {me})');
  });

  it('refuses an empty preset', async () => {
    const save = storeSave();
    render(<TriageSection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('Next Action preset 2'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save triage settings' }));
    await waitFor(() => expect(status()).toMatch(/preset 2 is empty/));
    expect(save).not.toHaveBeenCalled();
  });
});

describe('Triage section: documentation links', () => {
  it('adds a link (name + address) and saves it; keeps keys it does not know', async () => {
    const current = parseSettings({ triage: { docLinks: [{ name: 'Docs', url: 'https://osg-htc.org/docs/', icon: 'book' }] } });
    if (!current.ok) throw new Error(current.error);
    await saveSettings(current.settings);
    render(<TriageSection settings={current.settings} save={storeSave()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    fireEvent.input(screen.getByLabelText('Name of link 2'), { target: { value: ' HTCondor-CE troubleshooting ' } });
    fireEvent.input(screen.getByLabelText('Address of link 2'), { target: { value: 'https://osg-htc.org/docs/compute-element/troubleshoot-htcondor-ce/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save triage settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.triage.docLinks).toEqual([
      { name: 'Docs', url: 'https://osg-htc.org/docs/', icon: 'book' },
      { name: 'HTCondor-CE troubleshooting', url: 'https://osg-htc.org/docs/compute-element/troubleshoot-htcondor-ce/' },
    ]);
  });

  it.each([
    ['a javascript: address', 'Evil', 'javascript:alert(1)', /“Evil” needs an address starting with https:\/\//],
    ['a missing name', '', 'https://example.org/', /link 3 needs a name/],
  ])('refuses %s', async (_label, name, url, message) => {
    const save = storeSave();
    render(<TriageSection settings={defaultSettings()} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    fireEvent.input(screen.getByLabelText('Name of link 3'), { target: { value: name } });
    fireEvent.input(screen.getByLabelText('Address of link 3'), { target: { value: url } });
    fireEvent.click(screen.getByRole('button', { name: 'Save triage settings' }));
    await waitFor(() => expect(status()).toMatch(message));
    expect(save).not.toHaveBeenCalled();
    expect((await loadSettings()).settings.triage.docLinks).toEqual(DEFAULT_DOC_LINKS);
  });
});

describe('Ticket page section: the triage switches', () => {
  it('turns the keep-Software guard, the triage panel and the close checklist off and on', async () => {
    render(<TicketPageSection settings={defaultSettings()} save={storeSave()} />);
    const box = (field: string) => document.querySelector<HTMLInputElement>(`[data-gta-field="${field}"]`)!;
    for (const f of ['keepSoftwareGuard', 'triagePanel', 'closeChecklist']) expect(box(f).checked).toBe(true);
    fireEvent.click(box('keepSoftwareGuard'));
    fireEvent.click(box('closeChecklist'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.features).toEqual({ unsignedGuard: true, keepSoftwareGuard: false, triagePanel: true, closeChecklist: false });
    fireEvent.click(box('closeChecklist'));
    fireEvent.click(box('triagePanel'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.features).toMatchObject({ keepSoftwareGuard: false, triagePanel: false, closeChecklist: true });
  });
});

describe('Experts section: the team label', () => {
  it('shows, edits and clears an expert topic’s team', async () => {
    const current = parseSettings({ experts: [{ topic: 'Glidein factory', keywords: ['glidein'], people: ['Jeff Dost'], team: 'glidein' }] });
    if (!current.ok) throw new Error(current.error);
    await saveSettings(current.settings);
    render(<ExpertsSection settings={current.settings} save={storeSave()} />);
    expect((screen.getByLabelText('Team of topic 1') as HTMLInputElement).value).toBe('glidein');
    fireEvent.click(screen.getByRole('button', { name: 'Add topic' }));
    fireEvent.input(screen.getByLabelText('Topic 2'), { target: { value: 'Security' } });
    fireEvent.input(screen.getByLabelText('Keywords of topic 2'), { target: { value: 'vulnerability' } });
    fireEvent.input(screen.getByLabelText('People for topic 2'), { target: { value: 'Security Officer' } });
    fireEvent.input(screen.getByLabelText('Team of topic 2'), { target: { value: ' security ' } });
    fireEvent.input(screen.getByLabelText('Team of topic 1'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save experts' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect((await loadSettings()).settings.experts).toEqual([
      { topic: 'Glidein factory', keywords: ['glidein'], people: ['Jeff Dost'] },
      { topic: 'Security', keywords: ['vulnerability'], people: ['Security Officer'], team: 'security' },
    ]);
  });
});

describe('an old team file without the triage keys', () => {
  it('imports; the new keys take their defaults and the file’s own values land', async () => {
    const old = {
      version: 1,
      team: [{ name: 'Alain Roy', emails: ['alain.roy@wisc.example.edu'], aliases: ['aroy'], role: 'software' }],
      experts: [{ topic: 'HTCondor-CE', keywords: ['condor-ce'], people: ['Brian Lin'] }],
      queue: { staleDays: 5 },
      features: { unsignedGuard: false },
    };
    await saveSettings(defaultSettings());
    render(<ImportExportSection settings={defaultSettings()} save={storeSave()} />);
    const input = document.querySelector('[data-gta="config-import"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(old)], 'old-team.json', { type: 'application/json' })], configurable: true });
    fireEvent.change(input);
    // Issue 10: the preview first, then Apply.
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-apply"]')).toBeTruthy());
    fireEvent.click(document.querySelector('[data-gta="config-import-apply"]')!);
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-ok"]')).toBeTruthy());
    const s = (await loadSettings()).settings;
    expect(s.queue.staleDays).toBe(5);
    expect(s.features).toEqual({ unsignedGuard: false, keepSoftwareGuard: true, triagePanel: true, closeChecklist: true });
    expect(s.triage).toEqual({ nextActions: DEFAULT_TRIAGE_NEXT_ACTIONS, docLinks: DEFAULT_DOC_LINKS });
    expect(s.experts[0]).not.toHaveProperty('team');
    expect(s.team[0]).not.toHaveProperty('footprintsId');
  });
});
