/**
 * Notifications of new untriaged tickets, and where a click on any queue notification leads.
 * Policy: during work hours, to the person on duty (or always / never per
 * `notifications.newTicket`); more than BURST_SIZE at once fold into one summary. Each ticket is
 * handled exactly once: notified, folded into a summary, or deliberately skipped — then never again.
 */
import { browser } from 'wxt/browser';
import { markNotified, type QueueTicketRecord } from '../../utils/db/queue-db';
import { isWorkTime } from '../../utils/queue/schedule';
import { gocUrl } from '../../utils/queue/state';
import type { Settings } from '../../utils/settings';
import { notifyAndLog } from '../shared/notify';
import type { QueueContext } from './context';

/** More new tickets than this in one check are folded into one summary notification. */
export const BURST_SIZE = 3;
export const SUMMARY_NOTIFICATION = 'gta-queue-summary';
export const NUDGE_NOTIFICATION = 'gta-queue-nudge';
export const TICKET_NOTIFICATION_PREFIX = 'gta-ticket-';
/** How many tickets a summary names before "… and N more". */
const SUMMARY_LINES = 3;

/** Shows a queue notification (Chrome: normal priority) and logs it in `queue.notifications`. */
export async function showQueueNotification(
  ctx: QueueContext,
  notification: { id: string; title: string; message: string; ticketIds: number[]; at: number },
): Promise<void> {
  await notifyAndLog(ctx.storage, browser.notifications, { ...notification, chromeOnly: { priority: 1 } }, ctx.isFirefox);
}

export async function notifyNewTickets(
  ctx: QueueContext,
  records: QueueTicketRecord[],
  settings: Settings,
  t: number,
  duty: boolean,
): Promise<void> {
  const mode = settings.notifications.newTicket;
  const wanted = mode === 'always' || (mode === 'on-duty' && duty);
  if (wanted && isWorkTime(t, settings)) {
    const sorted = [...records].sort((a, b) => a.id - b.id);
    if (sorted.length > BURST_SIZE) await showQueueNotification(ctx, { ...summaryOf(sorted), at: t });
    else {
      for (const r of sorted) {
        const id = `${TICKET_NOTIFICATION_PREFIX}${r.id}`;
        await showQueueNotification(ctx, { id, title: `New Software ticket ${r.id}`, message: r.title || '(no title)', ticketIds: [r.id], at: t });
      }
    }
  }
  try {
    await markNotified(ctx.db(), records.map((r) => r.id), t);
  } catch (error) {
    console.warn('[GOC Ticket Assistant] queue: could not record notifications', error);
  }
}

function summaryOf(sorted: QueueTicketRecord[]) {
  const titles = sorted.slice(0, SUMMARY_LINES).map((r) => `${r.id}: ${r.title}`);
  const more = sorted.length > SUMMARY_LINES ? `\n… and ${sorted.length - SUMMARY_LINES} more` : '';
  return {
    id: SUMMARY_NOTIFICATION,
    title: `${sorted.length} new Software tickets to triage`,
    message: titles.join('\n') + more,
    ticketIds: sorted.map((r) => r.id),
  };
}

/** The page a queue notification opens, or null when the id is not the queue's. */
export function notificationTarget(base: string, id: string): string | null {
  if (id.startsWith(TICKET_NOTIFICATION_PREFIX)) return gocUrl(base, id.slice(TICKET_NOTIFICATION_PREFIX.length));
  if (id === SUMMARY_NOTIFICATION || id === NUDGE_NOTIFICATION) return gocUrl(base, 'list/open');
  return null;
}

export async function openNotification(ctx: QueueContext, id: string): Promise<void> {
  const settings = await ctx.settings();
  const url = notificationTarget(settings.queue.gocBaseUrl, id);
  if (url === null) return;
  await browser.tabs.create({ url });
  await browser.notifications.clear(id);
}
