/**
 * Property tests (fast-check): parsers never throw; exactly zero or one person on duty; overrides
 * always win; DST never shifts a week; export → parse is the identity on duty weeks.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import {
  buildRotation,
  dutyOn,
  dutySummary,
  exportRotationIcs,
  parseRotationSource,
  personOnDuty,
  upcomingWeeks,
  weekUid,
} from '../../../../utils/rotation';
import { addDays, dateIn, fromDayNumber, isWeekend, mondayOf } from '../../../../utils/time';
import { parseIcs } from '../../../../utils/rotation/sources/ics';
import { parseJsonRotation } from '../../../../utils/rotation/sources/json';
import { parseTwikiHtml, parseTwikiTml } from '../../../../utils/rotation/sources/twiki';
import { fixture, NOW, OPTIONS } from './helpers';

const RUNS = { numRuns: 200 };

/** 2000-01-03 … 2039-12-31 as day numbers; 2000-01-03 is a Monday. */
const dayArb = fc.integer({ min: 10959, max: 25567 });
const dateArb = dayArb.map(fromDayNumber);
const mondayArb = fc.integer({ min: 0, max: 2000 }).map((w) => addDays('2000-01-03', 7 * w));
const nameArb = fc.constantFrom('Alain Roy', 'Mat Selmeci', 'Tim Cartwright', 'Brian Lin', 'Carl Edquist', 'Tim Theisen', 'Suchandra Thapa', 'José Núñez');
const weeksArb = fc.uniqueArray(fc.record({ week: mondayArb, person: nameArb }), { selector: (w) => w.week, maxLength: 60 });
const overridesArb = fc.array(fc.record({ week: dateArb, person: fc.oneof(nameArb, fc.constant('')) }), { maxLength: 20 });
const holidaysArb = fc.array(dateArb, { maxLength: 20 });

