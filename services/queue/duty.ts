/**
 * Is the user on triage duty now? The rotation service (issue 4) owns the answer; when no rotation
 * is configured (or it cannot be read) nobody is on duty: the badge stays blue and "on-duty"
 * notifications stay quiet.
 */
import type { Settings } from '../../utils/settings';
import { isOnDutyAt } from '../rotation/duty';

export async function isOnDutyNow(settings: Settings, now: number): Promise<boolean> {
  try {
    return await isOnDutyAt(settings, now);
  } catch {
    return false;
  }
}
