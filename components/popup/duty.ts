/**
 * The popup's "Triage duty" computed from storage.local (the rotation the background published,
 * the settings snapshot, the queue's untriaged count) with the same pure answer the rotation
 * service gives to `getDuty` (utils/rotation/duty-answer.ts), so the popup's first frame needs no
 * round-trip to the background.
 */
import type { DutyResponse } from '../../utils/messages/rotation';
import { dutyAnswer } from '../../utils/rotation/duty-answer';
import type { PopupData } from './data';

/** Null until the background has published the settings snapshot (then ask the background). */
export function dutyFromStorage(data: PopupData, clock = Date.now()): DutyResponse | null {
  if (!data.snapshot) return null;
  const untriaged = data.latest.counts?.untriaged;
  return dutyAnswer({
    rotation: data.rotation,
    settings: data.snapshot.settings,
    now: data.rotationNow ?? clock,
    untriaged: typeof untriaged === 'number' && untriaged >= 0 ? untriaged : null,
    // Not shown in the popup (the options page asks the background for these two).
    live: { permission: 'not-needed', syncing: false },
  });
}
