/**
 * iCalendar rotation feeds (Google Calendar, Outlook/Exchange, Thunderbird, hand-written files).
 * ical.js does the RFC 5545 parsing and RRULE stepping; zone resolution and exceptions are done
 * beside this file so that every comparison is between absolute instants:
 * - recurrences are stepped in the event's own wall clock (weekly 09:00 stays 09:00 across DST),
 *   then each occurrence is turned into an instant in its zone (ics-recurrence.ts);
 * - EXDATE and RECURRENCE-ID are compared as instants after resolving their own TZID (or as dates
 *   for all-day events); all-day DTEND is exclusive (ics-values.ts, ics-read.ts);
 * - expansion happens only inside a window around `now`, under a hard budget of iterator steps, so a
 *   hostile or unbounded RRULE cannot freeze the worker (ics-recurrence.ts);
 * - Windows and display zone names are mapped; an unknown zone is an error, never silently UTC
 *   (ics-zones.ts);
 * - the person on duty comes from the summary or an attendee (ics-person.ts).
 * This file turns the occurrences into duty weeks in the team's zone.
 */
import { dateIn } from '../../time';
import type { ParseOptions, ParseResult } from '../types';
import { spansToWeeks, type DutySpan } from '../weeks';
import { IcsError } from './ics-error';
import { readIcs } from './ics-read';
import { toTeamDates } from './ics-values';
import { ianaZone } from './ics-zones';

export { readIcs, type IcsOccurrence } from './ics-read';

export function parseIcs(text: string, options: ParseOptions): ParseResult {
  try {
    const { occurrences, warnings, eventCount, outsideWindow, windowStart, windowEnd } = readIcs(text, options);
    const team = ianaZone(options.timeZone);
    const spans: DutySpan[] = occurrences.map((occ, order) => {
      const [start, end] = toTeamDates(occ, team);
      return { person: occ.person, ...(occ.email ? { email: occ.email } : {}), start, end, priority: occ.priority, order };
    });
    const weeks = spansToWeeks(spans, warnings);
    if (weeks.length === 0) {
      const from = dateIn(windowStart, team.label);
      const to = dateIn(windowEnd, team.label);
      const why =
        spans.length > 0
          ? 'its events fall only on weekends'
          : outsideWindow > 0
            ? `none of its ${eventCount} event(s) falls between ${from} and ${to}`
            : 'no event names the person on duty (expected a summary like "Triage: Alain Roy" or an attendee)';
      return { ok: false, format: 'ics', error: `The calendar has no usable rotation: ${why}.` };
    }
    return { ok: true, format: 'ics', weeks, warnings };
  } catch (error) {
    const message = error instanceof IcsError ? error.message : `The calendar could not be read (${describe(error)}).`;
    return { ok: false, format: 'ics', error: message };
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
