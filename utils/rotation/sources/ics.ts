/**
 * iCalendar rotation feeds (Google Calendar, Outlook/Exchange, Thunderbird, hand-written files).
 * ical.js does the RFC 5545 parsing and RRULE stepping; zone resolution and exceptions are done here
 * so that every comparison is between absolute instants:
 * - recurrences are stepped in the event's own wall clock (weekly 09:00 stays 09:00 across DST),
 *   then each occurrence is turned into an instant in its zone;
 * - EXDATE and RECURRENCE-ID are compared as instants after resolving their own TZID (or as dates
 *   for all-day events); all-day DTEND is exclusive;
 * - expansion happens only inside a window around `now`, under a hard budget of iterator steps, so a
 *   hostile or unbounded RRULE cannot freeze the worker;
 * - Windows and display zone names are mapped; an unknown zone is an error, never silently UTC.
 */
import ICAL from 'ical.js';
import {
  addDays,
  DAY_MS,
  dateIn,
  dayNumber,
  fromDayNumber,
  isoFromParts,
  isoWeekdayOfDay,
  wallClockIn,
  type IsoDate,
  type WallClock,
} from '../../time';
import { instantOf } from '../../time/instant';
import { cleanPerson, mentionsDuty, personFromSummary, type PersonRef } from '../person';
import {
  DEFAULT_FUTURE_DAYS,
  DEFAULT_MAX_OCCURRENCES,
  DEFAULT_PAST_DAYS,
  type ParseOptions,
  type ParseResult,
} from '../types';
import { spansToWeeks, type DutySpan } from '../weeks';
import { ianaZoneFor } from '../zones';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

/** Iterator steps allowed per recurring event, and for the whole file. */
const STEP_BUDGET_PER_EVENT = 20_000;
const STEP_BUDGET_TOTAL = 100_000;
/** Wall-clock backstop for one calendar's expansion. */
const EXPANSION_DEADLINE_MS = 2_000;

class IcsError extends Error {}
class BudgetExceeded extends Error {}

interface Zone {
  label: string;
  toInstant(wall: WallClock): number;
  toWall(instant: number): WallClock;
}

/** A DTSTART/DTEND/EXDATE/RECURRENCE-ID value with its zone resolved. */
interface DateValue {
  isDate: boolean;
  wall: WallClock;
  zone: Zone;
}

