// @vitest-environment happy-dom
/** The options page's Queue section: settings save, and the weekly report from the local history. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idsOf, queueDb, recordGoodCheck } from '../../../../utils/db/queue-db';
import { parseListHtml } from '../../../../utils/goc/list';
import { classifyTickets, countQueue } from '../../../../utils/queue/classify';
import { EMPTY_LATEST, type QueueLatest } from '../../../../utils/queue/state';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { renderListHtml, type FixtureTicket } from '../../utils/goc/list-fixture';
import { QueueSection as OptionsQueue } from '../../../../components/options/sections/QueueSection';
import { STORED } from '../../../../utils/storage-items';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/messages', () => ({ sendMessage, onMessage: vi.fn() }));

const NOW = Date.now();
const TICKETS: FixtureTicket[] = [
  { id: 501, title: 'First &#60;untriaged&#62;', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2030-01-01' },
  { id: 502, title: 'Second untriaged', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2030-01-01' },
  { id: 503, title: 'Old and forgotten', nextAction: 'Waiting', assignees: ['Software', 'Brian Lin'], updateDate: '2000-01-01', nad: '2000-01-02', nadRed: true },
];

async function seed(at = NOW - 3_600_000, baseline = false): Promise<QueueLatest> {
  const parsed = parseListHtml(renderListHtml(TICKETS));
  if (parsed.status !== 'list') throw new Error('fixture');
  const tickets = classifyTickets(parsed.tickets, defaultSettings().queue, at, 'UTC');
  const counts = countQueue(tickets);
  await recordGoodCheck(queueDb(), { at, tickets, counts, baseline, manual: false, durationMs: 1, historyDays: 180 });
  const latest: QueueLatest = {
    ...EMPTY_LATEST,
    state: 'ok',
    checkedAt: at,
    lastGoodAt: at,
    staleAt: NOW + 3_600_000,
    counts,
    ids: idsOf(tickets),
    gocBaseUrl: 'https://ticket.grid.iu.edu/goc',
  };
  await browser.storage.local.set({ [STORED.queueLatest.key]: latest });
  return latest;
}

beforeEach(async () => {
  fakeBrowser.reset();
  sendMessage.mockReset();
  queueDb().close();
  await Dexie.delete('gta-queue');
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
    const parsed = parseListHtml(renderListHtml([...TICKETS, { id: 504, title: 'Arrived later', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software'] }]));
    if (parsed.status !== 'list') throw new Error('fixture');
    const tickets = classifyTickets(parsed.tickets, defaultSettings().queue, NOW - 60_000, 'UTC');
    await recordGoodCheck(queueDb(), { at: NOW - 60_000, tickets, counts: countQueue(tickets), baseline: false, manual: false, durationMs: 1, historyDays: 180 });
    sendMessage.mockRejectedValue(new Error('no background'));
    render(<OptionsQueue {...props()} />);
    const arrivals = await screen.findByText(/arrived in triage/);
    expect(arrivals.closest('[data-gta-report="arrivals"]')?.textContent).toBe('1 ticket arrived in triage: 504');
    expect(document.querySelector('[data-gta-report="still-untriaged"]')?.textContent).toContain('Still untriaged now: 3');
    expect(document.querySelector('[data-gta-report="stale-by-owner"]')?.textContent).toContain('Brian Lin: 1');
    expect(screen.getByText(/predate this browser's history/)).toBeTruthy();
  });
});
