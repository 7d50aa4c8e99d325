// @vitest-environment happy-dom
/**
 * Finding 6 ("unsaved edits lost") on the whole options page over fake storage: every section's
 * unsaved edits survive other sections' saves, changes made elsewhere (kept, with a notice and a way
 * to take the stored values) and a reload; a failed save says so in its own section and keeps the
 * edits; nothing says "Saved" unless it was; closing the page with edits asks first.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../../components/options/App';
import { SignatureSection } from '../../../../components/options/sections/SignatureSection';
import { SnippetsSection } from '../../../../components/options/sections/SnippetsSection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings } from '../../../../utils/settings';
import { setItem, STORED } from '../../../../utils/storage-items';
import { loadDeferred } from '../../../../components/options/use-deferred';

/** One editable field per section: where it is, what we type, and the section's save button. */
const EDITS = [
  { id: 'queue', field: '#gta-queue-stale', value: '3', save: 'queue-options-save' },
  { id: 'signature', field: '#gta-signature-template', value: 'Cheers,\n{name}', save: 'signature-save' },
  { id: 'snippets', field: '[data-gta="options-snippet"] input[data-gta-field="name"]', value: 'Profiler, please', save: 'snippets-save' },
  { id: 'experts', field: '[data-gta="options-expert"] [data-gta-field="topic"]', value: 'HTCondor-CE', save: 'experts-save' },
  { id: 'ticket-page', field: '#gta-jira-key', value: 'OSGSW', save: 'guard-save' },
  { id: 'triage', field: '[data-gta="options-next-action"] [data-gta-field="nextAction"]', value: '{owner}: please have a look', save: 'triage-save' },
  { id: 'rotation', field: '#gta-rotation-holidays', value: '2026-12-25', save: 'rotation-save' },
  { id: 'welcome', field: '#gta-welcome-name', value: 'Mat Selmeci', save: 'welcome-name-save' },
] as const;

const section = (id: string) => document.querySelector(`section#${id}`) as HTMLElement;
const field = (selector: string) => document.querySelector(selector) as HTMLInputElement;
const type = (selector: string, value: string) => fireEvent.input(field(selector), { target: { value } });

/** Makes every section dirty (the experts table starts empty: add a complete topic). */
function editEverySection() {
  fireEvent.click(section('experts').querySelector('[data-gta-action="add"]')!);
  type('[data-gta="options-expert"] [data-gta-field="keywords"]', 'condor-ce');
  type('[data-gta="options-expert"] [data-gta-field="people"]', 'Brian Lin');
  for (const e of EDITS) type(e.field, e.value);
}

function expectEditsKept() {
  for (const e of EDITS) expect([e.id, field(e.field).value]).toEqual([e.id, e.value]);
}

async function page() {
  render(<OptionsApp />);
  await waitFor(() => expect(document.querySelector('#gta-queue-stale')).toBeTruthy());
}

