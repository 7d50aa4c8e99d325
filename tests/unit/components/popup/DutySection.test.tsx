// @vitest-environment happy-dom
/**
 * Popup "Triage duty" against the real background handlers (the rotation service registered on
 * WXT's fake browser, messages and all) with a scripted fetch.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { saveSettings } from '../../../../services/settings-store';
import { DutySection } from '../../../../components/popup/sections/DutySection';
import { rotationSource, resetRotationState, unwireRotationBackground, wireRotationBackground } from '../../helpers/rotation-background';


beforeEach(async () => {
  await resetRotationState();
});
afterEach(() => {
  cleanup();
  unwireRotationBackground();
});

describe('popup: Triage duty', () => {
  it('shows now, next week, the last good sync, and the sync error', async () => {
    const svc = wireRotationBackground();
    await svc.sync('first');
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-duty')).toBe('Alain Roy'));
    const section = document.querySelector('[data-gta="popup-duty"]')!;
    expect(section.getAttribute('data-gta-you')).toBe('true');
    expect(section.querySelector('[data-gta-part="now"]')?.textContent).toMatch(/^You \(Mon 9 – Fri 13 Feb\)/);
    expect(section.querySelector('[data-gta-part="next"]')?.textContent).toBe('Mat Selmeci (Mon 16 – Fri 20 Feb)');
    expect(section.querySelector('[data-gta-part="last-good"]')?.textContent).toMatch(/Last good sync/);
    expect(section.querySelector('[data-gta-part="error"]')).toBeNull();

    rotationSource.body = '<html><head><title>Log in</title></head><body><input type="password"></body></html>';
    await svc.sync('again');
    await waitFor(() => expect(document.querySelector('[data-gta-part="error"]')?.textContent).toMatch(/login page/));
    expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-duty')).toBe('Alain Roy');
  });

  it('without a rotation, points to the options', async () => {
    wireRotationBackground();
    await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: '' } });
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-state')).toBe('setup'));
    expect(document.querySelector('[data-gta-part="setup"]')?.textContent).toMatch(/No triage rotation is set/);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    fireEvent.click(screen.getByText('Set up the rotation'));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#rotation$/) });
  });
});
