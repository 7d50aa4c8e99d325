/**
 * The team file by URL (issue 9): which settings a shared team file may set, and how its values,
 * the user's local overrides and the user's personal settings combine. Pure: no browser APIs.
 *
 * Effective settings = defaults ← team file (team keys only) ← local overrides ← personal keys.
 * The stored settings ARE the effective settings (every page already reads them); the last good
 * file's team values and the overrides are kept beside them (utils/settings/team-file-state.ts).
 *
 * Team keys (the same for everyone on the team, so they travel in the file):
 * - `team` (roster), `experts`, `snippets`: lists, replaced as a whole (like import).
 * - `rotation.source`, `rotation.timeZone`, `rotation.holidays`, `rotation.overrides`: who is on
 *   duty must read the same for everyone; holidays and swaps change whose week it is.
 * - every key of `queue`, `jira` and `triage` (known to this version or not): queue rules, JIRA
 *   links, doc links and Next Action presets are team conventions.
 * Personal keys never come from a file: `identity`, `signature`, `notifications`, `features`,
 * `schedule` (your working hours: when your browser checks and reminds you), `rotation.syncHours`
 * (how often your browser polls), `teamFile`, `goc` (sites your browser was granted), `version`.
 * Keys at the top level this version does not know are not applied (they might be personal).
 *
 * A team key is "carried" by the file only when the file has it: a file with only
 * `{"queue": {"staleDays": 5}}` sets that one value and leaves the rest of yours alone.
 */
import { defaultSettingsCopy } from './defaults';
import { diffSettings, planImport, refuseUnsafeAddresses } from './import-diff';
import { migrateSettings } from './migrations';
import { readConfigJson } from './parse';
import type { Settings } from './schema';
import type { TeamChangeLine, TeamOverrides } from './team-file-state';
import { canonical, isPlainObject } from './json';
import { isTeamPath, PERSONAL_KEYS, TEAM_LISTS, TEAM_SECTIONS, type TeamValues } from './team-paths';

export type { TeamChangeLine, TeamOverrides } from './team-file-state';
export { activeOverrides, isTeamPath, PERSONAL_KEYS, TEAM_LISTS, TEAM_ROTATION_KEYS, TEAM_SECTIONS, type TeamValues } from './team-paths';
export { canonical } from './json';

export type TeamFileParse =
  | { ok: true; values: TeamValues; notes: string[]; warnings: string[] }
  | { ok: false; error: string };

/**
 * Reads a team file with the import's own rules (size cap, JSON, migrations, the schema, https-only
 * addresses refused key by key) and keeps its team values. Never throws.
 */
export function parseTeamFile(text: string): TeamFileParse {
  // What the file itself carries (the plan's settings have every default filled in).
  const raw = readConfigJson(text);
  if (!raw.ok) return raw;
  const migrated = migrateSettings(raw.value);
  if (!migrated.ok) return migrated;
  const plan = planImport(defaultSettingsCopy(), text);
  if (!plan.ok) return plan;
  const carried = refuseUnsafeAddresses(migrated.data).data;
  const valid = plan.keepIdentity as unknown as Record<string, unknown>;
  const values: TeamValues = {};
  const personal: string[] = [];
  const unknown: string[] = [];
  for (const key of Object.keys(carried)) {
    if ((TEAM_LISTS as readonly string[]).includes(key)) values[key] = valid[key];
    else if ((TEAM_SECTIONS as readonly string[]).includes(key) || key === 'rotation') {
      const section = carried[key];
      const validSection = valid[key] as Record<string, unknown>;
      if (!isPlainObject(section)) continue;
      for (const sub of Object.keys(section)) {
        const path = `${key}.${sub}`;
        if (isTeamPath(path) && Object.prototype.hasOwnProperty.call(validSection, sub)) values[path] = validSection[sub];
        else if (key === 'rotation') personal.push(path);
      }
    } else if ((PERSONAL_KEYS as readonly string[]).includes(key)) {
      if (key !== 'version') personal.push(key);
    } else unknown.push(key);
  }
  const notes = [...plan.refused];
  if (personal.length) notes.push(`not taken from the team file (they are yours): ${personal.join(', ')}`);
  if (unknown.length) notes.push(`not known to this version, left out: ${unknown.join(', ')}`);
  return { ok: true, values, notes, warnings: plan.warnings };
}

/** The value at a team path (`queue.staleDays`), or undefined. */
export function teamValueAt(settings: unknown, path: string): unknown {
  const [head, key] = path.split('.');
  const top = isPlainObject(settings) ? settings[head] : undefined;
  if (key === undefined) return top;
  return isPlainObject(top) && Object.prototype.hasOwnProperty.call(top, key) ? top[key] : undefined;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, key] = path.split('.');
  const copy = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  if (key === undefined) {
    Object.defineProperty(target, head, { value: copy, enumerable: true, writable: true, configurable: true });
    return;
  }
  const section = isPlainObject(target[head]) ? { ...(target[head] as Record<string, unknown>) } : {};
  Object.defineProperty(section, key, { value: copy, enumerable: true, writable: true, configurable: true });
  target[head] = section;
}

