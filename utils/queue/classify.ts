/**
 * Which open tickets belong to the Software queue and what state they are in. Pure and total:
 * every ticket, however malformed, gets a classification; `now` and the time zone are arguments.
 *
 * - software: an assignee matches `queue.softwareAssignees` (display names or FP ids, compared
 *   after trimming, NBSP folding and case folding);
 * - untriaged: software, and Next Action equals `queue.triageNextAction` (same folding);
 * - stale: software, not untriaged, and the Update Date is more than `queue.staleDays` calendar days
 *   before today in the team's time zone;
 * - overdue: software, and the NAD has passed. The server colours the NAD red exactly when its time
 *   is past (docs/goc-pages.md §8), which the date alone cannot tell near midnight or across zones (the dates
 *   are UTC, "today" is the team's); only when the colour is unknown does a date before today
 *   count. An untriaged ticket can be overdue too.
 */
import type { ListTicket } from '../goc/list';
import { daysBetween, dateIn } from '../time';

export interface QueueRules {
  softwareAssignees: readonly string[];
  triageNextAction: string;
  staleDays: number;
}

export interface TicketClass {
  software: boolean;
  untriaged: boolean;
  stale: boolean;
  overdue: boolean;
  /** Whole days since the Update Date, or null when unknown. */
  daysSinceUpdate: number | null;
}

export interface QueueCounts {
  open: number;
  software: number;
  untriaged: number;
  stale: number;
  overdue: number;
}

export type ClassifiedTicket = ListTicket & { class: TicketClass };

/** Trim, fold NBSP and runs of whitespace, case-fold. */
export function foldName(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/[\s\u00a0]+/g, ' ').trim().normalize('NFKC').toLowerCase();
}

export function makeMatcher(rules: Pick<QueueRules, 'softwareAssignees'>): (assignee: string) => boolean {
  const names = new Set(
    (Array.isArray(rules.softwareAssignees) ? rules.softwareAssignees : []).map(foldName).filter((n) => n !== ''),
  );
  return (assignee) => names.has(foldName(assignee));
}

/** Classifies one ticket against `today` (YYYY-MM-DD in the team's zone). */
export function classifyTicket(
  ticket: Partial<ListTicket>,
  rules: QueueRules,
  today: string,
  isSoftwareAssignee: (assignee: string) => boolean = makeMatcher(rules),
): TicketClass {
  const assignees = Array.isArray(ticket.assignees) ? ticket.assignees : [];
  const software = assignees.some((a) => typeof a === 'string' && isSoftwareAssignee(a));
  const triage = foldName(rules.triageNextAction);
  const untriaged = software && triage !== '' && foldName(ticket.nextAction) === triage;
  const daysSinceUpdate = typeof ticket.updateDate === 'string' ? daysBetween(ticket.updateDate, today) : null;
  const staleDays = Number.isFinite(rules.staleDays) ? rules.staleDays : 7;
  const stale = software && !untriaged && daysSinceUpdate !== null && daysSinceUpdate > staleDays;
  const nadDays = typeof ticket.nad === 'string' ? daysBetween(ticket.nad, today) : null;
  const colour = ticket.nadPastByColour;
  const nadPast = colour === true || (colour !== false && nadDays !== null && nadDays > 0);
  const overdue = software && nadPast;
  return { software, untriaged, stale, overdue, daysSinceUpdate };
}

/** Classifies a whole list; today is computed once. */
export function classifyTickets(
  tickets: readonly ListTicket[],
  rules: QueueRules,
  now: Date | number,
  timeZone: string,
): ClassifiedTicket[] {
  const today = dateIn(now, timeZone);
  const matcher = makeMatcher(rules);
  return tickets.map((t) => ({ ...t, class: classifyTicket(t, rules, today, matcher) }));
}

export function countQueue(tickets: readonly { class: TicketClass }[]): QueueCounts {
  const counts: QueueCounts = { open: tickets.length, software: 0, untriaged: 0, stale: 0, overdue: 0 };
  for (const { class: c } of tickets) {
    if (c.software) counts.software += 1;
    if (c.untriaged) counts.untriaged += 1;
    if (c.stale) counts.stale += 1;
    if (c.overdue) counts.overdue += 1;
  }
  return counts;
}

export interface SnapshotIds {
  software: ReadonlySet<number>;
  untriaged: ReadonlySet<number>;
  stale: ReadonlySet<number>;
  overdue: ReadonlySet<number>;
}

/**
 * A row of the live list page, where DataTables may have removed columns: each flag is computed
 * from the row when the columns it needs are on screen, else taken from the last background check
 * (`snapshot`, e.g. Update Date is hidden by default, so "stale" usually comes from there).
 */
export function classifyLiveRow(
  ticket: ListTicket,
  columns: readonly string[],
  rules: QueueRules,
  today: string,
  snapshot: SnapshotIds | null,
  isSoftwareAssignee: (assignee: string) => boolean = makeMatcher(rules),
): Omit<TicketClass, 'daysSinceUpdate'> {
  const has = (c: string) => columns.includes(c);
  const fromRow = classifyTicket(ticket, rules, today, isSoftwareAssignee);
  const snap = (key: keyof SnapshotIds) => snapshot?.[key].has(ticket.id) ?? false;
  const software = has('assignees') ? fromRow.software : snap('software');
  const untriaged = has('assignees') && has('nextAction') ? fromRow.untriaged : software && snap('untriaged');
  const stale = has('assignees') && has('nextAction') && has('updateDate') ? fromRow.stale : software && !untriaged && snap('stale');
  const overdue = has('assignees') && has('nad') ? fromRow.overdue : software && snap('overdue');
  return { software, untriaged, stale, overdue };
}
