/** Messages of the triage-rotation service (services/rotation). */
import type { DutySummary, EffectiveWeek } from '../rotation/schedule';
import type { DutyView } from '../rotation/duty-view';
import type { SyncStatus } from '../db/rotation-db';

export interface RotationStatusView extends Omit<SyncStatus, 'id'> {
  /** A source URL is set. */
  configured: boolean;
  /** Where the rotation is kept: IndexedDB, or storage.local when IndexedDB is unavailable. */
  storage: 'indexeddb' | 'storage.local';
  /** Host access for the source's origin. */
  permission: 'granted' | 'missing' | 'not-needed';
  /** A sync is running now. */
  syncing: boolean;
}

export interface DutyResponse {
  now: number;
  summary: DutySummary;
  view: DutyView;
  status: RotationStatusView;
  /** Source and overrides are both empty: nothing to show but how to set it up. */
  unconfigured: boolean;
}

export interface RotationProtocol {
  /** Who is on duty now and next week, with the sync status. */
  getDuty(): DutyResponse;
  /** Syncs now (or joins the running sync) and resolves with the resulting status. */
  syncRotationNow(): RotationStatusView;
  getRotationStatus(): RotationStatusView;
  /** Effective weeks (source + overrides) from `from` (default: this week). */
  getRotationWeeks(data: { from?: string; limit?: number } | undefined): { today: string; weeks: EffectiveWeek[] };
  /** The rotation as an .ics file. */
  exportIcs(): { filename: string; text: string };
}
