/**
 * Loads the options page's second script (./deferred.ts: the settings store, its validator and the
 * weekly report) once the first frame is on its way (README › Performance). Saves wait for it; a
 * section's own checks run at once and the schema's once it is there, and the store validates
 * every save whatever ran before.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LoadedSettings } from '../../services/settings-store';
import type { Settings } from '../../utils/settings/schema';

export type Deferred = typeof import('./deferred');

let loaded: Deferred | null = null;
let loading: Promise<Deferred> | null = null;

/** The second script; loaded once per page (a failed load is tried again on the next call). */
export function loadDeferred(): Promise<Deferred> {
  loading ??= import('./deferred').then(
    (deferred) => (loaded = deferred),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The second script if it has arrived, else null (for callers that must stay synchronous, like a click). */
export function deferredNow(): Deferred | null {
  return loaded;
}

/**
 * Asks for the second script when the component mounts, and returns it once it has arrived (null
 * before). With `rerender` (the default) the component renders again when it comes; without, the
 * value is only as fresh as the component's last render (for components that use it on a click).
 */
export function useDeferred(rerender = true): Deferred | null {
  const [deferred, setDeferred] = useState(loaded);
  useEffect(() => {
    if (deferred) return;
    let live = true;
    loadDeferred().then(
      (d) => live && rerender && setDeferred(() => d),
      () => undefined, // the next save asks again and shows why it failed
    );
    return () => {
      live = false;
    };
  }, []);
  return deferred;
}

/** The store's validated read-modify-write (services/settings-store.ts `updateSettings`), once loaded. */
export function updateSettingsWhenLoaded(change: (current: Settings) => Settings): Promise<LoadedSettings> {
  return loadDeferred().then((deferred) => deferred.updateSettings(change));
}
