/**
 * The rotation form's draft: the settings it edits (source, team zone, sync interval, holidays,
 * work-day start, Monday reminder) as form strings, and back. Overrides are not in it: they are
 * saved at once, over the freshest stored ones (OverridesAndSwaps.tsx).
 */
import type { Settings } from '../../../../utils/settings/schema';

export interface RotationDraft {
  source: string;
  timeZone: string;
  syncHours: string;
  holidays: string;
  workStart: string;
  dutyReminder: boolean;
}

export const readRotationDraft = (s: Settings): RotationDraft => ({
  source: s.rotation.source,
  timeZone: s.rotation.timeZone,
  syncHours: String(s.rotation.syncHours),
  holidays: s.rotation.holidays.join('\n'),
  workStart: s.schedule.workStart,
  dutyReminder: s.notifications.dutyReminder,
});

export const writeRotationDraft = (d: RotationDraft, s: Settings): Settings => ({
  ...s,
  rotation: {
    ...s.rotation,
    source: d.source.trim(),
    timeZone: d.timeZone.trim(),
    syncHours: d.syncHours.trim() === '' ? NaN : Number(d.syncHours),
    holidays: [...new Set(d.holidays.split(/[\s,]+/).filter(Boolean))].sort(),
  },
  schedule: { ...s.schedule, workStart: d.workStart.trim() },
  notifications: { ...s.notifications, dutyReminder: d.dutyReminder },
});

export const ROTATION_DRAFT_PART = { rotation: true, schedule: true, notifications: true } as const;

export const ROTATION_DRAFT_CAPTIONS = {
  'rotation.source': 'Source',
  'rotation.timeZone': 'Time zone',
  'rotation.syncHours': 'Sync every (hours)',
  'rotation.holidays': 'Holidays',
  'schedule.workStart': 'Work day starts',
};