interface Occurrence {
  /** Instant for timed events; for all-day events the UTC midnight of the date (a key, not a time). */
  start: number;
  isDate: boolean;
  /** Timed: end instant. All-day: exclusive end date's UTC midnight. */
  end: number;
}

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
  const budget = { total: STEP_BUDGET_TOTAL, deadline: Date.now() + EXPANSION_DEADLINE_MS };

  // A calendar in which some events say "triage" may also hold unrelated events: keep only those.
  const summaries = events.map((e) => String(e.getFirstPropertyValue('summary') ?? ''));
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

  const personOf = (event: Component): PersonRef | null => {
    const summary = String(event.getFirstPropertyValue('summary') ?? '');
    if (!dedicated && !mentionsDuty(summary)) return null;
    return personFromSummary(summary, dedicated) ?? attendeeOf(event);
  };

  const addOccurrence = (event: Component, occ: Occurrence, priority: number) => {
    if (occ.end < windowStart || occ.start > windowEnd) {
      outsideWindow += 1;
      return;
    }
    const who = personOf(event);
    if (!who) {
      if (dedicated || mentionsDuty(String(event.getFirstPropertyValue('summary') ?? ''))) withoutPerson += 1;
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

function summaryOf(event: Component): string {
  return String(event.getFirstPropertyValue('summary') ?? event.getFirstPropertyValue('uid') ?? 'untitled');
}

function isCancelled(event: Component): boolean {
  return String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function attendeeOf(event: Component): PersonRef | null {
  for (const prop of event.getAllProperties('attendee')) {
    const cn = prop.getParameter('cn');
    const address = String(prop.getFirstValue() ?? '').replace(/^mailto:/i, '').trim();
    const email = /@/.test(address) ? address.toLowerCase() : undefined;
    const name = typeof cn === 'string' && cn.trim() ? cn : email;
    if (!name) continue;
    const ref = cleanPerson(name);
    if (ref) return email && !ref.email ? { ...ref, email } : ref;
  }
  return null;
}

// ---- zones ---------------------------------------------------------------------------------------

function ianaZone(id: string): Zone {
  return {
    label: id,
    toInstant: (wall) => instantOf(wall, id),
    toWall: (instant) => wallClockIn(instant, id),
  };
}

const UTC_ZONE: Zone = {
  label: 'UTC',
  toInstant: (w) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second),
  toWall: (instant) => {
    const d = new Date(instant);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  },
};

/** A zone known only from the file's own VTIMEZONE rules (custom Outlook zones and the like). */
function vtimezoneZone(tzid: string, definition: Component): Zone {
  const tz = new ICAL.Timezone({ component: definition, tzid });
  return {
    label: tzid,
    toInstant: (w) => {
      const local = new ICAL.Time({ ...w, isDate: false }, ICAL.Timezone.localTimezone);
      return UTC_ZONE.toInstant(w) - tz.utcOffset(local) * 1000;
    },
    toWall: (instant) => {
      const utc = ICAL.Time.fromData({ ...UTC_ZONE.toWall(instant), isDate: false }, ICAL.Timezone.utcTimezone);
      const local = utc.convertToZone(tz);
      return { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second };
    },
  };
}

class ZoneResolver {
  private cache = new Map<string, Zone>();
  private definitions = new Map<string, Component>();

  /** Zone of floating times: the calendar's X-WR-TIMEZONE (Google, Apple), else the team's zone. */
  readonly floating: Zone;

  constructor(calendars: Component[], readonly team: Zone) {
    const declared = calendars.map((c) => String(c.getFirstPropertyValue('x-wr-timezone') ?? '')).find(Boolean);
    const declaredZone = declared ? ianaZoneFor(declared) : null;
    this.floating = declaredZone && declaredZone !== 'Etc/UTC' ? ianaZone(declaredZone) : declaredZone ? UTC_ZONE : team;
    for (const cal of calendars) {
      for (const vtz of cal.getAllSubcomponents('vtimezone')) {
        const id = String(vtz.getFirstPropertyValue('tzid') ?? '');
        if (id) this.definitions.set(id, vtz);
      }
    }
  }

  /** The zone of a property: UTC for a trailing Z, its TZID, else floating (= the team's zone). */
  forProperty(prop: Property, time: Time): Zone {
    if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC') return UTC_ZONE;
    const tzid = prop.getParameter('tzid');
    if (typeof tzid !== 'string' || !tzid.trim()) return this.floating;
    return this.byId(tzid);
  }

  private byId(tzid: string): Zone {
    const known = this.cache.get(tzid);
    if (known) return known;
    let zone: Zone | null = null;
    const iana = ianaZoneFor(tzid);
    const definition = this.definitions.get(tzid);
    if (iana) zone = iana === 'Etc/UTC' ? UTC_ZONE : ianaZone(iana);
    else if (definition) {
      const location = String(definition.getFirstPropertyValue('x-lic-location') ?? '');
      const viaLocation = location ? ianaZoneFor(location) : null;
      zone = viaLocation ? ianaZone(viaLocation) : definition.getAllSubcomponents().length > 0 ? vtimezoneZone(tzid, definition) : null;
    }
    if (!zone) {
      throw new IcsError(
        `Unknown time zone "${tzid}": it is neither a known zone name nor defined by a VTIMEZONE block in the file.`,
      );
    }
    this.cache.set(tzid, zone);
    return zone;
  }
}

// ---- values --------------------------------------------------------------------------------------

function wallOf(time: Time): WallClock {
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

function dateValue(event: Component, name: string, zones: ZoneResolver): DateValue | null {
  const prop = event.getFirstProperty(name);
  if (!prop) return null;
  const value = prop.getFirstValue() as unknown;
  if (!(value instanceof ICAL.Time)) return null;
  return toDateValue(prop, value, zones);
}

/** All values of a multi-valued EXDATE/RDATE line (periods use their start). */
function valuesOf(prop: Property, zones: ZoneResolver): DateValue[] {
  const out: DateValue[] = [];
  for (const value of prop.getValues() as unknown[]) {
    const time = value instanceof ICAL.Period ? value.start : value;
    if (time instanceof ICAL.Time) out.push(toDateValue(prop, time, zones));
  }
  return out;
}

function dateKey(w: WallClock): number {
  return dayNumber(isoFromParts(w.year, w.month, w.day) ?? '');
}

function instantOfValue(v: DateValue): number {
  return v.zone.toInstant(v.wall);
}

/**
 * The key an occurrence, EXDATE or RECURRENCE-ID is matched by, in the series' terms: the absolute
 * instant for timed series, the calendar date for all-day ones.
 */
function matchKey(value: DateValue, series: DateValue): string {
  if (series.isDate) {
    const day = value.isDate ? dateKey(value.wall) : dateKey(series.zone.toWall(instantOfValue(value)));
    return `d${day}`;
  }
  if (value.isDate) return `d${dateKey(value.wall)}`;
  return `t${instantOfValue(value)}`;
}

interface Length {
  days: number;
  ms: number;
}

function lengthOf(event: Component, start: DateValue, zones: ZoneResolver): Length {
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

function occurrenceAt(start: DateValue, length: Length): Occurrence {
  if (start.isDate) {
    const day = dateKey(start.wall);
    return { isDate: true, start: day * DAY_MS, end: (day + length.days) * DAY_MS };
  }
  const instant = instantOfValue(start);
  return { isDate: false, start: instant, end: instant + length.ms };
}

/** Team-zone calendar dates [start, end) an occurrence covers. */
function toTeamDates(occ: Occurrence, team: Zone): [IsoDate, IsoDate] {
  if (occ.isDate) return [fromDayNumber(occ.start / DAY_MS), fromDayNumber(occ.end / DAY_MS)];
  const start = dateIn(occ.start, team.label);
  if (occ.end <= occ.start) return [start, addDays(start, 1)];
  return [start, addDays(dateIn(occ.end - 1, team.label), 1)];
}

// ---- recurrence ----------------------------------------------------------------------------------

/**
 * Work done inside ical.js's recurrence iterator is metered: its constructor and every step method
 * draw from the active budget (a year-level step weighs more; it expands a whole year), and a wall
 * clock deadline backs it up. Even a rule that can never match (FREQ=YEARLY;BYMONTH=2;
 * BYMONTHDAY=-31;BYDAY=MO, which ical.js searches for ~18,000 years) stops at the budget.
 */
const METERED: Record<string, number> = {
  // Sub-daily rules are refused before iterating; for daily and coarser rules ical.js calls these
  // once per step alongside next_day, so they carry no weight of their own.
  next_second: 0,
  next_minute: 0,
  next_hour: 0,
  next_day: 1,
  next_week: 1,
  next_month: 5,
  next_year: 50,
  increment_year: 50,
};

interface Budget {
  left: number;
  deadline: number;
}

let activeBudget: Budget | null = null;

function installMeter(): void {
  const proto = ICAL.RecurIterator.prototype as unknown as Record<string, unknown> & { __gtaMetered?: boolean };
  if (proto.__gtaMetered) return;
  proto.__gtaMetered = true;
  for (const [name, weight] of Object.entries(METERED)) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const budget = activeBudget;
      if (budget && ((budget.left -= weight) < 0 || Date.now() > budget.deadline)) throw new BudgetExceeded();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

/**
 * A daily or weekly series that began long before the window (a rotation set up in 2012) starts
 * stepping from its last whole period before the window instead of from DTSTART: same occurrences,
 * a fraction of the work. Not with COUNT (it counts from DTSTART) or BYSETPOS.
 */
function fastForward(recur: InstanceType<typeof ICAL.Recur>, start: DateValue, windowStart: number): WallClock {
  const periodDays = recur.freq === 'DAILY' ? recur.interval || 1 : recur.freq === 'WEEKLY' ? 7 * (recur.interval || 1) : 0;
  const parts = (recur.parts ?? {}) as Record<string, unknown>;
  const keys = Object.keys(parts).filter((k) => Array.isArray(parts[k]) && (parts[k] as unknown[]).length > 0);
  // DTSTART is always the first instance, even when the rule would not produce it; a shifted start
  // must therefore be one the rule itself produces: no BY parts, or only BYDAY naming its weekday.
  const weekday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][isoWeekdayOfDay(dateKey(start.wall)) - 1];
  const simple = keys.length === 0 || (keys.length === 1 && keys[0] === 'BYDAY' && (parts.BYDAY as string[]).includes(weekday));
  if (!periodDays || recur.count || !simple) return start.wall;
  const from = dateKey(start.wall);
  // A week of margin: the zone's offset and multi-day events starting before the window.
  const target = Math.floor(windowStart / DAY_MS) - 14;
  if (!(target > from)) return start.wall;
  const shift = Math.floor((target - from) / periodDays) * periodDays;
  const date = fromDayNumber(from + shift);
  const [year, month, day] = date.split('-').map(Number);
  return { ...start.wall, year, month, day };
}

/**
 * Steps the RRULE in the series' wall clock and reports each start, within the shared budget.
 */
function expandRule(
  rrule: Property,
  start: DateValue,
  windowStart: number,
  windowEnd: number,
  budget: { total: number; deadline: number },
  emit: (wall: WallClock) => void,
): void {
  const recur = rrule.getFirstValue() as InstanceType<typeof ICAL.Recur>;
  if (!(recur instanceof ICAL.Recur)) return;
  // A duty rotation never repeats more often than daily; finer rules are only a way to burn CPU.
  if (/^(SECONDLY|MINUTELY|HOURLY)$/.test(recur.freq)) throw new BudgetExceeded();
  // The wall clock is stepped as if it were UTC: UTC has no DST jumps, so 09:00 stays 09:00, and
  // ical.js compares UTC times faster than floating ones.
  const wallZone = ICAL.Timezone.utcTimezone;
  const first = fastForward(recur, start, windowStart);
  const floating = new ICAL.Time({ ...first, isDate: start.isDate }, wallZone);
  if (recur.until) {
    // UNTIL is usually UTC ("…Z"): compare it in the series' wall clock, inclusive to the end of its day
    // when it is a bare date on a timed series.
    const until = recur.until;
    let wall: WallClock;
    if (until.isDate) wall = { ...wallOf(until), hour: 23, minute: 59, second: 59 };
    else if (until.zone === ICAL.Timezone.utcTimezone) wall = start.zone.toWall(UTC_ZONE.toInstant(wallOf(until)));
    else wall = wallOf(until);
    recur.until = new ICAL.Time({ ...wall, isDate: start.isDate }, wallZone);
  }
  installMeter();
  const meter: Budget = { left: Math.min(STEP_BUDGET_PER_EVENT, budget.total), deadline: budget.deadline };
  activeBudget = meter;
  try {
    const iterator = recur.iterator(floating);
    for (let next = iterator.next(); next; next = iterator.next()) {
      const wall = wallOf(next);
      const instant = start.isDate ? dateKey(wall) * DAY_MS : start.zone.toInstant(wall);
      if (instant > windowEnd) return;
      emit(wall);
    }
  } finally {
    activeBudget = null;
    budget.total -= Math.min(STEP_BUDGET_PER_EVENT, budget.total) - Math.max(0, meter.left);
  }
}
