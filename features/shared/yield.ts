/**
 * Gives the page a turn: resolves in a new task, so the page's own handlers, input and load event
 * run between our slices of work. `scheduler.yield()` where the browser has it (it keeps our place
 * ahead of other queued work), else a MessageChannel message (unlike setTimeout, never clamped to 4 ms).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves once the document is parsed (DOMContentLoaded), at once if it already is. */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
