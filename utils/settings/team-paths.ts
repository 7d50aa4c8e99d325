/**
 * Which settings paths a team file may set, and which of the user's overrides are still their own.
 * Split from team-file.ts (which reads files with the validator) so the options page's first script
 * can show the overrides without loading zod. Pure: no browser APIs.
 */
import { canonical } from './json';
import type { TeamOverrides } from './team-file-state';

/** path → value, e.g. `{ team: [...], 'queue.staleDays': 5 }`. */
export type TeamValues = Record<string, unknown>;

export const TEAM_LISTS = ['team', 'experts', 'snippets'] as const;
/** Sections whose every key is a team key. */
export const TEAM_SECTIONS = ['queue', 'jira', 'triage'] as const;
export const TEAM_ROTATION_KEYS = ['source', 'timeZone', 'holidays', 'overrides'] as const;
/** Never taken from a team file (utils/settings/team-file.ts's header says why). */
export const PERSONAL_KEYS = ['version', 'identity', 'signature', 'notifications', 'features', 'schedule', 'teamFile', 'goc'] as const;

const NAME = /^[A-Za-z][\w]*$/;

/** Is `path` one a team file may set? (`team`, `queue.staleDays`, `rotation.source`, …) */
export function isTeamPath(path: string): boolean {
  const [head, key, ...more] = path.split('.');
  if (more.length > 0) return false;
  if (key === undefined) return (TEAM_LISTS as readonly string[]).includes(head);
  if (!NAME.test(key)) return false;
  if ((TEAM_SECTIONS as readonly string[]).includes(head)) return true;
  return head === 'rotation' && (TEAM_ROTATION_KEYS as readonly string[]).includes(key);
}

/** Overrides that still differ from the team's value (the ones to show). */
export function activeOverrides(values: TeamValues | null, overrides: TeamOverrides): string[] {
  return Object.keys(overrides).filter(
    (path) => isTeamPath(path) && (!values || !(path in values) || canonical(values[path]) !== canonical(overrides[path])),
  );
}
