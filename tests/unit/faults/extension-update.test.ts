// @vitest-environment happy-dom
/**
 * Fault: the extension is updated or reloaded while a ticket page is open. Firefox injects the new
 * instance's content scripts into the open page (the old instance's sandbox is gone, its UI stays);
 * Chrome leaves the old scripts running with dead APIs ("Extension context invalidated"). The user
 * must never see our UI twice, an orphaned script must not throw or leave dead controls, and the
 * page's own content (the typed update, the assignee rows the user added) must stay.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ADDED_GTA } from '../../../features/shared/assignees';
import type { Feature } from '../../../features/types';

type StartModule = typeof import('../../../features/start');

/** A fresh module instance with a fresh global token: what a reloaded extension's script is. */
async function newInstance(): Promise<StartModule> {
  vi.resetModules();
  delete (globalThis as { __gtaInstance?: string }).__gtaInstance;
  return import('../../../features/start');
}

/** A feature that shows a summary box saying which instance made it. */
function summary(label: string): Feature {
  return {
    id: 'responder-summary',
    pages: ['ticket', 'list', 'search', 'other'],
    init: ({ document: doc }) => {
      const box = doc.createElement('div');
      box.setAttribute('data-gta', 'responder-summary');
      box.textContent = label;
      doc.body.append(box);
    },
  };
}

function pageWithTypedUpdate(): HTMLTextAreaElement {
  document.body.innerHTML = '<form id="ticket_form"><textarea class="description"></textarea><div class="list" id="team_3__list"></div></form>';
  const box = document.querySelector('textarea')!;
  box.value = 'Half-written reply the user typed';
  const added = document.createElement('div');
  added.setAttribute('data-gta', ADDED_GTA);
  added.textContent = 'Brian Lin';
  document.getElementById('team_3__list')!.append(added);
  return box;
}

beforeEach(() => {
  fakeBrowser.reset();
  for (const a of Array.from(document.documentElement.attributes)) {
    if (a.name.startsWith('data-gta')) document.documentElement.removeAttribute(a.name);
  }
  document.head.innerHTML = '';
});

afterEach(() => {
  fakeBrowser.runtime.id = 'test-extension-id';
});

