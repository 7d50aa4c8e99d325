/** The queue's toolbar badge: the count of untriaged tickets, coloured by state and duty. */
import { browser } from 'wxt/browser';
import { badgeFor, type QueueLatest } from '../../utils/queue/state';
import { showBadge, toolbarAction } from '../shared/badge';
import type { QueueContext } from './context';

/** Renders `latest` (default: the published state). Never throws. */
export async function renderQueueBadge(ctx: QueueContext, latest?: QueueLatest, duty?: boolean): Promise<void> {
  try {
    const [settings, t] = await Promise.all([ctx.settings(), ctx.now()]);
    const state = latest ?? (await ctx.readLatest());
    const look = badgeFor(state, {
      now: t,
      onDuty: duty ?? (await ctx.onDuty(settings, t)),
      forceStale: ctx.startupStale && state.state === 'ok',
    });
    await showBadge(toolbarAction(browser), look);
  } catch (error) {
    console.warn('[GOC Ticket Assistant] queue: badge update failed', error);
  }
}
