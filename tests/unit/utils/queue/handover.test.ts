import { describe, expect, it } from 'vitest';
import {
  asHandoverSummary,
  handoverAt,
  handoverPhrase,
  handoverWords,
  isCarriedOver,
  shortAge,
  splitHandover,
  untriagedAt,
  type DutyWeekBounds,
  type HandoverTicket,
} from '../../../../utils/queue/handover';
import { zonedInstant } from '../../../../utils/time/instant';

const TZ = 'America/Chicago';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Duty week of Monday 2026-11-30 (team zone).
const WEEK: DutyWeekBounds = {
  weekStart: '2026-11-30',
  weekStartAt: zonedInstant('2026-11-30', 0, TZ),
  nextWeekStartAt: zonedInstant('2026-12-07', 0, TZ),
};
const MON = WEEK.weekStartAt;

function ticket(id: number, firstSeenUntriaged: number | null, extra: Partial<HandoverTicket> = {}): HandoverTicket {
  return { id, firstSeen: firstSeenUntriaged ?? MON - 30 * DAY, firstSeenUntriaged, baseline: false, submitDate: null, ...extra };
}

describe('splitHandover', () => {
  it('splits at Monday 00:00 in the team zone: one minute before is carried over, the minute itself is new', () => {
    const s = splitHandover([ticket(1, MON - 60_000), ticket(2, MON), ticket(3, MON + 2 * DAY), ticket(4, MON - 3 * DAY)], WEEK);
    expect(s).toMatchObject({ carriedOver: 2, newThisWeek: 2, oldestCarriedSince: MON - 3 * DAY, oldestNewSince: MON, oldestCarriedAtLeast: false });
  });

  it('Monday 00:00 Chicago is 06:00 UTC: a ticket seen at 03:00 UTC Monday came in over the weekend', () => {
    const sundayNightChicago = Date.UTC(2026, 10, 30, 3, 0);
    expect(isCarriedOver(ticket(1, sundayNightChicago), WEEK)).toBe(true);
    expect(MON).toBe(Date.UTC(2026, 10, 30, 6, 0));
  });

  it('falls back to first seen when the ticket was never seen arriving in triage', () => {
    expect(isCarriedOver(ticket(1, null, { firstSeen: MON - DAY }), WEEK)).toBe(true);
    expect(isCarriedOver(ticket(1, null, { firstSeen: MON + DAY }), WEEK)).toBe(false);
  });

  it('a baseline ticket first seen this week but submitted before it counts as carried over, its age as a lower bound', () => {
    const t = ticket(7, MON + DAY, { baseline: true, submitDate: '2026-11-20' });
    const s = splitHandover([t, ticket(8, MON + 2 * DAY, { baseline: true, submitDate: '2026-12-01' })], WEEK);
    expect(s).toMatchObject({ carriedOver: 1, newThisWeek: 1, oldestCarriedSince: MON + DAY, oldestCarriedAtLeast: true });
  });

  it('nothing untriaged: zeros, no ages', () => {
    expect(splitHandover([], WEEK)).toMatchObject({ carriedOver: 0, newThisWeek: 0, oldestCarriedSince: null, oldestNewSince: null });
  });
});

describe('handoverAt and the words', () => {
  const summary = splitHandover([ticket(1, MON - 4 * DAY), ticket(2, MON + DAY), ticket(3, MON + 2 * DAY)], WEEK);

  it('within the week: as published', () => {
    const now = MON + 3 * DAY;
    expect(handoverAt(summary, now)).toEqual({ carriedOver: 1, newThisWeek: 2, oldestCarriedSince: MON - 4 * DAY, oldestCarriedAtLeast: false });
    expect(handoverPhrase(summary, now)).toBe('1 carried over (oldest 7 d) · 2 new this week');
  });

  it('once the next week has begun without a check, everything is carried over', () => {
    const now = WEEK.nextWeekStartAt + HOUR;
    expect(handoverAt(summary, now)).toMatchObject({ carriedOver: 3, newThisWeek: 0, oldestCarriedSince: MON - 4 * DAY });
    const onlyNew = splitHandover([ticket(2, MON + DAY, { baseline: true })], WEEK);
    expect(handoverAt(onlyNew, now)).toEqual({ carriedOver: 1, newThisWeek: 0, oldestCarriedSince: MON + DAY, oldestCarriedAtLeast: true });
  });

  it('words: none carried over; "or more" for a lower bound', () => {
    expect(handoverWords({ carriedOver: 0, newThisWeek: 1, oldestCarriedSince: null, oldestCarriedAtLeast: false }, MON)).toEqual({
      carried: 'none carried over',
      fresh: '1 new this week',
    });
    expect(handoverWords({ carriedOver: 2, newThisWeek: 0, oldestCarriedSince: MON - 5 * HOUR, oldestCarriedAtLeast: true }, MON).carried).toBe(
      '2 carried over (oldest 5 h or more)',
    );
  });

  it('shortAge: one unit', () => {
    expect([shortAge(59_000), shortAge(40 * 60_000), shortAge(47 * HOUR), shortAge(50 * HOUR), shortAge(-1), shortAge(NaN)]).toEqual([
      '0 min',
      '40 min',
      '47 h',
      '2 d',
      '0 min',
      '0 min',
    ]);
  });
});

describe('untriagedAt (the report)', () => {
  const checks = [
    { at: MON - 3 * DAY, state: 'ok', counts: { untriaged: 2 } },
    { at: MON - HOUR, state: 'ok', counts: { untriaged: 4 } },
    { at: MON - 10 * 60_000, state: 'error', counts: null },
    { at: MON - 5 * 60_000, state: 'signed-out', counts: { untriaged: 1 } },
    { at: MON + HOUR, state: 'ok', counts: { untriaged: 9 } },
  ];
  it('the last good check at or before the start', () => {
    expect(untriagedAt(checks, MON)).toEqual({ count: 4, at: MON - HOUR });
  });
  it('none within the gap: unknown, never zero', () => {
    expect(untriagedAt(checks, MON - 10 * DAY)).toEqual({ count: null, at: null });
    expect(untriagedAt([{ at: MON - 5 * DAY, state: 'ok', counts: { untriaged: 3 } }], MON)).toEqual({ count: null, at: null });
  });
});

describe('asHandoverSummary', () => {
  const good = splitHandover([ticket(1, MON - DAY)], WEEK);
  it('keeps a good record', () => {
    expect(asHandoverSummary(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });
  it.each([
    ['null', null],
    ['array', []],
    ['bad week', { ...good, weekStart: 'Monday' }],
    ['negative count', { ...good, carriedOver: -1 }],
    ['fractional count', { ...good, newThisWeek: 1.5 }],
    ['string instant', { ...good, oldestCarriedSince: '1' }],
    ['reversed bounds', { ...good, nextWeekStartAt: good.weekStartAt }],
  ])('refuses %s', (_label, raw) => {
    expect(asHandoverSummary(raw)).toBeUndefined();
  });
});
