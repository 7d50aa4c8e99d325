// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { recordOutcomes, startFeatures } from '../../../features/start';
import type { Feature } from '../../../features/types';
import { loadingDocument } from '../helpers/loading-document';

describe('recordOutcomes (several content scripts on one page)', () => {
  beforeEach(() => {
    for (const a of Array.from(document.documentElement.attributes)) {
      if (a.name.startsWith('data-gta')) document.documentElement.removeAttribute(a.name);
    }
  });

  it('writes data-gta-features only once every expected script has finished, in script order', () => {
    const html = document.documentElement;
    const expected = ['banner', 'ticket', 'update'] as const;
    recordOutcomes(html, 'update', expected, [{ id: 'signature', status: 'ok' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'banner', expected, [{ id: 'duty-banner', status: 'ok' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'ticket', expected, [
      { id: 'responder-badges', status: 'failed', error: 'x' },
      { id: 'jira-links', status: 'skipped' },
    ]);
    expect(html.getAttribute('data-gta-features')).toBe('duty-banner:ok responder-badges:failed signature:ok');
    expect(html.getAttribute('data-gta-script-ticket')).toBe('responder-badges:failed');
  });

  it('counts a script with no feature for the page as finished', () => {
    const html = document.documentElement;
    recordOutcomes(html, 'list', ['banner', 'list'], [{ id: 'queue-highlight', status: 'skipped' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'banner', ['banner', 'list'], [{ id: 'duty-banner', status: 'ok' }]);
    expect(html.getAttribute('data-gta-features')).toBe('duty-banner:ok');
  });
});

describe('startFeatures: when a script asks for its settings', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  function feature(id: string, phase?: 'ready') {
    const init = vi.fn<Feature['init']>();
    return { id, phase, pages: ['ticket', 'list', 'search', 'other'], init } satisfies Feature;
  }

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    for (const a of Array.from(document.documentElement.attributes)) {
      if (a.name.startsWith('data-gta-script-') || a.name === 'data-gta-features') document.documentElement.removeAttribute(a.name);
    }
  });
  afterEach(() => {
    delete (document as { readyState?: DocumentReadyState }).readyState;
  });

  it('a script whose features all wait for the load event asks only after it, off the page load path', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const page = loadingDocument();
    const late = feature('queue-highlight');
    const done = startFeatures(new ContentScriptContext('list'), 'list', [late]);
    await settle();
    page.parsed();
    await settle();
    expect(get).not.toHaveBeenCalled();
    page.loaded();
    await done;
    expect(get).toHaveBeenCalledTimes(1);
    expect(late.init).toHaveBeenCalledTimes(1);
    expect(document.documentElement.getAttribute('data-gta-script-list')).toBe('queue-highlight:ok');
  });

  it('a script with a DOM-ready feature asks at once, while the page still parses', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const page = loadingDocument();
    const early = feature('responder-badges', 'ready');
    const done = startFeatures(new ContentScriptContext('ticket'), 'ticket', [early, feature('jira-links')]);
    await settle();
    expect(get).toHaveBeenCalledTimes(1);
    page.parsed();
    await settle();
    expect(early.init).toHaveBeenCalledTimes(1);
    page.loaded();
    await done;
    expect(get).toHaveBeenCalledTimes(1);
  });
});
