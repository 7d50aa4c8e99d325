import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BACKOFF_MINUTES,
  intervalMinutes,
  isCheckDue,
  isNudgeTime,
  isStaleData,
  isWorkTime,
  isWorkday,
  nextCheckAt,
  nextNudgeAt,
  staleAtFor,
  type ScheduleSettings,
} from '../../../../utils/queue/schedule';
import { zonedInstant } from '../../../../utils/time/instant';

const S: ScheduleSettings = {
  queue: { checkMinutes: 10, offHoursCheckMinutes: 60 },
  schedule: { workStart: '09:00', workEnd: '17:00', middayNudge: '12:00' },
  rotation: { timeZone: 'America/Chicago', holidays: ['2018-07-04'] },
};
const TZ = S.rotation.timeZone;
/** Wall-clock time in Chicago → instant. */
const at = (date: string, hhmm: string) => zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const MIN = 60_000;

describe('work time', () => {
  it('Mon–Fri inside work hours in the team zone', () => {
    expect(isWorkTime(at('2018-03-14', '09:00'), S)).toBe(true); // Wednesday
    expect(isWorkTime(at('2018-03-14', '08:59'), S)).toBe(false);
    expect(isWorkTime(at('2018-03-14', '17:00'), S)).toBe(false);
    expect(isWorkTime(at('2018-03-17', '10:00'), S)).toBe(false); // Saturday
    expect(isWorkTime(at('2018-03-18', '10:00'), S)).toBe(false); // Sunday
  });

  it('holidays are not workdays', () => {
    expect(isWorkday(at('2018-07-04', '10:00'), S)).toBe(false);
    expect(isWorkday(at('2018-07-05', '10:00'), S)).toBe(true);
  });

  it('a window that ends before it starts wraps past midnight', () => {
    const night = { ...S, schedule: { ...S.schedule, workStart: '22:00', workEnd: '06:00' } };
    expect(isWorkTime(at('2018-03-14', '23:00'), night)).toBe(true);
    expect(isWorkTime(at('2018-03-14', '05:00'), night)).toBe(true);
    expect(isWorkTime(at('2018-03-14', '12:00'), night)).toBe(false);
  });
});

describe('check interval and back-off', () => {
  it('checkMinutes in work hours, offHoursCheckMinutes outside', () => {
    expect(intervalMinutes(at('2018-03-14', '10:00'), 0, S)).toBe(10);
    expect(intervalMinutes(at('2018-03-14', '20:00'), 0, S)).toBe(60);
  });

  it('doubles per consecutive failure, capped', () => {
    const t = at('2018-03-14', '10:00');
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => intervalMinutes(t, n, S))).toEqual([10, 20, 40, 80, 160, 240, 240]);
    expect(intervalMinutes(at('2018-03-14', '20:00'), 3, S)).toBe(MAX_BACKOFF_MINUTES);
    const slow = { ...S, queue: { checkMinutes: 600, offHoursCheckMinutes: 600 } };
    expect(intervalMinutes(t, 2, slow)).toBe(600);
  });

  it('due: never checked, interval elapsed, clock went backwards', () => {
    const t = at('2018-03-14', '10:00');
    expect(isCheckDue(t, null, 0, S)).toBe(true);
    expect(isCheckDue(t, t - 9 * MIN, 0, S)).toBe(false);
    expect(isCheckDue(t, t - 10 * MIN, 0, S)).toBe(true);
    expect(isCheckDue(t, t - 19 * MIN, 1, S)).toBe(false);
    expect(isCheckDue(t, t + 5 * MIN, 0, S)).toBe(true);
  });

  it('the start of work hours makes an off-hours check due early', () => {
    const last = at('2018-03-14', '08:30');
    expect(isCheckDue(at('2018-03-14', '08:59'), last, 0, S)).toBe(false);
    expect(isCheckDue(at('2018-03-14', '09:00'), last, 0, S)).toBe(true);
    expect(nextCheckAt(at('2018-03-14', '08:40'), last, 0, S)).toBe(at('2018-03-14', '09:00'));
  });

  it('after work ends the next check waits for the off-hours interval', () => {
    const last = at('2018-03-14', '16:55');
    expect(nextCheckAt(at('2018-03-14', '17:01'), last, 0, S)).toBe(at('2018-03-14', '17:55'));
  });

  it('nextCheckAt is always a due instant no earlier than now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2018-01-01', '00:00'), max: at('2018-12-31', '00:00') }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 8 }),
        (now, agoMinutes, failures) => {
          const last = now - agoMinutes * MIN;
          const next = nextCheckAt(now, last, failures, S);
          expect(next).toBeGreaterThanOrEqual(now);
          expect(isCheckDue(next, last, failures, S)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('stale data', () => {
  it('older than three intervals', () => {
    const t = at('2018-03-14', '10:00');
    expect(isStaleData(t, t - 30 * MIN, S)).toBe(false);
    expect(isStaleData(t, t - 31 * MIN, S)).toBe(true);
    expect(isStaleData(t, null, S)).toBe(false);
    // evening: the off-hours interval applies
    const evening = at('2018-03-14', '21:00');
    expect(isStaleData(evening, evening - 2 * 60 * MIN, S)).toBe(false);
    expect(isStaleData(evening, evening - 4 * 60 * MIN, S)).toBe(true);
  });
});

describe('staleAtFor', () => {
  it('three expected checks after the last good one', () => {
    expect(staleAtFor(at('2018-03-14', '10:00'), S)).toBe(at('2018-03-14', '10:30'));
    // 16:55 → 17:55 → 18:55 → 19:55 (the evening interval applies after work)
    expect(staleAtFor(at('2018-03-14', '16:55'), S)).toBe(at('2018-03-14', '19:55'));
    // Friday evening → the off-hours interval all weekend
    expect(staleAtFor(at('2018-03-16', '20:00'), S)).toBe(at('2018-03-16', '23:00'));
  });
});

describe('midday nudge', () => {
  it('from middayNudge until the end of work, once a day, never weekends or holidays', () => {
    expect(isNudgeTime(at('2018-03-14', '11:59'), null, S)).toBe(false);
    expect(isNudgeTime(at('2018-03-14', '12:00'), null, S)).toBe(true);
    expect(isNudgeTime(at('2018-03-14', '16:59'), '2018-03-13', S)).toBe(true);
    expect(isNudgeTime(at('2018-03-14', '13:00'), '2018-03-14', S)).toBe(false);
    expect(isNudgeTime(at('2018-03-14', '17:00'), null, S)).toBe(false);
    expect(isNudgeTime(at('2018-03-17', '12:30'), null, S)).toBe(false);
    expect(isNudgeTime(at('2018-07-04', '12:30'), null, S)).toBe(false);
  });

  it('nextNudgeAt skips weekends and holidays', () => {
    expect(nextNudgeAt(at('2018-03-14', '11:00'), S)).toBe(at('2018-03-14', '12:00'));
    expect(nextNudgeAt(at('2018-03-16', '12:00'), S)).toBe(at('2018-03-19', '12:00')); // Fri → Mon
    expect(nextNudgeAt(at('2018-07-03', '13:00'), S)).toBe(at('2018-07-05', '12:00'));
  });
});
