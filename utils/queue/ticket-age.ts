/**
 * A listed ticket's own age, from the YYYY-MM-DD dates of `/list/open` (Submit Date, Update Date)
 * counted in whole calendar days in the team's zone: "opened 3 d ago", "no update for 9 d". Never
 * the extension's first-seen time (that is when this browser noticed the ticket, not its age).
 * Pure: the caller passes today's date in the team's zone (utils/time dateIn).
 */
import { daysBetween, isIsoDate, type IsoDate } from '../time/calendar';
import { foldName } from './classify';

/** The list fields these read (a `QueueTicketRecord` fits; old records may lack some). */
export interface AgedTicket {
  id: number;
  submitDate?: string | null;
  updateDate?: string | null;
  priority?: string | null;
  assignees?: readonly string[] | null;
}

/** Whole days from a list date to today; null when the date is missing or malformed. Future dates count as 0. */
export function daysSince(date: string | null | undefined, today: IsoDate): number | null {
  if (!isIsoDate(date)) return null;
  const n = daysBetween(date, today);
  return n === null ? null : Math.max(0, n);
}

/** "today", "1 d", "N d". */
export function dayWords(days: number): string {
  return days <= 0 ? 'today' : `${days} d`;
}

/** "opened today", "opened 3 d ago", or "opened: date not listed". */
export function openedText(t: AgedTicket, today: IsoDate): string {
  const d = daysSince(t.submitDate, today);
  if (d === null) return 'opened: date not listed';
  return d === 0 ? 'opened today' : `opened ${dayWords(d)} ago`;
}

/** "updated today", "no update for 9 d", or "" when the list gave no Update Date. */
export function quietText(t: AgedTicket, today: IsoDate): string {
  const d = daysSince(t.updateDate, today);
  if (d === null) return '';
  return d === 0 ? 'updated today' : `no update for ${dayWords(d)}`;
}

/** Oldest first by Submit Date (tickets without one last), ties by id. */
export function bySubmitDate(a: AgedTicket, b: AgedTicket): number {
  const da = isIsoDate(a.submitDate) ? a.submitDate : null;
  const db = isIsoDate(b.submitDate) ? b.submitDate : null;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return a.id - b.id;
}

export type PriorityLevel = 'critical' | 'high' | 'elevated' | 'normal' | 'unknown';

/** GOC's labels: "Critical", "High Priority", "Elevated", "Normal" (docs/goc-pages.md §10). */
export function priorityLevel(priority: string | null | undefined): PriorityLevel {
  const p = typeof priority === 'string' ? priority.slice(0, 40).trim().toLowerCase() : '';
  if (p.startsWith('critical') || p === '1') return 'critical';
  if (p.startsWith('high') || p === '2') return 'high';
  if (p.startsWith('elevated') || p === '3') return 'elevated';
  if (p.startsWith('normal') || p === '4') return 'normal';
  return 'unknown';
}

/** Assignees other than the Software pseudo-users, each once, in list order. */
export function otherAssignees(assignees: readonly string[] | null | undefined, isSoftware: (name: string) => boolean): string[] {
  if (!Array.isArray(assignees)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of assignees) {
    if (typeof raw !== 'string') continue;
    const name = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    const key = foldName(name);
    if (name === '' || isSoftware(name) || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
