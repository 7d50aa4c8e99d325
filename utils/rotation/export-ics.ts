/**
 * The rotation as an iCalendar file: one all-day event per duty week, Monday to Friday (DTEND is the
 * exclusive Saturday), with a UID derived from the week so re-importing updates events instead of
 * duplicating them.
 */
import ICAL from 'ical.js';
import { addDays, type IsoDate } from '../time';
import type { EffectiveWeek } from './schedule';

export const EXPORT_PRODID = '-//OSG Software Team//GOC Ticket Assistant//EN';
export const UID_DOMAIN = 'goc-ticket-assistant.opensciencegrid.org';

export interface ExportOptions {
  now: number;
  calendarName?: string;
  /** Shown to the user as the display name; defaults to the text in the rotation. */
  displayName?: (person: string, email?: string) => string;
  /** Holidays inside a week are mentioned in its description. */
  holidays?: readonly string[];
}

export function weekUid(week: IsoDate): string {
  return `triage-week-${week}@${UID_DOMAIN}`;
}

function icalDate(date: IsoDate): InstanceType<typeof ICAL.Time> {
  const [y, m, d] = date.split('-').map(Number);
  return new ICAL.Time({ year: y, month: m, day: d, isDate: true }, ICAL.Timezone.localTimezone);
}

export function exportRotationIcs(weeks: readonly EffectiveWeek[], options: ExportOptions): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', EXPORT_PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  const name = options.calendarName ?? 'Software triage rotation';
  cal.addPropertyWithValue('x-wr-calname', name);
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);
  const holidays = new Set(options.holidays ?? []);
  for (const week of [...weeks].sort((a, b) => (a.week < b.week ? -1 : 1))) {
    if (!week.person) continue;
    const person = options.displayName ? options.displayName(week.person, week.email) : week.person;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', weekUid(week.week));
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', icalDate(week.week));
    event.addPropertyWithValue('dtend', icalDate(addDays(week.week, 5)));
    event.addPropertyWithValue('summary', `Triage: ${person}`);
    const off = [0, 1, 2, 3, 4].map((i) => addDays(week.week, i)).filter((d) => holidays.has(d));
    const description = [
      `${person} is on software triage duty Monday to Friday of this week.`,
      ...(off.length ? [`No triage on ${off.join(', ')} (holiday).`] : []),
      ...(week.origin === 'override' ? ['(Changed in GOC Ticket Assistant.)'] : []),
    ].join('\n');
    event.addPropertyWithValue('description', description);
    event.addPropertyWithValue('transp', 'TRANSPARENT');
    if (week.email) {
      const attendee = event.addPropertyWithValue('attendee', `mailto:${week.email}`);
      attendee.setParameter('cn', person);
    }
    cal.addSubcomponent(event);
  }
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}

export function exportFileName(now: number): string {
  return `triage-rotation-${new Date(now).toISOString().slice(0, 10)}.ics`;
}
