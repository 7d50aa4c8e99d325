// @vitest-environment happy-dom
/**
 * Popup "Triage duty" against the real background handlers (the rotation service registered on
 * WXT's fake browser, messages and all) with a scripted fetch.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRotationService } from '../../../../services/rotation/service';
import { loadSettings, saveSettings } from '../../../../services/settings-store';
import { rotationDb } from '../../../../utils/db/rotation-db';
import { onMessage } from '../../../../utils/messages';
import type { Settings } from '../../../../utils/settings';
import { DutySection } from '../../../../components/popup/sections/DutySection';
import { STORED } from '../../../../utils/storage-items';

const SOURCE = 'https://ticket.opensciencegrid.org/rotation/rotation.json';
const JSON_BODY = JSON.stringify([
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Mat Selmeci' },
  { week: '2026-02-23', person: 'Brian Lin' },
]);
let body = JSON_BODY;
let status = 200;

const unsubscribe: (() => void)[] = [];

function wireBackground() {
  const svc = createRotationService({
    isFirefox: false,
    hasOriginPermission: async () => true,
    fetch: (async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof fetch,
  });
  unsubscribe.push(
    onMessage('getDuty', () => svc.getDuty()),
    onMessage('syncRotationNow', () => svc.sync('requested')),
    onMessage('getRotationStatus', () => svc.getStatus()),
    onMessage('getRotationWeeks', ({ data }) => svc.getWeeks(data?.from, data?.limit)),
    onMessage('exportIcs', () => svc.exportIcs()),
  );
  return svc;
}

async function current(): Promise<Settings> {
  return (await loadSettings()).settings;
}

beforeEach(async () => {
  fakeBrowser.reset();
  const db = rotationDb();
  await db.open();
  await Promise.all([db.weeks.clear(), db.status.clear()]);
  body = JSON_BODY;
  status = 200;
  await browser.storage.local.set({ [STORED.debugRotationNow.key]: '2026-02-10T15:00:00Z' });
  await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: SOURCE } });
});
afterEach(() => {
  cleanup();
  unsubscribe.splice(0).forEach((off) => off());
});

describe('popup: Triage duty', () => {
  it('shows now, next week, the last good sync, and the sync error', async () => {
    const svc = wireBackground();
    await svc.sync('first');
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-duty')).toBe('Alain Roy'));
    const section = document.querySelector('[data-gta="popup-duty"]')!;
    expect(section.getAttribute('data-gta-you')).toBe('true');
    expect(section.querySelector('[data-gta-part="now"]')?.textContent).toMatch(/^You \(Mon 9 – Fri 13 Feb\)/);
    expect(section.querySelector('[data-gta-part="next"]')?.textContent).toBe('Mat Selmeci (Mon 16 – Fri 20 Feb)');
    expect(section.querySelector('[data-gta-part="last-good"]')?.textContent).toMatch(/Last good sync/);
    expect(section.querySelector('[data-gta-part="error"]')).toBeNull();

    body = '<html><head><title>Log in</title></head><body><input type="password"></body></html>';
    await svc.sync('again');
    await waitFor(() => expect(document.querySelector('[data-gta-part="error"]')?.textContent).toMatch(/login page/));
    expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-duty')).toBe('Alain Roy');
  });

  it('without a rotation, points to the options', async () => {
    wireBackground();
    await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: '' } });
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-state')).toBe('setup'));
    expect(screen.getByText('Set it up in Options')).toBeTruthy();
  });
});
