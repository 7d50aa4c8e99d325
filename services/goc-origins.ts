/**
 * Other GOC sites (issue 9): the content scripts the manifest has for the built-in GOC hosts, also
 * registered at run time for every origin in `goc.extraOrigins` whose host permission is granted.
 *
 * Made so on every background start, on install/startup, after every settings change and whenever a
 * permission is added or removed (the user may revoke one in the browser). Chrome MV3:
 * `scripting.registerContentScripts` with one id per script covering all origins, persisted across
 * sessions; Firefox MV2: `contentScripts.register`, whose handles live as long as the (persistent)
 * background page, so every start registers again. Each pass compares before it changes anything.
 * What is registered is published as STORED.gocSitesRegistered (the options page and tests read it).
 */
import { browser } from 'wxt/browser';
import { validOrigins, originPattern } from '../utils/goc/origins';
import {
  extensionPath,
  REGISTRATION_PREFIX,
  registrationsFor,
  registrationsKey,
  type ManifestContentScript,
  type ScriptRegistration,
} from '../utils/goc/registrations';
import { setItem, STORED, type StorageLike } from '../utils/storage-items';
import { loadSettings } from './settings-store';
import { settingsChanged } from './shared/storage';

/** Makes the browser's registrations of ours exactly `desired`. */
export interface Registrar {
  apply(desired: ScriptRegistration[]): Promise<void>;
}

export interface GocOriginsDeps {
  store: StorageLike;
  /** The extra origins of the stored settings; null when the settings are damaged (leave things as they are). */
  extraOrigins(): Promise<string[] | null>;
  isGranted(pattern: string): Promise<boolean>;
  manifestScripts(): readonly ManifestContentScript[];
  registrar: Registrar;
  now?: () => number;
}

/** One pass; resolves to the origins registered (null when nothing was decided). Never throws. */
export async function syncGocOrigins(deps: GocOriginsDeps): Promise<string[] | null> {
  const now = deps.now ?? Date.now;
  let origins: string[] = [];
  try {
    const wanted = await deps.extraOrigins();
    if (wanted === null) return null;
    const granted = await Promise.all(validOrigins(wanted).map(async (o) => ((await deps.isGranted(originPattern(o)).catch(() => false)) ? o : null)));
    origins = granted.filter((o): o is string => o !== null);
    await deps.registrar.apply(registrationsFor(origins, deps.manifestScripts()));
    await setItem(deps.store, STORED.gocSitesRegistered, { origins, at: now(), error: null });
    return origins;
  } catch (error) {
    console.warn('[GOC Ticket Assistant] could not register the content scripts of other GOC sites', error);
    await setItem(deps.store, STORED.gocSitesRegistered, { origins: [], at: now(), error: String(error) }).catch(() => undefined);
    return null;
  }
}

/** The `scripting` API surface used (Chrome MV3). */
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string; matches?: string[]; excludeMatches?: string[]; js?: string[]; css?: string[]; runAt?: string }>>;
  registerContentScripts(scripts: Array<Record<string, unknown>>): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/** Chrome: compares with what is registered (it persists across sessions) and replaces ours when different. */
export function scriptingRegistrar(scripting: ScriptingLike): Registrar {
  return {
    async apply(desired) {
      const current = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(REGISTRATION_PREFIX));
      const seen = current.map((s) => ({
        id: s.id,
        matches: s.matches ?? [],
        excludeMatches: s.excludeMatches ?? [],
        js: (s.js ?? []).map(extensionPath),
        css: (s.css ?? []).map(extensionPath),
        runAt: (s.runAt ?? 'document_idle') as ScriptRegistration['runAt'],
      }));
      if (registrationsKey(seen) === registrationsKey(desired)) return;
      if (current.length > 0) await scripting.unregisterContentScripts({ ids: current.map((s) => s.id) });
      if (desired.length === 0) return;
      await scripting.registerContentScripts(
        desired.map((r) => ({
          id: r.id,
          matches: r.matches,
          ...(r.excludeMatches.length ? { excludeMatches: r.excludeMatches } : {}),
          js: r.js,
          ...(r.css.length ? { css: r.css } : {}),
          runAt: r.runAt,
          persistAcrossSessions: true,
        })),
      );
    },
  };
}

/** The `contentScripts` API surface used (Firefox MV2). */
export interface ContentScriptsLike {
  register(options: Record<string, unknown>): Promise<{ unregister(): Promise<void> | void }>;
}

/** Firefox: keeps the handles of what it registered; a changed script is unregistered and registered anew. */
export function contentScriptsRegistrar(api: ContentScriptsLike): Registrar {
  const live = new Map<string, { key: string; handle: { unregister(): Promise<void> | void } }>();
  return {
    async apply(desired) {
      const wanted = new Map(desired.map((r) => [r.id, r]));
      for (const [id, entry] of [...live]) {
        const next = wanted.get(id);
        if (next && registrationsKey([next]) === entry.key) continue;
        live.delete(id);
        await entry.handle.unregister();
      }
      for (const r of desired) {
        if (live.has(r.id)) continue;
        const handle = await api.register({
          matches: r.matches,
          ...(r.excludeMatches.length ? { excludeMatches: r.excludeMatches } : {}),
          // From the extension's root, whatever page calls this.
          js: r.js.map((file) => ({ file: `/${file}` })),
          ...(r.css.length ? { css: r.css.map((file) => ({ file: `/${file}` })) } : {}),
          runAt: r.runAt,
        });
        live.set(r.id, { key: registrationsKey([r]), handle });
      }
    },
  };
}

/** Runs a pass now and on every trigger, one at a time (a trigger during a pass runs one more pass after it). */
export function watchGocOrigins(
  deps: GocOriginsDeps,
  events: { onPermissionsChanged(listener: () => void): void; onStartOrInstall(listener: () => void): void },
): { settled(): Promise<void> } {
  let chain: Promise<unknown> = Promise.resolve();
  const run = () => {
    chain = chain.then(() => syncGocOrigins(deps));
  };
  deps.store.onChanged.addListener((changes, area) => {
    if (settingsChanged(changes, area)) run();
  });
  events.onPermissionsChanged(run);
  events.onStartOrInstall(run);
  run();
  return { settled: () => chain.then(() => undefined) };
}

function browserRegistrar(): Registrar | null {
  const api = browser as unknown as { scripting?: ScriptingLike; contentScripts?: ContentScriptsLike };
  if (api.scripting?.registerContentScripts) return scriptingRegistrar(api.scripting);
  if (api.contentScripts?.register) return contentScriptsRegistrar(api.contentScripts);
  return null;
}

/** Background wiring (entrypoints/background.ts). */
export function registerGocOriginsService(): void {
  const registrar = browserRegistrar();
  if (!registrar || !browser.permissions?.contains) return;
  watchGocOrigins(
    {
      store: browser.storage,
      extraOrigins: async () => {
        const loaded = await loadSettings();
        // Damaged settings read as defaults (no extra sites): keep what is registered until repaired.
        return loaded.error ? null : [...(loaded.settings.goc?.extraOrigins ?? [])];
      },
      isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      manifestScripts: () => (browser.runtime.getManifest().content_scripts ?? []) as ManifestContentScript[],
      registrar,
    },
    {
      onPermissionsChanged: (listener) => {
        browser.permissions.onAdded?.addListener(listener);
        browser.permissions.onRemoved?.addListener(listener);
      },
      onStartOrInstall: (listener) => {
        browser.runtime.onStartup.addListener(listener);
        browser.runtime.onInstalled.addListener(listener);
      },
    },
  );
}
