/**
 * One team-file sync: fetch, parse with the import's rules, put the team values into the stored
 * settings (overrides and personal keys kept), and record the outcome. A failed or invalid fetch
 * keeps the last good file (and the settings made from it) and records the error beside the time
 * of the last good sync. One sync at a time; a request for the same URL joins the running one.
 */
import type { Settings } from '../../utils/settings';
import {
  anyChange,
  applyTeamValues,
  parseTeamFile,
  summarizeTeamChanges,
  type TeamValues,
} from '../../utils/settings/team-file';
import { EMPTY_TEAM_FILE_STATE, type TeamFileState } from '../../utils/settings/team-file-state';
import { getItem, setItem, setItems, STORED, type StorageLike } from '../../utils/storage-items';
import type { AppliedTeamFile } from '../settings-store';
import { fetchTeamFile, type TeamFetchDeps } from './fetch';

export interface TeamFileContext extends TeamFetchDeps {
  storage: StorageLike;
  now(): number;
  settings(): Promise<Settings>;
  apply(values: TeamValues): Promise<AppliedTeamFile>;
  running: Promise<TeamFileState> | null;
  runningUrl: string;
}

export async function syncTeamFile(ctx: TeamFileContext, reason: string): Promise<TeamFileState> {
  const url = (await ctx.settings()).teamFile.url;
  if (ctx.running && ctx.runningUrl === url) return ctx.running;
  const previous = ctx.running;
  const mine = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => runSync(ctx, reason));
  ctx.running = mine;
  ctx.runningUrl = url;
  void mine.catch(() => undefined).finally(() => {
    if (ctx.running === mine) ctx.running = null;
  });
  return mine;
}

async function runSync(ctx: TeamFileContext, reason: string): Promise<TeamFileState> {
  const url = (await ctx.settings()).teamFile.url;
  const state = await getItem(ctx.storage, STORED.teamFileState);
  if (!url) {
    // No team file any more: forget it and the overrides; the settings stay as they are (now yours).
    if (state.values === null && state.attemptAt === null) return state;
    await setItems(ctx.storage, [
      [STORED.teamFileState, EMPTY_TEAM_FILE_STATE],
      [STORED.teamFileOverrides, {}],
    ]);
    return EMPTY_TEAM_FILE_STATE;
  }
  const at = ctx.now();
  const fetched = await fetchTeamFile(ctx, url);
  const parsed = fetched.ok ? parseTeamFile(fetched.body) : fetched;
  if (!parsed.ok) return fail(ctx, state, at, fetched.ok ? `The team file is not valid: ${parsed.error}` : parsed.error, reason);
  const overrides = await getItem(ctx.storage, STORED.teamFileOverrides);
  const applied = await ctx.apply(parsed.values);
  if (!applied.ok) return fail(ctx, state, at, applied.error, reason);

  // What changed, as the team sees it: the old file's values against the new one's, over the same settings.
  const base = applied.before;
  const before = (state.values ? applyTeamValues(base, state.values) : base) as Settings;
  const after = applyTeamValues(base, parsed.values) as Settings;
  const paths = [...new Set([...Object.keys(state.values ?? {}), ...Object.keys(parsed.values)])];
  const lines = summarizeTeamChanges(before, after, paths, overrides);
  const changed = state.values === null || state.url !== url || anyChange(lines);
  const next: TeamFileState = {
    url,
    values: parsed.values,
    syncedAt: at,
    attemptAt: at,
    error: null,
    errorAt: null,
    changes: changed ? lines : state.changes,
    changedAt: changed ? at : state.changedAt,
    notes: [...parsed.warnings, ...parsed.notes],
  };
  await setItem(ctx.storage, STORED.teamFileState, next);
  return next;
}

async function fail(ctx: TeamFileContext, state: TeamFileState, at: number, error: string, reason: string): Promise<TeamFileState> {
  console.warn(`[GOC Ticket Assistant] team file sync (${reason}) failed: ${error}`);
  const next: TeamFileState = { ...state, attemptAt: at, error, errorAt: at };
  await setItem(ctx.storage, STORED.teamFileState, next);
  return next;
}
