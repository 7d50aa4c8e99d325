/**
 * The popup's ticket groups for the person on duty: untriaged tickets carried over (waiting since
 * before this duty week, from the hand-over split: first-seen based, utils/queue/handover.ts) and
 * new this week, then stale and overdue. Each group is sorted oldest first by the ticket's own
 * Submit Date (ties by id). Pure: no DOM, no browser APIs.
 */
import type { QueueTicketRecord } from '../../utils/db/queue-records';
import { isCarriedOver, type HandoverSummary } from '../../utils/queue/handover';
import { bySubmitDate } from '../../utils/queue/ticket-age';

export type GroupId = 'carried' | 'new' | 'untriaged' | 'stale' | 'overdue';

export interface QueueGroup {
  id: GroupId;
  title: string;
  /** Label of its list for assistive technology. */
  label: string;
  tickets: QueueTicketRecord[];
  /** Shown expanded at first (the untriaged groups: that is the duty person's work). */
  open: boolean;
  /** The groups the untriaged count is made of. */
  untriaged: boolean;
}

export interface GroupInput {
  untriaged: readonly QueueTicketRecord[];
  stale: readonly QueueTicketRecord[];
  overdue: readonly QueueTicketRecord[];
}

/** Carried over or new this week; undefined without a split or without a first-seen time. */
export function handoverMark(t: QueueTicketRecord, split: HandoverSummary | undefined, now: number): 'carried' | 'new' | undefined {
  if (!split || !Number.isFinite(t.firstSeen)) return undefined;
  // The split's week is over: everything waiting now was waiting before the current week began.
  if (now >= split.nextWeekStartAt) return 'carried';
  return isCarriedOver(t, split) ? 'carried' : 'new';
}

const sorted = (tickets: readonly QueueTicketRecord[]) => [...tickets].sort(bySubmitDate);

export function groupQueue(lists: GroupInput, split: HandoverSummary | undefined, now: number): QueueGroup[] {
  const untriaged = sorted(lists.untriaged);
  const groups: QueueGroup[] = [];
  if (split) {
    // A ticket without history (its record missing) has no known arrival: it is listed with the new ones.
    const carried = untriaged.filter((t) => handoverMark(t, split, now) === 'carried');
    const fresh = untriaged.filter((t) => handoverMark(t, split, now) !== 'carried');
    groups.push(
      { id: 'carried', title: 'Carried over', label: 'Untriaged tickets carried over', tickets: carried, open: true, untriaged: true },
      { id: 'new', title: 'New this week', label: 'Untriaged tickets new this week', tickets: fresh, open: true, untriaged: true },
    );
  } else {
    groups.push({ id: 'untriaged', title: 'Untriaged', label: 'Untriaged tickets', tickets: untriaged, open: true, untriaged: true });
  }
  groups.push(
    { id: 'stale', title: 'Stale', label: 'Stale tickets', tickets: sorted(lists.stale), open: false, untriaged: false },
    { id: 'overdue', title: 'Overdue', label: 'Overdue tickets', tickets: sorted(lists.overdue), open: false, untriaged: false },
  );
  return groups;
}
