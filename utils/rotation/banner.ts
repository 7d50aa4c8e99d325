/**
 * What the duty banner shows, from plain data (settings, the published rotation cache, the queue's
 * untriaged count, the banner's own stored state). Pure, so the page feature only renders.
 */
import { ago, dutyView, shortDate, type DutyView } from './duty-view';
import type { IdentityLike, TeamMemberLike } from './identity-match';
import type { RotationCache } from './cache';
import { buildRotation, dutySummary, type OverrideLike } from './schedule';
import { dateIn, type IsoDate } from '../time';

export interface BannerInput {
  now: number;
  settings: {
    identity: IdentityLike;
    team: readonly TeamMemberLike[];
    rotation: { source: string; timeZone: string; holidays: readonly string[]; overrides: readonly OverrideLike[] };
  };
  cache: RotationCache;
  untriaged: number | null;
  collapsedOn: string | null;
  setupDismissed: boolean;
}

export type BannerModel =
  | { kind: 'hidden'; today: IsoDate }
  | { kind: 'setup'; today: IsoDate }
  | {
      kind: 'duty';
      today: IsoDate;
      collapsed: boolean;
      view: DutyView;
      /** Never synced, nothing to show yet (with the reason when the sync failed). */
      unsynced: string | null;
      /** The last sync failed: shown next to the (kept) rotation. */
      problem: string | null;
      /** The full error, for a tooltip. */
      problemDetail: string | null;
    };

export function bannerModel(input: BannerInput): BannerModel {
  const { settings, cache, now } = input;
  const today = dateIn(now, settings.rotation.timeZone);
  const configured = settings.rotation.source !== '' || settings.rotation.overrides.length > 0 || cache.weeks.length > 0;
  if (!configured) return input.setupDismissed ? { kind: 'hidden', today } : { kind: 'setup', today };
  const rotation = buildRotation({
    weeks: cache.weeks,
    overrides: settings.rotation.overrides,
    holidays: settings.rotation.holidays,
  });
  const summary = dutySummary(rotation, now, settings.rotation.timeZone);
  const view = dutyView({ summary, identity: settings.identity, team: settings.team, untriaged: input.untriaged });
  const s = cache.status;
  const hasData = cache.weeks.length > 0 || settings.rotation.overrides.length > 0;
  let unsynced: string | null = null;
  let problem: string | null = null;
  if (!hasData) {
    unsynced = s.error ? `Triage rotation not available: ${s.error}` : 'Triage rotation: waiting for the first sync…';
  } else if (s.error && settings.rotation.source) {
    problem = s.lastGoodAt
      ? `Rotation sync failed; showing the rotation synced ${ago(s.lastGoodAt, now)}`
      : 'Rotation sync failed';
  }
  return {
    kind: 'duty',
    today,
    collapsed: input.collapsedOn === today,
    view,
    unsynced,
    problem,
    problemDetail: s.error && s.errorAt ? `${s.error} (${shortDate(dateIn(s.errorAt, settings.rotation.timeZone))})` : s.error,
  };
}
