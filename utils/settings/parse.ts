/**
 * Loading, validating, importing and exporting settings. Pure functions over plain data.
 * A team configuration file is the settings object as JSON (see README "Team configuration file").
 *
 * - parseSettings: strict; the first bad field is named (`team[1].role: …`), nothing is half-applied.
 * - repairSettings: for what is already stored; keeps every good part and resets only bad fields.
 * - mergeImport: a file's values over the current settings (sections merged, lists replaced).
 */
import type * as z from 'zod/mini';
import { defaultSettingsCopy } from './defaults';
import { isPlainObject, MAX_CONFIG_BYTES } from './json';
import { migrateSettings, preview } from './migrations';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './schema';

export { MAX_CONFIG_BYTES, exportConfig, isPlainObject, type ExportOptions } from './json';

export type ParseResult =
  | { ok: true; settings: Settings; warnings: string[] }
  | { ok: false; error: string };

/** `['team', 1, 'role']` → `team[1].role`: the way a user finds the field in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = String(part);
      const plain = /^[A-Za-z_$][\w$]*$/.test(name);
      if (!plain) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

/**
 * Names the bad field, says what was expected and shows what was found:
 * `team[1].role: Invalid option: expected one of "software"|"osg-staff" (found "lead")`.
 * With several problems the first is named and the rest counted.
 */
export function describeIssue(error: z.core.$ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid settings';
  const path = formatPath(issue.path);
  let text = path ? `${path}: ${issue.message}` : issue.message;
  if (input !== undefined && issue.path.length > 0) {
    const found = valueAt(input, issue.path);
    if (found.present && issue.code !== 'custom' && issue.code !== 'unrecognized_keys') {
      text += ` (found ${preview(found.value)})`;
    }
  }
  const more = error.issues.length - 1;
  if (more > 0) text += ` (and ${more} more problem${more > 1 ? 's' : ''})`;
  return text;
}

export function defaultSettings(): Settings {
  return defaultSettingsCopy();
}

/** Strict: migrates, then validates; an invalid object is refused as a whole. */
export function parseSettings(raw: unknown): ParseResult {
  if (!isPlainObject(raw)) return { ok: false, error: 'expected a JSON object ({ … }) at the top level' };
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return migrated;
  const result = settingsSchema.safeParse(migrated.data);
  if (!result.success) {
    return { ok: false, error: newerFormatNote(migrated.fromVersion) + describeIssue(result.error, migrated.data) };
  }
  return { ok: true, settings: result.data, warnings: migrated.warnings };
}

export interface RepairResult {
  settings: Settings;
  /** One line per field that was reset to its default or list item that was dropped. */
  problems: string[];
}

/** Deletes the keys of a set or map that pass `test`. */
function dropKeys(keys: Set<string> | Map<string, unknown>, test: (key: string) => boolean): void {
  for (const key of [...keys.keys()]) if (test(key)) keys.delete(key);
}

/**
 * Lenient load for stored settings: every valid part is kept; an invalid field goes back to its
 * default, and when a field cannot have a default (a team member without a name) the list item
 * holding it is dropped. So one bad value never costs the user their identity or team list.
 */
export function repairSettings(raw: unknown): RepairResult {
  if (!isPlainObject(raw)) {
    return {
      settings: defaultSettings(),
      problems: raw === undefined ? [] : ['stored settings were not an object; defaults are in use'],
    };
  }
  const migrated = migrateSettings(raw);
  const problems: string[] = [];
  let data: Record<string, unknown>;
  if (migrated.ok) {
    data = cloneJson(migrated.data) as Record<string, unknown>;
  } else {
    problems.push(`${migrated.error}; reset`);
    const { version: _ignored, ...rest } = raw;
    data = cloneJson(rest) as Record<string, unknown>;
  }
  const tried = new Set<string>();
  // One line per bad field (keyed by where the problem was found), in the order found.
  const found = new Map<string, string>();
  const reasons = new Map<string, string>();
  // Each round removes at least one value, so this ends; the cap is a guard against surprises.
  for (let round = 0; round < 200; round++) {
    const result = settingsSchema.safeParse(data);
    if (result.success) return { settings: result.data, problems: [...problems, ...[...found.values()].reverse()] };
    // The last issue first: dropping a later list item never shifts the index of an earlier one.
    const issue = result.error.issues[result.error.issues.length - 1]!;
    let path: PropertyKey[] = [...issue.path];
    // A missing field with no default (a team member without a name) can only go with its parent;
    // so can one whose removal did not help (it failed again at the same place).
    if (!valueAt(data, path).present) path = path.slice(0, -1);
    while (path.length > 0 && tried.has(formatPath(path))) path = path.slice(0, -1);
    if (path.length === 0) break;
    tried.add(formatPath(path));
    const isListItem = typeof path[path.length - 1] === 'number';
    const field = formatPath(issue.path);
    // One line per dropped item, else per field.
    const where = isListItem ? formatPath(path) : field;
    // A field removed earlier fails again as "missing": its first reason is the one to tell.
    const reason = reasons.get(field) ?? issue.message;
    reasons.set(field, reason);
    // A dropped item's line is its own (the next item moves into its place and may be dropped too).
    found.set(isListItem ? `${where}#${round}` : where, `${field}: ${reason}; ${isListItem ? `${where} was dropped` : 'reset to the default'}`);
    if (isListItem) {
      // Earlier lines about the dropped item's fields are folded into its line.
      dropKeys(found, (key) => key.startsWith(`${where}.`) || key.startsWith(`${where}[`));
      // The items after it move up one place: what was tried, and why, at those places was about
      // other items (a duplicate that moved into a dropped item's place is dropped on its own, not
      // taken for a failed repair that empties the whole list).
      const later = `${formatPath(path.slice(0, -1))}[`;
      const movedUp = (key: string) => key.startsWith(later);
      dropKeys(tried, movedUp);
      dropKeys(reasons, movedUp);
    }
    removeAt(data, path);
  }
  return {
    settings: defaultSettings(),
    problems: [...problems, ...[...found.values()].reverse(), 'settings could not be repaired; defaults are in use'],
  };
}

