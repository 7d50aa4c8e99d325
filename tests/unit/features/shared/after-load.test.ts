// @vitest-environment happy-dom
/** The loader content script: it asks the background for the after-load scripts only once the page has loaded. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadingDocument } from '../../helpers/loading-document';

const sendMessage = vi.fn<(type: string, data: unknown) => Promise<unknown>>();
vi.mock('../../../../utils/messages', () => ({ sendMessage: (type: string, data: unknown) => sendMessage(type, data) }));

const { askForAfterLoadScripts } = await import('../../../../features/shared/after-load');

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('askForAfterLoadScripts', () => {
  beforeEach(() => {
    sendMessage.mockReset().mockResolvedValue({ injected: ['banner'] });
    delete (document as { readyState?: DocumentReadyState }).readyState;
  });

  it('sends nothing while the page loads, one request after its load event', async () => {
    const page = loadingDocument();
    const done = askForAfterLoadScripts({ isInvalid: false }, window);
    await settle();
    expect(sendMessage).not.toHaveBeenCalled();
    page.loaded();
    await done;
    expect(sendMessage.mock.calls).toEqual([['injectAfterLoadScripts', undefined]]);
  });

  it('an already loaded page (a script injected later, e.g. after an update in Firefox) asks at once', async () => {
    await askForAfterLoadScripts({ isInvalid: false }, window);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('an orphaned script asks nothing; a refused request is reported, not thrown', async () => {
    await askForAfterLoadScripts({ isInvalid: true }, window);
    expect(sendMessage).not.toHaveBeenCalled();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sendMessage.mockRejectedValueOnce(new Error('no receiver'));
    await expect(askForAfterLoadScripts({ isInvalid: false }, window)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
