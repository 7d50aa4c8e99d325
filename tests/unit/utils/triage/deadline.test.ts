import { describe, expect, it } from 'vitest';
import { deadlineAfter, deadlinePresets, normalizeNad, teamToday } from '../../../../utils/triage/deadline';

const CHICAGO = { timeZone: 'America/Chicago', holidays: [] as string[] };
/** Noon in Chicago on a date (UTC-6 in winter). */
const chicagoNoon = (date: string) => Date.parse(`${date}T18:00:00Z`);

describe('deadline presets (+N working days, team zone, yy-mm-dd)', () => {
  it('counts working days from a Tuesday, the date itself never counting', () => {
    const now = chicagoNoon('2026-12-01'); // Tuesday
    expect(deadlinePresets(now, CHICAGO)).toEqual([
      { days: 1, date: '2026-12-02', label: '+1' },
      { days: 2, date: '2026-12-03', label: '+2' },
      { days: 5, date: '2026-12-08', label: '+5' },
    ]);
  });

  it('skips the weekend from a Friday', () => {
    const now = chicagoNoon('2026-12-04'); // Friday
    expect(deadlinePresets(now, CHICAGO).map((p) => p.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-11']);
  });

  it('from a Saturday or Sunday, +1 is the Monday', () => {
    expect(deadlineAfter(chicagoNoon('2026-12-05'), 1, CHICAGO)).toBe('2026-12-07');
    expect(deadlineAfter(chicagoNoon('2026-12-06'), 1, CHICAGO)).toBe('2026-12-07');
    expect(deadlineAfter(chicagoNoon('2026-12-06'), 5, CHICAGO)).toBe('2026-12-11');
  });

  it('skips holidays, also several in a row next to a weekend', () => {
    const rules = { timeZone: 'America/Chicago', holidays: ['2026-12-24', '2026-12-25', '2027-01-01'] };
    const now = chicagoNoon('2026-12-23'); // Wednesday
    expect(deadlinePresets(now, rules).map((p) => p.date)).toEqual(['2026-12-28', '2026-12-29', '2027-01-04']);
  });

  it('a holiday on the Monday after a Friday moves +1 to the Tuesday', () => {
    const rules = { timeZone: 'America/Chicago', holidays: ['2027-01-18'] };
    const now = chicagoNoon('2027-01-15'); // Friday; Monday 18 is a holiday
    expect(deadlineAfter(now, 1, rules)).toBe('2027-01-19');
    expect(deadlineAfter(now, 2, rules)).toBe('2027-01-20');
    // Without the holiday it is the Monday: the holiday is what moved it.
    expect(deadlineAfter(now, 1, CHICAGO)).toBe('2027-01-18');
  });

  it('holidays that are not dates are ignored, never thrown on', () => {
    const rules = { timeZone: 'America/Chicago', holidays: ['soon', '2026-13-40', '2026-12-02'] };
    expect(deadlineAfter(chicagoNoon('2026-12-01'), 1, rules)).toBe('2026-12-03');
  });

  it('"today" is the team zone\'s date: late evening in Chicago is already tomorrow in UTC', () => {
    // Thursday 2026-12-03 21:00 in Chicago = Friday 03:00 UTC.
    const now = Date.parse('2026-12-04T03:00:00Z');
    expect(teamToday(now, CHICAGO)).toBe('2026-12-03');
    expect(deadlineAfter(now, 1, CHICAGO)).toBe('2026-12-04'); // the Friday
    expect(deadlineAfter(now, 1, { timeZone: 'UTC' })).toBe('2026-12-07'); // UTC thinks it is Friday
  });

  it('and the other way round: a team east of UTC is already on the next day', () => {
    // Thursday 2026-12-03 16:00 UTC = Friday 01:00 in Tokyo.
    const now = Date.parse('2026-12-03T16:00:00Z');
    expect(deadlineAfter(now, 1, { timeZone: 'Asia/Tokyo' })).toBe('2026-12-07');
    expect(deadlineAfter(now, 1, { timeZone: 'UTC' })).toBe('2026-12-04');
  });

  it('writes a four-digit year, as the datepicker\'s yy-mm-dd and the page\'s own nad value do', () => {
    for (const p of deadlinePresets(chicagoNoon('2026-12-31'), CHICAGO)) expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(deadlineAfter(chicagoNoon('2026-12-31'), 1, CHICAGO)).toBe('2027-01-01');
  });

  it('an unknown zone reads as UTC instead of throwing', () => {
    expect(deadlineAfter(Date.parse('2026-12-04T03:00:00Z'), 1, { timeZone: 'Mars/Olympus' })).toBe('2026-12-07');
  });
});

describe('normalizeNad', () => {
  it('accepts a real YYYY-MM-DD date, trimmed', () => {
    expect(normalizeNad(' 2026-12-03 ')).toBe('2026-12-03');
  });
  it.each(['26-12-03', '2026-02-30', '2026/12/03', '12/03/2026', '', 'tomorrow', '2026-12-03 10:00'])('refuses %j', (text) => {
    expect(normalizeNad(text)).toBeNull();
  });
});
