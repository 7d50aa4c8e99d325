/**
 * The queue's alarms. One periodic "tick" (1 min), created only when absent and re-checked on
 * every wake: each tick asks the pure schedule whether a check is due, so a long sleep causes
 * exactly one catch-up check, and work hours / back-off take effect without re-creating alarms.
 * One "nudge" alarm at the next midday-nudge time, moved when settings change.
 */
import { browser } from 'wxt/browser';
import { nextNudgeAt } from '../../utils/queue/schedule';
import type { Settings } from '../../utils/settings';
import { ensureAlarm, rescheduleAlarm } from '../shared/alarms';

export const TICK_ALARM = 'gta-queue-tick';
export const NUDGE_ALARM = 'gta-queue-nudge';
export const TICK_MINUTES = 1;

export async function ensureQueueAlarms(settings: Settings, t: number): Promise<void> {
  await ensureAlarm(browser.alarms, TICK_ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
  await ensureAlarm(browser.alarms, NUDGE_ALARM, { when: nextNudgeAt(t, settings) });
}

export async function rescheduleNudge(settings: Settings, t: number): Promise<void> {
  await rescheduleAlarm(browser.alarms, NUDGE_ALARM, { when: nextNudgeAt(t, settings) });
}
