/** The rotation as the schedule sees it, and the sync status as the popup and options show it. */
import type { RotationStatusView } from '../../utils/messages/rotation';
import { buildRotation, type Rotation } from '../../utils/rotation';
import type { Settings } from '../../utils/settings';
import type { RotationContext } from './context';
import { permissionFor } from './source';
import type { Stored } from './store';

/** Stored weeks with the user's overrides and holidays applied. */
export function rotationOf(stored: Stored, settings: Settings): Rotation {
  return buildRotation({ weeks: stored.weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays });
}

export async function statusView(ctx: RotationContext, stored: Stored, settings: Settings): Promise<RotationStatusView> {
  const source = settings.rotation.source;
  const s = stored.status;
  return {
    configured: source !== '',
    source,
    lastAttemptAt: s.lastAttemptAt,
    lastGoodAt: s.lastGoodAt,
    lastGoodSource: s.lastGoodSource,
    format: s.format,
    weekCount: stored.weeks.length,
    warnings: s.warnings,
    error: source === '' ? null : s.error,
    errorAt: source === '' ? null : s.errorAt,
    storage: stored.storage,
    permission: source ? await permissionFor(ctx, source) : 'not-needed',
    syncing: ctx.running !== null,
  };
}
