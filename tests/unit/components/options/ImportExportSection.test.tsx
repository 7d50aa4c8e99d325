// @vitest-environment happy-dom
/** Options page: the Import / export section, over fake storage. */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ImportExportSection } from '../../../../components/options/sections/ImportExportSection';
import { loadSettings, saveSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, exportConfig, parseSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

/** The section's `save` prop as the page wires it: the store's validated read-modify-write. */
function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}

function fileInput(): HTMLInputElement {
  return document.querySelector('[data-gta="config-import"]') as HTMLInputElement;
}

function chooseFile(text: string, name = 'team.json') {
  const file = new File([text], name, { type: 'application/json' });
  const input = fileInput();
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const q = (gta: string) => document.querySelector(`[data-gta="${gta}"]`) as HTMLElement | null;

async function shown(gta: string): Promise<HTMLElement> {
  return waitFor(() => {
    const el = q(gta);
    expect(el).toBeTruthy();
    return el!;
  });
}

const storage = async () => ({ local: await fakeBrowser.storage.local.get(), sync: await fakeBrowser.storage.sync.get() });
const ALAIN = { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy', aliases: ['Alain'] };
const HOSTILE = {
  identity: { name: 'Mallory', email: 'mallory@evil.example' },
  queue: { staleDays: 4 },
  jira: { baseUrl: 'https://jira.evil.example' },
  features: { unsignedGuard: false },
};

describe('Import / export section', () => {
  it('shows what would change first and stores nothing until Apply; then says what changed', async () => {
    const current = settingsWith({ identity: { name: 'Alain Roy' } });
    await saveSettings(current);
    const before = await storage();
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify({ queue: { staleDays: 4 }, team: [{ name: 'Rob Quick', role: 'osg-staff' }] }));
    const preview = await shown('config-import-preview');
    expect(preview.textContent).toMatch(/team\.json would change 2 settings/);
    expect([...preview.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['team: 0 → 1 entries', 'queue.staleDays: 7 → 4']);
    expect(q('config-import-ok')).toBeNull();
    expect(await storage()).toEqual(before);
    expect(fileInput().value).toBe('');

    fireEvent.click(q('config-import-apply')!);
    const ok = await shown('config-import-ok');
    expect(ok.textContent).toMatch(/Imported team\.json: 2 changes/);
    expect([...ok.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['team: 0 → 1 entries', 'queue.staleDays: 7 → 4']);
    expect(q('config-import-preview')).toBeNull();
    const stored = (await loadSettings()).settings;
    expect(stored.queue.staleDays).toBe(4);
    expect(stored.identity.name).toBe('Alain Roy');
  });

  it('highlights identity, address and switched-off guard changes, saying why', async () => {
    const current = settingsWith({ identity: ALAIN });
    await saveSettings(current);
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify(HOSTILE));
    const preview = await shown('config-import-preview');
    const risky = [...preview.querySelectorAll('li.gta-import-risky')].map((li) => li.textContent ?? '');
    expect(risky).toEqual([
      expect.stringMatching(/^jira\.baseUrl: "" → "https:\/\/jira\.evil\.example".*web address/),
      expect.stringMatching(/^features\.unsignedGuard: true → false.*turns off a check/),
      expect.stringMatching(/^identity\.name: "Alain Roy" → "Mallory".*sign/),
      expect.stringMatching(/^identity\.email: .*mallory@evil\.example/),
    ]);
    const plain = [...preview.querySelectorAll('li:not(.gta-import-risky)')].map((li) => li.textContent);
    expect(plain).toEqual(['queue.staleDays: 7 → 4']);
  });

  it('Cancel closes the preview and nothing changes', async () => {
    const current = settingsWith({ identity: ALAIN });
    await saveSettings(current);
    const before = await storage();
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify(HOSTILE));
    await shown('config-import-preview');
    fireEvent.click(q('config-import-cancel')!);
    await waitFor(() => expect(q('config-import-preview')).toBeNull());
    expect(q('config-import-ok')).toBeNull();
    expect(await storage()).toEqual(before);
  });

  it('takes the identity in the file only when its box is ticked', async () => {
    const current = settingsWith({ identity: ALAIN });
    await saveSettings(current);
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify(HOSTILE));
    const box = (await shown('config-import-identity')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(q('config-import-apply')!);
    await shown('config-import-ok');
    let stored = (await loadSettings()).settings;
    expect(stored.identity).toEqual(ALAIN);
    expect(stored.queue.staleDays).toBe(4);

    chooseFile(JSON.stringify(HOSTILE));
    fireEvent.click(await shown('config-import-identity'));
    fireEvent.click(q('config-import-apply')!);
    await waitFor(() => expect(q('config-import-ok')?.textContent).toMatch(/identity\.name: "Alain Roy" → "Mallory"/));
    stored = (await loadSettings()).settings;
    expect(stored.identity).toMatchObject({ name: 'Mallory', email: 'mallory@evil.example' });
  });

  it('shows no identity box when the file carries no identity, or yours', async () => {
    const current = settingsWith({ identity: ALAIN });
    await saveSettings(current);
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify({ identity: { name: 'Alain Roy' }, queue: { staleDays: 4 } }));
    await shown('config-import-preview');
    expect(q('config-import-identity')).toBeNull();
  });

  it('Undo import restores the settings exactly (export before = export after)', async () => {
    const current = settingsWith({ identity: ALAIN, queue: { staleDays: 9 }, team: [{ name: 'Brian Lin' }] });
    await saveSettings(current);
    const exportBefore = exportConfig((await loadSettings()).settings, { includeIdentity: true });
    const storedBefore = await storage();
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify(HOSTILE));
    fireEvent.click(await shown('config-import-identity'));
    fireEvent.click(q('config-import-apply')!);
    await shown('config-import-ok');
    expect((await loadSettings()).settings.identity.name).toBe('Mallory');
    fireEvent.click(q('config-import-undo')!);
    await shown('config-import-undone');
    expect(q('config-import-ok')).toBeNull();
    expect(exportConfig((await loadSettings()).settings, { includeIdentity: true })).toBe(exportBefore);
    expect((await storage()).local).toEqual(storedBefore.local);
  });

  it('an old file with an http: address imports the rest, and says which key was refused and why', async () => {
    const current = settingsWith({ jira: { baseUrl: 'https://jira.opensciencegrid.org' } });
    await saveSettings(current);
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify({ jira: { baseUrl: 'http://jira.opensciencegrid.org' }, queue: { staleDays: 5 } }), 'old.json');
    const refused = await shown('config-import-refused');
    expect(refused.textContent).toMatch(/jira\.baseUrl "http:\/\/jira\.opensciencegrid\.org" was not imported: only https: addresses.*yours is kept/);
    fireEvent.click(q('config-import-apply')!);
    await shown('config-import-ok');
    const stored = (await loadSettings()).settings;
    expect(stored.jira.baseUrl).toBe('https://jira.opensciencegrid.org');
    expect(stored.queue.staleDays).toBe(5);
  });

  it('refuses a bad file with the field named, and the stored settings stay as they were', async () => {
    const current = settingsWith({ identity: { name: 'Alain Roy' }, queue: { staleDays: 9 } });
    await saveSettings(current);
    const before = await fakeBrowser.storage.local.get();
    const save = storeSave();
    render(<ImportExportSection settings={current} save={save} />);
    chooseFile(JSON.stringify({ queue: { staleDays: 2 }, team: [{ name: 'A' }, { name: 'B', role: 'lead' }] }), 'bad.json');
    const error = await waitFor(() => {
      const el = document.querySelector('[data-gta="config-import-error"]');
      expect(el).toBeTruthy();
      return el!;
    });
    expect(error.textContent).toMatch(/bad\.json was not imported: team\[1\]\.role: .*"lead"/);
    expect(error.textContent).toMatch(/Your settings are unchanged/);
    expect(save).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
    expect(document.querySelector('[data-gta="config-import-ok"]')).toBeNull();
  });

  it('says "not valid JSON" for a file that is not JSON', async () => {
    render(<ImportExportSection settings={defaultSettings()} save={storeSave()} />);
    chooseFile('team: [Alain]');
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-error"]')?.textContent).toMatch(/not valid JSON/));
  });

  it('exports goc-ticket-assistant-config.json, without the identity unless asked', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:test'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const s = settingsWith({ identity: { name: 'Alain Roy' }, queue: { staleDays: 3 } });
    render(<ImportExportSection settings={s} save={storeSave()} />);
    const button = document.querySelector('[data-gta="config-export"]') as HTMLButtonElement;
    fireEvent.click(button);
    fireEvent.click(document.querySelector('[data-gta="config-export-identity"]')!);
    fireEvent.click(button);
    expect(names).toEqual(['goc-ticket-assistant-config.json', 'goc-ticket-assistant-config.json']);
    const [shared, backup] = await Promise.all(blobs.map((b) => b.text().then((t) => JSON.parse(t))));
    expect(shared.identity).toBeUndefined();
    expect(shared.queue.staleDays).toBe(3);
    expect(backup.identity.name).toBe('Alain Roy');
  });
});