/** Parses the text of a team configuration file. Never throws. */
export function parseConfigText(text: string): ParseResult {
  const raw = readConfigJson(text);
  if (!raw.ok) return raw;
  return parseSettings(raw.value);
}

export type ImportResult =
  | { ok: true; settings: Settings; changes: string[]; warnings: string[] }
  | { ok: false; error: string };

/**
 * Import = the file's values over the current ones. Sections that are objects (identity, rotation,
 * queue, …) are merged key by key, so a team file that carries only `queue.staleDays` changes only
 * that; lists (team, snippets, experts, holidays, …) and plain values are replaced as a whole.
 * Never throws; on any problem the result says why and `current` is not touched.
 */
export function mergeImport(current: Settings, text: string): ImportResult {
  const raw = readConfigJson(text);
  if (!raw.ok) return raw;
  const incoming = migrateSettings(raw.value);
  if (!incoming.ok) return incoming;
  const merged = mergeOver(current, incoming.data);
  const result = settingsSchema.safeParse(merged);
  if (!result.success) return { ok: false, error: newerFormatNote(incoming.fromVersion) + describeIssue(result.error, merged) };
  return {
    ok: true,
    settings: result.data,
    changes: describeChanges(current, result.data),
    warnings: incoming.warnings,
  };
}

/**
 * `data` (a migrated file) over a copy of `current`, not yet validated: object sections merged key
 * by key, lists and plain values replaced.
 */
export function mergeOver(current: Settings, data: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = cloneJson(current) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    const old = merged[key];
    const next = isPlainObject(old) && isPlainObject(value) ? { ...old, ...value } : value;
    // defineProperty: a `__proto__` key in a file must stay data, never become a prototype.
    Object.defineProperty(merged, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/**
 * Prefix for a refusal of a file from a newer version: its format may have changed the refused
 * field, so the message says so instead of only naming the field.
 */
export function newerFormatNote(fromVersion: number): string {
  if (fromVersion <= SETTINGS_VERSION) return '';
  return (
    `this file was written by a newer version of the extension (format ${fromVersion}; this one reads up to ` +
    `${SETTINGS_VERSION}): update the extension to import it. `
  );
}

/**
 * What an import changed, one line per field, for the confirmation message:
 * `queue.staleDays: 7 → 5`, `team: 0 → 11 entries`, `signature changed`.
 */
export function describeChanges(before: unknown, after: unknown, limit = 20): string[] {
  const lines: string[] = [];
  walkChanges(before, after, [], lines);
  if (lines.length > limit) {
    const extra = lines.length - limit;
    return [...lines.slice(0, limit), `… and ${extra} more change${extra > 1 ? 's' : ''}`];
  }
  return lines;
}

function walkChanges(before: unknown, after: unknown, path: PropertyKey[], out: string[]): void {
  if (path.length === 1 && path[0] === 'version') return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walkChanges(before[key], after[key], [...path, key], out);
    return;
  }
  if (sameJson(before, after)) return;
  const name = formatPath(path);
  if (Array.isArray(before) && Array.isArray(after)) {
    out.push(
      before.length === after.length
        ? `${name}: ${after.length} entr${after.length === 1 ? 'y' : 'ies'} changed`
        : `${name}: ${before.length} → ${after.length} entries`,
    );
    return;
  }
  if (before === undefined) {
    out.push(`${name}: added`);
    return;
  }
  if (after === undefined) {
    out.push(`${name}: removed`);
    return;
  }
  const long = (v: unknown) => typeof v === 'string' && (v.length > 40 || v.includes('\n'));
  if (long(before) || long(after) || typeof after === 'object') {
    out.push(`${name} changed`);
    return;
  }
  out.push(`${name}: ${preview(before)} → ${preview(after)}`);
}

export function readConfigJson(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (typeof text !== 'string') return { ok: false, error: 'the file could not be read as text' };
  if (text.length > MAX_CONFIG_BYTES) {
    return { ok: false, error: `the file is too large (${Math.round(text.length / 1000)} KB; a configuration file is at most 1 MB)` };
  }
  let raw: unknown;
  try {
    // A byte-order mark from Windows editors is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!isPlainObject(raw)) return { ok: false, error: 'expected a JSON object ({ … }) at the top level' };
  return { ok: true, value: raw };
}

/** The value at `path` in `root`, and whether it is there at all. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) {
      return { present: false };
    }
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return { present: true, value: node };
}

function removeAt(root: Record<string, unknown>, path: readonly PropertyKey[]): void {
  let node: unknown = root;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else if (node !== null && typeof node === 'object') delete (node as Record<PropertyKey, unknown>)[last];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Deep copy of JSON-like data; anything JSON cannot carry (functions, cycles) is dropped. */
export function cloneJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return {};
  }
}
