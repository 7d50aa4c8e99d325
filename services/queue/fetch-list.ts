/**
 * The one request of a queue check: GET <base>/list/open with the browser's cookies, no cache, a
 * timeout and a size cap. Never throws: every failure becomes a FetchOutcome.
 */
import { gocUrl, type FetchOutcome } from '../../utils/queue/state';
import { fetchCapped, type FetchLike } from '../shared/fetch-capped';

export type { FetchLike };

/** Far above any real `/list/open` page (about 1 MB for a thousand open tickets). */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 20;

export async function fetchOpenList(baseUrl: string, timeoutSeconds: number, fetchImpl?: FetchLike): Promise<FetchOutcome> {
  const seconds = Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
  const result = await fetchCapped(gocUrl(baseUrl, 'list/open'), {
    timeoutMs: seconds * 1000,
    maxBytes: MAX_LIST_BYTES,
    fetchImpl,
    init: { method: 'GET', credentials: 'include', redirect: 'follow', headers: { Accept: 'text/html' } },
  });
  switch (result.kind) {
    case 'response':
      return { kind: 'response', status: result.status, url: result.url, redirected: result.redirected, html: result.body };
    case 'timeout':
      return { kind: 'timeout', seconds };
    case 'too-large':
      return { kind: 'too-large', maxBytes: result.maxBytes };
    case 'network':
      return { kind: 'network', message: result.message };
  }
}