describe('extension update while a ticket page is open', () => {
  it('keeps the rows added to the page assignee list (KEEP_ON_TEARDOWN names ADDED_GTA)', async () => {
    const { KEEP_ON_TEARDOWN } = await newInstance();
    expect(KEEP_ON_TEARDOWN).toBe(`[data-gta="${ADDED_GTA}"]`);
  });

  it('a new instance replaces the old UI: one copy, the typed text and the added assignee kept', async () => {
    const box = pageWithTypedUpdate();
    const old = await newInstance();
    await old.startFeatures(new ContentScriptContext('ticket'), 'ticket', [summary('old')]);
    expect(document.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(1);
    const oldToken = document.documentElement.getAttribute('data-gta-instance');
    expect(oldToken).toBeTruthy();

    // Firefox: the old sandbox is gone without running any teardown; the new scripts are injected.
    const fresh = await newInstance();
    await fresh.startFeatures(new ContentScriptContext('ticket-v2'), 'ticket', [summary('new')]);

    const boxes = Array.from(document.querySelectorAll('[data-gta="responder-summary"]'));
    expect(boxes.map((b) => b.textContent)).toEqual(['new']);
    expect(document.documentElement.getAttribute('data-gta-instance')).not.toBe(oldToken);
    expect(document.documentElement.getAttribute('data-gta-script-ticket')).toBe('responder-summary:ok');
    expect(box.value).toBe('Half-written reply the user typed');
    expect(document.querySelectorAll(`[data-gta="${ADDED_GTA}"]`)).toHaveLength(1);
  });

  it('a UI left by a version without the instance marker is also replaced', async () => {
    pageWithTypedUpdate();
    document.documentElement.setAttribute('data-gta-script-ticket', 'responder-summary:ok');
    document.documentElement.setAttribute('data-gta-features', 'responder-summary:ok');
    const stale = document.createElement('div');
    stale.setAttribute('data-gta', 'responder-summary');
    stale.textContent = 'old';
    document.body.append(stale);
    const { startFeatures } = await newInstance();
    await startFeatures(new ContentScriptContext('ticket'), 'ticket', [summary('new')]);
    expect(Array.from(document.querySelectorAll('[data-gta="responder-summary"]')).map((b) => b.textContent)).toEqual(['new']);
  });

  it('scripts of one instance never remove each other\'s UI', async () => {
    const { claimPage } = await newInstance();
    expect(claimPage(document, 'same')).toBe(false);
    const banner = document.createElement('div');
    banner.setAttribute('data-gta', 'duty-banner');
    document.body.append(banner);
    document.documentElement.setAttribute('data-gta-script-banner', 'duty-banner:ok');
    expect(claimPage(document, 'same')).toBe(false);
    expect(document.querySelectorAll('[data-gta="duty-banner"]')).toHaveLength(1);
    expect(claimPage(document, 'newer')).toBe(true);
    expect(document.querySelectorAll('[data-gta="duty-banner"]')).toHaveLength(0);
  });

  it('Chrome: an orphaned script removes its UI at the next interaction; the page keeps the typed text', async () => {
    const box = pageWithTypedUpdate();
    const { startFeatures } = await newInstance();
    const ctx = new ContentScriptContext('ticket');
    await startFeatures(ctx, 'ticket', [summary('old')]);
    expect(document.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(1);

    fakeBrowser.runtime.id = undefined as unknown as string; // what Chrome does to an orphaned script
    expect(document.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(1); // nothing noticed yet
    box.dispatchEvent(new Event('pointerdown', { bubbles: true }));

    expect(ctx.signal.aborted).toBe(true);
    expect(document.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(0);
    expect(document.documentElement.hasAttribute('data-gta-features')).toBe(false);
    expect(box.value).toBe('Half-written reply the user typed');
    expect(document.querySelectorAll(`[data-gta="${ADDED_GTA}"]`)).toHaveLength(1);
  });

  it('a script orphaned while reading settings stops quietly and shows nothing', async () => {
    pageWithTypedUpdate();
    const { startFeatures } = await newInstance();
    const ctx = new ContentScriptContext('ticket');
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async () => {
      fakeBrowser.runtime.id = undefined as unknown as string;
      throw new Error('Extension context invalidated.');
    });
    await expect(startFeatures(ctx, 'ticket', [summary('old')])).resolves.toBeUndefined();
    expect(document.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(0);
  });

  it('a real storage fault in a live script is not swallowed', async () => {
    const { startFeatures } = await newInstance();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(startFeatures(new ContentScriptContext('ticket'), 'ticket', [summary('x')])).rejects.toThrow(/quota/);
  });

  it.each(['chrome', 'browser'])("an orphaned script's teardown never throws (%s global): removing listeners is quiet, writes reject", async (global) => {
    const dead = () => {
      throw new Error('Extension context invalidated.');
    };
    const event = { addListener: vi.fn(), removeListener: vi.fn(dead), hasListener: () => false };
    const local = { set: vi.fn(dead), get: vi.fn(async () => ({ a: 1 })) };
    const native = { runtime: { id: 'test', onMessage: event }, storage: { onChanged: event, local } };
    // Chrome's `chrome` (adapted), or the `browser` global (Firefox, and newer Chrome) used as is.
    const viaChrome = global === 'chrome';
    vi.stubGlobal('browser', viaChrome ? undefined : native);
    vi.stubGlobal('chrome', viaChrome ? native : undefined);
    vi.resetModules();
    const { default: api } = (await import('../../../features/shared/native-browser')) as { default: any };
    const listener = () => undefined;
    api.storage.onChanged.addListener(listener);
    expect(() => api.storage.onChanged.removeListener(listener)).not.toThrow();
    if (viaChrome) {
      api.runtime.onMessage.addListener(listener);
      expect(() => api.runtime.onMessage.removeListener(listener)).not.toThrow();
    }
    expect(event.removeListener).toHaveBeenCalledTimes(viaChrome ? 2 : 1);
    // A write from an orphaned timer or handler rejects (the caller's catch runs) instead of throwing.
    let thrown: unknown = null;
    let result: Promise<unknown> | null = null;
    try {
      result = api.storage.local.set({ a: 2 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeNull();
    await expect(result).rejects.toThrow(/context invalidated/);
    await expect(api.storage.local.get('a')).resolves.toEqual({ a: 1 });
    expect(local.get).toHaveBeenCalledWith('a');
    vi.unstubAllGlobals();
  });
});
