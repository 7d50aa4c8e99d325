// @vitest-environment happy-dom
/**
 * The options sections' shared draft (components/options/use-section-draft.ts), through real
 * sections over fake storage: drafts survive other sections' saves, edits survive changes made
 * elsewhere (with a way to drop them), the schema words the errors, failed saves are shown.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../../components/options/App';
import { IdentitySection } from '../../../../components/options/sections/IdentitySection';
import { TicketPageSection } from '../../../../components/options/sections/TicketPageSection';
import { loadSettings, saveSettings, watchSettings } from '../../../../services/settings-store';
import { defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

// The page loads its second script (store, validator, weekly report) with import(); load it up front so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('a section draft', () => {
  it('survives another section saving (the queue section keeps its unsaved edits)', async () => {
    render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('#gta-queue-stale')).toBeTruthy());
    fireEvent.input(input('Stale after (days without update)'), { target: { value: '3' } });
    fireEvent.input(input('Full name'), { target: { value: 'Alain Roy' } });
    // Registered after the page's own watcher: when this one has the saved settings, the page's has too.
    const eventReached = new Promise<void>((resolve) => {
      const stop = watchSettings((s) => {
        if (s.identity.name !== 'Alain Roy') return;
        stop();
        resolve();
      });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await waitFor(async () => expect((await loadSettings()).settings.identity.name).toBe('Alain Roy'));
    await waitFor(() => expect(document.querySelector('[data-gta="options-identity"] .gta-ok')?.textContent).toBe('Saved.'));
    // The storage event of that save has reached the page too; one task later it has rendered.
    await eventReached;
    await new Promise((r) => setTimeout(r, 0));
    expect(input('Stale after (days without update)').value).toBe('3');
    expect(document.querySelector('[data-gta="options-queue"]')!.textContent).toContain('Unsaved changes');
    expect(document.querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
    expect((await loadSettings()).settings.queue.staleDays).toBe(7);
  });

  it('follows values changed elsewhere when it has no edits', () => {
    const { rerender } = render(<IdentitySection settings={defaultSettings()} />);
    rerender(<IdentitySection settings={settingsWith({ identity: { name: 'Mat Selmeci' } })} />);
    expect(input('Full name').value).toBe('Mat Selmeci');
    expect(document.querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
  });

  it('keeps edits when its own values change elsewhere, says so, and can discard them', () => {
    const { rerender } = render(<IdentitySection settings={defaultSettings()} />);
    fireEvent.input(input('Full name'), { target: { value: 'Brian Lin' } });
    rerender(<IdentitySection settings={settingsWith({ identity: { name: 'Mat Selmeci' } })} />);
    expect(input('Full name').value).toBe('Brian Lin');
    const notice = document.querySelector('[data-gta="options-changed-elsewhere"]');
    expect(notice?.textContent).toMatch(/changed elsewhere — your unsaved edits are kept/i);
    fireEvent.click(screen.getByRole('button', { name: 'Use the stored values' }));
    expect(input('Full name').value).toBe('Mat Selmeci');
    expect(document.querySelector('[data-gta="options-changed-elsewhere"]')).toBeNull();
  });

  it('shows the schema’s message for an invalid value, at the field and in the summary, and saves nothing', async () => {
    const save = vi.fn();
    render(<TicketPageSection settings={defaultSettings()} save={save} />);
    fireEvent.input(input('Project id'), { target: { value: '10x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Not saved. Project id: expected the numeric JIRA project id');
    expect(input('Project id').getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('.gta-field-error')?.textContent).toBe('expected the numeric JIRA project id');
    expect(save).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    // Editing clears the verdict.
    fireEvent.input(input('Project id'), { target: { value: '10400' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failed save (storage quota) and keeps the draft', async () => {
    await saveSettings(defaultSettings());
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    render(<IdentitySection settings={defaultSettings()} />);
    fireEvent.input(input('Full name'), { target: { value: 'Alain Roy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved: the settings could not be stored (QUOTA_BYTES quota exceeded).'));
    expect(input('Full name').value).toBe('Alain Roy');
    expect((screen.getByRole('button', { name: 'Save identity' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a save the store refused, in the section’s words', async () => {
    const save = vi.fn(async () => ({ settings: defaultSettings(), error: 'identity.footprintsId: refused by the store' }));
    render(<IdentitySection settings={defaultSettings()} save={save} />);
    fireEvent.input(input('Footprints id'), { target: { value: 'aroy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save identity' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved. Footprints id: refused by the store'));
  });
});
