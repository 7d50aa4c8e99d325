// @vitest-environment happy-dom
/** Options page: the Signature section (live preview, refusal), over fake storage. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { SignatureSection } from '../../../../components/options/sections/SignatureSection';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import { defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';
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

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

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
