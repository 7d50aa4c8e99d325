/**
 * The team file by URL (issue 9): background wiring. Every listener is registered synchronously,
 * before any await, so a worker woken by an alarm or a message sees its event.
 */
import { browser } from 'wxt/browser';
import { STORED, touches } from '../../utils/storage-items';
import { applyTeamFile, loadSettings } from '../settings-store';
import { ensureAlarm } from '../shared/alarms';
import { onTrustedMessage } from '../shared/trusted-messages';
import { createTeamFileService } from './service';

export function registerTeamFileService(): void {
  const service = createTeamFileService({
    storage: browser.storage,
    fetch: (input, init) => fetch(input, init),
    hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    settings: async () => (await loadSettings()).settings,
    apply: applyTeamFile,
    ensureAlarm: (name, period) =>
      ensureAlarm(browser.alarms, name, { periodInMinutes: period, delayInMinutes: period }, (a) => a.periodInMinutes !== period),
  });
  const report = (what: string) => (error: unknown) => console.warn(`[GOC Ticket Assistant] team file: ${what}`, error);

  browser.runtime.onInstalled.addListener(() => void service.sync('install').catch(report('install sync')));
  browser.runtime.onStartup.addListener(() => void service.wake('startup').catch(report('startup')));
  browser.alarms.onAlarm.addListener((alarm) => void service.onAlarm(alarm.name).catch(report(alarm.name)));
  browser.storage.onChanged.addListener((changes, area) => {
    if (!touches(changes, area, [STORED.settingsLocal])) return;
    const change = changes[STORED.settingsLocal.key];
    void service.onSettingsChanged(change.oldValue, change.newValue).catch(report('settings'));
  });
  browser.permissions?.onAdded?.addListener((permissions) => {
    void service.onPermissionAdded(permissions.origins ?? []).catch(report('permission'));
  });

  onTrustedMessage('syncTeamFileNow', () => service.sync('requested'));

  void service.wake('load').catch(report('wake'));
}
