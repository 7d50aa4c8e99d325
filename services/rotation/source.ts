/**
 * Reading the configured rotation source: host permission, one capped, uncached fetch, and every
 * failure in words the user can act on. Resolves to parsed weeks or an error; never throws.
 */
import type { RotationStatusView } from '../../utils/messages/rotation';
import { MAX_SOURCE_BYTES, parseRotationSource } from '../../utils/rotation/detect';
import type { ParseResult } from '../../utils/rotation/types';
import type { Settings } from '../../utils/settings';
import { patternFor } from '../../utils/host-grants';
import { fetchCapped, hostForMessages, usableBody, type FetchedBody } from '../shared/fetch-capped';
import type { RotationContext } from './context';

export type SourceResult = { ok: true; parsed: Extract<ParseResult, { ok: true }> } | { ok: false; error: string };

const ACCEPT = 'text/calendar, application/json, text/plain, text/html;q=0.8, */*;q=0.5';

/** `https://host:8443/x` → `https://host/*` (match patterns have no port): the grants' own rule. */
export const originPattern = patternFor;

export async function permissionFor(ctx: RotationContext, source: string): Promise<RotationStatusView['permission']> {
  const pattern = originPattern(source);
  if (!pattern) return 'not-needed';
  try {
    return (await ctx.deps.hasOriginPermission(pattern)) ? 'granted' : 'missing';
  } catch {
    return 'missing';
  }
}

/** A fetched body, not parsed yet. */
export type { FetchedBody };

/** Permission, then one capped fetch. The parse is separate (sync.ts records the attempt between). */
export async function fetchBody(ctx: RotationContext, source: string): Promise<FetchedBody> {
  const host = hostForMessages(source);
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
  return usableBody(host, result, 'The source');
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
