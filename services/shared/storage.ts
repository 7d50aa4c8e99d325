/** Storage checks the background services share. */
import { STORED, touches } from '../../utils/storage-items';

/** Did a `storage.onChanged` event change the settings (local part or the synced identity)? */
export function settingsChanged(changes: Record<string, unknown>, area: string): boolean {
  return touches(changes, area, [STORED.settingsLocal, STORED.identitySync]);
}
