/**
 * Issue 10 finding 4: the background answers a message only when its sender may send it. Drives
 * the real registered services through the fake runtime.onMessage with real-shaped senders.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORED } from '../../../../utils/storage-items';
import { renderListHtml } from '../../utils/goc/list-fixture';

const fetchMock = vi.fn();
let fakeBrowser: typeof import('wxt/testing/fake-browser').fakeBrowser;
let browser: typeof import('wxt/browser').browser;

const ID = 'test-extension-id';
const BASE = `chrome-extension://${ID}/`;
const POPUP = { id: ID, url: `${BASE}popup.html`, origin: `chrome-extension://${ID}` };
const OPTIONS_TAB = { id: ID, url: `${BASE}options.html#queue`, tab: { id: 4, index: 0 }, frameId: 0 };
const CONTENT = { id: ID, url: 'https://ticket.opensciencegrid.org/12345', tab: { id: 9, index: 1 }, frameId: 0 };
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
const EMBEDDED = { id: ID, url: `${BASE}options.html`, tab: { id: 9, index: 1 }, frameId: 3 };

beforeEach(async () => {
  // @webext-core/messaging allows one handler per message per JS context: fresh modules per test.
  vi.resetModules();
  ({ fakeBrowser } = await import('wxt/testing/fake-browser'));
  ({ browser } = await import('wxt/browser'));
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  await Dexie.delete('gta-queue');
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () =>
    new Response(renderListHtml([{ id: 7, title: 't', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software'] }])),
  );
  vi.stubGlobal('fetch', fetchMock);
  const { registerCoreService } = await import('../../../../services/core');
  const { registerQueueService } = await import('../../../../services/queue');
  const { registerRotationService } = await import('../../../../services/rotation');
  registerCoreService();
  registerRotationService();
  // The first wake's check has ended (badge and notifications too) before the messages are sent: a
  // check still running would absorb the popup's request instead of starting one.
  await registerQueueService();
  expect((await browser.storage.local.get(STORED.queueLatest.key))[STORED.queueLatest.key]).toMatchObject({ state: 'ok', checking: false });
}, 30_000); // fresh imports of three services plus the first check: slow when the cores are shared
afterEach(() => vi.unstubAllGlobals());

/** What the sender's sendMessage would resolve with: `{ res }` or `{ err }` (@webext-core/messaging). */
async function ask(type: string, sender: object, data?: unknown): Promise<{ res?: unknown; err?: { message?: string } }> {
  const replies = await fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender as never);
  return (replies as unknown[]).find(Boolean) as { res?: unknown; err?: { message?: string } };
}

describe('background messages check their sender', { timeout: 30_000 }, () => {
  it('a content script cannot start a queue check; the popup can', async () => {
    const calls = fetchMock.mock.calls.length;
    const refused = await ask('checkQueueNow', CONTENT);
    expect(refused.err?.message).toMatch(/not allowed/);
    expect(fetchMock.mock.calls.length).toBe(calls);
    const done = await ask('checkQueueNow', POPUP);
    expect(done.err).toBeUndefined();
    expect(done.res).toMatchObject({ state: 'ok' });
    expect(fetchMock.mock.calls.length).toBe(calls + 1);
  });

  it('content scripts may not sync, export or read the report; the options page (in a tab) may', async () => {
    for (const type of ['syncRotationNow', 'exportIcs', 'getQueueReport', 'getRotationWeeks']) {
      expect((await ask(type, CONTENT)).err?.message, type).toMatch(/not allowed/);
      expect((await ask(type, OPTIONS_TAB)).err, type).toBeUndefined();
    }
  });

  it('content scripts keep what they need: reading caches', async () => {
    for (const type of ['getDuty', 'getQueueState', 'getRotationStatus']) {
      expect((await ask(type, CONTENT)).err, type).toBeUndefined();
    }
  });

  it('another extension, or our page framed inside a web page, is refused everything', async () => {
    for (const sender of [OTHER_EXTENSION, EMBEDDED, {}]) {
      for (const type of ['checkQueueNow', 'getQueueState', 'openOptions']) {
        expect((await ask(type, sender)).err?.message, `${type} ${JSON.stringify(sender)}`).toMatch(/not allowed/);
      }
    }
  });
});
