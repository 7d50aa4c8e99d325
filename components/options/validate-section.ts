/**
 * A section's checks: its part of the settings schema, worded for the page. Loaded with the
 * validator (./deferred.ts), after the first frame.
 */
import type * as z from 'zod/mini';
import { formatPath, valueAt } from '../../utils/settings/parse';
import { settingsSchema, type Settings } from '../../utils/settings/schema';
import type { FieldErrors, SettingsPart } from './use-section-draft';

/** One picked schema per part (a part is a module constant, so this holds one entry per section). */
const picked = new WeakMap<SettingsPart, z.ZodMiniType>();

function schemaOf(part: SettingsPart): z.ZodMiniType {
  let schema = picked.get(part);
  if (!schema) picked.set(part, (schema = settingsSchema.pick(part)));
  return schema;
}

/** zod's default size messages ("Too big: expected string to have <=2000 characters") in the page's words. */
function inWords(issue: z.core.$ZodIssue): string {
  const units: Record<string, string> = { string: ' characters', array: ' entries' };
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) return `at most ${String(issue.maximum)}${units[issue.origin] ?? ''}`;
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) return `at least ${String(issue.minimum)}${units[issue.origin] ?? ''}`;
  return issue.message;
}

/** The schema's and the section's errors for a would-be settings object. */
export function validateSection(part: SettingsPart, next: Settings, extra: FieldErrors = {}): { errors: FieldErrors; values: Record<string, unknown> } {
  const errors: FieldErrors = { ...extra };
  const values: Record<string, unknown> = {};
  const result = schemaOf(part).safeParse(next);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = formatPath(issue.path);
      if (errors[path] !== undefined) continue;
      errors[path] = inWords(issue);
      values[path] = valueAt(next, issue.path).value;
    }
  }
  return { errors, values };
}
