/** Shapes shared by the rotation parsers, the schedule and the background service. */
import type { IsoDate } from '../time';

export type SourceFormat = 'ics' | 'twiki-tml' | 'twiki-html' | 'json';

/** One duty week: `week` is its Monday (team zone), `person` who is on triage Monday–Friday. */
export interface RotationWeek {
  week: IsoDate;
  person: string;
  email?: string;
}

export type ParseResult =
  | { ok: true; format: SourceFormat; weeks: RotationWeek[]; warnings: string[] }
  | { ok: false; format: SourceFormat | null; error: string };

export interface ParseOptions {
  /** The team's zone: timed calendar events are placed on its calendar days. */
  timeZone: string;
  /** Now, for the recurrence window. */
  now: number;
  /** Recurrences are expanded only from `now - pastDays` to `now + futureDays`. */
  pastDays?: number;
  futureDays?: number;
  /** Hard cap on occurrences kept from one calendar. */
  maxOccurrences?: number;
}

export const DEFAULT_PAST_DAYS = 400;
export const DEFAULT_FUTURE_DAYS = 800;
export const DEFAULT_MAX_OCCURRENCES = 5000;
/** Hard cap on the rows a wiki table or JSON file may contribute. */
export const MAX_ROWS = 10_000;
