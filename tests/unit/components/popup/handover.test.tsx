// @vitest-environment happy-dom
/**
 * The popup's hand-over words: "N carried over (oldest …)" apart from "new this week" for the
 * person on duty (Triage duty section), and each untriaged ticket marked carried over or new
 * (Software queue section).
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { saveSettings } from '../../../../services/settings-store';
import { DutySection } from '../../../../components/popup/sections/DutySection';
import { QueueSection } from '../../../../components/popup/sections/QueueSection';
import { idsOf } from '../../../../utils/db/queue-db';
import type { HandoverSummary } from '../../../../utils/queue/handover';
import { EMPTY_LATEST, type QueueLatest } from '../../../../utils/queue/state';
import { STORED } from '../../../../utils/storage-items';
import { QUEUE_TICKETS, recordQueueCheck, resetQueueState } from '../../helpers/queue-history';
import { resetRotationState, unwireRotationBackground, wireRotationBackground } from '../../helpers/rotation-background';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

// Fixed: the test and the code under test compute "today" and "this week" from the same instant, on any day.
fixedClock(WEDNESDAY_MORNING);

const DAY = 86_400_000;
// The rotation helper's clock: Tuesday 2026-02-10 15:00 UTC, Alain Roy on duty that week.
const ROTATION_NOW = Date.parse('2026-02-10T15:00:00Z');
const MONDAY_CHICAGO = Date.parse('2026-02-09T06:00:00Z');

function split(patch: Partial<HandoverSummary> = {}): HandoverSummary {
  return {
    weekStart: '2026-02-09',
    weekStartAt: MONDAY_CHICAGO,
    nextWeekStartAt: MONDAY_CHICAGO + 7 * DAY,
    carriedOver: 2,
    newThisWeek: 1,
    oldestCarriedSince: ROTATION_NOW - 4 * DAY,
    oldestCarriedAtLeast: false,
    oldestNewSince: ROTATION_NOW - 3_600_000,
    oldestNewAtLeast: false,
    ...patch,
  };
}

function latestWith(handover?: HandoverSummary): QueueLatest {
  const counts = { open: 5, software: 4, untriaged: 3, stale: 0, overdue: 0 };
  return { ...EMPTY_LATEST, state: 'ok', checkedAt: ROTATION_NOW, lastGoodAt: ROTATION_NOW, counts, ...(handover ? { handover } : {}) };
}

describe('popup Triage duty: carried over vs new this week', () => {
  beforeEach(async () => {
    await resetRotationState();
  });
  afterEach(() => {
    cleanup();
    unwireRotationBackground();
  });

  it('for the person on duty: the two counts apart, with the oldest carried-over age; follows a new check', async () => {
    const svc = wireRotationBackground();
    await svc.sync('first');
    await browser.storage.local.set({ [STORED.queueLatest.key]: latestWith(split()) });
    render(<DutySection />);
    const line = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-gta-part="handover"]');
      if (!el) throw new Error('not yet');
      return el;
    });
    expect(line.querySelector('[data-gta-part="carried-over"]')?.textContent).toBe('2 carried over (oldest 4 d)');
    expect(line.querySelector('[data-gta-part="new-this-week"]')?.textContent).toBe('1 new this week');
    expect(line.dataset).toMatchObject({ gtaCarried: '2', gtaNew: '1' });

    await browser.storage.local.set({ [STORED.queueLatest.key]: latestWith(split({ carriedOver: 0, newThisWeek: 3, oldestCarriedSince: null })) });
    await waitFor(() => expect(document.querySelector('[data-gta-part="carried-over"]')?.textContent).toBe('none carried over'));
    expect(document.querySelector('[data-gta-part="new-this-week"]')?.textContent).toBe('3 new this week');
  });

  it('not shown to someone who is not on duty, nor without a split', async () => {
    const svc = wireRotationBackground();
    await svc.sync('first');
    await browser.storage.local.set({ [STORED.queueLatest.key]: latestWith() });
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-you')).toBe('true'));
    expect(document.querySelector('[data-gta-part="handover"]')).toBeNull();
    cleanup();

    await saveSettings({ identity: { name: 'Mat Selmeci' } });
    await browser.storage.local.set({ [STORED.queueLatest.key]: latestWith(split()) });
    render(<DutySection />);
    await waitFor(() => expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-duty')).toBe('Alain Roy'));
    expect(document.querySelector('[data-gta="popup-duty"]')?.getAttribute('data-gta-you')).toBe('false');
    expect(document.querySelector('[data-gta-part="handover"]')).toBeNull();
  });
});

describe('popup Software queue: each untriaged ticket marked', () => {
  beforeEach(async () => {
    await resetQueueState();
  });
  afterEach(cleanup);

  it('carried over (seen before the duty week began) or new', async () => {
    const now = Date.now();
    // 501 first seen three days ago, 502 an hour ago; the duty week began two days ago.
    await recordQueueCheck(now - 3 * DAY, [QUEUE_TICKETS[0]]);
    const { tickets, counts } = await recordQueueCheck(now - 3_600_000);
    const handover = split({
      weekStart: '2000-01-03',
      weekStartAt: now - 2 * DAY,
      nextWeekStartAt: now + 5 * DAY,
      carriedOver: 1,
      newThisWeek: 1,
      oldestCarriedSince: now - 3 * DAY,
    });
    const latest: QueueLatest = { ...EMPTY_LATEST, state: 'ok', checkedAt: now, lastGoodAt: now, staleAt: now + DAY, counts, ids: idsOf(tickets), handover };
    await browser.storage.local.set({ [STORED.queueLatest.key]: latest });
    render(<QueueSection />);
    await waitFor(() => expect(document.querySelectorAll('[data-gta-list="untriaged"] li')).toHaveLength(2));
    const li = (id: number) => document.querySelector<HTMLElement>(`li[data-gta-ticket="${id}"]`)!;
    expect(li(501).dataset.gtaHandover).toBe('carried');
    expect(li(501).closest('[data-gta="queue-group"]')?.getAttribute('data-gta-group')).toBe('carried');
    expect(li(502).dataset.gtaHandover).toBe('new');
    expect(li(502).closest('[data-gta="queue-group"]')?.getAttribute('data-gta-group')).toBe('new');
    const summary = (g: string) => document.querySelector(`[data-gta-group="${g}"] summary`)?.textContent;
    expect(summary('carried')).toBe('Carried over1');
    expect(summary('new')).toBe('New this week1');
  });
});
