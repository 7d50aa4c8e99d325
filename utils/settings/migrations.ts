/**
 * Versioned migrations of the settings / team configuration format. Pure functions over plain data.
 *
 * The promise: every file any released version wrote stays importable. So this list is APPEND
 * ONLY: to change the format, bump SETTINGS_VERSION in schema.ts and add `MIGRATIONS[new]`, a
 * function from the previous version's object to the new one, plus a frozen example of the old
 * format under tests/unit/settings/fixtures/ that the upgrade test imports. Never edit or remove
 * a shipped step.
 */
import { SETTINGS_VERSION } from './schema';

export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** `MIGRATIONS[n]` turns a version n-1 object into version n. Version 1 is the first published format. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // (none yet: version 1 is current)
};

/** Files written before the format carried a `version` key are version 1. */
export const UNVERSIONED = 1;

export type VersionRead = { ok: true; version: number } | { ok: false; error: string };

/** Reads `version`: absent means 1; a whole number ≥ 1 (also written as a string) is accepted. */
export function readVersion(raw: Record<string, unknown>): VersionRead {
  const value = raw.version;
  if (value === undefined || value === null) return { ok: true, version: UNVERSIONED };
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (Number.isSafeInteger(n) && (n as number) >= 1) return { ok: true, version: n as number };
  return { ok: false, error: `version: expected a whole number like ${SETTINGS_VERSION} (found ${preview(value, 40)})` };
}

export interface MigrationResult {
  data: Record<string, unknown>;
  /** The version the input claimed (1 when it had none). */
  fromVersion: number;
  warnings: string[];
}

export type MigrateOutcome = ({ ok: true } & MigrationResult) | { ok: false; error: string };

/**
 * Runs every step from the input's version up to `target`. An input newer than `target` is left
 * as it is (its unknown keys survive; known keys are still validated) with a warning.
 */
export function migrateSettings(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrateOutcome {
  const read = readVersion(raw);
  if (!read.ok) return read;
  const warnings: string[] = [];
  let data: Record<string, unknown> = { ...raw };
  let version = read.version;
  while (version < target) {
    version += 1;
    const step = migrations[version];
    if (step) {
      try {
        data = step(data);
      } catch (error) {
        return { ok: false, error: `could not upgrade from format ${version - 1} to ${version}: ${String(error)}` };
      }
    }
  }
  if (read.version > target) {
    warnings.push(
      `this file was written by a newer version of the extension (format ${read.version}; this one reads up to ${target}): ` +
        'settings it does not know are kept but not used',
    );
  }
  data.version = Math.max(read.version, target);
  return { ok: true, data, fromVersion: read.version, warnings };
}

/** A value as short JSON for a message (at most `max` characters). */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
