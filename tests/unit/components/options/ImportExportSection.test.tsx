// @vitest-environment happy-dom
/** Options page: the Import / export section, over fake storage. */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ImportExportSection } from '../../../../components/options/sections/ImportExportSection';
import { loadSettings, saveSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';

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

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Import / export section', () => {
  it('imports a good file, stores it and lists what changed', async () => {
    const current = settingsWith({ identity: { name: 'Alain Roy' } });
    await saveSettings(current);
    render(<ImportExportSection settings={current} save={storeSave()} />);
    chooseFile(JSON.stringify({ queue: { staleDays: 4 }, team: [{ name: 'Rob Quick', role: 'osg-staff' }] }));
    const ok = await waitFor(() => {
      const el = document.querySelector('[data-gta="config-import-ok"]');
      expect(el).toBeTruthy();
      return el!;
    });
    expect(ok.textContent).toMatch(/Imported team\.json: 2 changes/);
    expect([...ok.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['team: 0 → 1 entries', 'queue.staleDays: 7 → 4']);
    const stored = (await loadSettings()).settings;
    expect(stored.queue.staleDays).toBe(4);
    expect(stored.identity.name).toBe('Alain Roy');
    expect(fileInput().value).toBe('');
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
