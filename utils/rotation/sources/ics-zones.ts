/**
 * Time zones of an iCalendar feed. Every DTSTART/DTEND/EXDATE/RECURRENCE-ID is resolved to a
 * `Zone` so that comparisons are between absolute instants. Windows and display zone names are
 * mapped (zones.ts); a zone the file only defines by VTIMEZONE rules is computed from them; an
 * unknown zone is an error, never silently UTC.
 */
import ICAL from 'ical.js';
import { utcWallClock, wallClockIn, type WallClock } from '../../time';
import { instantOf } from '../../time/instant';
import { ianaZoneFor } from '../zones';
import { IcsError } from './ics-error';

export type Component = InstanceType<typeof ICAL.Component>;
export type Property = InstanceType<typeof ICAL.Property>;
export type Time = InstanceType<typeof ICAL.Time>;

export interface Zone {
  label: string;
  toInstant(wall: WallClock): number;
  toWall(instant: number): WallClock;
}

export function ianaZone(id: string): Zone {
  return {
    label: id,
    toInstant: (wall) => instantOf(wall, id),
    toWall: (instant) => wallClockIn(instant, id),
  };
}

export const UTC_ZONE: Zone = {
  label: 'UTC',
  toInstant: (w) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second),
  toWall: (instant) => utcWallClock(instant),
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

export class ZoneResolver {
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