function beforeUnloadCancelled(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

// The page's second script (store, validator, weekly report) comes with import(): loaded up front, so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});
afterEach(cleanup);

describe('unsaved edits on the options page', () => {
  it('survive another section’s save and an unrelated change elsewhere; a change to their own values is announced, and can be taken', async () => {
    await page();
    editEverySection();
    type('#gta-identity-footprintsId', 'aroy');
    fireEvent.click(document.querySelector('[data-gta="identity-save"]')!);
    await waitFor(() => expect(section('identity').querySelector('.gta-ok')?.textContent).toBe('Saved.'));
    // Another window changes a part no draft covers; the page shows it (so the storage event arrived).
    await updateSettings((s) => ({ ...s, rotation: { ...s.rotation, overrides: [{ week: '2026-02-16', person: 'Tim Cartwright' }] } }));
    await waitFor(() => expect(document.querySelector('[data-gta="rotation-overrides"]')?.textContent).toContain('Tim Cartwright'));
    expectEditsKept();
    expect(document.querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
    for (const e of EDITS) expect([e.id, section(e.id).textContent]).toEqual([e.id, expect.stringContaining('Unsaved changes')]);

    // Now another window changes the queue's and the signature's own values.
    await updateSettings((s) => ({ ...s, signature: '-- \n{name}', queue: { ...s.queue, staleDays: 10 } }));
    await waitFor(() => expect(section('queue').querySelector('[data-gta="options-changed-elsewhere"]')).toBeTruthy());
    await waitFor(() => expect(section('signature').querySelector('[data-gta="options-changed-elsewhere"]')).toBeTruthy());
    expect(section('queue').querySelector('[data-gta="options-changed-elsewhere"]')!.textContent).toMatch(/changed elsewhere — your unsaved edits are kept/i);
    expect(section('snippets').querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
    expectEditsKept();
    fireEvent.click(section('queue').querySelector('[data-gta="options-discard-edits"]')!);
    expect(field('#gta-queue-stale').value).toBe('10');
    expect(section('queue').querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
    expect(field('#gta-signature-template').value).toBe('Cheers,\n{name}');
  });

  it('a save refused by storage (quota) says so in each section, keeps every draft, and says "Saved" nowhere', async () => {
    await page();
    editEverySection();
    type('#gta-identity-email', 'aroy@example.org');
    // Both areas full: the identity cannot fall back from sync to local either.
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    for (const { id, save } of [...EDITS, { id: 'identity', save: 'identity-save' }]) {
      fireEvent.click(document.querySelector(`[data-gta="${save}"]`)!);
      await waitFor(() =>
        expect([id, [...section(id).querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' | ')]).toEqual([id, expect.stringContaining('QUOTA_BYTES quota exceeded')]),
      );
      expect([id, section(id).textContent]).toEqual([id, expect.not.stringMatching(/Saved/)]);
    }
    expectEditsKept();
    expect(field('#gta-identity-email').value).toBe('aroy@example.org');
    expect((await loadSettings()).settings).toEqual(defaultSettings());
  });

  it('survive a reload of the page, and the page asks before closing while any are left', async () => {
    await page();
    expect(beforeUnloadCancelled()).toBe(false);
    editEverySection();
    expect(beforeUnloadCancelled()).toBe(true);
    cleanup();
    await page();
    await waitFor(() => expect(field('#gta-rotation-holidays').value).toBe('2026-12-25'));
    expectEditsKept();
    expect(section('queue').textContent).toContain('Unsaved changes');
    expect(beforeUnloadCancelled()).toBe(true);
    fireEvent.click(document.querySelector('[data-gta="queue-options-save"]')!);
    await waitFor(async () => expect((await loadSettings()).settings.queue.staleDays).toBe(3));
    // Saved, the queue's edits are gone from the kept drafts; the others are still kept.
    cleanup();
    await page();
    expect(field('#gta-queue-stale').value).toBe('3');
    expect(section('queue').textContent).not.toContain('Unsaved changes');
    expect(field('#gta-signature-template').value).toBe('Cheers,\n{name}');
  });

  it('a reload after another window saved the same section keeps the edits and announces the change', async () => {
    await page();
    type('#gta-queue-stale', '3');
    cleanup();
    await updateSettings((s) => ({ ...s, queue: { ...s.queue, staleDays: 10 } }));
    await page();
    expect(field('#gta-queue-stale').value).toBe('3');
    expect(section('queue').querySelector('[data-gta="options-changed-elsewhere"]')).toBeTruthy();
  });

  it('the welcome’s unsaved name survives dismissing the welcome (it moves to the end)', async () => {
    await setItem(browser.storage, STORED.welcomePending, true);
    await page();
    type('#gta-welcome-name', 'Mat Selmeci');
    fireEvent.click(screen.getByRole('button', { name: 'Done, hide the welcome' }));
    await waitFor(() => expect(document.querySelector('.gta-sections > section:last-child')?.id).toBe('welcome'));
    expect(field('#gta-welcome-name').value).toBe('Mat Selmeci');
  });
});

describe('a save the store refuses (validation), Signature and Snippets', () => {
  const refuse = (error: string) => vi.fn(async () => ({ settings: defaultSettings(), error }));

  it('Signature: the store’s reason in the section, the template kept, no "Saved"', async () => {
    render(<SignatureSection settings={defaultSettings()} save={refuse('signature: refused by the store')} />);
    type('#gta-signature-template', 'Cheers,\n{name}');
    fireEvent.click(screen.getByRole('button', { name: 'Save signature' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved: signature: refused by the store.'));
    expect(field('#gta-signature-template').value).toBe('Cheers,\n{name}');
    expect(section('signature').textContent).not.toMatch(/Saved/);
  });

  it('Snippets: the store’s reason in the section, the snippets kept, no "Saved"', async () => {
    render(<SnippetsSection settings={defaultSettings()} save={refuse('snippets: too many')} />);
    type(EDITS[2].field, 'Profiler, please');
    fireEvent.click(screen.getByRole('button', { name: 'Save snippets' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved: snippets: too many.'));
    expect(field(EDITS[2].field).value).toBe('Profiler, please');
    expect(section('snippets').textContent).not.toMatch(/Saved/);
  });
});
