/**
 * Reading the team file: host access for its origin, then one capped, uncached GET. Every failure
 * is a sentence the user can act on; never throws.
 */
import { MAX_CONFIG_BYTES } from '../../utils/settings/parse';
import { patternFor } from '../../utils/host-grants';
import { fetchCapped, hostForMessages, usableBody, type FetchLike } from '../shared/fetch-capped';

export interface TeamFetchDeps {
  fetch: FetchLike;
  /** Does the extension hold host access to this match pattern (`https://host/*`)? */
  hasOriginPermission(pattern: string): Promise<boolean>;
  timeoutMs: number;
}

export type FetchedTeamFile = { ok: true; body: string } | { ok: false; error: string };

export async function fetchTeamFile(deps: TeamFetchDeps, url: string): Promise<FetchedTeamFile> {
  const host = hostForMessages(url);
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
  const fetched = usableBody(host, result, 'The team file');
  return fetched.ok ? { ok: true, body: fetched.body } : fetched;
}
