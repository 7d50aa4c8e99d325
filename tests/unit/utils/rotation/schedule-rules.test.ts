import { describe, expect, it } from 'vitest';
import { buildRotation, dutyOn, dutySummary, personOnDuty, swapOverrides, upcomingWeeks, weekOf, weekView } from '../../../../utils/rotation/schedule';

const WEEKS = [
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Mat Selmeci', email: 'matyas@cs.wisc.edu' },
];

describe('buildRotation: what it keeps', () => {
  it('rows and overrides whose week is not a date are ignored (they never show up as weeks)', () => {
    const r = buildRotation({
      weeks: [...WEEKS, { week: 'next week', person: 'Nobody' }],
      overrides: [{ week: 'soon', person: 'Tim Cartwright' }],
    });
    expect(upcomingWeeks(r, '2026-01-01').map((w) => w.week)).toEqual(['2026-02-09', '2026-02-16']);
  });

  it('only real dates are kept as holidays', () => {
    const r = buildRotation({ weeks: WEEKS, holidays: ['2026-02-10', 'Christmas', '2026-02-30'] });
    expect([...r.holidays]).toEqual(['2026-02-10']);
    expect(dutyOn(r, '2026-02-10').kind).toBe('holiday');
  });

  it('an override name is trimmed, and a space-only name clears the week like an empty one', () => {
    const r = buildRotation({
      weeks: WEEKS,
      overrides: [
        { week: '2026-02-09', person: '  Tim Cartwright ' },
        { week: '2026-02-16', person: '   ' },
      ],
    });
    expect(personOnDuty(r, '2026-02-10')).toBe('Tim Cartwright');
    expect(dutyOn(r, '2026-02-17')).toEqual({ kind: 'gap', date: '2026-02-17', week: '2026-02-16' });
  });

  it('a week is keyed by its Monday whatever day the row names; an override from a weekend day means the next week', () => {
    const r = buildRotation({ weeks: [{ week: '2026-02-11', person: 'Alain Roy' }], overrides: [{ week: '2026-02-14', person: 'Brian Lin' }] });
    expect(weekOf(r, '2026-02-13')?.person).toBe('Alain Roy');
    expect(weekOf(r, '2026-02-16')).toMatchObject({ week: '2026-02-16', person: 'Brian Lin', origin: 'override' });
    expect(weekOf(r, '2026-02-23')).toBeUndefined();
  });
});

describe('the e-mail of the person on duty', () => {
  const r = buildRotation({ weeks: WEEKS });

  it('is carried to the day and the week view when the source has one', () => {
    expect(dutyOn(r, '2026-02-17')).toEqual({
      kind: 'duty',
      date: '2026-02-17',
      week: '2026-02-16',
      person: 'Mat Selmeci',
      email: 'matyas@cs.wisc.edu',
      origin: 'source',
    });
    expect(weekView(r, '2026-02-16').email).toBe('matyas@cs.wisc.edu');
  });

  it('is absent (no empty email field) when the source has none', () => {
    expect('email' in dutyOn(r, '2026-02-10')).toBe(false);
    expect('email' in weekView(r, '2026-02-09')).toBe(false);
    expect('email' in weekView(r, '2026-03-02')).toBe(false);
    expect('email' in r.byWeek.get('2026-02-09')!).toBe(false);
  });
});

describe('weeks nobody is listed for', () => {
  const r = buildRotation({ weeks: WEEKS });

  it('the week view of an unlisted week has no person and no origin', () => {
    expect(weekView(r, '2026-03-02')).toEqual({ monday: '2026-03-02', friday: '2026-03-06', person: null, origin: null });
  });

  it('the summary after the last listed week: nobody this week or next', () => {
    const s = dutySummary(r, Date.parse('2026-02-25T15:00:00Z'), 'America/Chicago');
    expect(s.day).toEqual({ kind: 'gap', date: '2026-02-25', week: '2026-02-23' });
    expect(s.thisWeek.person).toBeNull();
    expect(s.nextWeek).toMatchObject({ monday: '2026-03-02', person: null, origin: null });
  });

  it('swapping with an unlisted week moves the person there and clears their own week', () => {
    const swap = swapOverrides(r, '2026-02-10', '2026-03-03');
    expect(swap).toEqual([
      { week: '2026-02-09', person: '' },
      { week: '2026-03-02', person: 'Alain Roy' },
    ]);
    const swapped = buildRotation({ weeks: WEEKS, overrides: swap });
    expect(dutyOn(swapped, '2026-02-10').kind).toBe('gap');
    expect(personOnDuty(swapped, '2026-03-03')).toBe('Alain Roy');
  });

  it('the swap works the same with the unlisted week named first', () => {
    expect(swapOverrides(r, '2026-03-03', '2026-02-10')).toEqual([
      { week: '2026-03-02', person: 'Alain Roy' },
      { week: '2026-02-09', person: '' },
    ]);
  });
});

describe('upcomingWeeks', () => {
  it('is sorted by week whatever order the source and the overrides came in', () => {
    const r = buildRotation({
      weeks: [
        { week: '2026-03-02', person: 'C' },
        { week: '2026-02-09', person: 'A' },
        { week: '2026-02-23', person: 'B' },
      ],
      overrides: [{ week: '2026-02-16', person: 'X' }],
    });
    expect(upcomingWeeks(r, '2026-02-01').map((w) => w.person)).toEqual(['A', 'X', 'B', 'C']);
  });

  it('starts at the week holding the date (its Monday is included)', () => {
    const r = buildRotation({ weeks: WEEKS });
    expect(upcomingWeeks(r, '2026-02-16').map((w) => w.week)).toEqual(['2026-02-16']);
    expect(upcomingWeeks(r, '2026-02-22').map((w) => w.week)).toEqual(['2026-02-16']);
    expect(upcomingWeeks(r, '2026-02-23')).toEqual([]);
  });
});
