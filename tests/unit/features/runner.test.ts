import { describe, expect, it, vi } from 'vitest';
import { runFeatures } from '../../../features/runner';
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
