/**
 * Notifications for every background service: one icon, options built per browser (Firefox
 * rejects Chrome-only options such as `priority` and `requireInteraction`), and a record of
 * whether the browser accepted each one (Firefox without a notification daemon closes them at
 * once, so `getAll()` cannot tell afterwards).
 */
import type { WxtBrowser } from 'wxt/browser';
import {
  getItem,
  NOTIFICATION_LOG_SIZE,
  setItem,
  STORED,
  type NotificationLogEntry,
  type StorageLike,
  type StoredItem,
} from '../../utils/storage-items';

/** A 48 px icon (Chrome requires one for notifications); a data URL works in both browsers. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAArUlEQVR42u3aUQ6AIAwDUM7hNb20t9BPf0wcDmhXu8Rf0xcjgY3WXHdt+3FGnpKh6TDZ4DDI6ODLILODT4WsDj8UgQo/BIEOn0KwhP+EYAvfjSgNYA0fRpQGRF8yq9KI0oCez4gGPCIMQALYV55XhAHVAAz/gAEGGOBllGxrXTq8N3MMAJ/IGABRBBKg31ZxZ879UcEO9X8HHBIjJokhn8SYVWbQLXPVQOayB7ouHxbsUHov8o4AAAAASUVORK5CYII=';

export interface NotificationContent {
  title: string;
  message: string;
  /** Options only Chrome accepts; left out on Firefox. */
  chromeOnly?: { priority?: number; requireInteraction?: boolean };
}

export type NotifyResult = { shown: true } | { shown: false; error: string };

type NotificationsApi = Pick<WxtBrowser['notifications'], 'create'>;

export function notificationOptions(content: NotificationContent, isFirefox: boolean): Record<string, unknown> {
  const options: Record<string, unknown> = { type: 'basic', iconUrl: NOTIFICATION_ICON, title: content.title, message: content.message };
  if (!isFirefox) Object.assign(options, content.chromeOnly);
  return options;
}

/** Shows a notification under a stable id; resolves to whether the browser accepted it. Never throws. */
export async function notify(
  notifications: NotificationsApi,
  id: string,
  content: NotificationContent,
  isFirefox: boolean,
): Promise<NotifyResult> {
  try {
    const create = notifications.create as unknown as (id: string, o: Record<string, unknown>) => Promise<string>;
    await create.call(notifications, id, notificationOptions(content, isFirefox));
    return { shown: true };
  } catch (error) {
    console.warn(`[GOC Ticket Assistant] notification ${id} failed`, error);
    return { shown: false, error: String(error) };
  }
}

export interface LoggedNotification extends NotificationContent {
  id: string;
  at: number;
  ticketIds: number[];
}

/** Shows a notification and prepends it, with whether it was shown, to a bounded log (newest first). */
export async function notifyAndLog(
  store: StorageLike,
  notifications: NotificationsApi,
  notification: LoggedNotification,
  isFirefox: boolean,
  log: StoredItem<NotificationLogEntry[]> = STORED.queueNotifications,
): Promise<NotificationLogEntry> {
  const { id, at, title, message, ticketIds } = notification;
  const result = await notify(notifications, id, notification, isFirefox);
  const entry: NotificationLogEntry = { id, at, title, message, ticketIds, ...result };
  const previous = await getItem(store, log);
  await setItem(store, log, [entry, ...previous].slice(0, NOTIFICATION_LOG_SIZE));
  return entry;
}
