/** Answers to the popup and options page: who is on duty, the sync status, the weeks, an export. */
import type { DutyResponse, RotationStatusView } from '../../utils/messages/rotation';
import {
  displayName,
  dutyAnswer,
  exportFileName,
  exportRotationIcs,
  upcomingWeeks,
  type EffectiveWeek,
} from '../../utils/rotation';
import { dateIn, mondayOf } from '../../utils/time';
import type { RotationContext } from './context';
import { untriagedCount } from './reminder';
import { liveState, rotationOf, statusView } from './status';
import { loadStored } from './store';

/** The first Monday an export starts from: every stored week. */
const EXPORT_FROM = '1970-01-05';
const DEFAULT_WEEK_LIMIT = 500;

export async function getDuty(ctx: RotationContext): Promise<DutyResponse> {
  const [settings, stored, at, untriaged] = await Promise.all([ctx.settings(), loadStored(ctx.storage), ctx.now(), untriagedCount(ctx)]);
  return dutyAnswer({ rotation: stored, settings, now: at, untriaged, live: await liveState(ctx, settings) });
}

export async function getStatus(ctx: RotationContext): Promise<RotationStatusView> {
  const [settings, stored] = await Promise.all([ctx.settings(), loadStored(ctx.storage)]);
  return statusView(ctx, stored, settings);
}

export async function getWeeks(ctx: RotationContext, from?: string, limit?: number): Promise<{ today: string; weeks: EffectiveWeek[] }> {
  const [settings, stored, at] = await Promise.all([ctx.settings(), loadStored(ctx.storage), ctx.now()]);
  const today = dateIn(at, settings.rotation.timeZone);
  return { today, weeks: upcomingWeeks(rotationOf(stored, settings), from ?? mondayOf(today), limit ?? DEFAULT_WEEK_LIMIT) };
}

export async function exportIcs(ctx: RotationContext): Promise<{ filename: string; text: string }> {
  const [settings, stored, at] = await Promise.all([ctx.settings(), loadStored(ctx.storage), ctx.now()]);
  const weeks = upcomingWeeks(rotationOf(stored, settings), EXPORT_FROM);
  const text = exportRotationIcs(weeks, {
    now: at,
    holidays: settings.rotation.holidays,
    displayName: (person, email) => displayName(person, settings.team, email),
  });
  return { filename: exportFileName(at), text };
}
