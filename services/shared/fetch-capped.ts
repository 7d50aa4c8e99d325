/**
 * One GET with a timeout, no HTTP cache and a size cap, for every background fetch (the queue's
 * list page, the rotation source, the team file). The body is read as a stream and the read is
 * cancelled as soon as the cap is passed, so an endless or huge answer costs at most the cap.
 * Never throws: every failure is a result.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CappedFetchOptions {
  /** Covers the whole exchange: headers and body (a server that stalls mid-body times out too). */
  timeoutMs: number;
  /** Bytes of body read at most; one more and the read stops with `too-large`. */
  maxBytes: number;
  /** Method, credentials, headers, redirect…; `cache` and `signal` are always set here. */
  init?: RequestInit;
  fetchImpl?: FetchLike;
}

export type CappedFetchResult =
  | { kind: 'response'; status: number; ok: boolean; url: string; redirected: boolean; contentType: string; body: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'network'; message: string };

const TIMED_OUT = Symbol('timeout');

export async function fetchCapped(url: string, options: CappedFetchOptions): Promise<CappedFetchResult> {
  const { timeoutMs, maxBytes } = options;
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race ends a stuck request or body even where the abort signal is not honoured.
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      resolve(TIMED_OUT);
    }, timeoutMs);
  });
  const exchange = async (): Promise<CappedFetchResult> => {
    const response = await fetchImpl(url, { ...options.init, cache: 'no-store', signal: controller.signal });
    const body = await readTextCapped(response, maxBytes, (r) => (reader = r));
    if (body === null) return { kind: 'too-large', maxBytes };
    return {
      kind: 'response',
      status: response.status,
      ok: response.ok,
      url: response.url,
      redirected: response.redirected,
      contentType: response.headers.get('content-type') ?? '',
      body,
    };
  };
  try {
    const outcome = await Promise.race([exchange(), timeout]);
    if (outcome !== TIMED_OUT) return outcome;
    cancelQuietly(reader);
    return { kind: 'timeout', timeoutMs };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', timeoutMs };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as UTF-8 text (as `response.text()` decodes it), or null when it is larger than
 * `maxBytes`; the stream is cancelled at that point, so the rest is never downloaded.
 */
export async function readTextCapped(
  response: Response,
  maxBytes: number,
  onReader?: (reader: ReadableStreamDefaultReader<Uint8Array>) => void,
): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  const stream = response.body;
  if (Number.isFinite(declared) && declared > maxBytes) {
    if (stream) void stream.cancel().catch(() => undefined);
    return null;
  }
  if (!stream) {
    // No stream to read from (a null body): nothing large can be behind it.
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes ? null : text;
  }
  const reader = stream.getReader();
  onReader?.(reader);
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      cancelQuietly(reader);
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function cancelQuietly(reader: ReadableStreamDefaultReader<Uint8Array> | null): void {
  if (reader) void reader.cancel().catch(() => undefined);
}

/** "5 MB" for a byte count (for messages). */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
}

/** The host of a URL with its port, for messages (the URL itself when it does not parse). */
export function hostForMessages(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Why a capped fetch gave no usable body, in words the user can act on (the rotation source and the
 * team file say it the same way). `what` names the thing fetched, e.g. "The source".
 */
export function fetchFailureText(host: string, result: CappedFetchResult, what: string): string | null {
  switch (result.kind) {
    case 'timeout':
      return `${host} did not answer within ${Math.round(result.timeoutMs / 1000)} s.`;
    case 'too-large':
      return `${what} is too large (more than ${megabytes(result.maxBytes)}).`;
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? `Offline: could not reach ${host}.`
        : `Could not reach ${host} (${result.message}).`;
  }
  if (result.ok) return null;
  const s = result.status;
  const why =
    s === 401 || s === 403
      ? 'access was refused — the page needs a sign-in, or is not public'
      : s === 404
        ? 'the page was not found — check the URL'
        : s >= 500
          ? 'the server failed'
          : 'unexpected answer';
  return `${host} answered HTTP ${s}: ${why}.`;
}

/** A capped fetch's body, or why there is none. */
export type FetchedBody = { ok: true; body: string; contentType: string } | { ok: false; error: string };

/** The body of a 2xx response, else fetchFailureText's words for what went wrong (both callers' one step). */
export function usableBody(host: string, result: CappedFetchResult, what: string): FetchedBody {
  const error = fetchFailureText(host, result, what);
  if (error === null && result.kind === 'response') return { ok: true, body: result.body, contentType: result.contentType };
  return { ok: false, error: error ?? '' };
}
