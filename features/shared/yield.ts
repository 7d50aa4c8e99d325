/**
 * Gives the page a turn: resolves in a new task queued behind what the page has queued, so its own
 * handlers, input and load event run between our slices of work. A MessageChannel message: unlike
 * setTimeout never clamped to 4 ms, and unlike `scheduler.yield()` not put ahead of the page's tasks.
 */
export function nextTask(): Promise<void> {
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

/** Resolves once the page's load event has been dispatched (at once if it already was), in a task of our own. */
export function pageLoaded(win: Window): Promise<void> {
  const loaded = win.document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
  return loaded.then(nextTask);
}

/**
 * Time-sliced work: call the returned function between small steps; it gives the page a turn only
 * once the current slice has run `budgetMs`. Small work finishes in one task; big work (a ticket
 * with thousands of updates) never makes a long task (over 50 ms, the threshold browsers and
 * Web Vitals use). Yielding is not free on a big page: the browser usually lays out and paints
 * before our next slice (measured: 50-100 ms on the 300-update bench ticket), so the budget is set
 * for one slice to cover a large ticket (about 10-15 ms of work for 300 updates).
 */
export function timeSlicer(budgetMs = 30, now: () => number = () => performance.now(), yieldToPage: () => Promise<void> = nextTask): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldToPage();
    sliceStart = now();
  };
}
