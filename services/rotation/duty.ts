/**
 * "Is the user on triage duty right now?" for other background services (the queue's badge colour
 * and on-duty notifications). Reads the stored rotation; never throws.
 */
import { browser } from 'wxt/browser';
import { buildRotation, dutyOn, isMe } from '../../utils/rotation';
import { dateIn } from '../../utils/time';
import type { Settings } from '../../utils/settings';
import { loadStored } from './store';

export async function isOnDutyAt(settings: Settings, now: number): Promise<boolean> {
  try {
    const stored = await loadStored(browser.storage);
    const rotation = buildRotation({ weeks: stored.weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays });
    const day = dutyOn(rotation, dateIn(now, settings.rotation.timeZone));
    return day.kind === 'duty' && isMe(day.person, settings.identity, settings.team, day.email);
  } catch {
    return false;
  }
}
