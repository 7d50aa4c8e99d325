/**
 * registerQueueService(): every listener is in place synchronously (a worker woken by an event
 * must find it), the first wake checks the queue, and the alarms and events drive the service.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORED } from '../../../../utils/storage-items';
import { renderListHtml } from '../../utils/goc/list-fixture';

const fetchMock = vi.fn();
const TICK_ALARM = 'gta-queue-tick';
let fakeBrowser: typeof import('wxt/testing/fake-browser').fakeBrowser;
let browser: typeof import('wxt/browser').browser;
let registerQueueService: typeof import('../../../../services/queue').registerQueueService;

beforeEach(async () => {
  // @webext-core/messaging allows one handler per message per JS context: fresh modules per test.
  vi.resetModules();
  ({ fakeBrowser } = await import('wxt/testing/fake-browser'));
  ({ browser } = await import('wxt/browser'));
  ({ registerQueueService } = await import('../../../../services/queue'));
  fakeBrowser.reset();
  await Dexie.delete('gta-queue');
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () =>
    new Response(renderListHtml([{ id: 7, title: 't', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software'] }])),
  );
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The fake events have hasListeners() at run time; the browser typings do not declare it. */
function hasListeners(event: unknown): boolean {
  return (event as { hasListeners(): boolean }).hasListeners();
}

/** Counts badge renders from now on: the last step of every wake-up and of every tick that finds no check due. */
function badgeRenders(): () => number {
  const setTitle = vi.spyOn(browser.action, 'setTitle');
  const before = setTitle.mock.calls.length;
  return () => setTitle.mock.calls.length - before;
}

async function latestState() {
  return ((await browser.storage.local.get(STORED.queueLatest.key))[STORED.queueLatest.key] as { state?: string } | undefined)?.state;
}

// Fresh module imports and a check per test: slow when the 2 cores are shared with other test files.
describe('registerQueueService', { timeout: 30_000 }, () => {
  it('registers its listeners before returning', async () => {
    const firstWake = registerQueueService();
    expect(hasListeners(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(hasListeners(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(hasListeners(fakeBrowser.runtime.onStartup)).toBe(true);
    expect(hasListeners(fakeBrowser.notifications.onClicked)).toBe(true);
    expect(hasListeners(fakeBrowser.storage.onChanged)).toBe(true);
    // Let the wake-up check finish inside this test.
    await firstWake;
    expect(await latestState()).toBe('ok');
  });

  it('the first wake creates the tick alarm and checks once; an install marks a silent baseline', async () => {
    await registerQueueService(); // the first wake, its check included, has ended
    expect(await latestState()).toBe('ok');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await browser.alarms.get(TICK_ALARM)).toBeDefined();
    const badges = badgeRenders();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await vi.waitFor(async () => expect((await browser.storage.local.get(STORED.queueBaselinePending.key))[STORED.queueBaselinePending.key]).toBe(true));
    // The install's wake-up has run to its end: it renders the badge once itself, and once more
    // when it finds no check due (a due check would have fetched before that render).
    await vi.waitFor(() => expect(badges()).toBe(2), { timeout: 10_000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a tick that is not due does not fetch', async () => {
    await registerQueueService(); // the first wake, its check included, has ended
    expect(await latestState()).toBe('ok');
    const badges = badgeRenders();
    await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: Date.now() });
    // The tick decided: not due, so it only re-rendered the badge.
    await vi.waitFor(() => expect(badges()).toBe(1), { timeout: 10_000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a tick that is due fetches (the control for the test above)', async () => {
    await registerQueueService(); // the first wake, its check included, has ended
    expect(await latestState()).toBe('ok');
    await browser.storage.local.set({ [STORED.debugQueueClockOffsetMs.key]: 24 * 3_600_000, [STORED.debugHooksAllowed.key]: true });
    await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2), { timeout: 10_000 });
  });
});
