/**
 * What importing a team configuration file WOULD change, before anything is stored (issue 10
 * finding 3): one entry per changed key (old → new, short), the risky ones marked with why, the
 * file's identity kept apart (taken only when the user asks), and web addresses that break the
 * URL rules refused key by key so an old file with one `http:` address still imports the rest.
 * Pure: no browser APIs.
 */
import { migrateSettings, preview } from './migrations';
import {
  cloneJson,
  describeIssue,
  formatPath,
  isPlainObject,
  mergeOver,
  newerFormatNote,
  readConfigJson,
} from './parse';
import { settingsSchema, urlProblem, type Settings } from './schema';
import { validOrigins } from '../goc/origins';

export type ImportRisk = 'identity' | 'address' | 'guard' | 'notification';

export interface ImportChange {
  /** Where, as in the file: `queue.staleDays`, `triage.docLinks`. */
  path: string;
  /** Short old → new: `7 → 5`, `0 → 3 entries`, `changed`. */
  summary: string;
  /** Set when the change deserves a second look; `why` says it in words. */
  risk?: ImportRisk;
  why?: string;
}

export interface ImportPlan {
  ok: true;
  /** The settings after the import, with your identity kept. */
  keepIdentity: Settings;
  /** The settings after the import with the file's identity; null when the file carries none or yours. */
  takeIdentity: Settings | null;
  /** Changes other than identity, in file order. */
  changes: ImportChange[];
  /** What taking the file's identity would change (all marked risky). */
  identityChanges: ImportChange[];
  /** One line per value left out because it broke a rule (your value is kept). */
  refused: string[];
  warnings: string[];
}

export type PlanResult = ImportPlan | { ok: false; error: string };

/** Web address settings (a scalar each); `gocOnly` = only on the GOC hosts. */
const ADDRESS_KEYS: { section: string; key: string; gocOnly?: boolean; emptyOk?: boolean; why: string }[] = [
  { section: 'queue', key: 'gocBaseUrl', gocOnly: true, why: 'where the extension reads your tickets from' },
  { section: 'rotation', key: 'source', emptyOk: true, why: 'where the triage rotation is downloaded from' },
  { section: 'jira', key: 'baseUrl', emptyOk: true, why: 'where the JIRA links on ticket pages point' },
];

/**
 * Takes out of a (migrated) file every web address that breaks the URL rules, so the rest of the
 * file can still be imported: a scalar is left out (your value stays), a documentation link is
 * dropped from the list. Values that are not strings stay in: the schema refuses them as before.
 */
export function refuseUnsafeAddresses(
  data: Record<string, unknown>,
  currentExtraOrigins: readonly string[] = [],
): { data: Record<string, unknown>; refused: string[] } {
  const out = cloneJson(data) as Record<string, unknown>;
  const refused: string[] = [];
  // The GOC address may point at another GOC site: the file's list when it brings one (it replaces yours), else yours.
  const fileGoc = out.goc;
  const extraOrigins = validOrigins(isPlainObject(fileGoc) && Array.isArray(fileGoc.extraOrigins) ? fileGoc.extraOrigins : currentExtraOrigins);
  for (const rule of ADDRESS_KEYS) {
    const section = out[rule.section];
    if (!isPlainObject(section)) continue;
    // A key the file lacks reads as undefined: nothing to check.
    const value = section[rule.key];
    if (typeof value !== 'string' || (rule.emptyOk && value.trim() === '')) continue;
    const problem = urlProblem(value.trim(), { gocOnly: rule.gocOnly, extraOrigins });
    if (!problem) continue;
    delete section[rule.key];
    refused.push(`${rule.section}.${rule.key} ${preview(value)} was not imported: ${problem}; yours is kept`);
  }
  const triage = out.triage;
  if (isPlainObject(triage) && Array.isArray(triage.docLinks)) {
    triage.docLinks = triage.docLinks.filter((link, i) => {
      const url = isPlainObject(link) ? link.url : undefined;
      const problem = typeof url === 'string' ? urlProblem(url.trim()) : null;
      if (problem) refused.push(`triage.docLinks[${i}] ${preview(url)} was left out: ${problem}`);
      return !problem;
    });
  }
  return { data: out, refused };
}

