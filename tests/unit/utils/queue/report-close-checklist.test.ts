import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../../../utils/queue/report';
import { zonedInstant } from '../../../../utils/time/instant';
import type { CloseChecklistEntry } from '../../../../utils/triage/close-checklist';

const TZ = 'America/Chicago';

describe('weekly report: close checklist counts', () => {
  // Wednesday 2026-12-02 noon in Chicago; the week runs Monday 2026-11-30 00:00 to 2026-12-07 00:00 Chicago time.
  const now = zonedInstant('2026-12-02', 12 * 60, TZ);
  const monday = zonedInstant('2026-11-30', 0, TZ);
  const nextMonday = zonedInstant('2026-12-07', 0, TZ);
  const log: CloseChecklistEntry[] = [
    { at: monday - 1, ticket: 1, answers: ['others', 'bug'] }, // Sunday night: the week before
    { at: monday, ticket: 2, answers: ['others', 'docs'] },
    { at: now, ticket: 3, answers: [] },
    { at: nextMonday - 1, ticket: 4, answers: ['others', 'guide', 'bug'] },
  ];

  it('counts the closes of the report week, in the team zone', () => {
    const r = weeklyReport([], now, TZ, ['Software'], 0, { closeChecklist: log });
    expect(r.closeChecklist).toEqual({ closed: 3, none: 1, others: 2, bug: 1, docs: 1, guide: 1 });
  });

  it('follows the week offset, and is all zero without a log', () => {
    expect(weeklyReport([], now, TZ, ['Software'], -1, { closeChecklist: log }).closeChecklist).toEqual({
      closed: 1, none: 0, others: 1, bug: 1, docs: 0, guide: 0,
    });
    expect(weeklyReport([], now, TZ, ['Software']).closeChecklist.closed).toBe(0);
  });
});
