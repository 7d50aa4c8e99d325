/**
 * The popup's groups for the person on duty: carried over / new this week (first-seen split, as the
 * hand-over line counts them), stale, overdue; each sorted oldest first by the ticket's own Submit Date.
 */
import { describe, expect, it } from 'vitest';
import { groupQueue, handoverMark } from '../../../../components/popup/groups';
import { readable } from '../../../../components/queue/data';
import type { QueueTicketRecord } from '../../../../utils/db/queue-records';
import type { HandoverSummary } from '../../../../utils/queue/handover';

const DAY = 86_400_000;
const NOW = Date.parse('2026-02-11T15:00:00Z');
const WEEK_START = Date.parse('2026-02-09T06:00:00Z');

function rec(id: number, patch: Partial<QueueTicketRecord> = {}): QueueTicketRecord {
  return {
    id,
    title: `Ticket ${id}`,
    nextAction: 'SOFTWARE TRIAGE',
    assignees: ['Software Support (Triage)'],
    updateDate: '2026-02-10',
    nad: null,
    submitDate: '2026-02-01',
    priority: 'Normal',
    type: 'Problem/Request',
    software: true,
    untriaged: true,
    stale: false,
    overdue: false,
    firstSeen: NOW - DAY,
    firstSeenUntriaged: NOW - DAY,
    leftTriage: null,
    goneAt: null,
    baseline: false,
    notifiedAt: null,
    ...patch,
  };
}

const split: HandoverSummary = {
  weekStart: '2026-02-09',
  weekStartAt: WEEK_START,
  nextWeekStartAt: WEEK_START + 7 * DAY,
  carriedOver: 2,
  newThisWeek: 2,
  oldestCarriedSince: null,
  oldestCarriedAtLeast: false,
  oldestNewSince: null,
  oldestNewAtLeast: false,
};

describe('popup groups', () => {
  // 10 and 11 were first seen last week; 12 and 13 this week. Submit Dates decide the order.
  const untriaged = [
    rec(13, { submitDate: '2026-02-10' }),
    rec(10, { firstSeen: WEEK_START - 3 * DAY, firstSeenUntriaged: WEEK_START - 3 * DAY, submitDate: '2026-02-05' }),
    rec(12, { submitDate: '2025-12-24' }),
    rec(11, { firstSeen: WEEK_START - DAY, firstSeenUntriaged: WEEK_START - DAY, submitDate: '2026-02-05' }),
  ];
  const stale = [rec(21, { untriaged: false, stale: true, submitDate: '2025-11-02' }), rec(20, { untriaged: false, stale: true, submitDate: '2026-01-02' })];
  const overdue = [rec(31, { untriaged: false, overdue: true, submitDate: null }), rec(30, { untriaged: false, overdue: true, submitDate: '2026-01-30' })];

  it('with a hand-over split: carried over, new this week, stale, overdue — each oldest Submit Date first, ties by id', () => {
    const groups = groupQueue({ untriaged, stale, overdue }, split, NOW);
    expect(groups.map((g) => [g.id, g.tickets.map((t) => t.id)])).toEqual([
      ['carried', [10, 11]],
      ['new', [12, 13]],
      ['stale', [21, 20]],
      ['overdue', [30, 31]],
    ]);
    expect(groups.map((g) => g.open)).toEqual([true, true, false, false]);
    expect(groups.filter((g) => g.untriaged).reduce((n, g) => n + g.tickets.length, 0)).toBe(untriaged.length);
  });

  it('a baseline ticket submitted before the week counts as carried over; after the split week everything is', () => {
    const base = rec(40, { baseline: true, submitDate: '2026-01-20' });
    expect(handoverMark(base, split, NOW)).toBe('carried');
    expect(handoverMark(rec(41), split, NOW)).toBe('new');
    expect(handoverMark(rec(41), split, split.nextWeekStartAt + 1)).toBe('carried');
    expect(handoverMark(rec(41), undefined, NOW)).toBeUndefined();
    expect(handoverMark(rec(42, { firstSeen: NaN }), split, NOW)).toBeUndefined();
  });

  it('without a split: one untriaged group, still sorted by Submit Date', () => {
    const groups = groupQueue({ untriaged, stale: [], overdue: [] }, undefined, NOW);
    expect(groups.map((g) => g.id)).toEqual(['untriaged', 'stale', 'overdue']);
    expect(groups[0].tickets.map((t) => t.id)).toEqual([12, 10, 11, 13]);
  });

  it('reads an old record that lacks the list fields as unknown, not as an error', () => {
    const old = { id: 7, title: 'Old', untriaged: true, firstSeen: NOW - DAY } as unknown as QueueTicketRecord;
    const r = readable(old);
    expect(r).toMatchObject({ assignees: [], submitDate: null, updateDate: null, priority: null, nad: null, firstSeenUntriaged: null, baseline: false });
    expect(groupQueue({ untriaged: [r, rec(8)], stale: [], overdue: [] }, undefined, NOW)[0].tickets.map((t) => t.id)).toEqual([8, 7]);
  });
});
