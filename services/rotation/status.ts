/** The rotation as the schedule sees it, and the sync status as the popup and options show it. */
import type { RotationStatusView } from '../../utils/messages/rotation';
import { rotationOf as rotationOfWeeks, statusViewOf, type Rotation } from '../../utils/rotation';
import type { Settings } from '../../utils/settings';
import type { RotationContext } from './context';
import { permissionFor } from './source';
import type { Stored } from './store';

/** Stored weeks with the user's overrides and holidays applied. */
export function rotationOf(stored: Stored, settings: Settings): Rotation {
  return rotationOfWeeks(stored.weeks, settings);
}

export async function liveState(ctx: RotationContext, settings: Settings): Promise<{ permission: RotationStatusView['permission']; syncing: boolean }> {
  const source = settings.rotation.source;
  return { permission: source ? await permissionFor(ctx, source) : 'not-needed', syncing: ctx.running !== null };
}

export async function statusView(ctx: RotationContext, stored: Stored, settings: Settings): Promise<RotationStatusView> {
  return statusViewOf(stored, settings, await liveState(ctx, settings));
}
