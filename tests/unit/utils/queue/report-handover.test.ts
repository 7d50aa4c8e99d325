import { describe, expect, it } from 'vitest';
import { handoverWeeks, HANDOVER_WEEKS, weeklyReport } from '../../../../utils/queue/report';
import { zonedInstant } from '../../../../utils/time/instant';

const TZ = 'America/Chicago';
const HOUR = 3_600_000;
const MON = (d: string) => zonedInstant(d, 0, TZ);

const checks = [
  // Week of 2026-11-23: the Friday evening check is the last before the hand-over (browser closed for the weekend).
  { at: MON('2026-11-20') + 17 * HOUR, state: 'ok', counts: { untriaged: 1 } },
  { at: MON('2026-11-27') + 17 * HOUR, state: 'ok', counts: { untriaged: 4 } },
  { at: MON('2026-11-30') - 10 * 60_000, state: 'error', counts: null },
  { at: MON('2026-11-30') + HOUR, state: 'ok', counts: { untriaged: 6 } },
];

describe('untriaged at hand-over, per week', () => {
  it('the count of the last good check before each Monday 00:00 (team zone), newest week first', () => {
    const rows = handoverWeeks(checks, '2026-11-30', TZ, 3);
    expect(rows).toEqual([
      { weekStart: '2026-11-30', count: 4, at: MON('2026-11-27') + 17 * HOUR },
      { weekStart: '2026-11-23', count: 1, at: MON('2026-11-20') + 17 * HOUR },
      { weekStart: '2026-11-16', count: null, at: null },
    ]);
  });

  it('in the weekly report, for the browsed week and the ones before it; [] without check records', () => {
    const now = MON('2026-12-02');
    const report = weeklyReport([], now, TZ, ['Software'], -1, { checks });
    expect(report.untriagedAtHandover).toHaveLength(HANDOVER_WEEKS);
    expect(report.untriagedAtHandover[0]).toEqual({ weekStart: '2026-11-23', count: 1, at: MON('2026-11-20') + 17 * HOUR });
    expect(weeklyReport([], now, TZ, ['Software']).untriagedAtHandover).toEqual([]);
  });

  it('a DST change between weeks keeps Monday 00:00 local (2026-11-02 follows the switch)', () => {
    const rows = handoverWeeks([{ at: MON('2026-11-02') - 60_000, state: 'ok', counts: { untriaged: 2 } }], '2026-11-02', TZ, 1);
    expect(rows[0]).toMatchObject({ count: 2 });
    expect(MON('2026-11-02')).toBe(Date.UTC(2026, 10, 2, 6, 0));
  });
});
