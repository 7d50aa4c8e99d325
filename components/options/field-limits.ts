/**
 * The bounds the options inputs show (maxLength of a text box, min/max of a number box, "at most N"
 * of a list), keyed by settings path. They are the settings schema's own numbers, written here so
 * the first frame needs no validator; a unit test (field-limits.test.ts) reads each one out of the
 * schema and fails when the two differ.
 */
export interface FieldLimits {
  /** Strings: characters; arrays: items. */
  maxLength?: number;
  minLength?: number;
  /** Numbers. */
  min?: number;
  max?: number;
}

export const FIELD_LIMITS = {
  'identity.name': { maxLength: 200 },
  'identity.email': { maxLength: 200 },
  'identity.footprintsId': { maxLength: 100 },
  'identity.aliases': { maxLength: 20 },
  signature: { maxLength: 2000 },
  'queue.checkMinutes': { min: 1, max: 1440 },
  'queue.offHoursCheckMinutes': { min: 1, max: 1440 },
  'queue.timeoutSeconds': { min: 1, max: 300 },
  'queue.staleDays': { min: 1, max: 365 },
  'queue.historyDays': { min: 1, max: 3650 },
  'rotation.syncHours': { min: 1, max: 168 },
} as const satisfies Record<string, FieldLimits>;
