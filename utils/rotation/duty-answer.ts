/**
 * "Who is on duty, and how is the rotation doing?" from the published rotation and the settings.
 * One pure answer for the background (getDuty, getRotationStatus) and for the popup, which
 * draws its first frame from storage without asking the background.
 */
import type { DutyResponse, RotationStatusView } from '../messages/rotation';
import type { SyncStatus } from '../db/rotation-db';
import type { Settings } from '../settings/schema';
import { dutyView } from './duty-view';
import { buildRotation, dutySummary, type Rotation } from './schedule';
import type { RotationWeek } from './types';

export interface PublishedRotation {
  weeks: RotationWeek[];
  status: Omit<SyncStatus, 'id'>;
  storage: 'indexeddb' | 'storage.local';
}

/** What only the background knows: host access for the source, and whether a sync runs now. */
export interface LiveSyncState {
  permission: RotationStatusView['permission'];
  syncing: boolean;
}

/** Stored weeks with the user's overrides and holidays applied. */
export function rotationOf(weeks: RotationWeek[], settings: Settings): Rotation {
  return buildRotation({ weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays });
}

export function statusViewOf(rotation: PublishedRotation, settings: Settings, live: LiveSyncState): RotationStatusView {
  const source = settings.rotation.source;
  const s = rotation.status;
  return {
    configured: source !== '',
    source,
    lastAttemptAt: s.lastAttemptAt,
    lastGoodAt: s.lastGoodAt,
    lastGoodSource: s.lastGoodSource,
    format: s.format,
    weekCount: rotation.weeks.length,
    warnings: s.warnings,
    // An old source's error is not news once the source is cleared.
    error: source === '' ? null : s.error,
    errorAt: source === '' ? null : s.errorAt,
    storage: rotation.storage,
    ...live,
  };
}

export function dutyAnswer(input: {
  rotation: PublishedRotation;
  settings: Settings;
  now: number;
  untriaged: number | null;
  live: LiveSyncState;
}): DutyResponse {
  const { rotation, settings, now, untriaged, live } = input;
  const summary = dutySummary(rotationOf(rotation.weeks, settings), now, settings.rotation.timeZone);
  return {
    now,
    summary,
    view: dutyView({ summary, identity: settings.identity, team: settings.team, untriaged }),
    status: statusViewOf(rotation, settings, live),
    unconfigured: settings.rotation.source === '' && settings.rotation.overrides.length === 0 && rotation.weeks.length === 0,
  };
}
