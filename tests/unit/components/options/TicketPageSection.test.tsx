// @vitest-environment happy-dom
/** Options page: the Ticket page section (unsigned-update guard and JIRA), over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { TicketPageSection } from '../../../../components/options/sections/TicketPageSection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

/** The section's `save` prop as the page wires it: the store's validated read-modify-write. */
function storeSave() {
  return vi.fn((change: (current: Settings) => Settings) => updateSettings(change));
}

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('Ticket page section', () => {
  it('turns the guard off and sets the JIRA tracker', async () => {
    render(<TicketPageSection settings={defaultSettings()} save={storeSave()} />);
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

  it.each(['unsignedGuard', 'keepSoftwareGuard', 'triagePanel', 'closeChecklist'] as const)(
    'the %s switch turns only that feature off',
    async (field) => {
      render(<TicketPageSection settings={defaultSettings()} save={storeSave()} />);
      const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-gta-field]'));
      expect(boxes.map((b) => b.getAttribute('data-gta-field'))).toEqual(['unsignedGuard', 'keepSoftwareGuard', 'triagePanel', 'closeChecklist']);
      expect(boxes.every((b) => b.checked)).toBe(true);
      fireEvent.click(document.querySelector<HTMLInputElement>(`[data-gta-field="${field}"]`)!);
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
      const { features } = (await loadSettings()).settings;
      for (const key of ['unsignedGuard', 'keepSoftwareGuard', 'triagePanel', 'closeChecklist'] as const) {
        expect(features[key]).toBe(key !== field);
      }
    },
  );

  it('refuses a non-http JIRA address', async () => {
    const save = storeSave();
    render(<TicketPageSection settings={defaultSettings()} save={save} />);
    fireEvent.input(screen.getByLabelText('JIRA address'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.submit(document.querySelector('[data-gta="options-guard"] form')!);
    await waitFor(() => expect(document.querySelector('.gta-status')?.textContent).toMatch(/must start with https/));
    expect(save).not.toHaveBeenCalled();
  });
});
