/**
 * Reads and writes the settings object.
 *
 * Where: identity (name, e-mail, Footprints id, aliases) in storage.sync under `identity`, so it
 * follows the user across machines; everything else in storage.local under `settings` (long
 * signatures, snippets and team lists would pass sync's 8 KB-per-item limit). If sync cannot take
 * the identity (no account, quota, policy), it is kept in `settings.identity` in local instead until
 * a sync write succeeds again (then the local copy is dropped). Both copies carry `updatedAt` (when
 * they were written, stripped on load): the newer one wins, so a local copy left behind by a failed
 * sync write never overrides, nor is pushed back over, an identity changed later on another machine.
 * Copies without a stamp (written before it existed) count as 0; on a tie the local copy wins.
 *
 * Bad stored data never breaks a page: loading keeps every valid part, resets only invalid fields
 * and says which. Saving validates first; an invalid object is refused and nothing stored changes.
 */
import { browser } from 'wxt/browser';
import {
  chosenSettings,
  defaultSettings,
  parseSettings,
  planImport,
  repairSettings,
  type ImportPlan,
  type PlanResult,
  type Settings,
} from '../utils/settings';
import { isPlainObject } from '../utils/settings/json';
import { getItems, setItem, STORED } from '../utils/storage-items';
import { applyTeamValues, recordOverrides, type TeamValues } from '../utils/settings/team-file';
import { settingsChanged } from './shared/storage';

export const SYNC_KEY = STORED.identitySync.key;
export const LOCAL_KEY = STORED.settingsLocal.key;

export interface LoadedSettings {
  settings: Settings;
  /** Set when part of what was stored could not be used (those parts are at their defaults). */
  error?: string;
}

async function readStored(): Promise<{ local: unknown; synced: unknown }> {
  const [synced, local] = await Promise.all([
    // storage.sync can be missing or throw (Firefox without sync, enterprise policy).
    Promise.resolve()
      .then(() => browser.storage.sync.get(SYNC_KEY))
      .catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(LOCAL_KEY),
  ]);
  return {
    local: (local as Record<string, unknown>)[LOCAL_KEY],
    synced: (synced as Record<string, unknown>)[SYNC_KEY],
  };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const { local, synced } = await readStored();
  if (local === undefined && synced === undefined) return { settings: defaultSettings() };
  const problems: string[] = [];
  if (local !== undefined && !isPlainObject(local)) problems.push('the stored settings were not an object');
  const base = isPlainObject(local) ? local : {};
  const identity = pickIdentity(base.identity, synced);
  const repaired = repairSettings(identity === undefined ? { ...base } : { ...base, identity });
  problems.push(...repaired.problems);
  if (problems.length === 0) return { settings: repaired.settings };
  return {
    settings: repaired.settings,
    error: `Some stored settings were invalid and are at their defaults: ${problems.join('; ')}.`,
  };
}

