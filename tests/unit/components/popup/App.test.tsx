// @vitest-environment happy-dom
/**
 * The popup's first frame comes from one storage.local read: queue count and triage duty render
 * from stored data without asking the background (no message is sent).
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../../../components/popup/App';
import { readPopupData } from '../../../../components/popup/data';
import { EMPTY_CACHE } from '../../../../utils/rotation/cache';
import { EMPTY_LATEST } from '../../../../utils/queue/state';
import { defaultSettings, parseSettings } from '../../../../utils/settings';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

// Fixed: the test and the code under test compute "today" and "this week" from the same instant, on any day.
fixedClock(WEDNESDAY_MORNING);

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/messages', () => ({ sendMessage, onMessage: vi.fn() }));

const storage = () => browser.storage;

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockReset();
});
afterEach(cleanup);

describe('popup first frame', () => {
  it('shows the queue count and who is on duty from storage alone, in the first render', async () => {
    const parsed = parseSettings({ identity: { name: 'Alain Roy' }, rotation: { source: 'https://ticket.opensciencegrid.org/r.json' } });
    if (!parsed.ok) throw new Error(parsed.error);
    await fakeBrowser.storage.local.set({
      'settings.snapshot': { settings: parsed.settings, error: null, publishedAt: 1 },
      'queue.latest': { ...EMPTY_LATEST, state: 'ok', checkedAt: Date.now(), lastGoodAt: Date.now(), staleAt: Date.now() + 3_600_000, counts: { untriaged: 4, stale: 0, overdue: 0, software: 9 } },
      'rotation.cache': {
        ...EMPTY_CACHE,
        weeks: [
          { week: '2026-02-09', person: 'Alain Roy' },
          { week: '2026-02-16', person: 'Mat Selmeci' },
        ],
        status: { ...EMPTY_CACHE.status, source: 'https://ticket.opensciencegrid.org/r.json', lastGoodAt: Date.parse('2026-02-10T12:00:00Z'), weekCount: 2 },
      },
      'debug.rotationNow': '2026-02-10T15:00:00Z',
      'debug.hooksAllowed': true, // the test clock counts: a development install
    });
    const data = await readPopupData(storage());
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    render(<PopupApp data={data} />);
    // Synchronously after render: no waiting for history or the background.
    expect(document.querySelector('[data-gta="queue-count"]')?.getAttribute('data-gta-count')).toBe('4');
    const duty = document.querySelector('[data-gta="popup-duty"]')!;
    expect(duty.getAttribute('data-gta-duty')).toBe('Alain Roy');
    expect(duty.getAttribute('data-gta-you')).toBe('true');
    expect(duty.querySelector('[data-gta-part="next"]')?.textContent).toBe('Mat Selmeci (Mon 16 – Fri 20 Feb)');
    expect(duty.querySelector('[data-gta-part="now"]')?.textContent).toContain('4 untriaged tickets');
    expect(performance.getEntriesByName('gta:popup-rendered').length).toBeGreaterThan(0);
    // The mount's effects have run (the e-mail section, mounted last, has read its kept text)...
    const asks = (key: string) => get.mock.calls.some(([keys]) => JSON.stringify(keys ?? null).includes(key));
    await vi.waitFor(() => expect(asks('emailTicket.pasted')).toBe(true));
    // ...and the duty section did not start a refresh: it reads the popup's items again before it
    // would ask the background, and it did not read them.
    expect(asks('rotation.cache')).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('asks the background for the duty only while no settings snapshot is published', async () => {
    sendMessage.mockRejectedValue(new Error('no background'));
    render(<PopupApp data={await readPopupData(storage())} />);
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith('getDuty', undefined));
    expect(defaultSettings().rotation.source).toBe('');
  });

  it('header: the weekly report and the options, as buttons', async () => {
    render(<PopupApp data={await readPopupData(storage())} />);
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const options = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const report = document.querySelector<HTMLButtonElement>('[data-gta="queue-report-open"]')!;
    expect(report.tagName).toBe('BUTTON');
    fireEvent.click(report);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#queue-report$/) });
    fireEvent.click(document.querySelector('[data-gta="popup-options"]')!);
    expect(options).toHaveBeenCalled();
    expect(document.querySelector('h1')?.textContent).toBe('GOC Ticket Assistant');
  });
});
