/**
 * Queue watch service wiring (issue 5). Every listener is registered synchronously, before any
 * await, so a worker woken by an alarm, a message or a notification click sees its event.
 */
import { browser } from 'wxt/browser';
import { onTrustedMessage } from '../shared/trusted-messages';
import { settingsChanged } from '../shared/storage';
import { NUDGE_ALARM, TICK_ALARM } from './alarms';
import { isOnDutyNow } from './duty';
import { createQueueService } from './service';

/** Returns the first wake (tests await it: a check it started is finished, not only published). */
export function registerQueueService(): Promise<void> {
  const queue = createQueueService({ onDuty: isOnDutyNow, isFirefox: import.meta.env.FIREFOX });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) void queue.maybeCheck();
    else if (alarm.name === NUDGE_ALARM) void queue.onNudgeAlarm();
  });
  browser.runtime.onInstalled.addListener((details) => {
    // Install or upgrade: the next good check is a silent baseline (no burst of "new" tickets).
    if (details.reason === 'install' || details.reason === 'update') {
      void queue.markInstalled().then(() => queue.wake('installed'));
    }
  });
  browser.runtime.onStartup.addListener(() => void queue.wake('startup'));
  browser.notifications.onClicked.addListener((id) => void queue.onNotificationClicked(id));
  browser.storage.onChanged.addListener((changes, area) => {
    if (settingsChanged(changes, area)) void queue.onSettingsChanged();
  });

  onTrustedMessage('getQueueState', () => queue.readLatest());
  onTrustedMessage('checkQueueNow', () => queue.requestCheck(true));
  onTrustedMessage('getQueueReport', ({ data }) => queue.report(data?.weekOffset ?? 0));

  // Every wake: alarms present? a dead worker's half-check? a catch-up check due?
  return queue.wake('load');
}
