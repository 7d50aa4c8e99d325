import ICAL from 'ical.js';
import { buildRotation, exportRotationIcs, upcomingWeeks, weekUid } from '../../../../utils/rotation';
import { parseIcs } from '../../../../utils/rotation/sources/ics';
import { NOW } from './helpers';

const rotation = buildRotation({
  weeks: [
    { week: '2026-02-09', person: 'Alain Roy', email: 'roy@cs.wisc.edu' },
    { week: '2026-02-16', person: 'Mat Selmeci, "the; builder"' },
    { week: '2026-02-23', person: 'Brian Lin' },
  ],
  overrides: [{ week: '2026-02-23', person: 'Tim Cartwright' }, { week: '2026-03-02', person: '' }],
  holidays: ['2026-02-16'],
});
const weeks = upcomingWeeks(rotation, '2026-01-01');

describe('iCal export', () => {
  const text = exportRotationIcs(weeks, { now: NOW, holidays: ['2026-02-16'] });

  it('parses back with ical.js: one all-day Monday–Friday event per duty week', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.startDate.toString(), e.endDate.toString(), e.summary])).toEqual([
      ['2026-02-09', '2026-02-14', 'Triage: Alain Roy'],
      ['2026-02-16', '2026-02-21', 'Triage: Mat Selmeci, "the; builder"'],
      ['2026-02-23', '2026-02-28', 'Triage: Tim Cartwright'],
    ]);
    expect(events.every((e) => e.startDate.isDate && e.endDate.isDate)).toBe(true);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(text).toContain('\r\n');
  });

  it('has UIDs derived from the week, stable across exports and changes of person', () => {
    const again = exportRotationIcs(
      upcomingWeeks(buildRotation({ weeks: [{ week: '2026-02-09', person: 'Someone Else' }] }), '2026-01-01'),
      { now: NOW + 86_400_000 },
    );
    const uids = (t: string) =>
      new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(text)[0]).toBe(weekUid('2026-02-09'));
    expect(uids(again)[0]).toBe(uids(text)[0]);
    expect(new Set(uids(text)).size).toBe(3);
  });

  it('mentions holidays and carries the e-mail as attendee', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    const [first, second] = cal.getAllSubcomponents('vevent');
    expect(String(first.getFirstPropertyValue('attendee'))).toBe('mailto:roy@cs.wisc.edu');
    expect(String(second.getFirstPropertyValue('description'))).toMatch(/No triage on 2026-02-16/);
  });

  it('round-trips through our own iCal source parser', () => {
    const parsed = parseIcs(text, { timeZone: 'America/Chicago', now: NOW });
    expect(parsed.ok && parsed.weeks.map((w) => [w.week, w.person])).toEqual([
      ['2026-02-09', 'Alain Roy'],
      ['2026-02-16', 'Mat Selmeci, "the; builder"'],
      ['2026-02-23', 'Tim Cartwright'],
    ]);
  });

  it('an empty rotation is still a valid calendar', () => {
    const empty = exportRotationIcs([], { now: NOW });
    expect(new ICAL.Component(ICAL.parse(empty)).name).toBe('vcalendar');
  });
});
