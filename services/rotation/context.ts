/**
 * What every part of the rotation service shares: its outside world (injectable for tests) and
 * the one piece of state that lives in this worker only, the running sync. Everything else lives
 * in Dexie or storage.local: the worker may be killed between any two awaits.
 */
import { browser } from 'wxt/browser';
import type { RotationStatusView } from '../../utils/messages/rotation';
import type { Settings } from '../../utils/settings';
import type { StorageLike } from '../../utils/storage-items';
import { loadSettings } from '../settings-store';
import { rotationClock, type RealClock, type ServiceClock } from '../shared/clock';

export interface RotationDeps {
  fetch: typeof fetch;
  isFirefox: boolean;
  /** Does the extension hold host access to this match pattern (e.g. `https://twiki.example/*`)? */
  hasOriginPermission(pattern: string): Promise<boolean>;
  /** The real clock; storage.local `debug.rotationNow` overrides it (tests). */
  clock?: RealClock;
  timeoutMs?: number;
}

export interface RotationContext {
  readonly deps: RotationDeps;
  readonly storage: StorageLike;
  /** Real time: alarms are armed on it. */
  readonly realNow: RealClock;
  /** Service time (the test clock when set). */
  readonly now: ServiceClock;
  readonly timeoutMs: number;
  settings(): Promise<Settings>;
  /** The sync running in this worker, and the `source|zone` it fetches. */
  running: Promise<RotationStatusView> | null;
  runningKey: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function rotationContext(deps: RotationDeps): RotationContext {
  const storage = browser.storage;
  const realNow = deps.clock ?? (() => Date.now());
  return {
    deps,
    storage,
    realNow,
    now: rotationClock(storage, realNow),
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    settings: async () => (await loadSettings()).settings,
    running: null,
    runningKey: '',
  };
}
