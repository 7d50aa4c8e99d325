/**
 * The weekly triage report, from the local ticket history. Pure; `now` and the zone are passed in.
 *
 * A week runs Monday 00:00 to the next Monday 00:00 in the team's zone (duty weeks are Mon–Fri).
 * - arrivals: tickets first seen untriaged during the week (the silent baseline's tickets are left
 *   out: their real arrival time is unknown);
 * - time in triage: from arrival to leaving triage, median and worst, over the arrivals that left;
 * - still untriaged: open untriaged tickets now, oldest first;
 * - stale by owner: open stale tickets now, grouped by assignee (the Software pseudo-user left out);
 * - close checklist: what was ticked when Software tickets were closed during the week (counts);
 * - untriaged at hand-over: the untriaged count at each duty week's start (Monday 00:00), for this
 *   week and the ones before it, from the checks in the history (utils/queue/handover.ts).
 */
import type { QueueTicketRecord } from '../db/queue-db';
import { makeMatcher } from './classify';
import { addDays, dateIn, mondayOf } from '../time';
import { zonedInstant } from '../time/instant';
import { untriagedAt, type HandoverCheck } from './handover';
import { closeChecklistCounts, type CloseChecklistCounts, type CloseChecklistEntry } from '../triage/close-checklist';

export interface ReportTicket {
  id: number;
  title: string;
}

export interface Arrival extends ReportTicket {
  arrivedAt: number;
  leftTriageAt: number | null;
  /** ms in triage; null while still untriaged. */
  triageMs: number | null;
}

export interface WeeklyReport {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  /** Sunday, YYYY-MM-DD */
  weekEnd: string;
  from: number;
  to: number;
  arrivals: Arrival[];
  triageTime: { count: number; medianMs: number; worstMs: number; worstId: number } | null;
  stillUntriaged: (ReportTicket & { since: number; ageMs: number })[];
  staleByOwner: { owner: string; tickets: (ReportTicket & { updateDate: string | null })[] }[];
  /** Some open tickets predate the local history (first seen by the baseline check). */
  hasBaselineTickets: boolean;
  /** The close checklist's answers for Software tickets closed during the week. */
  closeChecklist: CloseChecklistCounts;
  /** The untriaged count at each duty week's start, this report's week first; [] without checks. */
  untriagedAtHandover: HandoverWeek[];
}

export interface HandoverWeek {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  /** From the last good check before Monday 00:00 (within 4 days); null when there was none. */
  count: number | null;
  /** That check's time (ms), or null. */
  at: number | null;
}

/** How many duty weeks the hand-over row covers. */
export const HANDOVER_WEEKS = 8;

/** Data beside the ticket history that some sections of the report count. */
export interface WeeklyReportExtras {
  /** The close checklist's log (storage item closeChecklist.log). */
  closeChecklist?: readonly CloseChecklistEntry[];
  /** The check records (for the untriaged count at each hand-over). */
  checks?: readonly HandoverCheck[];
}

export const NO_OWNER = '(no owner besides Software)';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Monday of the week holding `instant` (weekOffset −1 = the week before), as YYYY-MM-DD. */
export function weekStartOf(instant: number, timeZone: string, weekOffset = 0): string {
  return addDays(mondayOf(dateIn(instant, timeZone)), 7 * weekOffset);
}

export function weeklyReport(
  tickets: readonly QueueTicketRecord[],
  now: number,
  timeZone: string,
  softwareAssignees: readonly string[],
  weekOffset = 0,
  extras: WeeklyReportExtras = {},
): WeeklyReport {
  const weekStart = weekStartOf(now, timeZone, Math.min(0, Math.trunc(weekOffset) || 0));
  const from = zonedInstant(weekStart, 0, timeZone);
  const to = zonedInstant(addDays(weekStart, 7), 0, timeZone);
  const isSoftware = makeMatcher({ softwareAssignees });

  const arrivals: Arrival[] = tickets
    .filter((t) => !t.baseline && t.firstSeenUntriaged !== null && t.firstSeenUntriaged >= from && t.firstSeenUntriaged < to)
    .map((t) => {
      const arrivedAt = t.firstSeenUntriaged as number;
      const left = t.leftTriage !== null && t.leftTriage >= arrivedAt ? t.leftTriage : null;
      return { id: t.id, title: t.title, arrivedAt, leftTriageAt: left, triageMs: left === null ? null : left - arrivedAt };
    })
    .sort((a, b) => a.arrivedAt - b.arrivedAt || a.id - b.id);

  const done = arrivals.filter((a) => a.triageMs !== null);
  let triageTime: WeeklyReport['triageTime'] = null;
  if (done.length > 0) {
    const worst = done.reduce((w, a) => ((a.triageMs as number) > (w.triageMs as number) ? a : w));
    triageTime = {
      count: done.length,
      medianMs: median(done.map((a) => a.triageMs as number)),
      worstMs: worst.triageMs as number,
      worstId: worst.id,
    };
  }

  const open = tickets.filter((t) => t.goneAt === null);
  const stillUntriaged = open
    .filter((t) => t.untriaged)
    .map((t) => {
      const since = t.firstSeenUntriaged ?? t.firstSeen;
      return { id: t.id, title: t.title, since, ageMs: Math.max(0, now - since) };
    })
    .sort((a, b) => a.since - b.since || a.id - b.id);

  const byOwner = new Map<string, (ReportTicket & { updateDate: string | null })[]>();
  for (const t of open.filter((x) => x.stale)) {
    const owners = t.assignees.filter((a) => !isSoftware(a));
    for (const owner of owners.length > 0 ? owners : [NO_OWNER]) {
      const list = byOwner.get(owner) ?? [];
      list.push({ id: t.id, title: t.title, updateDate: t.updateDate });
      byOwner.set(owner, list);
    }
  }
  const staleByOwner = [...byOwner.entries()]
    .map(([owner, list]) => ({ owner, tickets: list.sort((a, b) => (a.updateDate ?? '').localeCompare(b.updateDate ?? '') || a.id - b.id) }))
    .sort((a, b) => b.tickets.length - a.tickets.length || a.owner.localeCompare(b.owner));

  return {
    weekStart,
    weekEnd: addDays(weekStart, 6),
    from,
    to,
    arrivals,
    triageTime,
    stillUntriaged,
    staleByOwner,
    hasBaselineTickets: open.some((t) => t.baseline && t.software),
    closeChecklist: closeChecklistCounts(extras.closeChecklist ?? [], from, to),
    untriagedAtHandover: extras.checks ? handoverWeeks(extras.checks, weekStart, timeZone) : [],
  };
}

/** The untriaged count at the start of `weekStart`'s duty week and the weeks before it, newest first. */
export function handoverWeeks(checks: readonly HandoverCheck[], weekStart: string, timeZone: string, weeks = HANDOVER_WEEKS): HandoverWeek[] {
  const rows: HandoverWeek[] = [];
  for (let i = 0; i < weeks; i++) {
    const monday = addDays(weekStart, -7 * i);
    const at = zonedInstant(monday, 0, timeZone);
    rows.push({ weekStart: monday, ...(Number.isFinite(at) ? untriagedAt(checks, at) : { count: null, at: null }) });
  }
  return rows;
}

/** "3 h 20 min", "2 d 4 h", "12 min" — for the report and ages in the popup. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
