/**
 * Service time. The only place the test clock hooks are read (the extension never sets them; see
 * the README): `debug.queueClockOffsetMs` shifts the queue's clock, `debug.rotationNow` replaces
 * the rotation's.
 */
import { getItem, STORED, touches, type StorageLike } from '../../utils/storage-items';

export type RealClock = () => number;
export type ServiceClock = () => Promise<number>;

const realNow: RealClock = () => Date.now();

/** The queue's clock: real time plus the test offset. */
export function queueClock(store: StorageLike, real: RealClock = realNow): ServiceClock {
  return async () => real() + (await getItem(store, STORED.debugQueueClockOffsetMs));
}

/** The rotation's clock: the test instant when set, else real time. */
export function rotationClock(store: StorageLike, real: RealClock = realNow): ServiceClock {
  return async () => (await getItem(store, STORED.debugRotationNow)) ?? real();
}

/** Did a `storage.onChanged` event move the rotation's test clock? */
export function rotationClockChanged(changes: Record<string, unknown>, area: string): boolean {
  return touches(changes, area, [STORED.debugRotationNow]);
}
