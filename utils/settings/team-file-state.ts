/**
 * What the team-file service keeps between syncs (storage.local `teamFile.state`) and the user's
 * local overrides of team values (`teamFile.overrides`), with defensive readers. No zod and no
 * schema import: utils/storage/items.ts (loaded by content scripts) uses these readers.
 */

/** One line of "what the last sync changed": `roster: +1 person`. */
export interface TeamChangeLine {
  /** roster, experts, snippets, rotation, queue, jira, triage */
  area: string;
  text: string;
  /** `queue.staleDays: 7 → 5`-style detail lines. */
  details: string[];
  /** A local override of the user's hides this change (their value stays). */
  overridden?: boolean;
}

export interface TeamFileState {
  /** The address the last good file came from. */
  url: string;
  /** Team values of the last good file, path → value (`team`, `queue.staleDays`, …); null before the first good sync. */
  values: Record<string, unknown> | null;
  /** When the last good file was fetched. */
  syncedAt: number | null;
  /** The last attempt, good or not (the periodic sync waits a period from it). */
  attemptAt: number | null;
  /** The last attempt's error, null when it was good. */
  error: string | null;
  errorAt: number | null;
  /** What the last sync that changed anything changed, and when. */
  changes: TeamChangeLine[];
  changedAt: number | null;
  /** Notes from the last good file: keys left out (personal, unknown, refused addresses). */
  notes: string[];
}

export const EMPTY_TEAM_FILE_STATE: TeamFileState = {
  url: '',
  values: null,
  syncedAt: null,
  attemptAt: null,
  error: null,
  errorAt: null,
  changes: [],
  changedAt: null,
  notes: [],
};

const record = (raw: unknown) =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
const finite = (raw: unknown) => (Number.isFinite(raw) ? (raw as number) : null);
const text = (raw: unknown) => (typeof raw === 'string' ? raw : null);
const strings = (raw: unknown) => (Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : []);

function asChangeLine(raw: unknown): TeamChangeLine | null {
  const v = record(raw);
  if (!v || typeof v.area !== 'string' || typeof v.text !== 'string') return null;
  return { area: v.area, text: v.text, details: strings(v.details).slice(0, 50), ...(v.overridden === true ? { overridden: true } : {}) };
}

export function asTeamFileState(raw: unknown): TeamFileState | undefined {
  const v = record(raw);
  if (!v) return undefined;
  return {
    url: text(v.url) ?? '',
    values: record(v.values) ?? null,
    syncedAt: finite(v.syncedAt),
    attemptAt: finite(v.attemptAt),
    error: text(v.error),
    errorAt: finite(v.errorAt),
    changes: Array.isArray(v.changes) ? v.changes.map(asChangeLine).filter((c): c is TeamChangeLine => c !== null).slice(0, 20) : [],
    changedAt: finite(v.changedAt),
    notes: strings(v.notes).slice(0, 30),
  };
}

/** path → the user's own value for a team key. */
export type TeamOverrides = Record<string, unknown>;

export function asTeamOverrides(raw: unknown): TeamOverrides | undefined {
  const v = record(raw);
  if (!v) return undefined;
  const out: TeamOverrides = {};
  for (const [path, value] of Object.entries(v)) {
    // Only paths a team file can carry (checked again by the merge); never a prototype key.
    if (/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)?$/.test(path) && value !== undefined) out[path] = value;
  }
  return out;
}