/**
 * The settings with the team's values in place (an override wins over the team's value for its
 * path); every other key, personal or unknown, exactly as in `current`. Not validated here: the
 * settings store validates before storing.
 */
export function applyTeamValues(current: Settings, values: TeamValues, overrides: TeamOverrides = {}): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(current)) as Record<string, unknown>;
  for (const path of Object.keys(values)) {
    if (!isTeamPath(path)) continue;
    const own = Object.prototype.hasOwnProperty.call(overrides, path);
    setAt(out, path, own ? overrides[path] : values[path]);
  }
  return out;
}

/**
 * The overrides after a save by the user: for each team path the save changed, a value that differs
 * from the team's is kept as an override, one equal to it drops the override. Paths the save did not
 * change keep what they had. Returns null when nothing changed.
 */
export function recordOverrides(before: Settings, after: Settings, values: TeamValues, overrides: TeamOverrides): TeamOverrides | null {
  const next: TeamOverrides = { ...overrides };
  let changed = false;
  for (const path of Object.keys(values)) {
    if (!isTeamPath(path)) continue;
    const now = teamValueAt(after, path);
    if (canonical(teamValueAt(before, path)) === canonical(now)) continue;
    if (canonical(now) === canonical(values[path])) {
      if (path in next) {
        delete next[path];
        changed = true;
      }
    } else {
      next[path] = now;
      changed = true;
    }
  }
  return changed ? next : null;
}

const AREAS: { area: string; paths: (p: string) => boolean; list?: { key: 'team' | 'experts' | 'snippets'; by: string; one: string; many: string } }[] = [
  { area: 'roster', paths: (p) => p === 'team', list: { key: 'team', by: 'name', one: 'person', many: 'people' } },
  { area: 'experts', paths: (p) => p === 'experts', list: { key: 'experts', by: 'topic', one: 'topic', many: 'topics' } },
  { area: 'snippets', paths: (p) => p === 'snippets', list: { key: 'snippets', by: 'name', one: 'snippet', many: 'snippets' } },
  { area: 'rotation', paths: (p) => p.startsWith('rotation.') },
  { area: 'queue', paths: (p) => p.startsWith('queue.') },
  { area: 'jira', paths: (p) => p.startsWith('jira.') },
  { area: 'triage', paths: (p) => p.startsWith('triage.') },
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function listChange(before: unknown, after: unknown, by: string, one: string, many: string): string {
  const keyed = (list: unknown) => {
    const map = new Map<string, string>();
    if (Array.isArray(list)) for (const item of list) map.set(String(isPlainObject(item) ? item[by] : item), canonical(item));
    return map;
  };
  const [b, a] = [keyed(before), keyed(after)];
  const added = [...a.keys()].filter((k) => !b.has(k)).length;
  const removed = [...b.keys()].filter((k) => !a.has(k)).length;
  const changed = [...a.keys()].filter((k) => b.has(k) && b.get(k) !== a.get(k)).length;
  const parts: string[] = [];
  if (added) parts.push(`+${count(added, one, many)}`);
  if (removed) parts.push(`−${count(removed, one, many)}`);
  if (changed) parts.push(`${count(changed, one, many)} changed`);
  if (!parts.length && canonical(before) !== canonical(after)) parts.push('order changed');
  return parts.length ? parts.join(', ') : 'unchanged';
}

/**
 * What a sync changed, one line per area the file carries (or carried): `roster: +1 person`,
 * `experts: 1 topic changed`, `snippets: unchanged`, with `queue.staleDays: 7 → 5` details.
 * `before`/`after` are the team's view (team values over the same settings, without overrides);
 * an area whose change is hidden by one of the user's overrides is marked.
 */
export function summarizeTeamChanges(
  before: Settings,
  after: Settings,
  paths: readonly string[],
  overrides: TeamOverrides = {},
): TeamChangeLine[] {
  const details = diffSettings(before, after);
  const lines: TeamChangeLine[] = [];
  for (const spec of AREAS) {
    const mine = paths.filter(spec.paths);
    if (mine.length === 0) continue;
    const areaDetails = details.filter((d) => mine.some((p) => d.path === p || d.path.startsWith(`${p}.`) || d.path.startsWith(`${p}[`)));
    const detailLines = areaDetails.map((d) => `${d.path}: ${d.summary}`);
    let text: string;
    if (spec.list) text = listChange(teamValueAt(before, spec.list.key), teamValueAt(after, spec.list.key), spec.list.by, spec.list.one, spec.list.many);
    else if (areaDetails.length === 0) text = 'unchanged';
    else if (areaDetails.length === 1) text = detailLines[0].slice(spec.area.length + 1);
    else text = `${areaDetails.length} settings changed`;
    const overridden = text !== 'unchanged' && mine.some((p) => p in overrides);
    lines.push({ area: spec.area, text, details: detailLines, ...(overridden ? { overridden: true } : {}) });
  }
  return lines;
}

/** Whether any line reports a change. */
export function anyChange(lines: readonly TeamChangeLine[]): boolean {
  return lines.some((l) => l.text !== 'unchanged');
}
