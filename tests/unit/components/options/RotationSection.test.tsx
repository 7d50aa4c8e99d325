// @vitest-environment happy-dom
/**
 * Options "Triage rotation" against the real background handlers (the rotation service registered
 * on WXT's fake browser, messages and all) with a scripted fetch.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { loadSettings, updateSettings } from '../../../../services/settings-store';
import type { Settings } from '../../../../utils/settings';
import { RotationSection, neededPermission } from '../../../../components/options/sections/RotationSection';
import { ROTATION_SOURCE, rotationSource, resetRotationState, unwireRotationBackground, wireRotationBackground } from '../../helpers/rotation-background';
import { loadDeferred } from '../../../../components/options/use-deferred';

async function current(): Promise<Settings> {
  return (await loadSettings()).settings;
}
const storeSave = () => vi.fn((change: (current: Settings) => Settings) => updateSettings(change));

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(async () => {
  await resetRotationState();
});
afterEach(() => {
  cleanup();
  unwireRotationBackground();
});

describe('options: Triage rotation', () => {
  it('shows the last good sync, then a failed sync in words while the weeks stay', async () => {
    const svc = wireRotationBackground();
    await svc.sync('first');
    render(<RotationSection settings={await current()} save={storeSave()} />);
    await waitFor(() => expect(document.querySelector('[data-gta="rotation-last-good"]')?.textContent).toMatch(/Last good sync: .* 3 weeks, JSON file/));
    expect(document.querySelectorAll('[data-gta="rotation-weeks"] tbody tr')).toHaveLength(3);

    rotationSource.status = 500;
    fireEvent.click(document.querySelector('[data-gta="rotation-sync-now"]')!);
    await waitFor(() => expect(document.querySelector('[data-gta="rotation-error"]')?.textContent).toMatch(/HTTP 500.*still in use/));
    expect(document.querySelector('[data-gta="rotation-last-good"]')?.textContent).toMatch(/3 weeks/);
  });

  it('saves source, zone and holidays; refuses a bad holiday date', async () => {
    wireRotationBackground();
    const save = storeSave();
    render(<RotationSection settings={await current()} save={save} />);
    fireEvent.input(screen.getByLabelText('Holidays (no triage; one date per line)'), { target: { value: '2026-12-25\nChristmas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rotation settings' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Holidays: "Christmas": expected a date/));
    expect(save).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Holidays (no triage; one date per line)'), { target: { value: '2027-01-01\n2026-12-25' } });
    fireEvent.input(screen.getByLabelText('Team time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rotation settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved/));
    expect((await current()).rotation).toMatchObject({ holidays: ['2026-12-25', '2027-01-01'], timeZone: 'Europe/Berlin', source: ROTATION_SOURCE });
  });

  it('lists the time zones once the zone field is focused, not before', async () => {
    wireRotationBackground();
    render(<RotationSection settings={await current()} save={storeSave()} />);
    const zones = () => Array.from(document.querySelectorAll<HTMLOptionElement>('#gta-rotation-zones option'), (o) => o.value);
    expect(zones()).toEqual([]);
    fireEvent.focus(screen.getByLabelText('Team time zone'));
    await waitFor(() => expect(zones()).toContain('America/Chicago'));
    expect(zones()).toContain('Europe/Berlin');
  });

  it('adds an override and swaps two weeks; both are stored in settings', async () => {
    const svc = wireRotationBackground();
    await svc.sync('first');
    const { rerender } = render(<RotationSection settings={await current()} save={storeSave()} />);
    await waitFor(() => expect(document.querySelectorAll('#gta-swap-a option').length).toBe(4));
    fireEvent.change(document.querySelector('#gta-swap-a')!, { target: { value: '2026-02-09' } });
    fireEvent.change(document.querySelector('#gta-swap-b')!, { target: { value: '2026-02-23' } });
    fireEvent.click(screen.getByRole('button', { name: 'Swap weeks' }));
    await waitFor(async () => expect((await current()).rotation.overrides).toHaveLength(2));
    expect((await current()).rotation.overrides).toEqual([
      { week: '2026-02-09', person: 'Brian Lin' },
      { week: '2026-02-23', person: 'Alain Roy' },
    ]);
    rerender(<RotationSection settings={await current()} save={storeSave()} />);
    fireEvent.input(screen.getByLabelText('Week of'), { target: { value: '2026-02-18' } });
    fireEvent.input(screen.getByLabelText('person'), { target: { value: 'Tim Cartwright' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set override' }));
    await waitFor(async () => expect((await current()).rotation.overrides).toHaveLength(3));
    expect((await current()).rotation.overrides[2]).toEqual({ week: '2026-02-16', person: 'Tim Cartwright' });
  });

  it('explains the host permission for a source outside the GOC hosts', async () => {
    wireRotationBackground();
    render(<RotationSection settings={await current()} save={storeSave()} />);
    expect(document.querySelector('[data-gta="rotation-permission-explainer"]')).toBeNull();
    fireEvent.input(screen.getByLabelText('Rotation source (URL)'), { target: { value: 'https://twiki.opensciencegrid.org/bin/view/X?raw=text' } });
    expect(document.querySelector('[data-gta="rotation-permission-explainer"]')?.textContent).toMatch(/access twiki\.opensciencegrid\.org/);
    expect(neededPermission('https://twiki.example.org:8443/x')).toEqual({ pattern: 'https://twiki.example.org/*', host: 'twiki.example.org' });
    expect(neededPermission('https://ticket.opensciencegrid.org/rotation/triage.ics')).toBeNull();
  });
});
