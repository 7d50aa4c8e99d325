/**
 * Options section "Triage rotation": where the rotation comes from (iCal, TWiki or JSON URL) and
 * the host permission to read it, the team's time zone, holidays, overrides and swaps (kept in
 * settings, so they survive every re-sync), the Monday reminder, the sync status with the last good
 * sync and any error in words, "Sync now" and "Download rotation (.ics)".
 *
 * This file holds the state the parts share (the draft, the one message line, the background's
 * status and weeks); the parts live in ./rotation/.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../../utils/messages';
import type { RotationStatusView } from '../../../utils/messages/rotation';
import type { EffectiveWeek } from '../../../utils/rotation/schedule';
import { downloadText, watchRotation } from '../../rotation/format';
import { updateSettingsWhenLoaded } from '../use-deferred';
import { ChangedElsewhere } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';
import { neededPermission, requestAccess } from './rotation/host-access';
import { OverridesAndSwaps, type Overrides } from './rotation/OverridesAndSwaps';
import { readRotationDraft, ROTATION_DRAFT_CAPTIONS, ROTATION_DRAFT_PART, writeRotationDraft } from './rotation/rotation-draft';
import { SourceForm } from './rotation/SourceForm';
import { SyncStatus } from './rotation/SyncStatus';
import { UpcomingWeeks } from './rotation/UpcomingWeeks';

// Tests and callers import it from here.
export { neededPermission } from './rotation/host-access';

export function RotationSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({
    persist: 'rotation',
    settings,
    save,
    read: readRotationDraft,
    write: writeRotationDraft,
    part: ROTATION_DRAFT_PART,
    captions: ROTATION_DRAFT_CAPTIONS,
  });
  // One message line for the form, the overrides, sync and export.
  const message = d.status;
  const setMessage = d.setStatus;
  const [status, setStatus] = useState<RotationStatusView | null>(null);
  const [weeks, setWeeks] = useState<EffectiveWeek[]>([]);
  const [syncing, setSyncing] = useState(false);

  const refresh = useCallback(async () => {
    const [s, w] = await Promise.all([
      sendMessage('getRotationStatus', undefined).catch(() => null),
      sendMessage('getRotationWeeks', { limit: 26 }).catch(() => null),
    ]);
    if (s) setStatus(s);
    if (w) setWeeks(w.weeks);
  }, []);
  useEffect(() => {
    void refresh();
    return watchRotation(() => void refresh());
  }, [refresh]);

  const allowAccess = () => {
    const want = neededPermission(settings.rotation.source);
    if (!want) return;
    void requestAccess(want.pattern).then((granted) => {
      setMessage(granted ? { ok: true, text: `Access to ${want.host} granted. Syncing…` } : { ok: false, text: `Access to ${want.host} was not granted.` });
      if (granted) void syncNow();
    });
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      setStatus(await sendMessage('syncRotationNow', undefined));
      await refresh();
    } catch (error) {
      setMessage({ ok: false, text: `Sync could not start: ${String(error)}` });
    } finally {
      setSyncing(false);
    }
  };

  const download = async () => {
    try {
      const { filename, text } = await sendMessage('exportIcs', undefined);
      downloadText(filename, text);
    } catch (error) {
      setMessage({ ok: false, text: `Export failed: ${String(error)}` });
    }
  };

  /** Overrides are saved at once (not part of the form's draft), over the freshest stored ones. */
  const saveOverrides = async (change: (overrides: Overrides) => Overrides, done: string) => {
    try {
      const result = await (save ?? updateSettingsWhenLoaded)((current) => ({ ...current, rotation: { ...current.rotation, overrides: change(current.rotation.overrides) } }));
      setMessage(result.error ? { ok: false, text: `Not saved. ${result.error}` } : { ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: `Not saved: the settings could not be stored (${String(error)}).` });
    }
  };

  return (
    <section id="rotation" data-gta="options-rotation" aria-labelledby="gta-rotation-title">
      <h2 id="gta-rotation-title">Triage rotation</h2>
      <p class="gta-hint">
        One team member is on triage duty each week, Monday to Friday. The banner on GOC pages, the popup and the
        Monday reminder read the rotation from the source below; your overrides and swaps are kept here and always
        win over it.
      </p>

      <ChangedElsewhere draft={d} />
      <SourceForm draft={d} />
      {message && (
        <p class={`gta-status ${message.ok ? 'gta-ok' : 'gta-error'}`} role={message.ok ? 'status' : 'alert'} data-gta="rotation-message">
          {message.text}
        </p>
      )}

      <h3 class="gta-subhead">Sync status</h3>
      <SyncStatus
        status={status}
        syncing={syncing}
        canSync={!!settings.rotation.source}
        onSyncNow={() => void syncNow()}
        onDownload={() => void download()}
        onAllowAccess={allowAccess}
      />

      <h3 class="gta-subhead">Upcoming weeks</h3>
      <UpcomingWeeks weeks={weeks} />

      <OverridesAndSwaps
        overrides={settings.rotation.overrides}
        weeks={weeks}
        team={settings.team}
        saveOverrides={saveOverrides}
        setMessage={setMessage}
      />
    </section>
  );
}
