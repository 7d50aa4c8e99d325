import { parseIcs, readIcs } from '../../../../../utils/rotation/sources/ics';
import { fixture, NOW, OPTIONS, weekMap } from '../helpers';

const iso = (ms: number) => new Date(ms).toISOString();

describe('iCal rotation feeds', () => {
  it('Google Calendar export: weekly RRULE per person, EXDATE, an edited instance and a cancelled one', () => {
    const result = parseIcs(fixture('ics/google-weekly-rrule.ics'), OPTIONS);
    const weeks = weekMap(result);
    expect(weeks['2026-01-05']).toBe('Alain Roy');
    expect(weeks['2026-01-12']).toBe('Mat Selmeci');
    expect(weeks['2026-01-19']).toBe('Brian Lin');
    expect(weeks['2026-01-26']).toBe('Alain Roy');
    expect(weeks['2026-02-02']).toBe('Tim Cartwright'); // RECURRENCE-ID replaced Mat
    expect(weeks['2026-02-09']).toBe('Brian Lin');
    expect(weeks['2026-02-16']).toBeUndefined(); // EXDATE on Alain's series
    expect(weeks['2026-02-23']).toBe('Mat Selmeci');
    expect(weeks['2026-03-02']).toBeUndefined(); // cancelled instance
    expect(weeks['2026-03-09']).toBe('Alain Roy');
  });

  it('expands only inside the window around now', () => {
    const result = parseIcs(fixture('ics/google-weekly-rrule.ics'), { ...OPTIONS, pastDays: 10, futureDays: 30 });
    const weeks = Object.keys(weekMap(result)).sort();
    expect(weeks[0] >= '2026-01-26').toBe(true);
    expect(weeks[weeks.length - 1] <= '2026-03-16').toBe(true);
  });

  it('timed events in a TZID zone with a VTIMEZONE; UNTIL in UTC is compared as an instant', () => {
    const result = parseIcs(fixture('ics/google-timed-newyork.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({
      '2026-03-02': 'Carl Edquist',
      '2026-03-09': 'Tim Theisen',
      '2026-03-16': 'Carl Edquist',
      '2026-03-23': 'Tim Theisen',
      '2026-03-30': 'Carl Edquist',
      '2026-04-06': 'Tim Theisen',
      // UNTIL=20260413T125959Z is one second before 09:00 EDT on 13 April: no fourth week.
    });
    const { occurrences } = readIcs(fixture('ics/google-timed-newyork.ics'), OPTIONS);
    const carl = occurrences.filter((o) => o.person === 'Carl Edquist').map((o) => iso(o.start));
    // 09:00 New York before and after the 8 March DST change.
    expect(carl).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-16T13:00:00.000Z', '2026-03-30T13:00:00.000Z']);
  });

  it('Outlook export with the Windows zone "Central Standard Time", EXDATE with TZID and a moved instance', () => {
    const result = parseIcs(fixture('ics/outlook-windows-zone.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({
      '2026-03-02': 'Mat Selmeci',
      '2026-03-09': 'Suchandra Thapa',
      '2026-03-23': 'Brian Lin',
      '2026-03-30': 'Mat Selmeci',
      '2026-04-06': 'Suchandra Thapa',
      '2026-04-13': 'Mat Selmeci',
      '2026-04-20': 'Suchandra Thapa',
      '2026-04-27': 'Mat Selmeci',
      '2026-05-04': 'Suchandra Thapa',
      '2026-05-11': 'Mat Selmeci',
      '2026-05-18': 'Suchandra Thapa',
    });
    const { occurrences } = readIcs(fixture('ics/outlook-windows-zone.ics'), OPTIONS);
    const first = occurrences.find((o) => o.person === 'Mat Selmeci');
    expect(iso(first!.start)).toBe('2026-03-02T14:00:00.000Z'); // 08:00 CST
  });

  it('Outlook "Customized Time Zone" is resolved from its VTIMEZONE rules; the person comes from the attendee', () => {
    const { occurrences } = readIcs(fixture('ics/outlook-custom-zone.ics'), OPTIONS);
    expect(occurrences.map((o) => iso(o.start))).toEqual([
      '2026-03-02T06:00:00.000Z',
      '2026-03-09T05:00:00.000Z', // daylight time from 8 March, per the block's own rules
      '2026-03-16T05:00:00.000Z',
      '2026-03-23T05:00:00.000Z',
    ]);
    expect(occurrences[0]).toMatchObject({ person: 'Alain Roy', email: 'roy@cs.wisc.edu' });
    const result = parseIcs(fixture('ics/outlook-custom-zone.ics'), OPTIONS);
    expect(Object.values(weekMap(result))).toEqual(['Alain Roy', 'Alain Roy', 'Alain Roy', 'Alain Roy']);
  });

  it('older Outlook display-name zones and "Last, First - triage" summaries', () => {
    const result = parseIcs(fixture('ics/outlook-display-name-zone.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({ '2026-04-06': 'Carl Edquist', '2026-04-13': 'Suchandra Thapa' });
    const { occurrences } = readIcs(fixture('ics/outlook-display-name-zone.ics'), OPTIONS);
    expect(iso(occurrences[0].start)).toBe('2026-04-06T13:30:00.000Z');
  });

  it('an unknown zone is a visible error, never silently UTC', () => {
    const result = parseIcs(fixture('ics/unknown-zone.ics'), OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Unknown time zone "Mars\/Olympus_Mons"/);
  });

  it('Thunderbird /mozilla.org/ TZIDs, "Name (triage)" summaries, inclusive UTC UNTIL', () => {
    const result = parseIcs(fixture('ics/thunderbird-mozilla-tzid.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({
      '2026-03-30': 'Kyle Gross',
      '2026-04-06': 'Kyle Gross',
      '2026-04-13': 'Kyle Gross',
      '2026-04-20': 'Kyle Gross',
    });
  });

  it('steps recurrences in wall-clock time across DST and matches a UTC EXDATE as an instant', () => {
    const { occurrences } = readIcs(fixture('ics/dst-utc-exdate.ics'), OPTIONS);
    expect(occurrences.map((o) => iso(o.start))).toEqual([
      '2026-02-23T06:30:00.000Z',
      '2026-03-02T06:30:00.000Z',
      '2026-03-09T05:30:00.000Z',
      // 16 March 00:30 CDT = 05:30Z is excluded
      '2026-03-23T05:30:00.000Z',
      '2026-03-30T05:30:00.000Z',
    ]);
    expect(Object.keys(weekMap(parseIcs(fixture('ics/dst-utc-exdate.ics'), OPTIONS)))).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-23',
      '2026-03-30',
    ]);
  });

  it('takes the person from ATTENDEE (name, else e-mail) when the summary is only "Triage"', () => {
    const result = parseIcs(fixture('ics/attendee-only.ics'), OPTIONS);
    expect(result.ok && result.weeks).toEqual([
      { week: '2026-03-02', person: 'Brian Lin', email: 'blin@cs.wisc.edu' },
      { week: '2026-03-09', person: 'matyas@cs.wisc.edu', email: 'matyas@cs.wisc.edu' },
    ]);
  });

  it('ignores unrelated events in a shared team calendar', () => {
    const result = parseIcs(fixture('ics/mixed-calendar.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({ '2026-03-02': 'Tim Theisen', '2026-03-09': 'Alain Roy' });
    expect(result.ok && result.warnings.join(' ')).toMatch(/Ignored 2 event/);
  });

  it('daily weekday events (BYDAY=MO..FR, COUNT; UNTIL as a date) fold into weeks', () => {
    const result = parseIcs(fixture('ics/daily-byday.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({
      '2026-03-02': 'Suchandra Thapa',
      '2026-03-09': 'Suchandra Thapa',
      '2026-03-16': 'Alain Roy',
    });
  });

  it('an empty calendar is an error', () => {
    const result = parseIcs(fixture('ics/empty.ics'), OPTIONS);
    expect(result).toMatchObject({ ok: false, format: 'ics' });
    if (!result.ok) expect(result.error).toMatch(/empty/i);
  });

  it('hostile recurrences stop at the budget and the rest of the calendar still counts', () => {
    const result = parseIcs(fixture('ics/hostile-rrule.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({ '2026-03-02': 'Alain Roy' });
    expect(result.ok && result.warnings.join(' ')).toMatch(/cut off/);
  });

  it('a one-off event beats the series it overlaps; a partial week loses to a full one, with a warning', () => {
    const result = parseIcs(fixture('ics/one-off-beats-series.ics'), OPTIONS);
    expect(weekMap(result)).toEqual({
      '2026-03-02': 'Alain Roy',
      '2026-03-09': 'Mat Selmeci',
      '2026-03-16': 'Alain Roy',
    });
    expect(result.ok && result.warnings.some((w) => w.includes('Week of 2026-03-16'))).toBe(true);
  });

  it('a calendar whose only events are outside the window says so', () => {
    const ics = fixture('ics/google-weekly-rrule.ics').replace(/RRULE:[^\r\n]*\r?\n/g, '');
    const result = parseIcs(ics, { ...OPTIONS, now: Date.UTC(2030, 0, 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/none of its \d+ event\(s\) falls between/);
  });

  it('floating times use the calendar\'s X-WR-TIMEZONE, else the team zone', () => {
    const ics = (header: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', header, 'BEGIN:VEVENT', 'UID:f', 'DTSTART:20260302T090000', 'DTEND:20260306T170000', 'SUMMARY:Triage: Alain Roy', 'END:VEVENT', 'END:VCALENDAR']
        .filter(Boolean)
        .join('\r\n');
    const start = (header: string) => iso(readIcs(ics(header), OPTIONS).occurrences[0].start);
    expect(start('X-WR-TIMEZONE:Europe/Berlin')).toBe('2026-03-02T08:00:00.000Z');
    expect(start('')).toBe('2026-03-02T15:00:00.000Z'); // 09:00 in the team zone (Chicago)
  });

  it('malformed text is an error, not an exception', () => {
    const result = parseIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nEND:VCALENDAR', OPTIONS);
    expect(result.ok).toBe(false);
  });

  it('uses now only for the window (same result for any now inside it)', () => {
    const a = parseIcs(fixture('ics/outlook-windows-zone.ics'), OPTIONS);
    const b = parseIcs(fixture('ics/outlook-windows-zone.ics'), { ...OPTIONS, now: NOW + 20 * 86_400_000 });
    expect(weekMap(a)).toEqual(weekMap(b));
  });
});
