/**
 * Storage in one import: `STORED.<item>` (every stored item, declared once in utils/storage/items.ts)
 * and the accessors (utils/storage/access.ts). Pure: the storage API is passed in.
 */
import * as STORED from './storage/items';

export { STORED };
export * from './storage/access';
export type {
  InflightMarker,
  ItemValue,
  NotificationLogEntry,
  ReminderRecord,
  SettingsSnapshot,
  StorageAreaName,
  StoredItem,
} from './storage/items';
export { NOTIFICATION_LOG_SIZE } from './storage/items';

/** Every declared key, for the convention test that no other file names one. */
export function declaredKeys(): string[] {
  return Object.values(STORED)
    .filter((value): value is STORED.StoredItem<unknown> => typeof value === 'object' && value !== null && 'key' in value)
    .map((item) => item.key);
}
