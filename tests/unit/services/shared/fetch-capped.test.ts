/**
 * fetchCapped: one uncached request, the body read as a stream under a byte cap (the read stops
 * soon after the cap instead of downloading everything), and a timeout over headers and body.
 */
import { fetchCapped, fetchFailureText, hostForMessages, readTextCapped, usableBody, type FetchLike } from '../../../../services/shared/fetch-capped';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body that would produce `total` bytes, counting what was actually pulled and whether it was cancelled. */
function endlessBody(total: number) {
  const seen = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      seen.pulled += CHUNK;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('fetchCapped', () => {
  it('returns the answer, and asks for no cache with an abort signal and the given init', async () => {
    let seenInit: RequestInit | undefined;
    const fetchImpl: FetchLike = async (_url, init) => {
      seenInit = init;
      return new Response('héllo', { status: 201, headers: { 'content-type': 'text/plain' } });
    };
    const result = await fetchCapped('https://example.org/x', {
      timeoutMs: 1000,
      maxBytes: 100,
      fetchImpl,
      init: { credentials: 'include', cache: 'default' },
    });
    expect(result).toMatchObject({ kind: 'response', status: 201, ok: true, contentType: 'text/plain', body: 'héllo' });
    expect(seenInit).toMatchObject({ credentials: 'include', cache: 'no-store' });
    expect(seenInit?.signal).toBeInstanceOf(AbortSignal);
  });

  it('stops reading a 50 MB body soon after the cap, cancels it, and says it is too large', async () => {
    const { stream, seen } = endlessBody(50 * MB);
    const result = await fetchCapped('https://example.org/big', {
      timeoutMs: 10_000,
      maxBytes: 1 * MB,
      fetchImpl: async () => new Response(stream),
    });
    expect(result).toEqual({ kind: 'too-large', maxBytes: 1 * MB });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(2 * MB);
  });

  it('refuses a declared Content-Length above the cap without reading the body', async () => {
    const { stream, seen } = endlessBody(50 * MB);
    const result = await fetchCapped('https://example.org/big', {
      timeoutMs: 10_000,
      maxBytes: 1 * MB,
      fetchImpl: async () => new Response(stream, { headers: { 'content-length': String(50 * MB) } }),
    });
    expect(result.kind).toBe('too-large');
    expect(seen.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it('accepts a body of exactly the cap', async () => {
    const result = await fetchCapped('https://example.org/x', {
      timeoutMs: 1000,
      maxBytes: 5,
      fetchImpl: async () => new Response('12345'),
    });
    expect(result).toMatchObject({ kind: 'response', body: '12345' });
  });

  it('times out a request that never answers, even when the abort signal is ignored', async () => {
    // Fake timers: the timeout is the 50 ms timer itself, not a wall-clock budget on a busy machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const pending = fetchCapped('https://example.org/slow', {
        timeoutMs: 50,
        maxBytes: MB,
        fetchImpl: () => new Promise<Response>(() => undefined),
      }).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(49);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect(await pending).toEqual({ kind: 'timeout', timeoutMs: 50 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('times out a body that stalls half-way, and cancels the read', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<html>'));
      },
      pull: () => new Promise<void>(() => undefined),
      cancel() {
        cancelled = true;
      },
    });
    let signal: AbortSignal | undefined;
    const result = await fetchCapped('https://example.org/stall', {
      timeoutMs: 50,
      maxBytes: MB,
      fetchImpl: async (_url, init) => {
        signal = init.signal ?? undefined;
        return new Response(stream);
      },
    });
    expect(result.kind).toBe('timeout');
    expect(signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(cancelled).toBe(true));
  });

  it('reports a network failure in words', async () => {
    const result = await fetchCapped('https://example.org/x', {
      timeoutMs: 1000,
      maxBytes: MB,
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(result).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });
});

describe('readTextCapped', () => {
  it('decodes UTF-8 split across chunks as response.text() would', async () => {
    const bytes = new TextEncoder().encode('€uro ✓');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    expect(await readTextCapped(new Response(stream), 100)).toBe('€uro ✓');
  });

  it('counts bytes, not characters', async () => {
    expect(await readTextCapped(new Response('€€'), 5)).toBeNull(); // 6 bytes
    expect(await readTextCapped(new Response('€€'), 6)).toBe('€€');
  });

  it('reads a body-less response as empty text', async () => {
    expect(await readTextCapped(new Response(null, { status: 204 }), 10)).toBe('');
  });
});

describe('fetchFailureText: one wording for the rotation source and the team file', () => {
  const response = (status: number) => ({ kind: 'response' as const, status, ok: status < 300, url: '', redirected: false, contentType: '', body: '' });

  it('says nothing for a good answer, and names the host and what went wrong otherwise', () => {
    expect(fetchFailureText('h.org', response(200), 'The team file')).toBeNull();
    expect(fetchFailureText('h.org', { kind: 'timeout', timeoutMs: 20_000 }, 'The source')).toBe('h.org did not answer within 20 s.');
    expect(fetchFailureText('h.org', { kind: 'too-large', maxBytes: 1024 * 1024 }, 'The team file')).toMatch(/^The team file is too large \(more than 1/);
    expect(fetchFailureText('h.org', { kind: 'network', message: 'Failed to fetch' }, 'The source')).toMatch(/h\.org/);
    expect(fetchFailureText('h.org', response(401), 'x')).toBe('h.org answered HTTP 401: access was refused — the page needs a sign-in, or is not public.');
    expect(fetchFailureText('h.org', response(404), 'x')).toBe('h.org answered HTTP 404: the page was not found — check the URL.');
    expect(fetchFailureText('h.org', response(503), 'x')).toBe('h.org answered HTTP 503: the server failed.');
    expect(fetchFailureText('h.org', response(302), 'x')).toBe('h.org answered HTTP 302: unexpected answer.');
  });

  it('usableBody gives a 2xx body with its type, and the same words as fetchFailureText otherwise', () => {
    const good = { ...response(200), body: 'BEGIN:VCALENDAR', contentType: 'text/calendar' };
    expect(usableBody('h.org', good, 'The source')).toEqual({ ok: true, body: 'BEGIN:VCALENDAR', contentType: 'text/calendar' });
    expect(usableBody('h.org', response(404), 'The source')).toEqual({ ok: false, error: 'h.org answered HTTP 404: the page was not found — check the URL.' });
    expect(usableBody('h.org', { kind: 'timeout', timeoutMs: 5000 }, 'The team file')).toEqual({ ok: false, error: 'h.org did not answer within 5 s.' });
  });

  it('hostForMessages keeps the port, and the text itself when it is no URL', () => {
    expect(hostForMessages('https://h.org:8443/x')).toBe('h.org:8443');
    expect(hostForMessages('not a url')).toBe('not a url');
  });
});
