/**
 * `queue.latest` and the in-flight marker: a check announces itself before it fetches and
 * publishes its result (clearing the marker) when done, so a dead worker's half-check can be
 * recognised on the next wake.
 */
import type { QueueLatest } from '../../utils/queue/state';
import { removeItem, setItem, setItems, STORED, type InflightMarker } from '../../utils/storage-items';
import type { QueueContext } from './context';

/** Writes the marker and the "checking" flag in one storage write. */
export async function publishCheckStarted(ctx: QueueContext, previous: QueueLatest, startedAt: number): Promise<void> {
  const marker: InflightMarker = { token: ctx.instance, startedAt };
  await setItems(ctx.storage, [
    [STORED.queueInflight, marker],
    [STORED.queueLatest, { ...previous, checking: true, checkingSince: startedAt }],
  ]);
}

/** Publishes a finished (or recovered) state and clears the marker. */
export async function publishCheckEnded(ctx: QueueContext, latest: QueueLatest): Promise<void> {
  await setItem(ctx.storage, STORED.queueLatest, { ...latest, checking: false, checkingSince: null });
  await removeItem(ctx.storage, STORED.queueInflight);
}
