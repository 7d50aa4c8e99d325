/**
 * The extension API as content scripts, the popup and the options page get it, without
 * webextension-polyfill (wxt.config.ts maps `webextension-polyfill` here for those builds; the
 * background keeps the polyfill). Both browsers we support already speak promises natively there:
 * Firefox's `browser.*`, and Chrome's MV3 `chrome.*` for every call we make. The one gap is a
 * `runtime.onMessage` listener that answers with a promise, which Chrome does not take: adapted
 * here to `sendResponse`, with the polyfill's reply shape for errors so the sender's promise
 * rejects the same way. This saves about 10 KB of script on every GOC page and on both pages.
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

interface EventLike<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
  hasListener(listener: L): boolean;
}

const g = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: Record<string, unknown> };

function adaptChrome(chrome: Record<string, unknown>): unknown {
  const runtime = chrome.runtime as Record<string, unknown> & { onMessage: EventLike<ChromeListener> };
  const wrappers = new Map<Listener, ChromeListener>();
  const onMessage: EventLike<Listener> = {
    addListener(listener) {
      if (wrappers.has(listener)) return;
      const wrapped: ChromeListener = (message, sender, sendResponse) => {
        const result = listener(message, sender);
        if (!result || typeof (result as Promise<unknown>).then !== 'function') return false;
        (result as Promise<unknown>).then(sendResponse, (error: unknown) =>
          sendResponse({ __mozWebExtensionPolyfillReject__: true, message: error instanceof Error ? error.message : String(error) }),
        );
        return true; // the answer comes later
      };
      wrappers.set(listener, wrapped);
      runtime.onMessage.addListener(wrapped);
    },
    removeListener(listener) {
      const wrapped = wrappers.get(listener);
      if (wrapped) quietRemoval(runtime.onMessage).removeListener(wrapped);
      wrappers.delete(listener);
    },
    hasListener: (listener) => wrappers.has(listener),
  };
  const runtimeProxy = new Proxy(runtime, { get: (target, key) => (key === 'onMessage' ? onMessage : target[key as string]) });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? runtimeProxy : target[key as string]) });
}

/** Either browser's API with a storage that never throws into the page (see rejectingArea, quietRemoval). */
function hardenStorage(api: Record<string, unknown>): unknown {
  const storage = api.storage as Record<string, unknown> & { onChanged: EventLike<unknown> };
  if (!storage) return api;
  const areas = new Map<string, unknown>();
  const storageProxy = new Proxy(storage, {
    get: (target, key) => {
      if (key === 'onChanged') return quietRemoval(target.onChanged);
      const value = target[key as string];
      if (typeof key !== 'string' || !value || typeof value !== 'object') return value;
      if (!areas.has(key)) areas.set(key, rejectingArea(value as Record<string, unknown>));
      return areas.get(key);
    },
  });
  return new Proxy(api, { get: (target, key) => (key === 'storage' ? storageProxy : target[key as string]) });
}

/**
 * A storage area whose calls fail the way a failed call should, with a rejected promise: in an
 * orphaned script Chrome throws "Extension context invalidated" synchronously instead, straight
 * into whichever page event or timer made the call.
 */
function rejectingArea(area: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(area, {
    get: (target, key) => {
      const value = target[key as string];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return value.apply(target, args);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  });
}

/**
 * An orphaned script (the extension was reloaded or updated) tears its UI down, and Chrome throws
 * "Extension context invalidated" from removeListener there: nothing is left to remove, so a
 * teardown never throws into the page.
 */
export function quietRemoval<L>(event: EventLike<L>): EventLike<L> {
  return {
    addListener: (listener) => event.addListener(listener),
    removeListener: (listener) => {
      try {
        event.removeListener(listener);
      } catch {
        // the extension context is gone
      }
    },
    hasListener: (listener) => event.hasListener(listener),
  };
}

// Chrome now also has a `browser` global (then used as is, like Firefox's).
const base = g.browser?.runtime?.id ? g.browser : g.chrome ? adaptChrome(g.chrome) : undefined;
const nativeBrowser = base ? hardenStorage(base as Record<string, unknown>) : undefined;

export default nativeBrowser;