/** Reads, migrates and checks a file against `current`; nothing is stored. Never throws. */
export function planImport(current: Settings, text: string): PlanResult {
  const raw = readConfigJson(text);
  if (!raw.ok) return raw;
  const migrated = migrateSettings(raw.value);
  if (!migrated.ok) return migrated;
  const { data, refused } = refuseUnsafeAddresses(migrated.data, current.goc?.extraOrigins ?? []);
  const { identity: fileIdentity, ...withoutIdentity } = data;

  const keep = settingsSchema.safeParse(mergeOver(current, withoutIdentity));
  if (!keep.success) {
    return { ok: false, error: newerFormatNote(migrated.fromVersion) + describeIssue(keep.error, mergeOver(current, withoutIdentity)) };
  }
  let takeIdentity: Settings | null = null;
  if (fileIdentity !== undefined) {
    const merged = mergeOver(keep.data, { identity: fileIdentity });
    const take = settingsSchema.safeParse(merged);
    // An identity you would not take anyway does not cost you the rest of the file.
    if (!take.success) refused.push(`the identity in this file cannot be used: ${describeIssue(take.error, merged)}`);
    else if (!sameJson(take.data.identity, current.identity)) takeIdentity = take.data;
  }
  const identityChanges = takeIdentity ? diffSettings(current, takeIdentity).filter((c) => c.risk === 'identity') : [];
  return {
    ok: true,
    keepIdentity: keep.data,
    takeIdentity,
    changes: diffSettings(current, keep.data),
    identityChanges,
    refused,
    warnings: migrated.warnings,
  };
}

/** The settings to store for the user's choice. */
export function chosenSettings(plan: ImportPlan, takeIdentity: boolean): Settings {
  return takeIdentity && plan.takeIdentity ? plan.takeIdentity : plan.keepIdentity;
}

/** Every changed key between two settings objects, risky ones marked. */
export function diffSettings(before: Settings, after: Settings): ImportChange[] {
  const out: ImportChange[] = [];
  walk(before, after, [], out);
  return out;
}

function walk(before: unknown, after: unknown, path: PropertyKey[], out: ImportChange[]): void {
  if (path.length === 1 && path[0] === 'version') return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  if (sameJson(before, after)) return;
  out.push({ path: formatPath(path), summary: summarize(before, after), ...riskOf(path, after) });
}

function summarize(before: unknown, after: unknown): string {
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length === after.length
      ? `${after.length} entr${after.length === 1 ? 'y' : 'ies'} changed`
      : `${before.length} → ${after.length} entries`;
  }
  if (before === undefined) return `added ${preview(after, 40)}`;
  if (after === undefined) return 'removed';
  const long = (v: unknown) => typeof v === 'string' && (v.length > 40 || v.includes('\n'));
  if (long(before) || long(after) || typeof after === 'object' || typeof before === 'object') return 'changed';
  return `${preview(before, 40)} → ${preview(after, 40)}`;
}

function riskOf(path: PropertyKey[], after: unknown): Pick<ImportChange, 'risk' | 'why'> {
  const [section, key] = path.map(String);
  if (section === 'identity') {
    return { risk: 'identity', why: 'your identity: updates you sign and "assigned to me" would use it' };
  }
  const address = ADDRESS_KEYS.find((r) => r.section === section && r.key === key);
  if (address) return { risk: 'address', why: `a web address: ${address.why}` };
  if (section === 'triage' && key === 'docLinks') return { risk: 'address', why: 'web addresses the close checklist offers as links' };
  if (section === 'features' && after === false) return { risk: 'guard', why: 'turns off a check on ticket pages' };
  if (section === 'notifications' && (after === false || after === 'never')) {
    return { risk: 'notification', why: 'turns off a notification' };
  }
  return {};
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
