import { mondayOf, notifyingClockOffsetMs, waitPastTeamMidnightMs } from '../../e2e/queue-clock';
import { isWorkTime, type ScheduleSettings } from '../../../utils/queue/schedule';

/** Chicago wall time to epoch ms (December: CST, UTC-6). */
const chicago = (iso: string) => Date.parse(`${iso}-06:00`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('e2e queue clock: a weekday inside the 00:00–23:59 window for the whole test', () => {
  it.each([
    ['Wednesday noon: no shift', '2026-12-02T12:00:00', 0],
    ['Wednesday 23:28: still 31 minutes left, no shift', '2026-12-02T23:28:00', 0],
    ['Wednesday 23:45: back an hour, same day', '2026-12-02T23:45:00', -HOUR],
    ['Saturday morning: on to Monday', '2026-12-05T09:00:00', 2 * DAY],
    ['Sunday 00:00: on to Monday', '2026-12-06T00:00:00', DAY],
    ['Friday 23:50: back an hour, still Friday', '2026-12-04T23:50:00', -HOUR],
    ['Sunday 23:50: back an hour, then on to Monday', '2026-12-06T23:50:00', DAY - HOUR],
  ])('%s', (_name, wall, expected) => {
    expect(notifyingClockOffsetMs(chicago(wall))).toBe(expected);
  });

  it('every five minutes of a week lands on a weekday with at least 30 minutes of the window left', () => {
    const settings: ScheduleSettings = {
      queue: { checkMinutes: 10, offHoursCheckMinutes: 60 },
      rotation: { timeZone: 'America/Chicago', holidays: [] },
      schedule: { workStart: '00:00', workEnd: '23:59', middayNudge: '12:00' },
    };
    const start = chicago('2026-11-30T00:00:00');
    let weekendOrLate = 0;
    for (let t = start; t < start + 7 * DAY; t += 5 * 60_000) {
      const shifted = t + notifyingClockOffsetMs(t);
      if (shifted !== t) weekendOrLate++;
      expect(isWorkTime(shifted, settings) && isWorkTime(shifted + 30 * 60_000 - 1, settings), new Date(t).toISOString()).toBe(true);
    }
    expect(weekendOrLate).toBeGreaterThan((2 * 24 * 60) / 5); // the whole weekend moved, at least
  });

  it('mondayOf gives the Monday of the week in Chicago', () => {
    expect(mondayOf(chicago('2026-12-02T12:00:00'))).toBe('2026-11-30');
    expect(mondayOf(chicago('2026-12-06T23:30:00'))).toBe('2026-11-30');
    expect(mondayOf(chicago('2026-11-30T00:10:00'))).toBe('2026-11-30');
  });
});

describe('e2e: no test runs across midnight in the team zone', () => {
  it.each([
    ['noon: no wait', '2026-12-02T12:00:00', 0],
    ['23:59:00: 60 s left, more than the margin', '2026-12-02T23:59:00', 0],
    ['23:59:30: wait to one second past midnight', '2026-12-02T23:59:30', 31_000],
    ['23:59:59.5: half a second and one', '2026-12-02T23:59:59.500', 1_500],
    ['00:00:00: the day has just begun, no wait', '2026-12-03T00:00:00', 0],
  ])('%s', (_name, wall, expected) => {
    expect(waitPastTeamMidnightMs(chicago(wall))).toBe(expected);
  });

  it('from any start around midnight, a test of up to 44 s after the wait stays on one team date', () => {
    const teamDay = (ms: number) => new Date(ms - 6 * HOUR).getUTCDate(); // December: CST
    const start = chicago('2026-12-02T23:58:00');
    for (let t = start; t < start + 3 * 60_000; t += 250) {
      const after = t + waitPastTeamMidnightMs(t);
      expect(teamDay(after + 44_000), new Date(t).toISOString()).toBe(teamDay(after));
    }
  });
});
