/**
 * Calendar helpers in an explicit IANA time zone. Pure; never throw (an unknown zone falls back to
 * UTC, which settings validation normally prevents).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
      });
    } catch {
      f = formatter('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock date, weekday and time of `instant` in `timeZone`. */
export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const safe = Number.isFinite(ms) ? ms : 0;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(safe)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
    minutes: hour * 60 + Number(parts.minute),
  };
}

/** YYYY-MM-DD of `instant` in `timeZone`. */
export function localDate(instant: Date | number, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); null if either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return null;
  const ms = Date.UTC(+b[1], +b[2] - 1, +b[3]) - Date.UTC(+a[1], +a[2] - 1, +a[3]);
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

/** "09:30" → 570; null when malformed. */
export function parseHhmm(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** The calendar date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  return d.toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `minutes`. Handles DST by
 * correcting with the zone offset observed near the target (two passes cover the transitions).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) return NaN;
  const wallAsUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], Math.floor(minutes / 60), minutes % 60);
  let guess = wallAsUtc;
  for (let i = 0; i < 2; i++) {
    const p = localParts(guess, timeZone);
    const shownAsUtc = Date.UTC(
      +p.date.slice(0, 4),
      +p.date.slice(5, 7) - 1,
      +p.date.slice(8, 10),
      Math.floor(p.minutes / 60),
      p.minutes % 60,
    );
    guess += wallAsUtc - shownAsUtc;
  }
  return guess;
}
