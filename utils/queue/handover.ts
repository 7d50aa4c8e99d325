/**
 * Hand-over: of the tickets untriaged now, which the person on duty inherited ("carried over":
 * first seen untriaged before the duty week began, Monday 00:00 in the team's zone) and which came
 * in this week. Pure; the caller passes the week's bounds as instants, so this file needs no
 * time-zone library and the duty banner (a content script) can import it.
 *
 * Arrival = first seen untriaged (else first seen). A ticket the silent baseline found was already
 * waiting when this browser first looked: its age is a lower bound ("at least"), and when the
 * baseline ran this week but the ticket was submitted before the week began, it counts as carried over.
 */
import { dayNumber, type IsoDate } from '../time/calendar';

/** The history fields the split reads (a `QueueTicketRecord` fits). */
export interface HandoverTicket {
  id: number;
  firstSeen: number;
  firstSeenUntriaged: number | null;
  baseline: boolean;
  /** YYYY-MM-DD, or null when unknown. */
  submitDate: string | null;
}

export interface DutyWeekBounds {
  /** Monday, YYYY-MM-DD (team zone). */
  weekStart: IsoDate;
  /** Monday 00:00 in the team zone (ms). */
  weekStartAt: number;
  /** The next Monday 00:00 (ms). */
  nextWeekStartAt: number;
}

/** Published in `queue.latest` after each good check (absent when unknown). */
export interface HandoverSummary extends DutyWeekBounds {
  carriedOver: number;
  newThisWeek: number;
  /** Arrival of the oldest carried-over ticket (ms), null when none. */
  oldestCarriedSince: number | null;
  /** That arrival is a lower bound (the ticket predates this browser's history). */
  oldestCarriedAtLeast: boolean;
  /** Arrival of the oldest new one: lets the split roll into the next week without a check. */
  oldestNewSince: number | null;
  oldestNewAtLeast: boolean;
}

/** When the ticket arrived in triage as far as the history knows (ms). */
export function arrivalOf(t: HandoverTicket): number {
  return t.firstSeenUntriaged ?? t.firstSeen;
}

/** Was the ticket waiting before the duty week began? */
export function isCarriedOver(t: HandoverTicket, week: Pick<DutyWeekBounds, 'weekStart' | 'weekStartAt'>): boolean {
  if (arrivalOf(t) < week.weekStartAt) return true;
  if (!t.baseline || typeof t.submitDate !== 'string') return false;
  const submitted = dayNumber(t.submitDate);
  return Number.isFinite(submitted) && submitted < dayNumber(week.weekStart);
}

/** Splits the tickets untriaged now (pass exactly those) at the duty week's start. */
export function splitHandover(untriaged: readonly HandoverTicket[], week: DutyWeekBounds): HandoverSummary {
  const summary: HandoverSummary = {
    ...week,
    carriedOver: 0,
    newThisWeek: 0,
    oldestCarriedSince: null,
    oldestCarriedAtLeast: false,
    oldestNewSince: null,
    oldestNewAtLeast: false,
  };
  for (const t of untriaged) {
    const since = arrivalOf(t);
    const valid = Number.isFinite(since);
    if (isCarriedOver(t, week)) {
      summary.carriedOver += 1;
      if (valid && (summary.oldestCarriedSince === null || since < summary.oldestCarriedSince)) {
        summary.oldestCarriedSince = since;
        summary.oldestCarriedAtLeast = t.baseline;
      }
    } else {
      summary.newThisWeek += 1;
      if (valid && (summary.oldestNewSince === null || since < summary.oldestNewSince)) {
        summary.oldestNewSince = since;
        summary.oldestNewAtLeast = t.baseline;
      }
    }
  }
  return summary;
}

export interface HandoverView {
  carriedOver: number;
  newThisWeek: number;
  oldestCarriedSince: number | null;
  oldestCarriedAtLeast: boolean;
}

/**
 * The split as it stands at `now`. Once the next duty week has begun (no check since Monday 00:00),
 * everything that was untriaged at the last check was there before it: all of it is carried over.
 */
