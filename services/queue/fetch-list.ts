/**
 * The one request of a queue check: GET <base>/list/open with the browser's cookies, no cache, and
 * a timeout. Never throws: every failure becomes a FetchOutcome.
 */
import { gocUrl, type FetchOutcome } from '../../utils/queue/state';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export async function fetchOpenList(
  baseUrl: string,
  timeoutSeconds: number,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<FetchOutcome> {
  const controller = new AbortController();
  const seconds = Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 20;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, seconds * 1000);
  try {
    const response = await fetchImpl(gocUrl(baseUrl, 'list/open'), {
      method: 'GET',
      credentials: 'include',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
      headers: { Accept: 'text/html' },
    });
    // The body is read under the same timeout: a server that stalls mid-page is a timeout too.
    const html = await response.text();
    return { kind: 'response', status: response.status, url: response.url, redirected: response.redirected, html };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', seconds };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
