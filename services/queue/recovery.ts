/**
 * A dead worker's half-check: the browser may stop the worker between any two awaits of a check.
 * Its marker is logged as an "interrupted" check and `queue.latest` is rebuilt from Dexie, whose
 * writes are transactions (the good check either landed or did not).
 */
import { lastGoodCheck, openTickets, recordOtherCheck } from '../../utils/db/queue-db';
import { staleAtFor } from '../../utils/queue/schedule';
import type { QueueLatest } from '../../utils/queue/state';
import { getItem, STORED } from '../../utils/storage-items';
import type { QueueContext } from './context';
import { handoverFromDb, loadsOfRecords } from './handover';
import { publishCheckEnded } from './publish';

/** Recovers a marker left by another worker (our own running check is left alone). */
export async function recoverInterrupted(ctx: QueueContext): Promise<boolean> {
  const marker = await getItem(ctx.storage, STORED.queueInflight);
  if (!marker || (marker.token === ctx.instance && ctx.running)) return false;
  let latest = await ctx.readLatest();
  try {
    await recordOtherCheck(ctx.db(), {
      at: marker.startedAt || ctx.clock(),
      state: 'interrupted',
      message: 'The browser stopped the background worker during this check.',
      manual: false,
      durationMs: 0,
    });
    latest = await rebuiltFromLastGood(ctx, latest);
  } catch (error) {
    console.warn('[GOC Ticket Assistant] queue: could not log an interrupted check', error);
  }
  await publishCheckEnded(ctx, latest);
  return true;
}

/** `latest` with the numbers of Dexie's last good check, when that one is newer than `latest` knows of. */
async function rebuiltFromLastGood(ctx: QueueContext, latest: QueueLatest): Promise<QueueLatest> {
  const good = await lastGoodCheck(ctx.db());
  if (!good || !good.counts || (latest.lastGoodAt !== null && good.at <= latest.lastGoodAt)) return latest;
  const settings = await ctx.settings();
  // Loads and the split follow the rebuilt counts (from the same records), or become unknown.
  const { assigneeLoads: _loads, handover: _split, ...rest } = latest;
  const db = ctx.db();
  const loads = await openTickets(db)
    .then((open) => loadsOfRecords(open, settings.queue.softwareAssignees))
    .catch(() => null);
  const handover = good.ids
    ? await handoverFromDb(db, good.ids.untriaged, good.at, settings.rotation.timeZone).catch(() => null)
    : null;
  return {
    ...rest,
    ...(loads ? { assigneeLoads: loads } : {}),
    ...(handover ? { handover } : {}),
    state: 'ok',
    message: null,
    checkedAt: good.at,
    lastGoodAt: good.at,
    staleAt: staleAtFor(good.at, settings),
    counts: good.counts,
    ids: good.ids,
    guestCounts: null,
    failures: 0,
  };
}
