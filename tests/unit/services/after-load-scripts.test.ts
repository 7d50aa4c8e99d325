/** The background's side of the after-load scripts: what goes into which frame, through which API. */
import { describe, expect, it, vi } from 'vitest';
import { injectionFor, injector } from '../../../services/after-load-scripts';
import { afterLoadScriptsForPath, scriptsForPath } from '../../../utils/goc/hosts';

describe('afterLoadScriptsForPath', () => {
  it.each([
    ['/list/open', ['banner', 'list']],
    ['/goc/list/recentclose', ['banner', 'list']],
    ['/37208', ['banner']],
    ['/submit', ['banner']],
    ['/listing', ['banner']],
  ])('%s → %j, each one of the scripts that run there', (pathname, names) => {
    expect(afterLoadScriptsForPath(pathname)).toEqual(names);
    for (const name of names) expect(scriptsForPath(pathname)).toContain(name);
  });
});

describe('injectionFor (the sender is the loader in some frame)', () => {
  it('the sender’s tab and frame, the scripts of its page', () => {
    expect(injectionFor({ tab: { id: 7 }, frameId: 3, url: 'https://ticket.opensciencegrid.org/goc/list/open?x=1' })).toEqual({ tabId: 7, frameId: 3, names: ['banner', 'list'] });
    expect(injectionFor({ tab: { id: 7 }, url: 'https://ticket.opensciencegrid.org/37208' })).toEqual({ tabId: 7, frameId: 0, names: ['banner'] });
  });

  it('no tab, no URL or a broken one: nothing', () => {
    expect(injectionFor({ url: 'https://ticket.opensciencegrid.org/list/open' })).toBeNull();
    expect(injectionFor({ tab: { id: 7 } })).toBeNull();
    expect(injectionFor({ tab: { id: 7 }, url: 'not a url' })).toBeNull();
  });
});

describe('injector', () => {
  it('Chrome: one scripting.executeScript call into that frame', async () => {
    const executeScript = vi.fn(async () => []);
    const inject = injector({ scripting: { executeScript }, tabs: { executeScript: vi.fn() } })!;
    await inject(7, 3, ['/banner.js', '/list.js']);
    expect(executeScript.mock.calls).toEqual([[{ target: { tabId: 7, frameIds: [3] }, files: ['/banner.js', '/list.js'] }]]);
  });

  it('Firefox MV2 (no scripting): tabs.executeScript per file, in order, into that frame', async () => {
    const order: string[] = [];
    const executeScript = vi.fn(async (_tab: number, details: { file: string; frameId: number }) => {
      await new Promise((resolve) => setTimeout(resolve, details.file === '/banner.js' ? 10 : 0));
      order.push(details.file);
    });
    const inject = injector({ tabs: { executeScript } })!;
    await inject(7, 0, ['/banner.js', '/list.js']);
    expect(order).toEqual(['/banner.js', '/list.js']);
    expect(executeScript.mock.calls.map((c) => c[0])).toEqual([7, 7]);
    expect(executeScript.mock.calls.map((c) => c[1].frameId)).toEqual([0, 0]);
  });

  it('neither API: no injector', () => {
    expect(injector({ tabs: {} })).toBeNull();
  });
});
