/**
 * The content scripts registered at run time for the other GOC sites a user added (issue 9).
 * Pure: the background service (services/goc-origins.ts) passes the granted origins and the
 * manifest's content_scripts, and hands the result to `scripting.registerContentScripts` (Chrome) or
 * `contentScripts.register` (Firefox MV2).
 *
 * The patterns follow the same rules as the manifest's (origins.ts matchesFor/listMatchesFor, hosts.ts
 * submitMatchesFor; entrypoints/*.content.ts use GOC_MATCHES/GOC_LIST_MATCHES); the files are the built
 * ones the manifest lists (`content-scripts/<name>.js`, and `<name>.css` when the build made one).
 * A unit test compares these registrations for a built-in origin with the entry points and the
 * built manifest, so they cannot drift apart.
 */
import { submitMatchesFor, type ManifestScriptName } from './hosts';
import { listMatchesFor, matchesFor } from './origins';

export type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** Where each script runs, as functions of the origins (the entry points' definitions, for any origin). */
export const SCRIPT_RULES: Record<ManifestScriptName, { matches(origins: readonly string[]): string[]; excludeMatches?(origins: readonly string[]): string[]; runAt: RunAt }> = {
  // Every page: it asks the background for the banner (and on the lists the list) script after the
  // load event; the background injects those into any page it has the host permission for.
  loader: { matches: matchesFor, runAt: 'document_start' },
  submit: { matches: submitMatchesFor, runAt: 'document_start' },
  ticket: { matches: matchesFor, excludeMatches: notTicketPages, runAt: 'document_start' },
  triage: { matches: matchesFor, excludeMatches: notTicketPages, runAt: 'document_start' },
  update: { matches: matchesFor, excludeMatches: notTicketPages, runAt: 'document_start' },
};

/** The pages with scripts of their own (lists, the new-ticket form): the ticket scripts skip them. */
function notTicketPages(origins: readonly string[]): string[] {
  return [...listMatchesFor(origins), ...submitMatchesFor(origins)];
}

/** The parts of a manifest content_scripts entry we read. */
export interface ManifestContentScript {
  matches?: readonly string[];
  exclude_matches?: readonly string[];
  js?: readonly string[];
  css?: readonly string[];
  run_at?: string;
}

/** One registration: Chrome's RegisteredContentScript shape (Firefox's is built from it). */
export interface ScriptRegistration {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  css: string[];
  runAt: RunAt;
}

/** Ids of our registrations start with this (anything else registered is not ours to touch). */
export const REGISTRATION_PREFIX = 'gta-goc-sites-';

/**
 * One registration per content script, covering every granted extra origin (none when there is no
 * origin). A script whose built file the manifest does not list (not built in this version) is left out.
 */
export function registrationsFor(origins: readonly string[], manifestScripts: readonly ManifestContentScript[]): ScriptRegistration[] {
  if (origins.length === 0) return [];
  const files = new Set(manifestScripts.flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]).map(extensionPath));
  const out: ScriptRegistration[] = [];
  for (const [name, rule] of Object.entries(SCRIPT_RULES) as [ManifestScriptName, (typeof SCRIPT_RULES)[ManifestScriptName]][]) {
    const js = `content-scripts/${name}.js`;
    if (!files.has(js)) continue;
    const css = `content-scripts/${name}.css`;
    out.push({
      id: `${REGISTRATION_PREFIX}${name}`,
      matches: unique(rule.matches(origins)),
      excludeMatches: unique(rule.excludeMatches?.(origins) ?? []),
      js: [js],
      css: files.has(css) ? [css] : [],
      runAt: rule.runAt,
    });
  }
  return out;
}

/** A comparable form of registrations (ids sorted, patterns sorted): equal keys need no re-registering. */
export function registrationsKey(registrations: ReadonlyArray<Pick<ScriptRegistration, 'id' | 'matches' | 'js' | 'runAt'> & { excludeMatches?: readonly string[]; css?: readonly string[] }>): string {
  const norm = registrations
    .map((r) => ({
      id: r.id,
      matches: [...r.matches].sort(),
      excludeMatches: [...(r.excludeMatches ?? [])].sort(),
      js: [...r.js],
      css: [...(r.css ?? [])],
      runAt: r.runAt,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(norm);
}

/**
 * A manifest file as a path from the extension's root: Chrome's getManifest() gives
 * `content-scripts/loader.js`, Firefox's the full `moz-extension://<uuid>/content-scripts/loader.js`.
 */
export function extensionPath(file: string): string {
  return file.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '').replace(/^\/+/, '');
}

function unique(patterns: string[]): string[] {
  return [...new Set(patterns)];
}
