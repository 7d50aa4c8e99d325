/**
 * The team-file service: syncs on install, on browser start, every few hours (an alarm), when the
 * URL changes, when host access for it is granted, and on request from the options page.
 * `registerTeamFileService()` (index.ts) wires it to browser events; this factory takes its outside
 * world as arguments so tests can drive it.
 */
import type { Settings } from '../../utils/settings';
import type { TeamValues } from '../../utils/settings/team-file';
import type { TeamFileState } from '../../utils/settings/team-file-state';
import { patternFor } from '../../utils/host-grants';
import { getItem, STORED, type StorageLike } from '../../utils/storage-items';
import type { AppliedTeamFile } from '../settings-store';
import type { FetchLike } from '../shared/fetch-capped';
import { syncTeamFile, type TeamFileContext } from './sync';

export const TEAM_FILE_ALARM = 'gta-team-file-sync';
export const TEAM_FILE_SYNC_HOURS = 4;
const HOUR = 3_600_000;

export interface TeamFileDeps {
  storage: StorageLike;
  fetch: FetchLike;
  hasOriginPermission(pattern: string): Promise<boolean>;
  settings(): Promise<Settings>;
  apply(values: TeamValues): Promise<AppliedTeamFile>;
  ensureAlarm(name: string, periodMinutes: number): Promise<unknown>;
  now?: () => number;
  timeoutMs?: number;
}

export function createTeamFileService(deps: TeamFileDeps) {
  const ctx: TeamFileContext = {
    storage: deps.storage,
    fetch: deps.fetch,
    hasOriginPermission: deps.hasOriginPermission,
    timeoutMs: deps.timeoutMs ?? 30_000,
    now: deps.now ?? Date.now,
    settings: deps.settings,
    apply: deps.apply,
    running: null,
    runningUrl: '',
  };
  const sync = (reason: string): Promise<TeamFileState> => syncTeamFile(ctx, reason);

  /** Every wake: the alarm present, and a catch-up sync when one is due. */
  async function wake(reason: string): Promise<void> {
    await deps.ensureAlarm(TEAM_FILE_ALARM, TEAM_FILE_SYNC_HOURS * 60);
    const [{ teamFile }, state] = await Promise.all([deps.settings(), getItem(deps.storage, STORED.teamFileState)]);
    const due = state.attemptAt === null || ctx.now() - state.attemptAt >= TEAM_FILE_SYNC_HOURS * HOUR;
    if ((teamFile.url && due) || (!teamFile.url && state.values !== null)) await sync(`catch-up after ${reason}`);
  }

  async function onAlarm(name: string): Promise<void> {
    if (name === TEAM_FILE_ALARM) await sync('alarm');
  }

  /** The URL changed (set, replaced or cleared): sync now. */
  async function onSettingsChanged(oldRaw: unknown, newRaw: unknown): Promise<void> {
    const urlOf = (raw: unknown) => String((raw as { teamFile?: { url?: unknown } } | undefined)?.teamFile?.url ?? '');
    if (urlOf(oldRaw) !== urlOf(newRaw)) await sync('URL changed');
  }

  /** Host access was granted: if it covers the team file, sync now. */
  async function onPermissionAdded(origins: readonly string[]): Promise<void> {
    const pattern = patternFor((await deps.settings()).teamFile.url);
    if (pattern && origins.some((o) => o === pattern || o === '<all_urls>' || o === 'https://*/*')) await sync('permission granted');
  }

  return { sync, wake, onAlarm, onSettingsChanged, onPermissionAdded };
}
