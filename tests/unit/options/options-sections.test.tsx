// @vitest-environment happy-dom
/** Options page: Identity, Signature (live preview, refusal) and Import/Export, over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../components/options/App';
import { IdentitySection } from '../../../components/options/sections/IdentitySection';
import { ImportExportSection } from '../../../components/options/sections/ImportExportSection';
import { SignatureSection } from '../../../components/options/sections/SignatureSection';
import { loadSettings, saveSettings } from '../../../services/settings-store';
import { defaultSettings, parseSettings, type Settings } from '../../../utils/settings';

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

/** The section's `save` prop as the App wires it: validated store write. */
function storeSave() {
  return vi.fn(async (next: Settings) => (await saveSettings(next)).error ?? null);
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
    expect(save.mock.calls[0]![0].identity.name).toBe('Brian Lin');
  });
});

describe('Signature section', () => {
  const alain = settingsWith({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' } });
  const preview = () => document.querySelector('[data-gta="signature-preview"]')!.textContent;

  it('previews the stored template with the identity filled in', () => {
    render(<SignatureSection settings={alain} save={storeSave()} />);
    expect(preview()).toBe('------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org');
  });

  it('updates the preview live while typing, with every placeholder', () => {
    render(<SignatureSection settings={alain} save={storeSave()} />);
    fireEvent.input(screen.getByLabelText('Template'), { target: { value: '-- \n{name} <{email}>\n{date} #{ticket}' } });
    expect(preview()).toMatch(/^--\nAlain Roy <alain\.roy@wisc\.example\.edu>\n\d{4}-\d{2}-\d{2} #12345$/);
  });

  it('refuses a template with unknown placeholders, naming them, and does not save it', async () => {
    const save = storeSave();
    render(<SignatureSection settings={alain} save={save} />);
    fireEvent.input(screen.getByLabelText('Template'), { target: { value: '{name}\n{phone} {title}' } });
    expect(document.querySelector('[data-gta="signature-template-error"]')?.textContent).toMatch(/\{phone\}, \{title\}/);
    fireEvent.click(screen.getByRole('button', { name: 'Save signature' }));
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => /^Not saved: unknown placeholders \{phone\}, \{title\}/.test(a.textContent ?? ''))).toBe(true));
    expect(save).not.toHaveBeenCalled();
  });

  it('saves a good template', async () => {
    render(<SignatureSection settings={alain} save={storeSave()} />);
    fireEvent.input(screen.getByLabelText('Template'), { target: { value: '--\n{name}\nOSG Software' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save signature' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect((await loadSettings()).settings.signature).toBe('--\n{name}\nOSG Software');
  });

  it('shows HTML in the name as text in the preview', () => {
    render(<SignatureSection settings={settingsWith({ identity: { name: '<b>Bold</b><script>x()</script>' } })} save={storeSave()} />);
    expect(preview()).toContain('<b>Bold</b><script>x()</script>');
    expect(document.querySelector('[data-gta="signature-preview"] b, [data-gta="signature-preview"] script')).toBeNull();
  });

  it('placeholder buttons insert at the caret; the standard signature is one click away', () => {
    render(<SignatureSection settings={alain} save={storeSave()} />);
    const ta = screen.getByLabelText('Template') as HTMLTextAreaElement;
    fireEvent.input(ta, { target: { value: 'Hi  there' } });
    ta.setSelectionRange(3, 3);
    fireEvent.click(screen.getByRole('button', { name: '{ticket}' }));
    expect(ta.value).toBe('Hi {ticket} there');
    fireEvent.click(screen.getByRole('button', { name: 'Use the standard signature' }));
    expect(preview()).toContain('OSG Software Support');
  });

  it('reminds to set a name when there is none', () => {
    render(<SignatureSection settings={defaultSettings()} save={storeSave()} />);
    expect(preview()).toContain('Your Name');
    expect(screen.getByText(/Identity/, { selector: 'a' }).getAttribute('href')).toBe('#identity');
  });
});

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

describe('the whole page', () => {
  it('lists every rendered section in a table of contents that links to it', async () => {
    render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('section#identity')).toBeTruthy());
    await waitFor(() => {
      const links = [...document.querySelectorAll('[data-gta="options-toc"] a')].map((a) => a.getAttribute('href'));
      const sections = [...document.querySelectorAll('main section[id]')].map((s) => `#${s.id}`);
      expect(links).toEqual(sections);
      expect(links).toEqual(expect.arrayContaining(['#identity', '#signature', '#import-export']));
    });
    // Every section id is unique, so every link has one target.
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows an import in the other sections right away', async () => {
    render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('[data-gta="config-import"]')).toBeTruthy());
    chooseFile(JSON.stringify({ identity: { name: 'Mat Selmeci', footprintsId: 'matyas' } }));
    await waitFor(() => expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Mat Selmeci'));
    expect((screen.getByLabelText('Footprints id') as HTMLInputElement).value).toBe('matyas');
    expect(document.querySelector('[data-gta="signature-preview"]')!.textContent).toContain('Mat Selmeci');
  });

  it('says so when stored settings were partly invalid, and still loads the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { queue: { staleDays: 'many' }, signature: '--\n{name}' } });
    await fakeBrowser.storage.sync.set({ identity: { name: 'Alain Roy' } });
    render(<OptionsApp />);
    const alert = await waitFor(() => {
      const el = document.querySelector('[data-gta="settings-load-error"]');
      expect(el).toBeTruthy();
      return el!;
    });
    expect(alert.textContent).toMatch(/queue\.staleDays/);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Alain Roy');
    expect((screen.getByLabelText('Template') as HTMLTextAreaElement).value).toBe('--\n{name}');
  });
});
