// @vitest-environment happy-dom
/** The whole options page: contents, an import reaching the other sections, partly invalid stored settings. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../../components/options/App';
import { loadDeferred } from '../../../../components/options/use-deferred';

function fileInput(): HTMLInputElement {
  return document.querySelector('[data-gta="config-import"]') as HTMLInputElement;
}

function chooseFile(text: string, name = 'team.json') {
  const file = new File([text], name, { type: 'application/json' });
  const input = fileInput();
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

// The page loads its second script (store, validator, weekly report) with import(); load it up front so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

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
    // Issue 10: the preview first; the file's identity only when ticked.
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-identity"]')).toBeTruthy());
    fireEvent.click(document.querySelector('[data-gta="config-import-identity"]')!);
    fireEvent.click(document.querySelector('[data-gta="config-import-apply"]')!);
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
