/**
 * The triage rotation the simulator serves, in three source formats that agree with each other
 * and with `/__sim/rotation/expected?date=` (issue 4):
 *   weekly Monday–Friday duty over the 7 software-team members, starting Monday 2024-01-01;
 *   one week (3 weeks after the current one) is cancelled (iCal EXDATE; absent from TWiki/JSON);
 *   next week is given to someone else (iCal RECURRENCE-ID override; the other name in TWiki/JSON).
 * Dates are calendar dates in the team's zone (America/Chicago); the iCal events are all-day.
 */
import { SOFTWARE_TEAM } from './personas.mjs';
import { DAY, ymd, mondayOf, parseYmd, dayInZone, isWeekendDay, twikiDate, icalDate, icalStamp } from './time.mjs';
import { escapeHtml } from './fp.mjs';

export const ROTATION_START = Date.UTC(2024, 0, 1); // a Monday
export const ROTATION_TZ = 'America/Chicago';
const WEEK = 7 * DAY;
const MEMBERS = SOFTWARE_TEAM;

/** Today's calendar date in the team's zone, as UTC midnight ms. */
export function teamToday(nowMs, timeZone = ROTATION_TZ) {
  return dayInZone(nowMs, timeZone);
}

/**
 * The rotation as of `now`: base order plus the two exceptions placed relative to the current
 * week, so tests always see them.
 */
export function buildRotation(nowMs) {
  const thisWeek = mondayOf(teamToday(nowMs));
  const exdateWeek = thisWeek + 3 * WEEK;
  const overrideWeek = thisWeek + WEEK;
  const baseIndex = (weekMs) => Math.round((weekMs - ROTATION_START) / WEEK) % MEMBERS.length;
  const overridePerson = MEMBERS[(baseIndex(overrideWeek) + 3) % MEMBERS.length];
  return { thisWeek, exdateWeek, overrideWeek, overridePerson, baseIndex };
}

/** Who has the week starting Monday `weekMs` (null: before the start, or the cancelled week). */
export function personForWeek(rot, weekMs) {
  if (weekMs < ROTATION_START) return null;
  if (weekMs === rot.exdateWeek) return null;
  if (weekMs === rot.overrideWeek) return rot.overridePerson;
  return MEMBERS[rot.baseIndex(weekMs)];
}

/**
 * `/__sim/rotation/expected?date=YYYY-MM-DD`: the person on duty that day per the served rotation.
 * Weekends: nobody, plus who takes over on Monday.
 */
export function expectedDuty(nowMs, dateStr) {
  const rot = buildRotation(nowMs);
  const day = dateStr ? parseYmd(dateStr) : teamToday(nowMs);
  if (day === null) return { error: 'date must be YYYY-MM-DD' };
  const week = mondayOf(day);
  const weekend = isWeekendDay(day);
  const nextMonday = week + WEEK;
  const p = weekend ? null : personForWeek(rot, week);
  const next = personForWeek(rot, nextMonday);
  return {
    date: ymd(day),
    weekStart: ymd(week),
    weekend,
    person: p?.name ?? null,
    email: p?.email ?? null,
    next: next?.name ?? null,
    nextWeekStart: ymd(nextMonday),
    reason: weekend ? 'weekend' : week === rot.exdateWeek ? 'exdate' : week === rot.overrideWeek ? 'override' : week < ROTATION_START ? 'before-start' : 'rrule',
  };
}

/** Weeks listed in the TWiki topic and the JSON file: from Jan 1 last year to Dec 31 next year. */
export function listedWeeks(nowMs) {
  const rot = buildRotation(nowMs);
  const year = new Date(teamToday(nowMs)).getUTCFullYear();
  const from = Math.max(ROTATION_START, mondayOf(Date.UTC(year - 1, 0, 1)));
  const to = Date.UTC(year + 1, 11, 31);
  const rows = [];
  for (let w = from; w <= to; w += WEEK) {
    const p = personForWeek(rot, w);
    if (p) rows.push({ week: w, person: p, override: w === rot.overrideWeek });
  }
  return rows;
}

export function rotationJson(nowMs) {
  return JSON.stringify(listedWeeks(nowMs).map((r) => ({ week: ymd(r.week), person: r.person.name })), null, 1);
}

export function rotationTml(nowMs) {
  const rows = listedWeeks(nowMs).map((r, i) => {
    const note = r.override ? ' swapped ' : ' ';
    return `| ${twikiDate(r.week, i % 3)} | ${r.person.name} |${note}|`;
  });
  return [
    '%META:TOPICINFO{author="AlainRoy" date="1700000000" format="1.1" version="1.87"}%',
    '%META:TOPICPARENT{name="WebHome"}%',
    '---+!! Software Team Triage Rotation',
    '',
    'The person on triage duty watches the Software queue in GOC Ticket, Monday to Friday during work hours.',
    'There is no triage on weekends or holidays. Swap weeks with a colleague and edit the table below.',
    '',
    '%TOC%',
    '',
    '---++ Rotation',
    '',
    '| *Week* | *Person* | *Notes* |',
    ...rows,
    '',
    '-- Main.AlainRoy - 13 Feb 2012',
    '',
  ].join('\n');
}

