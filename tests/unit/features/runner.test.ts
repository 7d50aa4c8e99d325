import { describe, expect, it, vi } from 'vitest';
import { forcedFailure, runFeatures } from '../../../features/runner';
import type { Feature, FeatureEnv } from '../../../features/types';

const env = { page: { kind: 'ticket' } } as unknown as FeatureEnv;

function feature(id: string, init: Feature['init'], pages: Feature['pages'] = ['ticket']): Feature {
  return { id, pages, init };
}

describe('runFeatures', () => {
  it('skips features not meant for this page and reports each outcome', async () => {
    const listOnly = vi.fn();
    const outcomes = await runFeatures([feature('a', () => {}), feature('b', listOnly, ['list'])], env);
    expect(listOnly).not.toHaveBeenCalled();
    expect(outcomes).toEqual([
      { id: 'a', status: 'ok' },
      { id: 'b', status: 'skipped' },
    ]);
  });

  it('keeps running the others when one throws or rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const after = vi.fn();
    const outcomes = await runFeatures(
      [
        feature('sync-throw', () => {
          throw new Error('boom');
        }),
        feature('async-reject', async () => {
          throw new Error('later');
        }),
        feature('after', after),
      ],
      env,
    );
    expect(after).toHaveBeenCalledOnce();
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'ok']);
    expect(outcomes[0].error).toContain('boom');
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('forces the named features to fail without calling them', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const init = vi.fn();
    const outcomes = await runFeatures([feature('x', init), feature('y', () => {})], env, ['x']);
    expect(init).not.toHaveBeenCalled();
    expect(outcomes[0]).toMatchObject({ id: 'x', status: 'failed' });
    expect(outcomes[1]).toEqual({ id: 'y', status: 'ok' });
  });

  it('forces a failure after init (its handlers attached) or as a later rejection, and the others still run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const calls: string[] = [];
    const attach = (id: string) => () => void calls.push(id);
    const outcomes = await runFeatures(
      [feature('x', attach('x')), feature('y', attach('y')), feature('z', attach('z')), feature('w', attach('w'))],
      env,
      ['x:after-init', 'y:async', 'z:before-init'],
      async () => undefined,
    );
    // x and y did their work (init ran) and still count as failed; z never ran; w is untouched.
    expect(calls).toEqual(['x', 'y', 'w']);
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['x', 'failed'],
      ['y', 'failed'],
      ['z', 'failed'],
      ['w', 'ok'],
    ]);
    expect(outcomes[0].error).toContain('forced failure of x after init');
    expect(outcomes[1].error).toContain('forced asynchronous failure of y');
    expect(outcomes[2].error).toContain('forced failure of z (debug.failFeatures)');
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('the asynchronous forced failure settles in a later task, after init resolved', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      let settled = false;
      const done = runFeatures([feature('y', () => {})], env, ['y:async']).then((o) => {
        settled = true;
        return o;
      });
      for (let i = 0; i < 20; i++) await Promise.resolve();
      expect(settled).toBe(false); // init resolved; the rejection waits for the next task
      await vi.advanceTimersByTimeAsync(0);
      const outcomes = await done;
      expect(settled).toBe(true);
      expect(outcomes).toEqual([{ id: 'y', status: 'failed', error: expect.stringContaining('asynchronous') }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the failure modes from debug.failFeatures entries', () => {
    expect(forcedFailure(['a'], 'a')).toBe('before-init');
    expect(forcedFailure(['a:before-init'], 'a')).toBe('before-init');
    expect(forcedFailure(['a:after-init'], 'a')).toBe('after-init');
    expect(forcedFailure(['a:async'], 'a')).toBe('async');
    expect(forcedFailure(['ab', 'a:later', 'b:async'], 'a')).toBeNull();
    expect(forcedFailure([], 'a')).toBeNull();
  });

  it('starts every feature in list order without waiting for an earlier one to settle', async () => {
    const started: string[] = [];
    let releaseSlow!: () => void;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const done = runFeatures(
      [
        feature('slow', async () => {
          started.push('slow');
          await slow;
        }),
        feature('fast', () => {
          started.push('fast');
        }),
      ],
      env,
      [],
      () => Promise.resolve(),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    // 'fast' ran while 'slow' is still pending.
    expect(started).toEqual(['slow', 'fast']);
    releaseSlow();
    expect((await done).map((o) => o.status)).toEqual(['ok', 'ok']);
  });

  it('gives the page a turn between feature starts, not before the first', async () => {
    const order: string[] = [];
    const yieldToPage = async () => {
      order.push('yield');
    };
    await runFeatures([feature('a', () => void order.push('a')), feature('b', () => void order.push('b'))], env, [], yieldToPage);
    expect(order).toEqual(['a', 'yield', 'b']);
  });

  it('starts nothing more once the content script is invalidated (extension reloaded)', async () => {
    const ctx = { isInvalid: false };
    const later = vi.fn();
    const outcomes = await runFeatures(
      [feature('a', () => void (ctx.isInvalid = true)), feature('b', later)],
      { ...env, ctx } as unknown as FeatureEnv,
      [],
      () => Promise.resolve(),
    );
    expect(later).not.toHaveBeenCalled();
    expect(outcomes.map((o) => o.id)).toEqual(['a']);
  });
});
