/**
 * iCalendar date values with their zone resolved, the keys EXDATE and RECURRENCE-ID are matched
 * by, and event lengths and occurrences. All-day values are calendar dates (DTEND exclusive);
 * timed values become absolute instants.
 */
import ICAL from 'ical.js';
import { addDays, DAY_MS, dateIn, dayNumber, fromDayNumber, isoFromParts, type IsoDate, type WallClock } from '../../time';
import type { Component, Property, Time, Zone, ZoneResolver } from './ics-zones';

/** A DTSTART/DTEND/EXDATE/RECURRENCE-ID value with its zone resolved. */
export interface DateValue {
  isDate: boolean;
  wall: WallClock;
  zone: Zone;
}

export interface Occurrence {
  /** Instant for timed events; for all-day events the UTC midnight of the date (a key, not a time). */
  start: number;
  isDate: boolean;
  /** Timed: end instant. All-day: exclusive end date's UTC midnight. */
  end: number;
}

export interface Length {
  days: number;
  ms: number;
}

export function summaryOf(event: Component): string {
  return String(event.getFirstPropertyValue('summary') ?? event.getFirstPropertyValue('uid') ?? 'untitled');
}

export function isCancelled(event: Component): boolean {
  return String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

export function wallOf(time: Time): WallClock {
  return {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
}

function toDateValue(prop: Property, time: Time, zones: ZoneResolver): DateValue {
  return { isDate: time.isDate, wall: wallOf(time), zone: time.isDate ? zones.floating : zones.forProperty(prop, time) };
}

export function dateValue(event: Component, name: string, zones: ZoneResolver): DateValue | null {
  const prop = event.getFirstProperty(name);
  if (!prop) return null;
  const value = prop.getFirstValue() as unknown;
  if (!(value instanceof ICAL.Time)) return null;
  return toDateValue(prop, value, zones);
}

/** All values of a multi-valued EXDATE/RDATE line (periods use their start). */
export function valuesOf(prop: Property, zones: ZoneResolver): DateValue[] {
  const out: DateValue[] = [];
  for (const value of prop.getValues() as unknown[]) {
    const time = value instanceof ICAL.Period ? value.start : value;
    if (time instanceof ICAL.Time) out.push(toDateValue(prop, time, zones));
  }
  return out;
}

export function dateKey(w: WallClock): number {
  return dayNumber(isoFromParts(w.year, w.month, w.day) ?? '');
}

function instantOfValue(v: DateValue): number {
  return v.zone.toInstant(v.wall);
}

/**
 * The key an occurrence, EXDATE or RECURRENCE-ID is matched by, in the series' terms: the absolute
 * instant for timed series, the calendar date for all-day ones.
 */
export function matchKey(value: DateValue, series: DateValue): string {
  if (series.isDate) {
    const day = value.isDate ? dateKey(value.wall) : dateKey(series.zone.toWall(instantOfValue(value)));
    return `d${day}`;
  }
  if (value.isDate) return `d${dateKey(value.wall)}`;
  return `t${instantOfValue(value)}`;
}

export function lengthOf(event: Component, start: DateValue, zones: ZoneResolver): Length {
  const end = dateValue(event, 'dtend', zones);
  if (end) {
    if (start.isDate) return { days: Math.max(1, dateKey(end.wall) - dateKey(start.wall)), ms: 0 };
    return { days: 0, ms: Math.max(0, instantOfValue(end) - instantOfValue(start)) };
  }
  const duration = event.getFirstPropertyValue('duration') as unknown;
  if (duration instanceof ICAL.Duration) {
    const seconds = duration.toSeconds();
    if (start.isDate) return { days: Math.max(1, Math.round(seconds / 86_400)), ms: 0 };
    return { days: 0, ms: Math.max(0, seconds * 1000) };
  }
  return start.isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
}

export function occurrenceAt(start: DateValue, length: Length): Occurrence {
  if (start.isDate) {
    const day = dateKey(start.wall);
    return { isDate: true, start: day * DAY_MS, end: (day + length.days) * DAY_MS };
  }
  const instant = instantOfValue(start);
  return { isDate: false, start: instant, end: instant + length.ms };
}

/** Team-zone calendar dates [start, end) an occurrence covers. */
export function toTeamDates(occ: Occurrence, team: Zone): [IsoDate, IsoDate] {
  if (occ.isDate) return [fromDayNumber(occ.start / DAY_MS), fromDayNumber(occ.end / DAY_MS)];
  const start = dateIn(occ.start, team.label);
  if (occ.end <= occ.start) return [start, addDays(start, 1)];
  return [start, addDays(dateIn(occ.end - 1, team.label), 1)];
}
