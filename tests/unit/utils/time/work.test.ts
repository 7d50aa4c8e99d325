import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  DEFAULT_WORK_HOURS,
  fromDayNumber,
  isInWorkHours,
  isWeekend,
  isWorkingDay,
  workHours,
} from '../../../../utils/time';

describe('work hours', () => {
  it('parse "HH:MM" settings and fall back to 09:00–17:00', () => {
    expect(workHours('08:30', '16:45')).toEqual({ start: 510, end: 1005 });
    expect(workHours('8.30', 'late')).toEqual(DEFAULT_WORK_HOURS);
    expect(workHours()).toEqual({ start: 540, end: 1020 });
    expect(workHours('10:00')).toEqual({ start: 600, end: 1020 });
  });

  it('start is inside, end is outside', () => {
    const hours = { start: 540, end: 1020 };
    expect(isInWorkHours(539, hours)).toBe(false);
    expect(isInWorkHours(540, hours)).toBe(true);
    expect(isInWorkHours(1019, hours)).toBe(true);
    expect(isInWorkHours(1020, hours)).toBe(false);
  });

  it('a window that ends before it starts wraps past midnight; equal ends mean all day', () => {
    const night = { start: 22 * 60, end: 6 * 60 };
    expect(isInWorkHours(23 * 60, night)).toBe(true);
    expect(isInWorkHours(5 * 60, night)).toBe(true);
    expect(isInWorkHours(12 * 60, night)).toBe(false);
    expect(isInWorkHours(0, { start: 600, end: 600 })).toBe(true);
  });
});

describe('working days', () => {
  it('Monday–Friday, not holidays (array or set); invalid dates are not working days', () => {
    expect(isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-07-03', ['2026-07-03'])).toBe(false);
    expect(isWorkingDay('2026-07-03', new Set(['2026-07-03']))).toBe(false);
    expect(isWorkingDay('2026-07-02', new Set(['2026-07-03']))).toBe(true);
    expect(isWorkingDay('2026-02-30')).toBe(false);
  });

  it.each([
    ['2026-03-06', 1, '2026-03-09'], // Friday → Monday
    ['2026-03-06', 2, '2026-03-10'],
    ['2026-03-07', 1, '2026-03-09'], // from a weekend, the first working day is the next Monday
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-03-08', 5, '2026-03-13'],
    ['2026-03-09', 5, '2026-03-16'],
    ['2026-03-09', -1, '2026-03-06'], // Monday → Friday before
    ['2026-03-07', -1, '2026-03-06'],
    ['2026-03-08', -1, '2026-03-06'],
    ['2026-03-08', -5, '2026-03-02'],
    ['2024-02-28', 2, '2024-03-01'], // through a leap day
    ['2026-12-31', 1, '2027-01-01'], // across a year end
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('skips holidays, including runs of them, both ways', () => {
    const holidays = ['2026-12-25', '2027-01-01'];
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-24', 5, holidays)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -5, holidays)).toBe('2026-12-24');
    const week = new Set(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(addWorkingDays('2026-03-06', 1, week)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-16', -1, week)).toBe('2026-03-06');
  });

  it('the start date never counts, even when it is a holiday; weekend holidays change nothing', () => {
    expect(addWorkingDays('2026-07-03', 1, ['2026-07-03'])).toBe('2026-07-06');
    expect(addWorkingDays('2026-03-06', 1, ['2026-03-07', '2026-03-08'])).toBe('2026-03-09');
  });

  it('zero, invalid dates and counts give the date back; invalid holidays are ignored', () => {
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(addWorkingDays('not a date', 3)).toBe('not a date');
    expect(addWorkingDays('2026-03-06', NaN)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-06', Infinity)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-06', 1.7, ['2026-02-30', 'xmas', '2026-03-09'])).toBe('2026-03-10');
  });

  it('a large count takes no longer than a small one', () => {
    const started = performance.now();
    expect(addWorkingDays('2026-03-09', 500_000)).toBe(addDays('2026-03-09', 700_000));
    expect(addWorkingDays('2026-03-09', -500_000)).toBe(addDays('2026-03-09', -700_000));
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('agrees with counting day by day', () => {
    /** The obvious loop, as the reference. */
    const stepByStep = (date: string, n: number, holidays: readonly string[]) => {
      let d = date;
      for (let left = Math.abs(n); left > 0; ) {
        d = addDays(d, Math.sign(n));
        if (!isWeekend(d) && !holidays.includes(d)) left--;
      }
      return d;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 10957, max: 25567 }),
        fc.integer({ min: -40, max: 40 }),
        fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { maxLength: 30 }),
        (day, n, offsets) => {
          const date = fromDayNumber(day);
          const holidays = offsets.map((k) => fromDayNumber(day + k));
          const expected = stepByStep(date, n, holidays);
          return addWorkingDays(date, n, holidays) === expected && addWorkingDays(date, n, new Set(holidays)) === expected;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
