/** Messages of the team-file service (services/team-file). */
import type { TeamFileState } from '../settings/team-file-state';

export interface TeamFileProtocol {
  /** Syncs the team file now (or joins the running sync) and resolves with the resulting state. */
  syncTeamFileNow(): TeamFileState;
}
