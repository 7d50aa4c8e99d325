/**
 * The queue service's clock in the e2e specs. Notifications go out only on weekdays inside the work
 * window (the specs set 00:00–23:59 in the team zone), so a run on a weekend, or in the window's
 * last minute, would see none. `notifyingClockOffsetMs` is the `debug.queueClockOffsetMs` that puts
 * the service on a weekday with at least `MARGIN_MS` of the window left: compute it once per test
 * and reuse it, so a test that crosses midnight or the window's end keeps one consistent clock.
 */
export const TEAM_ZONE = 'America/Chicago';
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Longer than any queue test: the shifted clock stays inside the window for the whole test. */
const MARGIN_MS = 30 * 60_000;

function zoned(ms: number): { weekday: string; year: number; month: number; day: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TEAM_ZONE, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: parts.weekday, year: +parts.year, month: +parts.month, day: +parts.day, minutes: +parts.hour * 60 + +parts.minute };
}

/** Shift (ms, ≥ -1 h) that moves `now` onto a weekday, at least 30 minutes before 23:59 there. */
export function notifyingClockOffsetMs(now = Date.now()): number {
  let offset = 0;
  // 23:59 is the window's last minute: back an hour, same day, when less than the margin is left.
  if (zoned(now).minutes * 60_000 > 23 * HOUR_MS + 59 * 60_000 - MARGIN_MS) offset -= HOUR_MS;
  const weekday = zoned(now + offset).weekday;
  if (weekday === 'Sat') offset += 2 * DAY_MS;
  if (weekday === 'Sun') offset += DAY_MS;
  return offset;
}

/** Monday (YYYY-MM-DD) of the week holding `ms` in the team zone. */
export function mondayOf(ms: number): string {
  const { weekday, year, month, day } = zoned(ms);
  const back = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday);
  return new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10);
}

/**
 * How long a test waits so that it does not run across midnight in the team zone, or 0. The specs
 * compare the extension's "today" (stale tickets, the person on duty, "opened today") with the
 * simulator's, each read at its own instant a few seconds apart; across midnight they differ by a
 * day. Within `marginMs` before midnight: the time to one second past it.
 */
export function waitPastTeamMidnightMs(now = Date.now(), marginMs = 45_000): number {
  const { minutes } = zoned(now);
  const seconds = new Date(now).getUTCSeconds() + (now % 1000) / 1000; // team zones differ from UTC by whole minutes
  const left = (24 * 60 - minutes) * 60_000 - seconds * 1000;
  return left <= marginMs ? Math.ceil(left) + 1000 : 0;
}
