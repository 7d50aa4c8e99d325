/**
 * The close checklist (issue 8, the process's "Handling tickets"): when a Software ticket is
 * resolved or closed, could other users hit this problem, and if so is there a bug to fix, a doc to
 * improve or a troubleshooting guide to extend? What was ticked is logged on submit and counted in
 * the weekly report. Pure: the questions, the log's defensive reader and bound, and the counts.
 */

/** Statuses that close a ticket in the editor (docs/goc-pages.md §6 vocabularies), compared folded. */
export const CLOSING_STATUSES = ['resolved', 'closed'] as const;

export const CLOSE_ANSWERS = ['others', 'bug', 'docs', 'guide'] as const;
export type CloseAnswer = (typeof CLOSE_ANSWERS)[number];

/** The process's questions; the first one leads, the other three follow it. */
export const CLOSE_QUESTIONS: Readonly<Record<CloseAnswer, string>> = {
  others: 'Could other users hit this problem?',
  bug: 'A bug to fix or an improvement to track',
  docs: 'Documentation to improve',
  guide: 'A troubleshooting guide to extend',
};

export interface CloseChecklistEntry {
  /** When the form was submitted (ms since the epoch). */
  at: number;
  ticket: number;
  /** What was ticked (possibly nothing). */
  answers: CloseAnswer[];
}

/** Entries kept in the log (newest last); about a year of closes for a small team. */
export const CLOSE_CHECKLIST_LOG_SIZE = 500;

export function isClosingStatus(status: unknown): boolean {
  return typeof status === 'string' && (CLOSING_STATUSES as readonly string[]).includes(status.trim().toLowerCase());
}

function asEntry(raw: unknown): CloseChecklistEntry | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const v = raw as Record<string, unknown>;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return null;
  if (typeof v.ticket !== 'number' || !Number.isSafeInteger(v.ticket) || v.ticket <= 0) return null;
  const answers = Array.isArray(v.answers)
    ? CLOSE_ANSWERS.filter((a) => (v.answers as unknown[]).includes(a))
    : [];
  return { at: v.at, ticket: v.ticket, answers };
}

/** The stored log read defensively: malformed entries dropped, the newest CLOSE_CHECKLIST_LOG_SIZE kept. */
export function asCloseChecklistLog(raw: unknown): CloseChecklistEntry[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: CloseChecklistEntry[] = [];
  for (const item of raw.slice(-CLOSE_CHECKLIST_LOG_SIZE)) {
    const entry = asEntry(item);
    if (entry) out.push(entry);
  }
  return out;
}

/** The log with `entry` appended, bounded. */
export function appendCloseChecklist(log: readonly CloseChecklistEntry[], entry: CloseChecklistEntry): CloseChecklistEntry[] {
  return [...log, entry].slice(-CLOSE_CHECKLIST_LOG_SIZE);
}

export type CloseChecklistCounts = { closed: number; none: number } & Record<CloseAnswer, number>;

/**
 * Counts over the closes in [fromMs, toMs): `closed` tickets, how many had each answer ticked and
 * how many had none. A ticket submitted twice in the range (a double click, a re-close) counts once,
 * with its latest answers.
 */
export function closeChecklistCounts(entries: readonly CloseChecklistEntry[], fromMs: number, toMs: number): CloseChecklistCounts {
  const latest = new Map<number, CloseChecklistEntry>();
  for (const raw of Array.isArray(entries) ? entries : []) {
    const e = asEntry(raw);
    if (!e || e.at < fromMs || e.at >= toMs) continue;
    const seen = latest.get(e.ticket);
    if (!seen || e.at >= seen.at) latest.set(e.ticket, e);
  }
  const counts: CloseChecklistCounts = { closed: 0, none: 0, others: 0, bug: 0, docs: 0, guide: 0 };
  for (const e of latest.values()) {
    counts.closed += 1;
    if (e.answers.length === 0) counts.none += 1;
    for (const a of e.answers) counts[a] += 1;
  }
  return counts;
}
