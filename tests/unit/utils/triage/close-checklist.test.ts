import { describe, expect, it } from 'vitest';
import {
  CLOSE_CHECKLIST_LOG_SIZE,
  appendCloseChecklist,
  asCloseChecklistLog,
  closeChecklistCounts,
  isClosingStatus,
  type CloseChecklistEntry,
} from '../../../../utils/triage/close-checklist';

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 10, 30);
const TO = FROM + 7 * DAY;

describe('isClosingStatus', () => {
  it('is Resolved or Closed, any case and spacing at the ends', () => {
    expect(isClosingStatus('Resolved')).toBe(true);
    expect(isClosingStatus(' closed ')).toBe(true);
    for (const s of ['Engineering', 'Customer', '', '_SOLVED_', null, 3]) expect(isClosingStatus(s)).toBe(false);
  });
});

describe('closeChecklistCounts', () => {
  it('counts closes and each answer in [from, to), ticking nothing counted as "none"', () => {
    const entries: CloseChecklistEntry[] = [
      { at: FROM, ticket: 1, answers: ['others', 'bug'] },
      { at: FROM + DAY, ticket: 2, answers: [] },
      { at: FROM + 2 * DAY, ticket: 3, answers: ['others', 'docs', 'guide'] },
      { at: TO - 1, ticket: 4, answers: ['others'] },
      { at: FROM - 1, ticket: 5, answers: ['bug'] }, // the week before
      { at: TO, ticket: 6, answers: ['bug'] }, // the week after
    ];
    expect(closeChecklistCounts(entries, FROM, TO)).toEqual({ closed: 4, none: 1, others: 3, bug: 1, docs: 1, guide: 1 });
  });

  it('counts a ticket submitted twice once, with its latest answers', () => {
    const entries: CloseChecklistEntry[] = [
      { at: FROM + 10, ticket: 7, answers: ['others', 'bug'] },
      { at: FROM + 20, ticket: 7, answers: ['docs'] },
    ];
    expect(closeChecklistCounts(entries, FROM, TO)).toEqual({ closed: 1, none: 0, others: 0, bug: 0, docs: 1, guide: 0 });
  });

  it('is all zero for nothing, and skips malformed entries', () => {
    const zero = { closed: 0, none: 0, others: 0, bug: 0, docs: 0, guide: 0 };
    expect(closeChecklistCounts([], FROM, TO)).toEqual(zero);
    expect(closeChecklistCounts(null as unknown as CloseChecklistEntry[], FROM, TO)).toEqual(zero);
    const junk = [{ at: 'x', ticket: 1, answers: [] }, { at: FROM, ticket: -1, answers: [] }, null, { at: FROM + 1, ticket: 9, answers: ['bug', 'hack'] }];
    expect(closeChecklistCounts(junk as unknown as CloseChecklistEntry[], FROM, TO)).toEqual({ ...zero, closed: 1, bug: 1 });
  });
});

describe('the stored log', () => {
  it('reads defensively: not a list → undefined (the fallback), bad entries dropped, unknown answers dropped', () => {
    expect(asCloseChecklistLog(undefined)).toBeUndefined();
    expect(asCloseChecklistLog({ at: 1 })).toBeUndefined();
    expect(asCloseChecklistLog([{ at: 1, ticket: 2, answers: ['guide', 'others', 'x', 'guide'] }, 'junk', { at: 1, ticket: 1.5 }])).toEqual([
      { at: 1, ticket: 2, answers: ['others', 'guide'] },
    ]);
  });

  it('stays bounded: the newest entries are kept', () => {
    let log: CloseChecklistEntry[] = [];
    for (let i = 1; i <= CLOSE_CHECKLIST_LOG_SIZE + 5; i++) log = appendCloseChecklist(log, { at: i, ticket: i, answers: [] });
    expect(log).toHaveLength(CLOSE_CHECKLIST_LOG_SIZE);
    expect(log[0].ticket).toBe(6);
    expect(log[log.length - 1].ticket).toBe(CLOSE_CHECKLIST_LOG_SIZE + 5);
    const stored = Array.from({ length: CLOSE_CHECKLIST_LOG_SIZE + 3 }, (_, i) => ({ at: i, ticket: i + 1, answers: [] }));
    expect(asCloseChecklistLog(stored)).toHaveLength(CLOSE_CHECKLIST_LOG_SIZE);
  });
});
