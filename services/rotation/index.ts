/**
 * Triage rotation service wiring (issue 4). Every listener is registered synchronously, before any
 * await, so a worker woken by an alarm, a message or a notification click sees its event.
 */
import { browser } from 'wxt/browser';
import { onTrustedMessage } from '../shared/trusted-messages';
import { STORED, touches } from '../../utils/storage-items';
import { rotationClockChanged } from '../shared/clock';
import { createRotationService } from './service';

/** Resolves when the first wake has finished (it never rejects): the background ignores it, tests wait on it. */
export function registerRotationService(): Promise<void> {
  const rotation = createRotationService({
    fetch: (input, init) => fetch(input, init),
    isFirefox: import.meta.env.FIREFOX,
    hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  });
  const report = (what: string) => (error: unknown) => console.warn(`[GOC Ticket Assistant] rotation: ${what}`, error);

  browser.runtime.onInstalled.addListener(() => void rotation.sync('install').catch(report('install sync')));
  browser.runtime.onStartup.addListener(() => void rotation.wake('startup').catch(report('startup')));
  // The handler's promise is returned (browsers ignore it) so a fake onAlarm.trigger can await the handler.
  browser.alarms.onAlarm.addListener((alarm) => rotation.onAlarm(alarm.name).catch(report(alarm.name)));
  browser.notifications.onClicked.addListener((id) => void rotation.onNotificationClicked(id).catch(report('click')));
  browser.storage.onChanged.addListener((changes, area) => {
    if (touches(changes, area, [STORED.settingsLocal])) {
      const change = changes[STORED.settingsLocal.key];
      void rotation.onSettingsChanged(change.oldValue, change.newValue).catch(report('settings'));
    } else if (touches(changes, area, [STORED.identitySync])) {
      void rotation.checkReminder().catch(report('identity'));
    } else if (rotationClockChanged(changes, area)) {
      void rotation.wake('debug clock').catch(report('debug clock'));
    }
  });
  browser.permissions?.onAdded?.addListener((permissions) => {
    void rotation.onPermissionAdded(permissions.origins ?? []).catch(report('permission'));
  });

  onTrustedMessage('getDuty', () => rotation.getDuty());
  onTrustedMessage('syncRotationNow', () => rotation.sync('requested'));
  onTrustedMessage('getRotationStatus', () => rotation.getStatus());
  onTrustedMessage('getRotationWeeks', ({ data }) => rotation.getWeeks(data?.from, data?.limit));
  onTrustedMessage('exportIcs', () => rotation.exportIcs());

  return rotation.wake('load').catch(report('wake'));
}
