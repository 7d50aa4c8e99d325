/**
 * What the popup shows about the queue, read straight from storage.local and the local history
 * (extension pages share the background's origin), so it renders at once without waking the
 * worker or touching the network.
 */
import { browser } from 'wxt/browser';
import type { QueueTicketRecord } from '../../utils/db/queue-db';
import type { QueueLatest } from '../../utils/queue/state';
import { bySubmitDate } from '../../utils/queue/ticket-age';
import { markOpenedToday } from '../../utils/queue/opened';
import { DEFAULT_TEAM_TIME_ZONE } from '../../utils/settings/defaults';
import { getItem, STORED, watchItems } from '../../utils/storage-items';

const storage = browser.storage;

export interface QueueView {
  latest: QueueLatest;
  untriaged: QueueTicketRecord[];
  stale: QueueTicketRecord[];
  overdue: QueueTicketRecord[];
  /** Set when the local history could not be read (the counts still show). */
  historyError: string | null;
}

/** The ticket lists of a check: the ids of the last good check, titles and ages from the local history. */
export type QueueLists = Omit<QueueView, 'latest'>;

export async function loadQueueView(): Promise<QueueView> {
  const latest = await getItem(storage, STORED.queueLatest);
  return { latest, ...(await loadQueueLists(latest)) };
}

/** Reads the history records the popup lists (loaded on demand: the first frame does not wait for it). */
export async function loadQueueLists(latest: QueueLatest): Promise<QueueLists> {
  let open: QueueTicketRecord[] = [];
  let historyError: string | null = null;
  try {
    const { readQueueTickets } = await import('../../utils/db/queue-read');
    // Only the records the popup lists (ids of the last good check), or every open one without ids.
    const ids = latest.ids ? [...new Set([...latest.ids.untriaged, ...latest.ids.stale, ...latest.ids.overdue])] : null;
    open = await readQueueTickets(ids);
  } catch (error) {
    historyError = `The local history could not be read (${String(error)}).`;
  }
  // The ids of the last good check decide membership; the records add titles and the list's dates.
  const byId = new Map(open.map((t) => [t.id, readable(t)]));
  const pick = (ids: number[] | undefined, flag: 'untriaged' | 'stale' | 'overdue') => {
    if (ids) return ids.map((id) => byId.get(id) ?? placeholder(id, flag));
    return [...byId.values()].filter((t) => t[flag]);
  };
  // Oldest first by the ticket's own Submit Date (ties by id), never by when this browser saw it.
  return {
    untriaged: pick(latest.ids?.untriaged, 'untriaged').sort(bySubmitDate),
    stale: pick(latest.ids?.stale, 'stale').sort(bySubmitDate),
    overdue: pick(latest.ids?.overdue, 'overdue').sort(bySubmitDate),
    historyError,
  };
}

/** A stored record as the popup reads it: fields an older record lacks read as unknown (null / none). */
export function readable(t: QueueTicketRecord): QueueTicketRecord {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ...t,
    title: typeof t.title === 'string' ? t.title : '',
    assignees: Array.isArray(t.assignees) ? t.assignees.filter((a): a is string => typeof a === 'string') : [],
    updateDate: text(t.updateDate),
    nad: text(t.nad),
    submitDate: text(t.submitDate),
    priority: text(t.priority),
    firstSeen: typeof t.firstSeen === 'number' ? t.firstSeen : NaN,
    firstSeenUntriaged: typeof t.firstSeenUntriaged === 'number' ? t.firstSeenUntriaged : null,
    baseline: t.baseline === true,
  };
}

function placeholder(id: number, flag: 'untriaged' | 'stale' | 'overdue'): QueueTicketRecord {
  return {
    id,
    title: '',
    nextAction: null,
    assignees: [],
    updateDate: null,
    nad: null,
    submitDate: null,
    priority: null,
    type: null,
    software: true,
    untriaged: flag === 'untriaged',
    stale: flag === 'stale',
    overdue: flag === 'overdue',
    firstSeen: NaN,
    firstSeenUntriaged: null,
    leftTriage: null,
    goneAt: null,
    baseline: false,
    notifiedAt: null,
  };
}

/** Calls back when the background publishes a new state. Returns an unsubscribe. */
export function watchQueueLatest(callback: () => void): () => void {
  return watchItems(storage, [STORED.queueLatest], callback);
}

/** Opening the popup counts as "looked at the queue today" (midday nudge), on the team's day. */
export async function markQueueOpened(now = Date.now()): Promise<boolean> {
  const snapshot = await getItem(storage, STORED.settingsSnapshot);
  return markOpenedToday(storage, snapshot?.settings.rotation.timeZone ?? DEFAULT_TEAM_TIME_ZONE, now);
}

/** "10:42" today, "Tue 10:42" this week, else a date. */
export function formatWhen(ms: number | null, now = Date.now()): string {
  if (ms === null || !Number.isFinite(ms)) return 'never';
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return time;
  if (Math.abs(now - ms) < 6 * 86_400_000) return `${d.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`;
  return `${d.toLocaleDateString()} ${time}`;
}
