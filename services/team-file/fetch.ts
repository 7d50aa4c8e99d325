/**
 * Reading the team file: host access for its origin, then one capped, uncached GET. Every failure
 * is a sentence the user can act on; never throws.
 */
import { MAX_CONFIG_BYTES } from '../../utils/settings/parse';
import { patternFor } from '../../utils/host-grants';
import { fetchCapped, megabytes, type FetchLike } from '../shared/fetch-capped';

export interface TeamFetchDeps {
  fetch: FetchLike;
  /** Does the extension hold host access to this match pattern (`https://host/*`)? */
  hasOriginPermission(pattern: string): Promise<boolean>;
  timeoutMs: number;
}

export type FetchedTeamFile = { ok: true; body: string } | { ok: false; error: string };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function fetchTeamFile(deps: TeamFetchDeps, url: string): Promise<FetchedTeamFile> {
  const host = hostOf(url);
  const pattern = patternFor(url);
  if (!pattern || !url.startsWith('https:')) return { ok: false, error: 'The team file URL must be an https:// address.' };
  const granted = await deps.hasOriginPermission(pattern).catch(() => false);
  if (!granted) {
    return { ok: false, error: `No permission to read ${host}. Open Options → Team file and press "Save and sync now" to allow it.` };
  }
  const result = await fetchCapped(url, {
    timeoutMs: deps.timeoutMs,
    maxBytes: MAX_CONFIG_BYTES,
    fetchImpl: deps.fetch,
    init: { credentials: 'include', redirect: 'follow', headers: { accept: 'application/json, text/plain;q=0.8, */*;q=0.5' } },
  });
  switch (result.kind) {
    case 'timeout':
      return { ok: false, error: `${host} did not answer within ${Math.round(result.timeoutMs / 1000)} s.` };
    case 'too-large':
      return { ok: false, error: `The team file is too large (more than ${megabytes(result.maxBytes)}; a team file is a few KB).` };
    case 'network':
      return { ok: false, error: `Could not reach ${host} (${result.message}).` };
  }
  if (!result.ok) {
    const why = result.status === 401 || result.status === 403 ? 'access was refused (the file needs a sign-in, or is not public)'
      : result.status === 404 ? 'the file was not found (check the URL)'
      : result.status >= 500 ? 'the server failed'
      : 'unexpected answer';
    return { ok: false, error: `${host} answered HTTP ${result.status}: ${why}.` };
  }
  return { ok: true, body: result.body };
}
