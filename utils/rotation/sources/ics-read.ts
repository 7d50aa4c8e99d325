/**
 * Reads an iCalendar feed into duty occurrences inside a window around `now`: series with their
 * EXDATEs and edited instances (RECURRENCE-ID), RDATEs, one-off events and orphaned exceptions.
 * Zones (ics-zones.ts), values (ics-values.ts), recurrence (ics-recurrence.ts) and the duty person
 * (ics-person.ts) live beside it.
 */
import ICAL from 'ical.js';
import { DAY_MS } from '../../time';
import { mentionsDuty } from '../person';
import { DEFAULT_FUTURE_DAYS, DEFAULT_MAX_OCCURRENCES, DEFAULT_PAST_DAYS, type ParseOptions } from '../types';
import { IcsError } from './ics-error';
import { dutyPersonOf, summaryText } from './ics-person';
import { BudgetExceeded, expandRule, newExpansionBudget } from './ics-recurrence';
import {
  dateValue,
  isCancelled,
  lengthOf,
  matchKey,
  occurrenceAt,
  summaryOf,
  valuesOf,
  type DateValue,
  type Occurrence,
} from './ics-values';
import { ianaZone, ZoneResolver, type Component } from './ics-zones';

/** One expanded duty occurrence, as absolute instants (timed) or dates (all-day). */
export interface IcsOccurrence {
  person: string;
  email?: string;
  isDate: boolean;
  /** Timed: start instant (ms). All-day: UTC midnight of the start date. */
  start: number;
  /** Timed: end instant. All-day: UTC midnight of the exclusive end date. */
  end: number;
  /** 1 for one-off events and edited instances, 0 for plain series instances. */
  priority: number;
}

/** Expands the calendar's duty events inside the window. Throws IcsError with a readable message. */
export function readIcs(text: string, options: ParseOptions) {
  const jcal = ICAL.parse(text.replace(/^\uFEFF/, ''));
  const roots = (Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
  const calendars = roots
    .map((j) => new ICAL.Component(j as never))
    .filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new IcsError('The file has no VCALENDAR.');

  const teamZone = ianaZone(options.timeZone);
  const zones = new ZoneResolver(calendars, teamZone);
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  if (events.length === 0) throw new IcsError('The calendar is empty (it has no events).');

  const warnings: string[] = [];
  const windowStart = options.now - (options.pastDays ?? DEFAULT_PAST_DAYS) * DAY_MS;
  const windowEnd = options.now + (options.futureDays ?? DEFAULT_FUTURE_DAYS) * DAY_MS;
  const maxOccurrences = options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  const budget = newExpansionBudget();

  // A calendar in which some events say "triage" may also hold unrelated events: keep only those.
  const summaries = events.map(summaryText);
  const dedicated = !summaries.some(mentionsDuty);
  const ignored = dedicated ? 0 : summaries.filter((s) => !mentionsDuty(s)).length;
  if (ignored > 0) warnings.push(`Ignored ${ignored} event(s) that do not mention triage duty.`);

  const masters = new Map<string, Component>();
  const exceptions = new Map<string, Component[]>();
  events.forEach((event, index) => {
    if (event.getFirstPropertyValue('status')?.toString().toUpperCase() === 'CANCELLED' && !event.hasProperty('recurrence-id')) return;
    const uid = String(event.getFirstPropertyValue('uid') ?? `no-uid-${index}`);
    if (event.hasProperty('recurrence-id')) {
      const list = exceptions.get(uid) ?? [];
      list.push(event);
      exceptions.set(uid, list);
    } else if (masters.has(uid)) {
      masters.set(`${uid}#${index}`, event);
    } else masters.set(uid, event);
  });

  const found: IcsOccurrence[] = [];
  let occurrences = 0;
  let outsideWindow = 0;
  let withoutPerson = 0;

  const addOccurrence = (event: Component, occ: Occurrence, priority: number) => {
    if (occ.end < windowStart || occ.start > windowEnd) {
      outsideWindow += 1;
      return;
    }
    const who = dutyPersonOf(event, dedicated);
    if (!who) {
      if (dedicated || mentionsDuty(summaryText(event))) withoutPerson += 1;
      return;
    }
    occurrences += 1;
    if (occurrences > maxOccurrences) return;
    found.push({ person: who.person, ...(who.email ? { email: who.email } : {}), ...occ, priority });
  };

  const handledExceptions = new Set<Component>();
  for (const [uid, master] of masters) {
    const own = exceptions.get(uid.split('#')[0]) ?? [];
    const start = dateValue(master, 'dtstart', zones);
    if (!start) {
      warnings.push(`An event without a start date was skipped (${summaryOf(master)}).`);
      continue;
    }
    const length = lengthOf(master, start, zones);
    const rrule = master.getFirstProperty('rrule');
    const rdates = master.getAllProperties('rdate');
    if (!rrule && rdates.length === 0) {
      addOccurrence(master, occurrenceAt(start, length), 1);
      continue;
    }
    const excluded = new Set<string>();
    for (const prop of master.getAllProperties('exdate')) {
      for (const value of valuesOf(prop, zones)) excluded.add(matchKey(value, start));
    }
    const replaced = new Map<string, Component>();
    for (const ex of own) {
      const rid = dateValue(ex, 'recurrence-id', zones);
      if (rid) replaced.set(matchKey(rid, start), ex);
    }
    const starts: DateValue[] = [];
    if (rrule) {
      try {
        expandRule(rrule, start, windowStart, windowEnd, budget, (wall) => starts.push({ ...start, wall }));
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        warnings.push(`The recurrence of "${summaryOf(master)}" is too long or too dense; it was cut off.`);
      }
    }
    for (const prop of rdates) starts.push(...valuesOf(prop, zones));
    const seen = new Set<string>();
    for (const occStart of starts) {
      const key = matchKey(occStart, start);
      if (seen.has(key)) continue;
      seen.add(key);
      if (excluded.has(key)) continue;
      const exception = replaced.get(key);
      if (exception) {
        handledExceptions.add(exception);
        if (isCancelled(exception)) continue;
        const exStart = dateValue(exception, 'dtstart', zones) ?? occStart;
        // An exception without DTEND/DURATION keeps the series' length.
        const exLength = exception.hasProperty('dtend') || exception.hasProperty('duration') ? lengthOf(exception, exStart, zones) : length;
        addOccurrence(exception, occurrenceAt(exStart, exLength), 1);
        continue;
      }
      addOccurrence(master, occurrenceAt(occStart, length), 0);
    }
  }
  // Exceptions whose series is not in the file, or whose instance fell outside the expansion.
  for (const list of exceptions.values()) {
    for (const ex of list) {
      if (handledExceptions.has(ex) || isCancelled(ex)) continue;
      const exStart = dateValue(ex, 'dtstart', zones);
      if (exStart) addOccurrence(ex, occurrenceAt(exStart, lengthOf(ex, exStart, zones)), 1);
    }
  }

  if (occurrences > maxOccurrences) {
    warnings.push(`The calendar has more than ${maxOccurrences} duty occurrences in range; only the first ${maxOccurrences} are used.`);
  }
  if (withoutPerson > 0) warnings.push(`${withoutPerson} duty event(s) name no person and were skipped.`);
  return { occurrences: found, warnings, eventCount: events.length, outsideWindow, windowStart, windowEnd };
}
