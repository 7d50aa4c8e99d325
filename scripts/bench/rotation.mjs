/**
 * Triage-rotation benchmarks (issue 4), in Node (the same V8 the background worker runs the parser in):
 *
 * 1. Parse a 3-year weekly iCal feed with 20 overrides, the way a team calendar exports it:
 *    - "RRULE feed": 8 people, one weekly series each (FREQ=WEEKLY;INTERVAL=8, all-day Mon–Fri,
 *      Google Calendar style), 20 RECURRENCE-ID instances that hand a week to someone else, 6 EXDATEs;
 *    - "flat feed": the same 3 years as 157 one-off timed events with a TZID and a Windows-zone
 *      VTIMEZONE (Outlook style), 20 of them edited (another person, SEQUENCE bumped).
 *    Median ms of parseRotationSource (detection + parse + weeks), after a warm-up.
 * 2. Compute the duty for every day of those 3 years: buildRotation + dutyOn for 1,096 dates, and
 *    the same through dutySummary (which also converts each instant into the team zone).
 *
 * `npm run bench` runs it with the other modules; alone: `node scripts/bench/rotation.mjs [--runs N] [--json]`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../lib/bench-context.mjs';

export const name = 'rotation';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY = 86_400_000;
const PEOPLE = ['Alain Roy', 'Mat Selmeci', 'Tim Cartwright', 'Brian Lin', 'Carl Edquist', 'Tim Theisen', 'Suchandra Thapa', 'Kyle Gross'];
const OVERRIDES = 20;

const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
const ical = (ms) => ymd(ms).replace(/-/g, '');
const mondayOf = (ms) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
};

/** 3 years of weeks inside the parser's window (400 days back, 800 ahead): first Monday, weeks. */
function span(now) {
  const first = mondayOf(now - 390 * DAY);
  return { first, weeks: 157 };
}

