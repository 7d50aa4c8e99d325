/**
 * Reading the configured rotation source: host permission, one capped, uncached fetch, and every
 * failure in words the user can act on. Resolves to parsed weeks or an error; never throws.
 */
import type { RotationStatusView } from '../../utils/messages/rotation';
import { MAX_SOURCE_BYTES, parseRotationSource } from '../../utils/rotation/detect';
import type { ParseResult } from '../../utils/rotation/types';
import type { Settings } from '../../utils/settings';
import { fetchCapped, megabytes, type CappedFetchResult } from '../shared/fetch-capped';
import type { RotationContext } from './context';

export type SourceResult = { ok: true; parsed: Extract<ParseResult, { ok: true }> } | { ok: false; error: string };

const ACCEPT = 'text/calendar, application/json, text/plain, text/html;q=0.8, */*;q=0.5';

/** `https://host:8443/x` → `https://host/*` (match patterns have no port). */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

export async function permissionFor(ctx: RotationContext, source: string): Promise<RotationStatusView['permission']> {
  const pattern = originPattern(source);
  if (!pattern) return 'not-needed';
  try {
    return (await ctx.deps.hasOriginPermission(pattern)) ? 'granted' : 'missing';
  } catch {
    return 'missing';
  }
}

function hostOf(source: string): string {
  try {
    return new URL(source).host;
  } catch {
    return source;
  }
}

/** A fetched body, not parsed yet. */
export type FetchedBody = { ok: true; body: string; contentType: string } | { ok: false; error: string };

/** Permission, then one capped fetch. The parse is separate (sync.ts records the attempt between). */
export async function fetchBody(ctx: RotationContext, source: string): Promise<FetchedBody> {
  const host = hostOf(source);
  if (!originPattern(source)) return { ok: false, error: 'The rotation source must be an http:// or https:// URL.' };
  if ((await permissionFor(ctx, source)) === 'missing') {
    return { ok: false, error: `No permission to read ${host}. Open Options → Triage rotation and click "Allow access to ${host}".` };
  }
  const result = await fetchCapped(source, {
    timeoutMs: ctx.timeoutMs,
    maxBytes: MAX_SOURCE_BYTES,
    fetchImpl: ctx.deps.fetch,
    init: { credentials: 'include', redirect: 'follow', headers: { accept: ACCEPT } },
  });
  if (result.kind !== 'response') return { ok: false, error: fetchProblem(host, result) };
  if (!result.ok) return { ok: false, error: `${host} answered HTTP ${result.status}: ${httpProblem(result.status)}.` };
  return { ok: true, body: result.body, contentType: result.contentType };
}

/** The synchronous, bounded parse of a fetched body (parseRotationSource refuses bodies over its bounds). */
export function parseBody(fetched: Extract<FetchedBody, { ok: true }>, settings: Settings, at: number): SourceResult {
  const parsed = parseRotationSource(fetched.body, { timeZone: settings.rotation.timeZone, now: at }, fetched.contentType);
  return parsed.ok ? { ok: true, parsed } : { ok: false, error: parsed.error };
}

/** Fetch and parse in one step (no attempt recorded in between). */
export async function fetchSource(ctx: RotationContext, source: string, settings: Settings, at: number): Promise<SourceResult> {
  const fetched = await fetchBody(ctx, source);
  return fetched.ok ? parseBody(fetched, settings, at) : fetched;
}

function fetchProblem(host: string, result: Exclude<CappedFetchResult, { kind: 'response' }>): string {
  switch (result.kind) {
    case 'timeout':
      return `${host} did not answer within ${Math.round(result.timeoutMs / 1000)} s.`;
    case 'too-large':
      return `The source is too large (more than ${megabytes(result.maxBytes)}).`;
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? `Offline: could not reach ${host}.`
        : `Could not reach ${host} (${result.message}).`;
  }
}

function httpProblem(status: number): string {
  if (status === 401 || status === 403) return 'access was refused — the page needs a sign-in, or is not public';
  if (status === 404) return 'the page was not found — check the URL';
  if (status >= 500) return 'the server failed';
  return 'unexpected answer';
}
