/**
 * The records of the `gta-queue` database (schema in queue-db.ts): one per ticket ever seen, one
 * per check, and small key/value facts. Types only, so readers (the popup's bare-IndexedDB path,
 * the report) need neither Dexie nor the write logic.
 */
import type { QueueCounts } from '../queue/classify';

export interface QueueTicketRecord {
  id: number;
  title: string;
  nextAction: string | null;
  assignees: string[];
  /** YYYY-MM-DD */
  updateDate: string | null;
  /** YYYY-MM-DD */
  nad: string | null;
  submitDate: string | null;
  priority: string | null;
  type: string | null;
  software: boolean;
  untriaged: boolean;
  stale: boolean;
  overdue: boolean;
  /** ms since epoch: the first check that saw the ticket open. */
  firstSeen: number;
  /** First check that saw it untriaged (its arrival in triage), or null. */
  firstSeenUntriaged: number | null;
  /** The check at which it stopped being untriaged (assigned, or closed), or null. */
  leftTriage: number | null;
  /** The check at which it disappeared from the open list, or null while open. */
  goneAt: number | null;
  /** First seen by the silent baseline check: its real arrival time is unknown. */
  baseline: boolean;
  /** When its new-ticket notification was handled (shown or deliberately not), or null. */
  notifiedAt: number | null;
}

export type CheckState = 'ok' | 'signed-out' | 'error' | 'offline' | 'interrupted';

export interface CheckIds {
  software: number[];
  untriaged: number[];
  stale: number[];
  overdue: number[];
}

export interface QueueCheckRecord {
  seq?: number;
  /** ms since epoch, when the check started. */
  at: number;
  state: CheckState;
  message: string | null;
  /** Counts of a readable list (ok; or signed-out with a guest list), else null. */
  counts: QueueCounts | null;
  ids: CheckIds | null;
  newIds: number[];
  enteredTriageIds: number[];
  leftTriageIds: number[];
  baseline: boolean;
  manual: boolean;
  durationMs: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}