export function rotationTwikiHtml(nowMs) {
  const rows = listedWeeks(nowMs)
    .map((r, i) => {
      const cls = i % 2 ? 'twikiTableEven' : 'twikiTableOdd';
      return `<tr class="${cls} twikiTableRowdataBgSorted0 twikiTableRowdataBg0"><td class="twikiTableCol0 twikiFirstCol">${twikiDate(r.week, i % 3)}</td><td class="twikiTableCol1">${escapeHtml(r.person.name)}</td><td class="twikiTableCol2 twikiLastCol">${r.override ? 'swapped' : '&nbsp;'}</td></tr>`;
    })
    .join('\n');
  const th = (i, name, last = '') =>
    `<th bgcolor="#687684" valign="top" class="twikiTableCol${i}${i === 0 ? ' twikiFirstCol' : ''}${last}"><a rel="nofollow" href="/twiki/bin/view/SoftwareTeam/TriageRotation?sortcol=${i};table=1;up=0#sorted_table" title="Sort by this column"><font color="#ffffff">${name}</font></a></th>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title> TriageRotation &lt; SoftwareTeam &lt; TWiki</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /></head>
<body class="patternViewPage">
<div id="patternMainContents"><div class="patternTopic">
<h1><a name="Software_Team_Triage_Rotation"></a> Software Team Triage Rotation </h1>
<p>The person on triage duty watches the Software queue in GOC Ticket, Monday to Friday during work hours.
There is no triage on weekends or holidays. Swap weeks with a colleague and edit the table below.</p>
<h2><a name="Rotation"></a> Rotation </h2>
<table cellspacing="0" id="table1" cellpadding="0" class="twikiTable" rules="rows" border="1">
<tr class="twikiTableOdd twikiTableRowdataBgSorted0 twikiTableRowdataBg0">${th(0, 'Week')}${th(1, 'Person')}${th(2, 'Notes', ' twikiLastCol')}</tr>
${rows}
</table>
<p>-- <a href="/twiki/bin/view/Main/AlainRoy" class="twikiLink">AlainRoy</a> - 13 Feb 2012</p>
</div></div>
</body>
</html>
`;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:America/Chicago',
  'X-LIC-LOCATION:America/Chicago',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0600',
  'TZOFFSETTO:-0500',
  'TZNAME:CDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0600',
  'TZNAME:CST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** RFC 5545 line folding at 75 octets. */
function fold(line) {
  const out = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ' ' + rest.slice(cut);
  }
  out.push(rest);
  return out.join('\r\n');
}

const uidOf = (p) => `triage-${p.id}@software.opensciencegrid.example.org`;

/** The iCal feed: one weekly VEVENT per person (RRULE INTERVAL=7), an EXDATE and an override. */
export function rotationIcs(nowMs, { empty = false } = {}) {
  const rot = buildRotation(nowMs);
  const stamp = icalStamp(Math.floor(nowMs / DAY) * DAY);
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:OSG Software Triage Rotation',
    'X-WR-TIMEZONE:America/Chicago',
    'X-WR-CALDESC:Weekly triage duty (Monday-Friday) of the OSG Software Team',
    ...VTIMEZONE,
  ];
  if (!empty) {
    MEMBERS.forEach((p, i) => {
      const start = ROTATION_START + i * WEEK;
      const ev = [
        'BEGIN:VEVENT',
        `DTSTART;VALUE=DATE:${icalDate(start)}`,
        `DTEND;VALUE=DATE:${icalDate(start + 5 * DAY)}`,
        `RRULE:FREQ=WEEKLY;INTERVAL=${MEMBERS.length}`,
        `DTSTAMP:${stamp}`,
        `UID:${uidOf(p)}`,
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=${p.name};X-NUM-GUESTS=0:mailto:${p.email}`,
        `CREATED:20231215T160000Z`,
        `DESCRIPTION:Check the Software queue in GOC Ticket at least twice a day.`,
        `LAST-MODIFIED:${stamp}`,
        'SEQUENCE:0',
        'STATUS:CONFIRMED',
        `SUMMARY:Triage: ${p.name}`,
        'TRANSP:TRANSPARENT',
      ];
      if (rot.baseIndex(rot.exdateWeek) === i) ev.push(`EXDATE;VALUE=DATE:${icalDate(rot.exdateWeek)}`);
      ev.push('END:VEVENT');
      lines.push(...ev);
    });
    const owner = MEMBERS[rot.baseIndex(rot.overrideWeek)];
    const other = rot.overridePerson;
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${icalDate(rot.overrideWeek)}`,
      `DTEND;VALUE=DATE:${icalDate(rot.overrideWeek + 5 * DAY)}`,
      `DTSTAMP:${stamp}`,
      `UID:${uidOf(owner)}`,
      `RECURRENCE-ID;VALUE=DATE:${icalDate(rot.overrideWeek)}`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=${other.name};X-NUM-GUESTS=0:mailto:${other.email}`,
      `DESCRIPTION:Swapped: ${other.name} covers for ${owner.name}.`,
      `LAST-MODIFIED:${stamp}`,
      'SEQUENCE:1',
      'STATUS:CONFIRMED',
      `SUMMARY:Triage: ${other.name}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
