/**
 * The midday nudge: on a workday after `schedule.middayNudge`, to the person on duty, when
 * untriaged tickets exist and neither the popup nor the list was opened today. Once a day.
 */
import { openedToday } from '../../utils/queue/opened';
import { isNudgeTime } from '../../utils/queue/schedule';
import type { QueueLatest } from '../../utils/queue/state';
import type { Settings } from '../../utils/settings';
import { getItems, setItem, STORED } from '../../utils/storage-items';
import { dateIn } from '../../utils/time';
import { rescheduleNudge } from './alarms';
import type { QueueContext } from './context';
import { NUDGE_NOTIFICATION, showQueueNotification } from './notifications';

export async function maybeNudge(ctx: QueueContext, settings: Settings, t: number, latest: QueueLatest, duty: boolean): Promise<boolean> {
  if (!settings.notifications.middayNudge || !duty) return false;
  const { nudgedOn, lastOpenedAt } = await getItems(ctx.storage, {
    nudgedOn: STORED.queueNudgedOn,
    lastOpenedAt: STORED.queueLastOpenedAt,
  });
  if (!isNudgeTime(t, nudgedOn, settings)) return false;
  const untriaged = latest.counts?.untriaged ?? 0;
  if (latest.state !== 'ok' || untriaged === 0) return false;
  const zone = settings.rotation.timeZone;
  if (openedToday(lastOpenedAt, t, zone)) return false;
  const today = dateIn(t, zone);
  await showQueueNotification(ctx, {
    id: NUDGE_NOTIFICATION,
    title: 'Software triage',
    message: `${untriaged} untriaged ticket${untriaged === 1 ? ' is' : 's are'} waiting in the Software queue.`,
    ticketIds: latest.ids?.untriaged ?? [],
    at: t,
  });
  await setItem(ctx.storage, STORED.queueNudgedOn, today);
  return true;
}

/** The nudge alarm: arm the next one, then nudge if it is time. */
export async function onNudgeAlarm(ctx: QueueContext): Promise<void> {
  const [settings, t, latest] = await Promise.all([ctx.settings(), ctx.now(), ctx.readLatest()]);
  await rescheduleNudge(settings, t);
  await maybeNudge(ctx, settings, t, latest, await ctx.onDuty(settings, t));
}
