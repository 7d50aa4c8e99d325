/**
 * The Monday reminder: "you are on triage duty this week", once per duty week, to the person on
 * duty, at work start in the team zone. Recorded before it is shown (a worker killed right after
 * must not remind twice), then with whether the browser accepted it.
 */
import { browser } from 'wxt/browser';
import { reminderDue, reminderText } from '../../utils/rotation';
import type { Settings } from '../../utils/settings';
import { getItem, setItem, STORED, type ReminderRecord } from '../../utils/storage-items';
import { notify } from '../shared/notify';
import type { RotationContext } from './context';
import { rotationOf } from './status';
import { loadStored, type Stored } from './store';

export const REMINDER_PREFIX = 'gta-duty-';

/** The queue's last untriaged count (the reminder mentions it), or null when unknown. */
export async function untriagedCount(ctx: RotationContext): Promise<number | null> {
  const n = (await getItem(ctx.storage, STORED.queueLatest)).counts?.untriaged;
  return typeof n === 'number' && n >= 0 ? n : null;
}

/** Shows the reminder if it is due; resolves to whether it was due. */
export async function checkReminder(ctx: RotationContext, settingsArg?: Settings, storedArg?: Stored): Promise<boolean> {
  const settings = settingsArg ?? (await ctx.settings());
  if (!settings.notifications.dutyReminder) return false;
  const stored = storedArg ?? (await loadStored(ctx.storage));
  const at = await ctx.now();
  const last = await getItem(ctx.storage, STORED.rotationReminder);
  const decision = reminderDue(at, {
    rotation: rotationOf(stored, settings),
    timeZone: settings.rotation.timeZone,
    workStart: settings.schedule.workStart,
    identity: settings.identity,
    team: settings.team,
    lastRemindedWeek: last?.week ?? null,
  });
  if (!decision.due) return false;
  await setItem(ctx.storage, STORED.rotationReminder, { week: decision.week, at });
  const text = reminderText(await untriagedCount(ctx));
  const id = `${REMINDER_PREFIX}${decision.week}`;
  const content = { ...text, chromeOnly: { priority: 2, requireInteraction: true } };
  const result = await notify(browser.notifications, id, content, ctx.deps.isFirefox);
  const record: ReminderRecord = result.shown
    ? { week: decision.week, at, id, shown: true, title: text.title, message: text.message }
    : { week: decision.week, at, id, shown: false, error: result.error };
  await setItem(ctx.storage, STORED.rotationReminder, record);
  return true;
}

/** A click on the reminder opens the list of open tickets. */
export async function openReminder(ctx: RotationContext, id: string): Promise<boolean> {
  if (!id.startsWith(REMINDER_PREFIX)) return false;
  const settings = await ctx.settings();
  const base = settings.queue.gocBaseUrl.replace(/\/+$/, '');
  await browser.tabs.create({ url: `${base}/list/open` });
  await browser.notifications.clear(id).catch(() => undefined);
  return true;
}
