// @vitest-environment happy-dom
/**
 * The popup's Queue section over fake storage and a fake IndexedDB: rendering from local data,
 * every state's words, "Check now" progress.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { QueueSection as PopupQueue } from '../../../../components/popup/sections/QueueSection';
import { getItem, STORED } from '../../../../utils/storage-items';
import { daysBetween } from '../../../../utils/time/calendar';
import { dateIn } from '../../../../utils/time/zone';
import { resetQueueState, seedQueueCheck } from '../../helpers/queue-history';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../../utils/messages', () => ({ sendMessage, onMessage: vi.fn() }));

// Fixed: the seeded history and the section must agree on "now", on any day.
const NOW = fixedClock(WEDNESDAY_MORNING);
const seed = (at?: number, baseline?: boolean) => seedQueueCheck(NOW, at, baseline);

beforeEach(async () => {
  await resetQueueState();
  sendMessage.mockReset();
});
afterEach(cleanup);

describe('popup Queue section', () => {
  it('renders the count and the untriaged tickets from local data, with links under the configured base', async () => {
    await seed();
    render(<PopupQueue />);
    const count = await screen.findByText('2', { selector: '[data-gta="queue-count"]' });
    expect(count.getAttribute('data-gta-count')).toBe('2');
    // The ticket lists follow from the local history, after the count.
    await waitFor(() => expect(document.querySelectorAll('ul[aria-label="Untriaged tickets"] a')).toHaveLength(2));
    const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('ul[aria-label="Untriaged tickets"] a'));
    expect(links.map((a) => a.href)).toEqual(['https://ticket.grid.iu.edu/goc/501', 'https://ticket.grid.iu.edu/goc/502']);
    // Ticket text is rendered as text, never as markup.
    expect(links[0].textContent).toContain('First <untriaged>');
    expect(document.querySelector('untriaged')).toBeNull();
    // Ages come from the list's own Submit Date (the fixture's 2018-03-01), not from when this browser first saw them.
    const days = daysBetween('2018-03-01', dateIn(Date.now(), 'America/Chicago'));
    expect(screen.getAllByText(`opened ${days} d ago`, { exact: false, selector: '[data-gta-list="untriaged"] [data-gta-part="ages"]' })).toHaveLength(2);
    expect(document.body.textContent).not.toMatch(/waiting/);
    expect(document.querySelector('[data-gta-count-stale]')?.textContent).toBe('1');
    expect(document.querySelector('[data-gta-count-overdue]')?.textContent).toBe('1');
    expect(document.querySelector('[data-gta="queue-open-list"]')?.getAttribute('href')).toBe('https://ticket.grid.iu.edu/goc/list/open');
    // Opening the popup counts as having looked at the queue today.
    expect((await browser.storage.local.get(STORED.queueLastOpenedAt.key))[STORED.queueLastOpenedAt.key]).toBeGreaterThan(0);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('never checked: a dash, not a zero', async () => {
    render(<PopupQueue />);
    const count = await waitFor(() => {
      const el = document.querySelector('[data-gta="queue-count"]');
      if (!el) throw new Error('not yet');
      return el;
    });
    expect(count.textContent).toBe('–');
    expect(count.getAttribute('data-gta-count')).toBe('');
    expect(screen.getByText('Not checked yet.')).toBeTruthy();
    // No good check: no groups that would read as "0 untriaged".
    await waitFor(() => expect(document.querySelector('[data-gta="queue-section"]')?.getAttribute('data-gta-lists')).toBe('loaded'));
    expect(document.querySelector('[data-gta="queue-group"]')).toBeNull();
  });

  it.each([
    ['error', { state: 'error', message: 'GOC Ticket answered HTTP 500.' }, /Check failed .*HTTP 500.*Last good check/],
    ['signed-out', { state: 'signed-out', message: 'sign in to GOC Ticket.' }, /Signed out/],
    ['offline', { state: 'offline', message: 'offline' }, /Offline: not checked/],
    ['stale', { staleAt: NOW - 1000 }, /Stale data/],
  ] as const)('%s: says so and keeps the last good count', async (kind, patch, words) => {
    const latest = await seed();
    await browser.storage.local.set({ [STORED.queueLatest.key]: { ...latest, ...patch } });
    render(<PopupQueue />);
    await screen.findByText(words);
    expect(document.querySelector('[data-gta="queue-section"]')?.getAttribute('data-gta-state')).toBe(kind);
    expect(document.querySelector('[data-gta="queue-count"]')?.getAttribute('data-gta-count')).toBe('2');
    if (kind === 'signed-out') {
      const signIn = screen.getByText('Sign in to GOC Ticket');
      expect(signIn.getAttribute('href')).toBe('https://ticket.grid.iu.edu/goc/sso/');
      expect(signIn.getAttribute('data-gta')).toBe('queue-sign-in');
    } else {
      expect(document.querySelector('[data-gta="queue-sign-in"]')).toBeNull();
    }
    if (kind === 'error') expect(document.querySelector('[data-gta="queue-check-now"]')?.classList.contains('gta-primary')).toBe(true);
  });

  it('judges staleness on the queue clock: the test clock hook shifts "now" here as it shifts the service', async () => {
    const HOUR = 3_600_000;
    const latest = await seed();
    // A check the service stamped an hour back (hook -1 h): fresh on its clock, an hour old on the real one.
    await browser.storage.local.set({ [STORED.queueLatest.key]: { ...latest, checkedAt: NOW - HOUR, staleAt: NOW - HOUR / 2 } });
    await browser.storage.local.set({ 'debug.queueClockOffsetMs': -HOUR });
    const stateOf = () => document.querySelector('[data-gta="queue-section"]')?.getAttribute('data-gta-state');

    // Hooks are off outside a development install: real time, so stale.
    render(<PopupQueue />);
    await waitFor(() => expect(stateOf()).toBe('stale'));
    cleanup();

    await browser.storage.local.set({ 'debug.hooksAllowed': true });
    render(<PopupQueue />);
    await waitFor(() => expect(stateOf()).toBe('ok'));
    expect(screen.getByText(/^Checked /)).toBeTruthy();
    cleanup();

    // The popup hands its first frame in: the offset is still read.
    const given = await getItem(browser.storage, STORED.queueLatest);
    render(<PopupQueue latest={given} />);
    await waitFor(() => expect(stateOf()).toBe('ok'));
  });

  it('Check now: progress while the background works, then the new result', async () => {
    const latest = await seed();
    let finish!: () => void;
    sendMessage.mockImplementation(
      () =>
        new Promise((resolve) => {
          finish = () => {
            const next = { ...latest, checkedAt: NOW, counts: { ...latest.counts!, untriaged: 7 } };
            void browser.storage.local.set({ [STORED.queueLatest.key]: next }).then(() => resolve(next));
          };
        }),
    );
    render(<PopupQueue />);
    const button = await screen.findByText('Check now');
    fireEvent.click(button);
    await screen.findByText('Checking…');
    expect(document.querySelector('progress')).not.toBeNull();
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('checkQueueNow', undefined));
    finish();
    await screen.findByText('Check now');
    await waitFor(() => expect(document.querySelector('[data-gta="queue-count"]')?.getAttribute('data-gta-count')).toBe('7'));
  });

  it('a check that dies with the worker: an error line, and the button is usable again', async () => {
    await seed();
    sendMessage.mockRejectedValue(new Error('message channel closed'));
    render(<PopupQueue />);
    fireEvent.click(await screen.findByText('Check now'));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('did not finish');
    expect(((await screen.findByText('Check now')) as HTMLButtonElement).disabled).toBe(false);
  });
});
