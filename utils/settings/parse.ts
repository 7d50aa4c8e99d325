/**
 * Loading, migrating, importing and exporting settings. Pure functions over plain data.
 * A team configuration file is the settings object as JSON (see README "Team configuration file").
 */
import type { z } from 'zod';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './schema';

export type ParseResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * Each migration turns a settings object of version N-1 into version N. Append only: old team files
 * must stay importable forever.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 is the first published format; files without a version are treated as version 1.
};

export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let data = { ...raw };
  let version = typeof data.version === 'number' ? data.version : 1;
  while (version < SETTINGS_VERSION) {
    version += 1;
    const step = MIGRATIONS[version];
    if (step) data = step(data);
  }
  data.version = Math.max(version, SETTINGS_VERSION);
  return data;
}

/** Names the first bad field the way a user can find it in the file: `team[2].role: …`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid settings';
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function parseSettings(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: 'the file must contain a JSON object' };
  }
  const migrated = migrateSettings(raw as Record<string, unknown>);
  if (typeof migrated.version === 'number' && migrated.version > SETTINGS_VERSION) {
    // A newer file still imports: unknown keys are kept, known keys are validated.
  }
  const result = settingsSchema.safeParse(migrated);
  if (!result.success) return { ok: false, error: describeIssue(result.error) };
  return { ok: true, settings: result.data };
}

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Parses the text of a team configuration file. Never throws. */
export function parseConfigText(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  return parseSettings(raw);
}

/**
 * Import = the file's values over the current ones, section by section, so a team file that
 * only carries `team` and `rotation` does not wipe the user's own identity.
 */
export function mergeImport(current: Settings, text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: 'the file must contain a JSON object' };
  }
  const incoming = migrateSettings(raw as Record<string, unknown>);
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    const old = merged[key];
    merged[key] =
      isPlainObject(old) && isPlainObject(value) ? { ...(old as object), ...(value as object) } : value;
  }
  return parseSettings(merged);
}

export function exportConfig(settings: Settings): string {
  return JSON.stringify(settings, null, 2) + '\n';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