const DST_ZONES = ['America/Chicago', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Auckland'];

describe('parsers never throw', () => {
  const everyParser = (text: string) => {
    for (const parse of [
      () => parseRotationSource(text, OPTIONS),
      () => parseIcs(text, OPTIONS),
      () => parseTwikiTml(text),
      () => parseTwikiHtml(text),
      () => parseJsonRotation(text),
    ]) {
      const result = parse();
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    }
  };

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), everyParser), RUNS);
  }, 30_000);

  it('on fixtures with lines dropped, duplicated or garbled', () => {
    const sources = [
      fixture('ics/google-weekly-rrule.ics'),
      fixture('ics/outlook-windows-zone.ics'),
      fixture('ics/outlook-custom-zone.ics'),
      fixture('twiki/header-extra-columns.txt'),
      fixture('twiki/rendered.html'),
      '[{"week":"2012-02-13","person":"Alain Roy"},{"week":"2012-02-20","person":"Mat Selmeci"}]',
    ];
    const mutation = fc.record({
      source: fc.integer({ min: 0, max: sources.length - 1 }),
      edits: fc.array(
        fc.record({ at: fc.nat(), kind: fc.constantFrom('drop', 'dup', 'garble', 'truncate'), junk: fc.string({ maxLength: 20 }) }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ source, edits }) => {
        let lines = sources[source].split('\n');
        for (const { at, kind, junk } of edits) {
          const i = at % Math.max(1, lines.length);
          if (kind === 'drop') lines.splice(i, 1);
          else if (kind === 'dup') lines.splice(i, 0, lines[i] ?? '');
          else if (kind === 'garble') lines[i] = (lines[i] ?? '').slice(0, junk.length) + junk;
          else lines = lines.slice(0, i);
        }
        everyParser(lines.join('\n'));
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('on structurally valid calendars with arbitrary recurrence rules', () => {
    const ruleArb = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY'),
      interval: fc.integer({ min: 1, max: 5 }),
      byday: fc.option(fc.constantFrom('MO', 'MO,FR', '1MO', '-1SU', 'TU,WE,TH'), { nil: undefined }),
      bymonthday: fc.option(fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0), { nil: undefined }),
      bymonth: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      count: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      start: dateArb,
      allDay: fc.boolean(),
      tzid: fc.constantFrom('', 'America/Chicago', 'Central Standard Time', 'Nowhere/Land'),
    });
    fc.assert(
      fc.property(ruleArb, (r) => {
        const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
        if (r.byday) parts.push(`BYDAY=${r.byday}`);
        if (r.bymonthday !== undefined) parts.push(`BYMONTHDAY=${r.bymonthday}`);
        if (r.bymonth !== undefined) parts.push(`BYMONTH=${r.bymonth}`);
        if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
        const d = r.start.replace(/-/g, '');
        const dtstart = r.allDay ? `DTSTART;VALUE=DATE:${d}` : `DTSTART${r.tzid ? `;TZID=${r.tzid}` : ''}:${d}T090000`;
        const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', dtstart, `RRULE:${parts.join(';')}`, 'SUMMARY:Triage: Alain Roy', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
        const result = parseIcs(ics, OPTIONS);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('long-running series', () => {
  it('a weekly series begun years ago keeps its phase inside the window (fast-forward is exact)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }).map((w) => addDays('2000-01-03', 7 * w)),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('', ';BYDAY=MO', ';WKST=SU;BYDAY=MO', ';WKST=MO'),
        fc.boolean(),
        (monday, interval, extra, allDay) => {
          const d = monday.replace(/-/g, '');
          const start = allDay ? `DTSTART;VALUE=DATE:${d}` : `DTSTART;TZID=America/New_York:${d}T083000`;
          const end = allDay ? `DTEND;VALUE=DATE:${addDays(monday, 5).replace(/-/g, '')}` : 'DURATION:PT8H';
          const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:old', start, end, `RRULE:FREQ=WEEKLY;INTERVAL=${interval}${extra}`, 'SUMMARY:Triage: Alain Roy', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
          const result = parseIcs(ics, { ...OPTIONS, pastDays: 100, futureDays: 200 });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const from = Math.ceil((Date.parse(dateIn(NOW - 100 * 86_400_000, 'UTC')) - Date.parse(monday)) / 86_400_000 / 7 / interval);
          const to = Math.floor((Date.parse(dateIn(NOW + 200 * 86_400_000, 'UTC')) - Date.parse(monday)) / 86_400_000 / 7 / interval);
          const expected: string[] = [];
          for (let k = Math.max(0, from); k <= to; k++) expected.push(addDays(monday, 7 * interval * k));
          // The window's edges are instants; allow one period of slack at either end.
          const got = result.weeks.map((w) => w.week);
          // Every series starts before the window, so the window holds several occurrences: a parser
          // returning no weeks must fail here, not pass the loop below vacuously.
          expect(expected.length).toBeGreaterThan(2);
          expect(got.length).toBeGreaterThan(0);
          for (const week of got) expect(((Date.parse(week) - Date.parse(monday)) / 86_400_000) % (7 * interval)).toBe(0);
          expect(got.filter((w) => expected.includes(w))).toEqual(expected.filter((w) => w >= got[0] && w <= got[got.length - 1]));
          expect(Math.abs(got.length - expected.length)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('schedule properties', () => {
  it('for any date and rotation exactly zero or one person is on duty, and never on weekends or holidays', () => {
    fc.assert(
      fc.property(weeksArb, overridesArb, holidaysArb, dateArb, (weeks, overrides, holidays, date) => {
        const rotation = buildRotation({ weeks, overrides, holidays });
        const day = dutyOn(rotation, date);
        const person = personOnDuty(rotation, date);
        if (isWeekend(date) || holidays.includes(date)) expect(person).toBeNull();
        // Zero or one: the whole Monday–Friday span of a week agrees on at most one person.
        const monday = mondayOf(date);
        const people = new Set(
          [0, 1, 2, 3, 4].map((i) => personOnDuty(rotation, addDays(monday, i))).filter((p): p is string => p !== null),
        );
        expect(people.size).toBeLessThanOrEqual(1);
        expect(day.kind === 'duty').toBe(person !== null);
      }),
      RUNS,
    );
  });

  it('overrides always win over the source', () => {
    fc.assert(
      fc.property(weeksArb, overridesArb.filter((o) => o.length > 0), dateArb, (weeks, overrides, date) => {
        const rotation = buildRotation({ weeks, overrides });
        for (const o of overrides) {
          const monday = isWeekend(o.week) ? mondayOf(addDays(o.week, 2)) : mondayOf(o.week);
          const last = [...overrides].reverse().find((x) => (isWeekend(x.week) ? mondayOf(addDays(x.week, 2)) : mondayOf(x.week)) === monday)!;
          const weekday = addDays(monday, (date.charCodeAt(9) % 5));
          expect(personOnDuty(rotation, weekday)).toBe(last.person === '' ? null : last.person);
        }
      }),
      RUNS,
    );
  });

  it('DST never shifts a week: every instant of a local day maps to that day’s week', () => {
    fc.assert(
      fc.property(weeksArb, dayArb, fc.integer({ min: 0, max: 86_399 }), fc.constantFrom(...DST_ZONES), (weeks, day, second, zone) => {
        const rotation = buildRotation({ weeks });
        const instant = day * 86_400_000 + second * 1000;
        const summary = dutySummary(rotation, instant, zone);
        expect(summary.today).toBe(dateIn(instant, zone));
        expect(summary.thisWeek.monday).toBe(mondayOf(summary.today));
        expect(summary.nextWeek.monday).toBe(addDays(summary.thisWeek.monday, 7));
      }),
      RUNS,
    );
  });

  it('DST never shifts a week: a weekly timed series yields consecutive Mondays in its own zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }).map((w) => addDays('2025-01-06', 7 * w)),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 30),
        fc.constantFrom(...DST_ZONES),
        (monday, hour, minute, zone) => {
          const stamp = `${monday.replace(/-/g, '')}T${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}00`;
          const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:dst', `DTSTART;TZID=${zone}:${stamp}`, 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=60', 'SUMMARY:Triage: Alain Roy', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
          const now = Date.parse(`${monday}T12:00:00Z`);
          const result = parseIcs(ics, { timeZone: zone, now, pastDays: 30, futureDays: 500 });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const got = result.weeks.map((w) => w.week);
          expect(got).toEqual(Array.from({ length: 60 }, (_, i) => addDays(monday, 7 * i)));
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('export properties', () => {
  it('export → parse back gives the same duty weeks, and UIDs depend only on the week', () => {
    const personArb = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .,;'"-]{0,20}[A-Za-zÀ-ÿ]$/).filter((s) => !/\s{2}/.test(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ week: fc.integer({ min: -40, max: 100 }).map((w) => addDays('2026-02-09', 7 * w)), person: fc.oneof(nameArb, personArb) }), { selector: (w) => w.week, maxLength: 25 }),
        (weeks) => {
          const effective = upcomingWeeks(buildRotation({ weeks }), '2000-01-01');
          const text = exportRotationIcs(effective, { now: NOW });
          const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
          expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(effective.map((w) => weekUid(w.week)));
          expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(effective.map((w) => `Triage: ${w.person}`));
          for (const e of events) {
            const ev = new ICAL.Event(e);
            expect(ev.startDate.isDate).toBe(true);
            expect(ev.endDate.toJSDate().getTime() - ev.startDate.toJSDate().getTime()).toBe(5 * 86_400_000);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