/** Validates before writing: an invalid object is refused and nothing stored changes. */
export async function saveSettings(next: unknown): Promise<LoadedSettings> {
  const parsed = parseSettings(next);
  if (!parsed.ok) return { settings: (await loadSettings()).settings, error: parsed.error };
  const { identity, ...rest } = parsed.settings;
  const { synced } = await readStored();
  let identityInSync = true;
  const stamped = { ...identity, [STAMP]: Date.now() };
  // sync has write-rate limits: only write the identity when it changed.
  if (JSON.stringify(unstamped(synced).identity) !== JSON.stringify(identity)) {
    try {
      await browser.storage.sync.set({ [SYNC_KEY]: stamped });
    } catch {
      identityInSync = false;
    }
  }
  await browser.storage.local.set({ [LOCAL_KEY]: identityInSync ? rest : { ...rest, identity: stamped } });
  return { settings: parsed.settings };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write of the current settings, one at a time within this page or worker, so two
 * quick edits (or two sections) never overwrite each other with stale copies.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<LoadedSettings> {
  const run = queue.then(async () => {
    const { settings } = await loadSettings();
    const saved = await saveSettings(change(settings));
    if (!saved.error) await noteOverrides(settings, saved.settings);
    return saved;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** What an import would change over the freshest stored settings; nothing is stored. */
export async function previewImportText(text: string): Promise<PlanResult> {
  const { settings } = await loadSettings();
  return planImport(settings, text);
}

export type AppliedImport =
  | { ok: true; settings: Settings; previous: Settings; plan: ImportPlan; tookIdentity: boolean }
  | { ok: false; error: string };

/**
 * Applies a team configuration file the user has seen in the preview: planned again over the
 * freshest stored settings (another section may have saved since), with the file's identity only
 * when `takeIdentity`. Returns the settings as they were before, for "Undo import".
 * On any problem nothing is stored and the result says why.
 */
export function applyImportText(text: string, options: { takeIdentity?: boolean } = {}): Promise<AppliedImport> {
  const run = queue.then(async (): Promise<AppliedImport> => {
    const { settings: previous } = await loadSettings();
    const plan = planImport(previous, text);
    if (!plan.ok) return plan;
    const tookIdentity = options.takeIdentity === true && plan.takeIdentity !== null;
    const saved = await saveSettings(chosenSettings(plan, tookIdentity));
    if (saved.error) return { ok: false, error: saved.error };
    await noteOverrides(previous, saved.settings);
    return { ok: true, settings: saved.settings, previous, plan, tookIdentity };
  });
  queue = run.catch(() => undefined);
  return run;
}

/** "Undo import": stores `previous` (what applyImportText returned) back exactly. */
export function restoreSettings(previous: Settings): Promise<LoadedSettings> {
  const run = queue.then(async () => {
    const { settings: before } = await loadSettings();
    const saved = await saveSettings(previous);
    if (!saved.error) await noteOverrides(before, saved.settings);
    return saved;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * While a team file is in use, a save by the user that changes a team key to something other than
 * the team's value keeps that value as a local override (and one back at the team's value drops it).
 * A failure here never undoes the save; the value simply is not marked as an override.
 */
async function noteOverrides(before: Settings, after: Settings): Promise<void> {
  try {
    const { state, overrides } = await getItems(browser.storage, { state: STORED.teamFileState, overrides: STORED.teamFileOverrides });
    if (!state.values || !after.teamFile.url) return;
    const next = recordOverrides(before, after, state.values, overrides);
    if (next) await setItem(browser.storage, STORED.teamFileOverrides, next);
  } catch (error) {
    console.warn('[GOC Ticket Assistant] team file overrides not recorded', error);
  }
}

export type AppliedTeamFile = { ok: true; before: Settings; settings: Settings } | { ok: false; error: string };

/**
 * Puts a team file's values into the stored settings (services/team-file): team keys only, the
 * user's overrides kept, personal keys untouched. Validated like every save: on a problem nothing
 * is stored and the result says why.
 */
export function applyTeamFile(values: TeamValues): Promise<AppliedTeamFile> {
  const run = queue.then(async (): Promise<AppliedTeamFile> => {
    const [{ settings: before, error: loadError }, overrides] = await Promise.all([
      loadSettings(),
      getItems(browser.storage, { o: STORED.teamFileOverrides }).then((r) => r.o),
    ]);
    // Damaged stored settings read as defaults: writing over them would lose the good parts.
    if (loadError) return { ok: false, error: loadError };
    const saved = await saveSettings(applyTeamValues(before, values, overrides));
    if (saved.error) return { ok: false, error: `the team file's values could not be stored: ${saved.error}` };
    return { ok: true, before, settings: saved.settings };
  });
  queue = run.catch(() => undefined);
  return run;
}

/** "Use the team's value": drops the override of `path` and stores the last good file's value there. */
export function dropTeamOverride(path: string): Promise<LoadedSettings> {
  const run = queue.then(async (): Promise<LoadedSettings> => {
    const { state, overrides } = await getItems(browser.storage, { state: STORED.teamFileState, overrides: STORED.teamFileOverrides });
    const { [path]: _dropped, ...rest } = overrides;
    const { settings } = await loadSettings();
    let result: LoadedSettings = { settings };
    if (state.values && Object.prototype.hasOwnProperty.call(state.values, path)) {
      result = await saveSettings(applyTeamValues(settings, { [path]: state.values[path] }));
      if (result.error) return result;
    }
    await setItem(browser.storage, STORED.teamFileOverrides, rest);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Calls back with fresh settings whenever any part of them changes. Returns an unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (settingsChanged(changes, area)) {
      const ticket = ++latest;
      // Two quick writes (sync, then local) give two events: only the newest read is delivered.
      void loadSettings().then((loaded) => {
        if (ticket === latest) callback(loaded.settings);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The key inside each stored identity copy saying when it was written (ms since 1970). */
const STAMP = 'updatedAt';

/** A stored identity copy without its stamp, and the stamp (0 when absent or not a number). */
function unstamped(copy: unknown): { identity: unknown; at: number } {
  if (!isPlainObject(copy)) return { identity: copy, at: 0 };
  const { [STAMP]: at, ...identity } = copy;
  return { identity, at: typeof at === 'number' && Number.isFinite(at) ? at : 0 };
}

/** The newer of the local fallback copy and the synced identity; the local one on a tie. */
function pickIdentity(localCopy: unknown, syncedCopy: unknown): unknown {
  if (localCopy === undefined) return syncedCopy === undefined ? undefined : unstamped(syncedCopy).identity;
  const local = unstamped(localCopy);
  if (syncedCopy === undefined) return local.identity;
  const synced = unstamped(syncedCopy);
  return synced.at > local.at ? synced.identity : local.identity;
}
