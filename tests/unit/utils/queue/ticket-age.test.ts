import { describe, expect, it } from 'vitest';
import { makeMatcher } from '../../../../utils/queue/classify';
import { bySubmitDate, daysSince, dayWords, openedText, otherAssignees, priorityLevel, quietText } from '../../../../utils/queue/ticket-age';

const TODAY = '2026-02-10';

describe('ticket ages from the list dates', () => {
  it('counts whole calendar days to today; missing, malformed or future dates', () => {
    expect(daysSince('2026-02-10', TODAY)).toBe(0);
    expect(daysSince('2026-02-09', TODAY)).toBe(1);
    expect(daysSince('2026-01-31', TODAY)).toBe(10);
    expect(daysSince('2026-02-12', TODAY)).toBe(0);
    expect(daysSince(null, TODAY)).toBeNull();
    expect(daysSince(undefined, TODAY)).toBeNull();
    expect(daysSince('10/02/2026', TODAY)).toBeNull();
    expect(daysSince('2026-02-30', TODAY)).toBeNull();
  });

  it('says today, 1 d, N d', () => {
    expect(dayWords(0)).toBe('today');
    expect(dayWords(1)).toBe('1 d');
    expect(dayWords(9)).toBe('9 d');
    expect(openedText({ id: 1, submitDate: '2026-02-07' }, TODAY)).toBe('opened 3 d ago');
    expect(openedText({ id: 1, submitDate: TODAY }, TODAY)).toBe('opened today');
    expect(openedText({ id: 1, submitDate: null }, TODAY)).toBe('opened: date not listed');
    expect(quietText({ id: 1, updateDate: '2026-02-01' }, TODAY)).toBe('no update for 9 d');
    expect(quietText({ id: 1, updateDate: TODAY }, TODAY)).toBe('updated today');
    expect(quietText({ id: 1 }, TODAY)).toBe('');
  });

  it('sorts oldest Submit Date first, ties by id, undated last', () => {
    const rows = [
      { id: 9, submitDate: '2026-02-01' },
      { id: 3, submitDate: null },
      { id: 7, submitDate: '2026-01-15' },
      { id: 2, submitDate: '2026-02-01' },
      { id: 1, submitDate: 'bogus' },
    ];
    expect([...rows].sort(bySubmitDate).map((r) => r.id)).toEqual([7, 2, 9, 1, 3]);
  });

  it('reads GOC priorities', () => {
    expect(priorityLevel('Critical')).toBe('critical');
    expect(priorityLevel('High Priority')).toBe('high');
    expect(priorityLevel('Elevated')).toBe('elevated');
    expect(priorityLevel('Normal')).toBe('normal');
    expect(priorityLevel(null)).toBe('unknown');
    expect(priorityLevel('Whatever')).toBe('unknown');
  });

  it('lists the other assignees, without the Software pseudo-users, once each', () => {
    const isSoftware = makeMatcher({ softwareAssignees: ['Software', 'Software Support (Triage)'] });
    expect(otherAssignees(['Software', 'Brian  Lin', 'software support (triage)', 'brian lin', 'Mat Selmeci'], isSoftware)).toEqual(['Brian Lin', 'Mat Selmeci']);
    expect(otherAssignees(null, isSoftware)).toEqual([]);
    expect(otherAssignees(undefined, isSoftware)).toEqual([]);
  });
});