export function rruleFeed(now) {
  const { first, weeks } = span(now);
  const until = first + weeks * 7 * DAY;
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'X-WR-TIMEZONE:America/Chicago'];
  PEOPLE.forEach((person, i) => {
    const start = first + i * 7 * DAY;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${ical(start)}`,
      `DTEND;VALUE=DATE:${ical(start + 5 * DAY)}`,
      `RRULE:FREQ=WEEKLY;WKST=MO;INTERVAL=${PEOPLE.length};UNTIL=${ical(until)}`,
      ...(i < 6 ? [`EXDATE;VALUE=DATE:${ical(start + (8 + i * 16) * 7 * DAY)}`] : []),
      'DTSTAMP:20260101T000000Z',
      `UID:series-${i}@bench`,
      `SUMMARY:Triage: ${person}`,
      'END:VEVENT',
    );
  });
  for (let k = 0; k < OVERRIDES; k++) {
    const week = first + (3 + k * 7) * 7 * DAY;
    const owner = Math.round((week - first) / (7 * DAY)) % PEOPLE.length;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${ical(week)}`,
      `DTEND;VALUE=DATE:${ical(week + 5 * DAY)}`,
      `RECURRENCE-ID;VALUE=DATE:${ical(week)}`,
      'DTSTAMP:20260101T000000Z',
      `UID:series-${owner}@bench`,
      `SUMMARY:Triage: ${PEOPLE[(owner + 3) % PEOPLE.length]}`,
      'SEQUENCE:1',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

export function flatFeed(now) {
  const { first, weeks } = span(now);
  const lines = [
    'BEGIN:VCALENDAR', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN', 'VERSION:2.0',
    'BEGIN:VTIMEZONE', 'TZID:Central Standard Time',
    'BEGIN:STANDARD', 'DTSTART:16011104T020000', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0600', 'END:STANDARD',
    'BEGIN:DAYLIGHT', 'DTSTART:16010311T020000', 'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3', 'TZOFFSETFROM:-0600', 'TZOFFSETTO:-0500', 'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
  const stamp = (ms, hhmm) => `${ical(ms)}T${hhmm}00`;
  for (let w = 0; w < weeks; w++) {
    const monday = first + w * 7 * DAY;
    const edited = w % 8 === 3 && w / 8 < OVERRIDES;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;TZID="Central Standard Time":${stamp(monday, '0800')}`,
      `DTEND;TZID="Central Standard Time":${stamp(monday + 4 * DAY, '1700')}`,
      'DTSTAMP:20260101T000000Z',
      `UID:week-${w}@bench`,
      `SEQUENCE:${edited ? 2 : 0}`,
      `SUMMARY;LANGUAGE=en-us:Triage - ${PEOPLE[(w + (edited ? 3 : 0)) % PEOPLE.length]}`,
      'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time(fn, runs) {
  for (let i = 0; i < 3; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), max: Math.max(...samples) };
}

async function loadRotation(ctx) {
  const load = (rel) => (ctx?.importTs ? ctx.importTs(rel) : importTypeScript(REPO_ROOT, rel));
  const [rotation, time] = await Promise.all([load('utils/rotation/index.ts'), load('utils/time/index.ts')]);
  return { ...rotation, addDays: time.addDays };
}

export async function measureRotation({ runs = 10, log = () => {}, ctx } = {}) {
  const R = await loadRotation(ctx);
  const now = Date.UTC(2026, 5, 10, 15);
  const options = { timeZone: 'America/Chicago', now };
  const feeds = { rrule: rruleFeed(now), flat: flatFeed(now) };
  const parsed = {};
  for (const [kind, text] of Object.entries(feeds)) {
    const result = R.parseRotationSource(text, options);
    if (!result.ok) throw new Error(`the ${kind} feed did not parse: ${result.error}`);
    parsed[kind] = result;
    log(`rotation: ${kind} feed, ${Math.round(text.length / 1024)} KiB → ${result.weeks.length} weeks, ${result.warnings.length} warnings`);
  }
  const parse = {};
  for (const kind of Object.keys(feeds)) parse[kind] = await time(() => R.parseRotationSource(feeds[kind], options), runs);

  const rotation = R.buildRotation({ weeks: parsed.rrule.weeks, overrides: [{ week: '2026-06-15', person: 'Carl Edquist' }], holidays: ['2026-07-03', '2026-11-26'] });
  const firstDay = parsed.rrule.weeks[0].week;
  const days = Array.from({ length: 1096 }, (_, i) => R.addDays(firstDay, i));
  let onDuty = 0;
  const dutyDays = await time(() => {
    const r = R.buildRotation({ weeks: parsed.rrule.weeks, overrides: [{ week: '2026-06-15', person: 'Carl Edquist' }], holidays: ['2026-07-03'] });
    onDuty = 0;
    for (const d of days) if (R.personOnDuty(r, d) !== null) onDuty += 1;
  }, runs);
  const instants = days.map((d) => Date.parse(`${d}T17:00:00Z`));
  const summaries = await time(() => {
    for (const t of instants) R.dutySummary(rotation, t, 'America/Chicago');
  }, runs);
  log(`rotation: ${onDuty} of ${days.length} days have someone on duty`);
  return {
    runs,
    weeks: { rrule: parsed.rrule.weeks.length, flat: parsed.flat.weeks.length },
    parse: {
      rruleMedianMs: +parse.rrule.median.toFixed(2),
      rruleMaxMs: +parse.rrule.max.toFixed(2),
      flatMedianMs: +parse.flat.median.toFixed(2),
      flatMaxMs: +parse.flat.max.toFixed(2),
      rruleKiB: Math.round(feeds.rrule.length / 1024),
      flatKiB: Math.round(feeds.flat.length / 1024),
    },
    duty: {
      days: days.length,
      onDuty,
      medianMs: +dutyDays.median.toFixed(3),
      summaryMedianMs: +summaries.median.toFixed(2),
    },
  };
}

/** Module entry for scripts/bench.mjs. */
export async function run(ctx) {
  const r = await measureRotation({ runs: ctx.runs, log: ctx.log, ctx });
  return [
    {
      metric: `rotation: parse a 3-year weekly iCal feed, 8 RRULE series + ${OVERRIDES} overrides (${r.parse.rruleKiB} KiB → ${r.weeks.rrule} weeks)`,
      value: r.parse.rruleMedianMs,
      unit: 'ms',
      note: `median of ${r.runs}; max ${r.parse.rruleMaxMs} ms`,
    },
    {
      metric: `rotation: parse a 3-year weekly iCal feed, 157 TZID events, ${OVERRIDES} edited (${r.parse.flatKiB} KiB → ${r.weeks.flat} weeks)`,
      value: r.parse.flatMedianMs,
      unit: 'ms',
      note: `median of ${r.runs}; max ${r.parse.flatMaxMs} ms`,
    },
    {
      metric: `rotation: duty for every day of 3 years (${r.duty.days} days, buildRotation + dutyOn)`,
      value: r.duty.medianMs,
      unit: 'ms',
      note: `${r.duty.onDuty} days with someone on duty`,
    },
    {
      metric: `rotation: duty summary for every day of 3 years (zone conversion + this/next week)`,
      value: r.duty.summaryMedianMs,
      unit: 'ms',
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 20;
  const json = process.argv.includes('--json');
  measureRotation({ runs, log: json ? () => {} : (l) => console.log(l) })
    .then((r) => {
      if (json) return console.log(JSON.stringify(r, null, 2));
      console.log(
        [
          `Rotation: parse 3-year RRULE feed (${r.parse.rruleKiB} KiB, ${r.weeks.rrule} weeks): median ${r.parse.rruleMedianMs} ms (max ${r.parse.rruleMaxMs})`,
          `Rotation: parse 3-year flat TZID feed (${r.parse.flatKiB} KiB, ${r.weeks.flat} weeks): median ${r.parse.flatMedianMs} ms (max ${r.parse.flatMaxMs})`,
          `Rotation: duty for ${r.duty.days} days: median ${r.duty.medianMs} ms; with zone conversion: ${r.duty.summaryMedianMs} ms`,
        ].join('\n'),
      );
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 2;
    });
}
