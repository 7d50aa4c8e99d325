/**
 * The "who answered" summary above Past Updates: each responder with their count, who answered last
 * and how long ago, time from ticket creation to the first staff answer, and whose turn it is.
 * Pure: `now` is passed in.
 */
import { isStaffRole, normalizeName, type Responder, type ResponderRole } from './responders';

export interface SummaryUpdate {
  timeMs: number | null;
  responder: Responder;
  /** Flagged as an unsigned staff-looking update. */
  unsigned?: boolean;
}

export interface ResponderCount {
  name: string;
  role: ResponderRole;
  count: number;
}

export type ConversationState = 'waiting-on-user' | 'waiting-on-us' | 'no-updates';

export interface ResponderSummary {
  total: number;
  responders: ResponderCount[];
  last: { name: string; role: ResponderRole; timeMs: number | null; agoMs: number | null } | null;
  /** Time of the opening description (the ticket's creation as far as the page shows it). */
  createdMs: number | null;
  firstStaffAnswer: { name: string; timeMs: number; afterMs: number } | null;
  state: ConversationState;
  unsignedCount: number;
}

export const UNKNOWN_LABEL = 'Unknown';

/** Oldest first; updates without a time keep their relative order after the dated ones (the sort is stable). */
function ordered(updates: readonly SummaryUpdate[]): SummaryUpdate[] {
  const dated = updates.filter((u): u is SummaryUpdate & { timeMs: number } => u.timeMs !== null);
  return [...dated.sort((a, b) => a.timeMs - b.timeMs), ...updates.filter((u) => u.timeMs === null)];
}

/**
 * @param updates in any order (page order is newest first by default; `?sort=up` reverses it).
 */
export function summarizeResponders(updates: readonly SummaryUpdate[], now: number): ResponderSummary {
  const list = ordered(updates.filter((u) => u && u.responder));
  const counts = new Map<string, ResponderCount>();
  for (const u of list) {
    const name = u.responder.name || UNKNOWN_LABEL;
    const key = `${u.responder.role}|${normalizeName(name)}`;
    const entry = counts.get(key) ?? { name, role: u.responder.role, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const responders = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const lastUpdate = list[list.length - 1];
  const last = lastUpdate
    ? {
        name: lastUpdate.responder.name || UNKNOWN_LABEL,
        role: lastUpdate.responder.role,
        timeMs: lastUpdate.timeMs,
        agoMs: lastUpdate.timeMs !== null ? Math.max(0, now - lastUpdate.timeMs) : null,
      }
    : null;

  const opening = list[0];
  const createdMs = opening?.timeMs ?? null;
  let firstStaffAnswer: ResponderSummary['firstStaffAnswer'] = null;
  if (createdMs !== null) {
    for (const u of list.slice(1)) {
      if (u.timeMs !== null && isStaffRole(u.responder.role)) {
        firstStaffAnswer = { name: u.responder.name, timeMs: u.timeMs, afterMs: Math.max(0, u.timeMs - createdMs) };
        break;
      }
    }
  }

  let state: ConversationState = 'no-updates';
  if (lastUpdate) {
    // Staff (or an unsigned staff-looking update) spoke last: the ball is with the user.
    state = isStaffRole(lastUpdate.responder.role) || lastUpdate.unsigned ? 'waiting-on-user' : 'waiting-on-us';
  }
  return {
    total: list.length,
    responders,
    last,
    createdMs,
    firstStaffAnswer,
    state,
    unsignedCount: list.filter((u) => u.unsigned).length,
  };
}

/** "just now", "12 min", "5 h", "3 days". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'unknown';
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  // 48 h and more: at least 2 days, so always a plural.
  return `${Math.floor(hours / 24)} days`;
}

export const STATE_LABEL: Record<ConversationState, string> = {
  'waiting-on-user': 'Waiting on user',
  'waiting-on-us': 'Waiting on us',
  'no-updates': 'No updates yet',
};
