// @vitest-environment happy-dom
/** The whole options page on a first run and after an update: the welcome's place, what's new at the top. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../../../components/options/App';
import { handleInstalled } from '../../../../services/welcome';
import { getItem, STORED } from '../../../../utils/storage-items';
import { WHATS_NEW } from '../../../../utils/whats-new';
import { loadDeferred } from '../../../../components/options/use-deferred';

// The page's second script (store, validator, weekly report) comes with import(): loaded up front, so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const sectionIds = () => [...document.querySelectorAll('main .gta-sections > section[id]')].map((s) => s.id);
const install = () => handleInstalled({ reason: 'install' }, { store: browser.storage, version: WHATS_NEW[0]!.version, openWelcome: async () => undefined });

async function rendered() {
  render(<OptionsApp />);
  await waitFor(() => expect(document.querySelector('section#welcome')).toBeTruthy());
}

describe('first run', () => {
  it('after a fresh install the welcome comes first, and the contents list it first', async () => {
    await install();
    await rendered();
    expect(sectionIds()[0]).toBe('welcome');
    expect(document.querySelector('section#welcome')!.getAttribute('data-gta-first-run')).toBe('true');
    await waitFor(() => expect(document.querySelector('[data-gta="options-toc"] a')?.getAttribute('href')).toBe('#welcome'));
    // A fresh install has no what's-new line.
    expect(document.querySelector('[data-gta="whats-new"]')).toBeNull();
  });

  it('dismissing moves it to the end for good (still in the contents)', async () => {
    await install();
    await rendered();
    fireEvent.click(screen.getByRole('button', { name: 'Done, hide the welcome' }));
    await waitFor(() => expect(sectionIds().at(-1)).toBe('welcome'));
    expect(sectionIds()[0]).toBe('identity');
    expect(document.activeElement?.id).toBe('gta-options-title');
    await waitFor(async () => expect(await getItem(browser.storage, STORED.welcomePending)).toBe(false));
    cleanup();
    await rendered();
    expect(sectionIds()[0]).toBe('identity');
    expect(sectionIds().at(-1)).toBe('welcome');
    expect(document.querySelector('[data-gta="welcome-dismiss"]')).toBeNull();
    await waitFor(() => expect([...document.querySelectorAll('[data-gta="options-toc"] a')].at(-1)?.getAttribute('href')).toBe('#welcome'));
  });

  it('without an install (an existing user) the welcome is last', async () => {
    await rendered();
    expect(sectionIds().at(-1)).toBe('welcome');
    expect(document.querySelector('section#welcome')!.getAttribute('data-gta-first-run')).toBe('false');
  });

  it('a name saved in the welcome shows in the Identity section and the signature preview', async () => {
    await install();
    await rendered();
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Mat Selmeci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Mat Selmeci'));
    expect(document.querySelector('[data-gta="signature-preview"]')!.textContent).toContain('Mat Selmeci');
    expect(document.querySelector('[data-gta="identity-name-missing"]')).toBeNull();
  });

  it('the import path: the welcome button opens the page\'s import input, and an import reaches the welcome', async () => {
    await install();
    await rendered();
    const input = document.querySelector('[data-gta="config-import"]') as HTMLInputElement;
    const opened = vi.fn();
    input.addEventListener('click', opened);
    fireEvent.click(screen.getByRole('button', { name: 'Import the team file…' }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(input);
    const file = new File([JSON.stringify({ identity: { name: 'Tim Theisen' } })], 'team.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    // Issue 10: the preview first; the file's identity only when ticked.
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-identity"]')).toBeTruthy());
    fireEvent.click(document.querySelector('[data-gta="config-import-identity"]')!);
    fireEvent.click(document.querySelector('[data-gta="config-import-apply"]')!);
    await waitFor(() => expect(document.querySelector('[data-gta="config-import-ok"]')).toBeTruthy());
    await waitFor(() => expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Tim Theisen'));
  });
});

describe("what's new on the options page", () => {
  it('an update from an older version shows the line at the top; Dismiss clears it for good', async () => {
    await handleInstalled({ reason: 'update', previousVersion: '0.0.1' }, { store: browser.storage, version: WHATS_NEW[0]!.version, openWelcome: async () => undefined });
    await rendered();
    const line = await waitFor(() => {
      const el = document.querySelector('main [data-gta="whats-new"]');
      expect(el).toBeTruthy();
      return el!;
    });
    expect(line.textContent).toContain(WHATS_NEW[0]!.line);
    // At the top: right under the title, before every section.
    expect(document.querySelector('main h1')!.nextElementSibling).toBe(line);
    // An update is not a first run.
    expect(sectionIds()[0]).toBe('identity');
    fireEvent.click(document.querySelector('[data-gta="whats-new-dismiss"]')!);
    expect(document.querySelector('[data-gta="whats-new"]')).toBeNull();
    await waitFor(async () => expect(await getItem(browser.storage, STORED.whatsNewNotice)).toBeNull());
  });
});

describe('accessibility of the first-run parts', () => {
  it("the welcome (first) and the what's-new line have no serious or critical axe violations (no contrast here)", async () => {
    await install();
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.2.0', lines: ['one', 'two'] } });
    const { container } = render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('[data-gta="whats-new"]')).toBeTruthy());
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false }, 'link-in-text-block': { enabled: false } },
      resultTypes: ['violations'],
    });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);
    expect(sectionIds()[0]).toBe('welcome');
  });
});
