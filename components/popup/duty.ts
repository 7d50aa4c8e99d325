/**
 * The popup's "Triage duty" computed from storage.local (the rotation the background published,
 * the settings snapshot, the queue's untriaged count), the same way the rotation service answers
 * `getDuty`, so the popup's first frame needs no round-trip to the background.
 */
import type { DutyResponse } from '../../utils/messages/rotation';
import { dutyView } from '../../utils/rotation/duty-view';
import { buildRotation, dutySummary } from '../../utils/rotation/schedule';
import type { PopupData } from './data';

/** Null until the background has published the settings snapshot (then ask the background). */
export function dutyFromStorage(data: PopupData, clock = Date.now()): DutyResponse | null {
  if (!data.snapshot) return null;
  const { settings } = data.snapshot;
  const { weeks, status: s, storage } = data.rotation;
  const now = data.rotationNow ?? clock;
  const source = settings.rotation.source;
  const summary = dutySummary(
    buildRotation({ weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays }),
    now,
    settings.rotation.timeZone,
  );
  const untriaged = data.latest.counts?.untriaged;
  return {
    now,
    summary,
    view: dutyView({ summary, identity: settings.identity, team: settings.team, untriaged: typeof untriaged === 'number' && untriaged >= 0 ? untriaged : null }),
    status: {
      configured: source !== '',
      source,
      lastAttemptAt: s.lastAttemptAt,
      lastGoodAt: s.lastGoodAt,
      lastGoodSource: s.lastGoodSource,
      format: s.format,
      weekCount: weeks.length,
      warnings: s.warnings,
      error: source === '' ? null : s.error,
      errorAt: source === '' ? null : s.errorAt,
      storage,
      // Not shown in the popup (the options page asks the background for these two).
      permission: 'not-needed',
      syncing: false,
    },
    unconfigured: source === '' && settings.rotation.overrides.length === 0 && weeks.length === 0,
  };
}
