// @vitest-environment happy-dom
/**
 * The popup's Software queue from a seeded history: each untriaged ticket with its own ages (from
 * the list's Submit and Update Dates, not from when this browser first saw it), its priority in
 * words and who else holds it, sorted oldest first inside collapsible counted groups; and the
 * "Queue clear" state. (Signed out, error, offline, stale, never: QueueSection.test.tsx.)
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { QueueSection } from '../../../../components/popup/sections/QueueSection';
import { idsOf } from '../../../../utils/db/queue-db';
import { EMPTY_LATEST, type QueueLatest } from '../../../../utils/queue/state';
import { STORED } from '../../../../utils/storage-items';
import { addDays } from '../../../../utils/time/calendar';
import { dateIn } from '../../../../utils/time/zone';
import { recordQueueCheck, resetQueueState } from '../../helpers/queue-history';
import type { FixtureTicket } from '../../utils/goc/list-fixture';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

// Fixed: the test and the code under test compute "today" and "this week" from the same instant, on any day.
fixedClock(WEDNESDAY_MORNING);

vi.mock('../../../../utils/messages', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const DAY = 86_400_000;
const TRIAGE = { nextAction: 'SOFTWARE TRIAGE' };

async function publish(rows: FixtureTicket[], patch: Partial<QueueLatest> = {}): Promise<QueueLatest> {
  const now = Date.now();
  // First seen an hour ago: the ages shown must come from the list's dates, not from this.
  const { tickets, counts } = await recordQueueCheck(now - 3_600_000, rows);
  const latest: QueueLatest = {
    ...EMPTY_LATEST,
    state: 'ok',
    checkedAt: now - 60_000,
    lastGoodAt: now - 60_000,
    staleAt: now + DAY,
    counts,
    ids: idsOf(tickets),
    gocBaseUrl: 'https://ticket.opensciencegrid.org',
    ...patch,
  };
  await browser.storage.local.set({ [STORED.queueLatest.key]: latest });
  return latest;
}

const items = (list: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-gta-list="${list}"] li`));

beforeEach(async () => {
  await resetQueueState();
});
afterEach(cleanup);

describe('popup Software queue: tickets', () => {
  it('ages from the ticket dates, priority in words, other assignees, oldest Submit Date first', async () => {
    const today = dateIn(Date.now(), 'America/Chicago');
    await publish([
      { id: 610, title: 'Newest', ...TRIAGE, submitDate: today, updateDate: today, assignees: ['Software Support (Triage)'] },
      { id: 611, title: 'Urgent', ...TRIAGE, submitDate: addDays(today, -3), updateDate: addDays(today, -9), priority: 'High Priority', assignees: ['Software Support (Triage)', 'Brian Lin'] },
      { id: 612, title: 'Oldest', ...TRIAGE, submitDate: addDays(today, -30), updateDate: addDays(today, -1), priority: 'Critical', assignees: ['Software'] },
      { id: 609, title: 'Same day as 611', ...TRIAGE, submitDate: addDays(today, -3), updateDate: addDays(today, -3), priority: 'Elevated', assignees: ['Software'] },
    ]);
    render(<QueueSection />);
    await waitFor(() => expect(items('untriaged')).toHaveLength(4));
    expect(items('untriaged').map((li) => li.dataset.gtaTicket)).toEqual(['612', '609', '611', '610']);
    const ages = (id: number) => document.querySelector(`li[data-gta-ticket="${id}"] [data-gta-part="ages"]`)?.textContent;
    expect(ages(611)).toBe('opened 3 d ago · no update for 9 d · also assigned: Brian Lin');
    expect(ages(612)).toBe('opened 30 d ago · no update for 1 d');
    expect(ages(610)).toBe('opened today · updated today');
    // Marked in text, not by colour alone; Normal has no mark.
    const prio = (id: number) => document.querySelector(`li[data-gta-ticket="${id}"] [data-gta-part="priority"]`)?.textContent ?? null;
    expect(prio(611)).toContain('High priority');
    expect(prio(612)).toContain('Critical');
    expect(prio(609)).toBe('Elevated');
    expect(prio(610)).toBeNull();
    expect(document.querySelector('li[data-gta-ticket="611"]')?.getAttribute('data-gta-priority')).toBe('high');
    expect(document.body.textContent).not.toMatch(/waiting since|first seen/i);
    // The header count is the badge's number (counts.untriaged of the published check).
    expect(document.querySelector('[data-gta="queue-count"]')?.textContent).toBe('4');
  });

  it('groups carried over / new this week / stale / overdue, each a counted <details>', async () => {
    const today = dateIn(Date.now(), 'America/Chicago');
    const now = Date.now();
    await publish(
      [
        { id: 701, title: 'Untriaged', ...TRIAGE, submitDate: addDays(today, -2), updateDate: today, assignees: ['Software'] },
        { id: 702, title: 'Quiet', nextAction: 'Waiting', submitDate: addDays(today, -40), updateDate: addDays(today, -12), assignees: ['Software', 'Mat Selmeci'] },
        { id: 703, title: 'Late', nextAction: 'Waiting', submitDate: addDays(today, -20), updateDate: today, nad: addDays(today, -4), nadRed: true, assignees: ['Software', 'Brian Lin'] },
      ],
      {
        handover: {
          weekStart: addDays(today, -1),
          weekStartAt: now - DAY,
          nextWeekStartAt: now + 6 * DAY,
          carriedOver: 0,
          newThisWeek: 1,
          oldestCarriedSince: null,
          oldestCarriedAtLeast: false,
          oldestNewSince: now - 3_600_000,
          oldestNewAtLeast: false,
        },
      },
    );
    render(<QueueSection />);
    await waitFor(() => expect(document.querySelectorAll('[data-gta="queue-group"]')).toHaveLength(4));
    const groups = Array.from(document.querySelectorAll<HTMLDetailsElement>('[data-gta="queue-group"]'));
    expect(groups.map((g) => [g.dataset.gtaGroup, g.querySelector('[data-gta-group-count]')?.textContent, g.open])).toEqual([
      ['carried', '0', false],
      ['new', '1', true],
      ['stale', '1', false],
      ['overdue', '1', false],
    ]);
    expect(groups.every((g) => g.tagName === 'DETAILS' && g.firstElementChild?.tagName === 'SUMMARY')).toBe(true);
    expect(groups[0].textContent).toContain('None.');
    expect(items('stale')[0].querySelector('[data-gta-part="ages"]')?.textContent).toMatch(/^no update for 12 d · opened 40 d ago · with Mat Selmeci$/);
    expect(items('overdue')[0].querySelector('[data-gta-part="ages"]')?.textContent).toMatch(/^due \S+ \(4 d late\) · with Brian Lin/);
    // Collapsible: its summary toggles it (the browser's own keyboard handling of <summary>).
    const stale = groups[2];
    fireEvent.click(stale.querySelector('summary')!);
    await waitFor(() => expect(stale.open).toBe(true));
  });

  it('nothing untriaged: "Queue clear" with when it was last checked, no empty untriaged groups', async () => {
    await publish([{ id: 801, title: 'Assigned', nextAction: 'Waiting', assignees: ['Software', 'Brian Lin'], updateDate: dateIn(Date.now(), 'America/Chicago') }]);
    render(<QueueSection />);
    const clear = await screen.findByText('Queue clear');
    expect(clear.getAttribute('data-gta')).toBe('queue-clear');
    expect(document.querySelector('[data-gta="queue-state"]')?.textContent).toMatch(/^Queue clear: nothing waiting for triage\. Last checked .+\.$/);
    expect(document.querySelector('[data-gta="queue-count"]')?.getAttribute('data-gta-count')).toBe('0');
    await waitFor(() => expect(document.querySelector('[data-gta-group="stale"]')).not.toBeNull());
    expect(document.querySelector('[data-gta-group="untriaged"], [data-gta-group="carried"], [data-gta-group="new"]')).toBeNull();
  });

  it('the team file\'s Software pseudo-users are not listed as other assignees', async () => {
    const today = dateIn(Date.now(), 'America/Chicago');
    await publish([{ id: 901, title: 'x', ...TRIAGE, submitDate: today, updateDate: today, assignees: ['Software Support (Triage)', 'Triage Bot'] }]);
    const { parseSettings } = await import('../../../../utils/settings');
    const parsed = parseSettings({ queue: { softwareAssignees: ['Software Support (Triage)', 'Triage Bot'] } });
    if (!parsed.ok) throw new Error(parsed.error);
    await browser.storage.local.set({ [STORED.settingsSnapshot.key]: { settings: parsed.settings, error: null, publishedAt: 1 } });
    render(<QueueSection />);
    await waitFor(() => expect(items('untriaged')).toHaveLength(1));
    expect(items('untriaged')[0].textContent).not.toContain('Triage Bot');
  });
});
