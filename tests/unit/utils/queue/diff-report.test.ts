import { describe, expect, it } from 'vitest';
import type { QueueTicketRecord } from '../../../../utils/db/queue-db';
import { diffSnapshots } from '../../../../utils/queue/diff';
import { NO_OWNER, formatDuration, median, weekStartOf, weeklyReport } from '../../../../utils/queue/report';
import { zonedInstant } from '../../../../utils/time/instant';

describe('diffSnapshots', () => {
  it('new, entered triage, left triage, gone', () => {
    const diff = diffSnapshots(
      [
        { id: 1, untriaged: true },
        { id: 2, untriaged: true },
        { id: 3, untriaged: false },
        { id: 4, untriaged: true },
      ],
      [
        { id: 1, untriaged: true },
        { id: 2, untriaged: false },
        { id: 3, untriaged: true },
        { id: 5, untriaged: true },
        { id: 6, untriaged: false },
      ],
    );
    expect(diff).toEqual({ newIds: [5, 6], enteredTriageIds: [3, 5], leftTriageIds: [2, 4], goneIds: [4] });
  });

  it('no previous snapshot: everything is new', () => {
    expect(diffSnapshots(null, [{ id: 9, untriaged: true }])).toEqual({
      newIds: [9],
      enteredTriageIds: [9],
      leftTriageIds: [],
      goneIds: [],
    });
  });
});

const TZ = 'America/Chicago';
const H = 3_600_000;
const at = (date: string, h: number) => zonedInstant(date, h * 60, TZ);

function rec(over: Partial<QueueTicketRecord> & { id: number }): QueueTicketRecord {
  return {
    title: `T${over.id}`,
    nextAction: 'ENG Action',
    assignees: ['Software'],
    updateDate: '2018-03-01',
    nad: null,
    submitDate: null,
    priority: null,
    type: null,
    software: true,
    untriaged: false,
    stale: false,
    overdue: false,
    firstSeen: at('2018-03-12', 9),
    firstSeenUntriaged: null,
    leftTriage: null,
    goneAt: null,
    baseline: false,
    notifiedAt: null,
    ...over,
  };
}

describe('weeklyReport', () => {
  const now = at('2018-03-15', 14); // Thursday
  const tickets = [
    rec({ id: 1, firstSeenUntriaged: at('2018-03-12', 9), leftTriage: at('2018-03-12', 11) }), // 2 h
    rec({ id: 2, firstSeenUntriaged: at('2018-03-13', 9), leftTriage: at('2018-03-14', 9) }), // 24 h
    rec({ id: 3, firstSeenUntriaged: at('2018-03-14', 10), leftTriage: at('2018-03-14', 14), goneAt: at('2018-03-14', 14) }), // 4 h, closed
    rec({ id: 4, untriaged: true, firstSeenUntriaged: at('2018-03-15', 8) }), // still untriaged
    rec({ id: 5, firstSeenUntriaged: at('2018-03-09', 9), leftTriage: at('2018-03-12', 9) }), // last week
    rec({ id: 6, untriaged: true, baseline: true, firstSeen: at('2018-03-12', 8), firstSeenUntriaged: at('2018-03-12', 8) }),
    rec({ id: 7, stale: true, assignees: ['Software', 'Brian Lin'], updateDate: '2018-03-01' }),
    rec({ id: 8, stale: true, assignees: ['Brian Lin', 'Mat Selmeci'], updateDate: '2018-02-01' }),
    rec({ id: 9, stale: true, assignees: ['Software Support (Triage)'] }),
    rec({ id: 10, stale: true, assignees: ['Mat Selmeci'], goneAt: at('2018-03-14', 9) }), // closed: not stale now
  ];

  it('arrivals this week, excluding the baseline and other weeks', () => {
    const r = weeklyReport(tickets, now, TZ, ['Software', 'Software Support (Triage)']);
    expect(r.weekStart).toBe('2018-03-12');
    expect(r.weekEnd).toBe('2018-03-18');
    expect(r.arrivals.map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(r.arrivals.find((a) => a.id === 4)?.triageMs).toBeNull();
  });

  it('median and worst time to leave triage', () => {
    const r = weeklyReport(tickets, now, TZ, ['Software']);
    expect(r.triageTime).toEqual({ count: 3, medianMs: 4 * H, worstMs: 24 * H, worstId: 2 });
  });

  it('still untriaged, oldest first, with age', () => {
    const r = weeklyReport(tickets, now, TZ, ['Software']);
    expect(r.stillUntriaged.map((t) => t.id)).toEqual([6, 4]);
    expect(r.stillUntriaged[1].ageMs).toBe(6 * H);
    expect(r.hasBaselineTickets).toBe(true);
  });

  it('stale by owner, Software pseudo-user left out, closed tickets excluded', () => {
    const r = weeklyReport(tickets, now, TZ, ['Software', 'Software Support (Triage)']);
    expect(r.staleByOwner).toEqual([
      { owner: 'Brian Lin', tickets: [{ id: 8, title: 'T8', updateDate: '2018-02-01' }, { id: 7, title: 'T7', updateDate: '2018-03-01' }] },
      { owner: NO_OWNER, tickets: [{ id: 9, title: 'T9', updateDate: '2018-03-01' }] },
      { owner: 'Mat Selmeci', tickets: [{ id: 8, title: 'T8', updateDate: '2018-02-01' }] },
    ]);
  });

  it('last week', () => {
    const r = weeklyReport(tickets, now, TZ, ['Software'], -1);
    expect(r.weekStart).toBe('2018-03-05');
    expect(r.arrivals.map((a) => a.id)).toEqual([5]);
    expect(r.triageTime?.worstMs).toBe(at('2018-03-12', 9) - at('2018-03-09', 9));
  });

  it('an empty history gives an empty report', () => {
    const r = weeklyReport([], now, TZ, ['Software']);
    expect(r).toMatchObject({ arrivals: [], triageTime: null, stillUntriaged: [], staleByOwner: [], hasBaselineTickets: false });
  });

  it('helpers', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(weekStartOf(at('2018-03-18', 23), TZ)).toBe('2018-03-12'); // Sunday belongs to the week before
    expect(formatDuration(59 * 60_000)).toBe('59 min');
    expect(formatDuration(2 * H + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(50 * H)).toBe('2 d 2 h');
    expect(formatDuration(-1)).toBe('–');
  });
});
