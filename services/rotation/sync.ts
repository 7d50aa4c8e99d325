/**
 * A sync: fetch the source, keep the last good rotation (a failure records the error and loses
 * nothing), publish it for content scripts, and re-check the reminder. One sync at a time.
 */
import type { RotationStatusView } from '../../utils/messages/rotation';
import type { RotationContext } from './context';
import { checkReminder } from './reminder';
import { fetchBody, parseBody, type FetchedBody, type SourceResult } from './source';
import { statusView } from './status';
import type { Settings } from '../../utils/settings';
import { saveAttempt, saveFailure, saveGood, saveNoSource, type Stored } from './store';

/**
 * One sync at a time. A request for the same source joins the running sync; after a change of
 * source (or zone) it runs next, so the new source is always fetched.
 */
export async function sync(ctx: RotationContext, reason: string): Promise<RotationStatusView> {
  const settings = await ctx.settings();
  const key = `${settings.rotation.source}|${settings.rotation.timeZone}`;
  // Synchronous from here on: a concurrent caller sees `running` already set.
  if (ctx.running && ctx.runningKey === key) return ctx.running;
  const previous = ctx.running;
  const mine: Promise<RotationStatusView> = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() =>
    runSync(ctx, reason),
  );
  ctx.running = mine;
  ctx.runningKey = key;
  void mine
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      if (ctx.running === mine) ctx.running = null;
    });
  return mine;
}

async function runSync(ctx: RotationContext, reason: string): Promise<RotationStatusView> {
  const settings = await ctx.settings();
  const at = await ctx.now();
  const source = settings.rotation.source;
  let stored: Stored;
  if (!source) {
    stored = await saveNoSource(ctx.storage, at);
  } else {
    const fetched = await fetchBody(ctx, source);
    // Recorded before the synchronous parse: a worker killed while parsing a hostile feed leaves
    // this attempt behind, and the next wake backs off instead of parsing the same body again.
    if (fetched.ok) await saveAttempt(ctx.storage, { at, source });
    const result = fetched.ok ? parseSafely(fetched, settings, at) : fetched;
    if (result.ok) {
      const { format, weeks, warnings } = result.parsed;
      stored = await saveGood(ctx.storage, { at, source, format, weeks, warnings });
    } else {
      console.warn(`[GOC Ticket Assistant] rotation sync (${reason}) failed: ${result.error}`);
      stored = await saveFailure(ctx.storage, { at, source, error: result.error });
    }
  }
  // A fresh rotation may make the reminder due (or move the next one).
  await checkReminder(ctx, settings, stored).catch((e) => console.warn('[GOC Ticket Assistant] rotation reminder', e));
  return statusView(ctx, stored, settings);
}

/** The parse never throws (parseRotationSource catches); this guard words anything that still does. */
function parseSafely(fetched: Extract<FetchedBody, { ok: true }>, settings: Settings, at: number): SourceResult {
  try {
    return parseBody(fetched, settings, at);
  } catch (error) {
    return { ok: false, error: `The source could not be read (${String(error).slice(0, 160)}); the last good rotation is kept.` };
  }
}
