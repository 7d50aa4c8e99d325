/**
 * Is the user on triage duty now? The rotation service (issue 4) owns the answer; until it
 * publishes one, nobody is on duty (the badge stays blue, "on-duty" notifications stay quiet).
 */
import type { Settings } from '../../utils/settings';

export async function isOnDutyNow(settings: Settings, now: number): Promise<boolean> {
  void settings;
  void now;
  return false;
}
