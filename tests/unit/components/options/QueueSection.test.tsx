// @vitest-environment happy-dom
/** The options page's Queue section: settings save, and the weekly report from the local history. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { QueueSection as OptionsQueue } from '../../../../components/options/sections/QueueSection';
import { QUEUE_TICKETS, recordQueueCheck, resetQueueState, seedQueueCheck } from '../../helpers/queue-history';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';
import { loadDeferred } from '../../../../components/options/use-deferred';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/messages', () => ({ sendMessage, onMessage: vi.fn() }));

// Fixed: the seeded history and the section must agree on "now", on any day.
const NOW = fixedClock(WEDNESDAY_MORNING);
const seed = (at?: number, baseline?: boolean) => seedQueueCheck(NOW, at, baseline);

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(async () => {
  await resetQueueState();
  sendMessage.mockReset();
});
afterEach(cleanup);

describe('options Queue section', () => {
  function props(settings: Settings = defaultSettings()) {
    return { settings, save: vi.fn(async (change: (current: Settings) => Settings) => ({ settings: change(settings) }) as { settings: Settings; error?: string }) };
  }

  it('saves the queue settings it shows', async () => {
    const p = props();
    sendMessage.mockRejectedValue(new Error('no background'));
    render(<OptionsQueue {...p} />);
    fireEvent.input(screen.getByLabelText('Check every (minutes, work hours)'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Stale after (days without update)'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText(/Software queue assignees/), { target: { value: 'Software\nosg-software-support-stream\n' } });
    fireEvent.change(screen.getByLabelText(/Notify about new untriaged tickets/), { target: { value: 'always' } });
    fireEvent.click(screen.getByText('Save queue settings'));
    await screen.findByText('Saved.');
    const saved = p.save.mock.calls[0][0](defaultSettings());
    expect(saved.queue).toMatchObject({ checkMinutes: 5, staleDays: 3, softwareAssignees: ['Software', 'osg-software-support-stream'] });
    expect(saved.notifications.newTicket).toBe('always');
  });

  it('refuses an address that is not a URL, and shows the validation error of the store', async () => {
    const p = props();
    sendMessage.mockRejectedValue(new Error('no background'));
    render(<OptionsQueue {...p} />);
    fireEvent.input(screen.getByLabelText('GOC Ticket address'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByText('Save queue settings'));
    await screen.findByText(/expected a URL/);
    expect(p.save).not.toHaveBeenCalled();
    p.save.mockResolvedValue({ settings: defaultSettings(), error: 'queue.staleDays: Too small' });
    fireEvent.input(screen.getByLabelText('GOC Ticket address'), { target: { value: 'https://ticket.opensciencegrid.org' } });
    fireEvent.click(screen.getByText('Save queue settings'));
    await screen.findByText(/Stale after \(days without update\): Too small/);
  });

  it('weekly report from the local history when the background does not answer', async () => {
    await seed(NOW - 3_600_000, true); // baseline: tickets already there
    await recordQueueCheck(NOW - 60_000, [...QUEUE_TICKETS, { id: 504, title: 'Arrived later', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software'] }]);
    sendMessage.mockRejectedValue(new Error('no background'));
    render(<OptionsQueue {...props()} />);
    const arrivals = await screen.findByText(/arrived in triage/);
    expect(arrivals.closest('[data-gta-report="arrivals"]')?.textContent).toBe('1 ticket arrived in triage: 504');
    expect(document.querySelector('[data-gta-report="still-untriaged"]')?.textContent).toContain('Still untriaged now: 3');
    expect(document.querySelector('[data-gta-report="stale-by-owner"]')?.textContent).toContain('Brian Lin: 1');
    expect(screen.getByText(/predate this browser's history/)).toBeTruthy();
  });
});
