/**
 * The settings as plain JSON, without the validator: the file size cap, export, and the shape and
 * key-order-free comparison of plain data. Here (not in parse.ts) so the options page's first script
 * can use them without loading zod. Pure: no browser APIs.
 */
import type { Settings } from './schema';

/** Files bigger than this are refused before parsing (a team file is a few KB). */
export const MAX_CONFIG_BYTES = 1_000_000;

export interface ExportOptions {
  /** Personal values (name, e-mail, Footprints id). Leave out when the file is for the whole team. */
  includeIdentity?: boolean;
}

/** The settings as a team configuration file (pretty JSON, `version` first). */
export function exportConfig(settings: Settings, options: ExportOptions = {}): string {
  const { version, identity, ...rest } = settings;
  const out = options.includeIdentity === false ? { version, ...rest } : { version, identity, ...rest };
  return JSON.stringify(out, null, 2) + '\n';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** JSON with sorted keys: two values are the same whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/**
 * Whether `value` has every key `template` has, with the same kind of value (object, list, string,
 * number, boolean), all the way down through objects. List items are not looked into. Walks the
 * template only, so a huge value costs no more than the template.
 */
export function hasShapeOf(value: unknown, template: unknown): boolean {
  if (isPlainObject(template)) {
    if (!isPlainObject(value)) return false;
    return Object.keys(template).every((key) => Object.prototype.hasOwnProperty.call(value, key) && hasShapeOf(value[key], template[key]));
  }
  if (Array.isArray(template)) return Array.isArray(value);
  if (template === null || template === undefined) return true;
  return typeof value === typeof template;
}
