/**
 * Publishes whether the test hooks count (issue 10): `debug.hooksAllowed` in storage.local, true
 * only in a development install (utils/debug-hooks.ts). Every reader of a hook (the services'
 * clocks, the queue's offline switch, the content scripts' failFeatures and rotation clock, the
 * popup) goes through utils/storage/access.ts, which reads a hook as its default unless the flag is
 * true. Content scripts cannot call `management`, hence the stored answer.
 *
 * `management.getSelf()` needs no permission (Chromium and Firefox). Written on every background
 * start and put back whenever anything else changes or clears it.
 */
import { browser } from 'wxt/browser';
import { hooksAllowedFor } from '../../utils/debug-hooks';
import { setItem, STORED, touches, type StorageLike } from '../../utils/storage-items';

export interface HooksGateDeps {
  store: StorageLike;
  getSelf(): Promise<{ installType?: string } | undefined>;
}

export interface HooksGate {
  readonly allowed: boolean;
  /** Resolves when the last correction of the stored flag is written (tests). */
  settled(): Promise<void>;
}

async function installAllowsHooks(getSelf: HooksGateDeps['getSelf']): Promise<boolean> {
  try {
    return hooksAllowedFor((await getSelf())?.installType);
  } catch {
    return false; // unknown: treat as a user's install
  }
}

/**
 * Works out the answer, stores it, and keeps it stored. The listener is added at once (a worker
 * woken by a storage change must find it); writes wait for the answer.
 */
export function publishHooksGate(deps: HooksGateDeps): Promise<HooksGate> {
  const answer = installAllowsHooks(deps.getSelf);
  let pending: Promise<void> = Promise.resolve();
  /** Writes the answer unless `current` (the stored raw value) already is it. */
  const write = (current: () => unknown) => {
    pending = pending
      .then(async () => {
        const allowed = await answer;
        if ((await current()) !== allowed) await setItem(deps.store, STORED.debugHooksAllowed, allowed);
      })
      .catch(() => undefined);
  };
  deps.store.onChanged.addListener((changes, area) => {
    // Changed to anything but the answer, removed, or the area cleared: write it again.
    if (touches(changes, area, [STORED.debugHooksAllowed])) write(() => changes[STORED.debugHooksAllowed.key]?.newValue);
  });
  // A worker wakes often: write only when the stored answer is missing or wrong.
  write(async () => (await deps.store.local.get(STORED.debugHooksAllowed.key))[STORED.debugHooksAllowed.key]);
  const first = pending;
  // Resolves once the answer is stored, so a caller that awaits it reads the hooks as they count.
  return first.then(async () => ({ allowed: await answer, settled: () => pending }));
}

/** Background wiring (entrypoints/background.ts). */
export function registerHooksGate(): void {
  void publishHooksGate({
    store: browser.storage,
    getSelf: async () => browser.management?.getSelf?.(),
  }).catch((error: unknown) => console.warn('[GOC Ticket Assistant] test-hook gate', error));
}
