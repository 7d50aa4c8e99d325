import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIso,
  dayNumber,
  daysBetween,
  fridayOf,
  fromDayNumber,
  isIsoDate,
  isoFromParts,
  isoWeekday,
  isWeekend,
  mondayOf,
} from '../../../../utils/time';

/** 1900-01-01 … 2099-12-31 as day numbers. */
const dayArb = fc.integer({ min: -25567, max: 47481 });

describe('day numbers', () => {
  it('count days from 1970-01-01 and round-trip', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-08')).toBe(20520);
    expect(fromDayNumber(20520)).toBe('2026-03-08');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    fc.assert(fc.property(dayArb, (n) => dayNumber(fromDayNumber(n)) === n));
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', ''])(
    '%j is not a date',
    (text) => {
      expect(dayNumber(text)).toBeNaN();
      expect(isIsoDate(text)).toBe(false);
    },
  );

  it('non-strings are not dates and do not throw', () => {
    for (const value of [undefined, null, 20260105, {}, ['2026-01-05']]) {
      expect(isIsoDate(value)).toBe(false);
      expect(dayNumber(value as unknown as string)).toBeNaN();
    }
  });

  it('fromDayNumber gives an empty string for a day no Date can hold', () => {
    expect(fromDayNumber(NaN)).toBe('');
    expect(fromDayNumber(Infinity)).toBe('');
    expect(fromDayNumber(1e12)).toBe('');
  });

  it('isoFromParts validates', () => {
    expect(isoFromParts(2024, 2, 29)).toBe('2024-02-29');
    expect(isoFromParts(2023, 2, 29)).toBeNull();
    expect(isoFromParts(999, 1, 1)).toBeNull();
    expect(isoFromParts(2024.5, 1, 1)).toBeNull();
    expect(isoFromParts(NaN, 1, 1)).toBeNull();
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, year and leap-day boundaries', () => {
    expect(addDays('2012-02-28', 2)).toBe('2012-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });

  it('truncates a fractional count', () => {
    expect(addDays('2026-03-08', 1.9)).toBe('2026-03-09');
    expect(addDays('2026-03-08', -1.9)).toBe('2026-03-07');
  });

  it('an invalid date or count gives the date back; daysBetween gives null', () => {
    expect(addDays('not a date', 3)).toBe('not a date');
    expect(addDays('2026-02-30', 1)).toBe('2026-02-30');
    expect(addDays('2026-03-08', NaN)).toBe('2026-03-08');
    expect(addDays('2026-03-08', Infinity)).toBe('2026-03-08');
    expect(daysBetween('2026-03-08', 'tomorrow')).toBeNull();
    expect(daysBetween('2026-02-30', '2026-03-08')).toBeNull();
  });

  it('addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const date = fromDayNumber(n);
        return daysBetween(date, addDays(date, k)) === k;
      }),
    );
  });
});

describe('weekdays and weeks', () => {
  it('ISO weekday: 1 = Monday … 7 = Sunday', () => {
    expect(isoWeekday('2012-02-13')).toBe(1);
    expect(isoWeekday('2026-03-07')).toBe(6);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
    expect(isoWeekday('nope')).toBeNaN();
  });

  it('weekends', () => {
    expect(isWeekend('2026-03-07')).toBe(true);
    expect(isWeekend('2026-03-08')).toBe(true);
    expect(isWeekend('2026-03-09')).toBe(false);
    expect(isWeekend('2026-03-06')).toBe(false);
    expect(isWeekend('2026-02-30')).toBe(false);
  });

  it.each([
    ['2012-02-19', '2012-02-13'], // Sunday → the Monday before
    ['2012-02-13', '2012-02-13'],
    ['2027-01-01', '2026-12-28'], // across a year end
    ['2027-01-03', '2026-12-28'],
    ['2021-01-01', '2020-12-28'],
    ['2024-02-29', '2024-02-26'], // leap day
    ['2024-03-03', '2024-02-26'], // the week holding a leap day
    ['2020-03-01', '2020-02-24'],
    ['1970-01-01', '1969-12-29'], // before day 0
  ])('mondayOf(%s) = %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
    expect(fridayOf(date)).toBe(addDays(monday, 4));
  });

  it('mondayOf is a Monday at most 6 days back, for every day', () => {
    fc.assert(
      fc.property(dayArb, (n) => {
        const date = fromDayNumber(n);
        const monday = mondayOf(date);
        const back = daysBetween(monday, date)!;
        return isoWeekday(monday) === 1 && back >= 0 && back <= 6 && mondayOf(monday) === monday;
      }),
    );
  });

  it('mondayOf and fridayOf give an invalid date back', () => {
    expect(mondayOf('2026-13-01')).toBe('2026-13-01');
    expect(fridayOf('')).toBe('');
  });

  it('compareIso orders dates', () => {
    expect(['2026-03-09', '2025-12-31', '2026-03-08'].sort(compareIso)).toEqual(['2025-12-31', '2026-03-08', '2026-03-09']);
    expect(compareIso('2026-03-08', '2026-03-08')).toBe(0);
  });
});
