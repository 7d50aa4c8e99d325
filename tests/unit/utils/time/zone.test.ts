import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { dateIn, fromDayNumber, isValidTimeZone, minutesIn, wallClockIn } from '../../../../utils/time';
import { instantOf, zonedInstant } from '../../../../utils/time/instant';

const CHICAGO = 'America/Chicago';
const BERLIN = 'Europe/Berlin';
const iso = (ms: number) => new Date(ms).toISOString();
const utc = (s: string) => Date.parse(s);

describe('date and wall clock of an instant', () => {
  it('the date of an instant depends on the zone', () => {
    const instant = utc('2026-03-09T04:30:00Z');
    expect(dateIn(instant, CHICAGO)).toBe('2026-03-08');
    expect(dateIn(instant, BERLIN)).toBe('2026-03-09');
    expect(dateIn(new Date(instant), 'UTC')).toBe('2026-03-09');
  });

  it('America/Chicago spring-forward: 01:59 CST is followed by 03:00 CDT', () => {
    expect(wallClockIn(utc('2026-03-08T07:59:00Z'), CHICAGO)).toEqual({ year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 0 });
    expect(wallClockIn(utc('2026-03-08T08:00:00Z'), CHICAGO)).toEqual({ year: 2026, month: 3, day: 8, hour: 3, minute: 0, second: 0 });
    expect(minutesIn(utc('2026-03-08T08:00:00Z'), CHICAGO)).toBe(180);
  });

  it('America/Chicago fall-back: 01:30 shows twice, an hour apart', () => {
    expect(minutesIn(utc('2026-11-01T06:30:00Z'), CHICAGO)).toBe(90); // CDT
    expect(minutesIn(utc('2026-11-01T07:30:00Z'), CHICAGO)).toBe(90); // CST
    expect(dateIn(utc('2026-11-02T05:59:00Z'), CHICAGO)).toBe('2026-11-01'); // 23:59 CST
    expect(dateIn(utc('2026-11-02T06:00:00Z'), CHICAGO)).toBe('2026-11-02');
  });

  it('Europe/Berlin changes at 01:00 UTC', () => {
    expect(minutesIn(utc('2026-03-29T00:59:00Z'), BERLIN)).toBe(1 * 60 + 59); // CET
    expect(minutesIn(utc('2026-03-29T01:00:00Z'), BERLIN)).toBe(3 * 60); // CEST
    expect(minutesIn(utc('2026-10-25T00:30:00Z'), BERLIN)).toBe(2 * 60 + 30); // CEST
    expect(minutesIn(utc('2026-10-25T01:30:00Z'), BERLIN)).toBe(2 * 60 + 30); // CET
  });

  it('an unknown zone reads as UTC and a non-finite instant as the epoch, without throwing', () => {
    const instant = utc('2026-03-09T04:30:00Z');
    expect(dateIn(instant, 'Mars/Olympus_Mons')).toBe('2026-03-09');
    expect(minutesIn(instant, '')).toBe(4 * 60 + 30);
    expect(dateIn(NaN, CHICAGO)).toBe('1969-12-31');
    expect(dateIn(new Date('garbage'), 'UTC')).toBe('1970-01-01');
  });

  it('agrees with @date-fns/tz TZDate on any instant (1900–2100) in zones with and without DST', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }),
        fc.constantFrom(CHICAGO, BERLIN, 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns', 'UTC'),
        (ms, zone) => {
          const d = new TZDate(ms, zone);
          const expected = { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
          expect(wallClockIn(ms, zone)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone(CHICAGO)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('instant of a wall-clock time', () => {
  it('uses the offset of the day itself on both sides of a change', () => {
    expect(iso(zonedInstant('2026-03-07', 9 * 60, CHICAGO))).toBe('2026-03-07T15:00:00.000Z'); // CST, UTC−6
    expect(iso(zonedInstant('2026-03-08', 9 * 60, CHICAGO))).toBe('2026-03-08T14:00:00.000Z'); // CDT, UTC−5
    expect(iso(zonedInstant('2026-10-31', 9 * 60, CHICAGO))).toBe('2026-10-31T14:00:00.000Z');
    expect(iso(zonedInstant('2026-11-01', 9 * 60, CHICAGO))).toBe('2026-11-01T15:00:00.000Z');
    expect(iso(zonedInstant('2026-03-28', 9 * 60, BERLIN))).toBe('2026-03-28T08:00:00.000Z'); // CET, UTC+1
    expect(iso(zonedInstant('2026-03-29', 9 * 60, BERLIN))).toBe('2026-03-29T07:00:00.000Z'); // CEST, UTC+2
    expect(iso(zonedInstant('2026-10-25', 9 * 60, BERLIN))).toBe('2026-10-25T08:00:00.000Z');
  });

  it('midnight before a change is still on the old offset', () => {
    expect(iso(zonedInstant('2026-03-08', 0, CHICAGO))).toBe('2026-03-08T06:00:00.000Z');
    expect(iso(zonedInstant('2026-11-01', 0, CHICAGO))).toBe('2026-11-01T05:00:00.000Z');
  });

  it('a time skipped by spring-forward resolves to just after the jump', () => {
    // 02:30 does not exist in Chicago on 2026-03-08: it becomes 03:30 CDT.
    expect(iso(zonedInstant('2026-03-08', 2 * 60 + 30, CHICAGO))).toBe('2026-03-08T08:30:00.000Z');
    expect(iso(zonedInstant('2026-03-29', 2 * 60 + 30, BERLIN))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a time shown twice at fall-back resolves to one of its two instants', () => {
    expect([utc('2026-11-01T06:30:00Z'), utc('2026-11-01T07:30:00Z')]).toContain(zonedInstant('2026-11-01', 90, CHICAGO));
    expect([utc('2026-10-25T00:30:00Z'), utc('2026-10-25T01:30:00Z')]).toContain(zonedInstant('2026-10-25', 150, BERLIN));
  });

  it('instantOf takes seconds too', () => {
    expect(iso(instantOf({ year: 2026, month: 7, day: 4, hour: 12, minute: 0, second: 30 }, CHICAGO))).toBe('2026-07-04T17:00:30.000Z');
  });

  it('round-trips through DST changes (dates around the 2018 changes in Chicago)', () => {
    for (const date of ['2018-03-11', '2018-03-12', '2018-11-04', '2018-07-04']) {
      for (const minutes of [0, 9 * 60, 12 * 60 + 30, 23 * 60 + 59]) {
        const instant = zonedInstant(date, minutes, CHICAGO);
        expect({ date: dateIn(instant, CHICAGO), minutes: minutesIn(instant, CHICAGO) }).toEqual({ date, minutes });
      }
    }
  });

  it('round-trips every wall time except the hour a spring-forward skips', () => {
    const zones = [CHICAGO, BERLIN, 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: 10957, max: 25567 }), // 2000 … 2039
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...zones),
        (day, minutes, zone) => {
          const date = fromDayNumber(day);
          const instant = zonedInstant(date, minutes, zone);
          const shown = minutesIn(instant, zone);
          if (dateIn(instant, zone) !== date) return false;
          if (shown === minutes) return true;
          // Only a skipped time may differ, by the size of the jump (one hour in these zones).
          const offsetChanges = zonedInstant(date, 0, zone) + 24 * 3_600_000 !== zonedInstant(fromDayNumber(day + 1), 0, zone);
          return offsetChanges && shown === minutes + 60;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('invalid input gives NaN, an unknown zone reads as UTC', () => {
    expect(zonedInstant('2026-02-30', 60, CHICAGO)).toBeNaN();
    expect(zonedInstant('tomorrow', 60, CHICAGO)).toBeNaN();
    expect(zonedInstant('2026-03-08', NaN, CHICAGO)).toBeNaN();
    expect(instantOf({ year: NaN, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, CHICAGO)).toBeNaN();
    expect(iso(zonedInstant('2026-03-08', 9 * 60, 'Mars/Olympus_Mons'))).toBe('2026-03-08T09:00:00.000Z');
  });
});