export function handoverAt(summary: HandoverSummary, now: number): HandoverView {
  if (now < summary.nextWeekStartAt) {
    const { carriedOver, newThisWeek, oldestCarriedSince, oldestCarriedAtLeast } = summary;
    return { carriedOver, newThisWeek, oldestCarriedSince, oldestCarriedAtLeast };
  }
  const pick =
    summary.oldestCarriedSince === null || (summary.oldestNewSince !== null && summary.oldestNewSince < summary.oldestCarriedSince)
      ? { since: summary.oldestNewSince, atLeast: summary.oldestNewAtLeast }
      : { since: summary.oldestCarriedSince, atLeast: summary.oldestCarriedAtLeast };
  return {
    carriedOver: summary.carriedOver + summary.newThisWeek,
    newThisWeek: 0,
    oldestCarriedSince: pick.since,
    oldestCarriedAtLeast: pick.since !== null && pick.atLeast,
  };
}

/** One unit, for a slim banner: "40 min", "5 h", "3 d". */
export function shortAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 min';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

export interface HandoverWords {
  /** "2 carried over (oldest 4 d)", "2 carried over (oldest 4 d or more)", "none carried over". */
  carried: string;
  /** "1 new this week". */
  fresh: string;
}

export function handoverWords(view: HandoverView, now: number): HandoverWords {
  let carried = view.carriedOver === 0 ? 'none carried over' : `${view.carriedOver} carried over`;
  if (view.carriedOver > 0 && view.oldestCarriedSince !== null) {
    carried += ` (oldest ${shortAge(now - view.oldestCarriedSince)}${view.oldestCarriedAtLeast ? ' or more' : ''})`;
  }
  return { carried, fresh: `${view.newThisWeek} new this week` };
}

/** The short phrase of the banner and the popup: "2 carried over (oldest 4 d) · 1 new this week". */
export function handoverPhrase(summary: HandoverSummary, now: number): string {
  const words = handoverWords(handoverAt(summary, now), now);
  return `${words.carried} · ${words.fresh}`;
}

/** A check as the report reads it (a `QueueCheckRecord` fits). */
export interface HandoverCheck {
  at: number;
  state: string;
  counts: { untriaged: number } | null;
}

export interface HandoverCount {
  /** The count of the last good check at or before the week's start, or null without one. */
  count: number | null;
  /** That check's time (ms), or null. */
  at: number | null;
}

/** A good check older than this before the hand-over says nothing about it. */
export const HANDOVER_MAX_GAP_MS = 4 * 86_400_000;

/**
 * The untriaged count at an instant (a duty week's start): the last good check at or before it,
 * within `maxGapMs` (a browser closed from Friday evening to Monday still reads Friday's count).
 */
export function untriagedAt(checks: readonly HandoverCheck[], instant: number, maxGapMs = HANDOVER_MAX_GAP_MS): HandoverCount {
  let best: HandoverCheck | null = null;
  for (const c of checks) {
    if (c.state !== 'ok' || !c.counts || !Number.isFinite(c.counts.untriaged)) continue;
    if (c.at > instant || instant - c.at > maxGapMs) continue;
    if (!best || c.at > best.at) best = c;
  }
  return best ? { count: best.counts!.untriaged, at: best.at } : { count: null, at: null };
}

/** Reads a stored summary defensively: anything malformed is unknown (undefined). */
export function asHandoverSummary(raw: unknown): HandoverSummary | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const v = raw as Record<string, unknown>;
  const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const instant = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const instantOrNull = (x: unknown) => x === null || instant(x);
  if (typeof v.weekStart !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.weekStart)) return undefined;
  if (!instant(v.weekStartAt) || !instant(v.nextWeekStartAt) || (v.nextWeekStartAt as number) <= (v.weekStartAt as number)) return undefined;
  if (!count(v.carriedOver) || !count(v.newThisWeek)) return undefined;
  if (!instantOrNull(v.oldestCarriedSince) || !instantOrNull(v.oldestNewSince)) return undefined;
  return {
    weekStart: v.weekStart,
    weekStartAt: v.weekStartAt as number,
    nextWeekStartAt: v.nextWeekStartAt as number,
    carriedOver: v.carriedOver as number,
    newThisWeek: v.newThisWeek as number,
    oldestCarriedSince: v.oldestCarriedSince as number | null,
    oldestCarriedAtLeast: v.oldestCarriedAtLeast === true,
    oldestNewSince: v.oldestNewSince as number | null,
    oldestNewAtLeast: v.oldestNewAtLeast === true,
  };
}
