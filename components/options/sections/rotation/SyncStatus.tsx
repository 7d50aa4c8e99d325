/**
 * The rotation's sync status: the last good sync, the last failure in words (the last good rotation
 * stays in use), missing host access with a button to allow it, the storage fallback, notes from
 * the last good sync, and the "Sync now" and "Download rotation (.ics)" buttons.
 */
import type { RotationStatusView } from '../../../../utils/messages/rotation';
import { lastGoodText, when } from '../../../rotation/format';
import { neededPermission } from './host-access';

export function SyncStatus(props: {
  /** null until the background answers. */
  status: RotationStatusView | null;
  syncing: boolean;
  /** A source is saved (nothing to sync otherwise). */
  canSync: boolean;
  onSyncNow: () => void;
  onDownload: () => void;
  /** Must run inside the click: it asks the browser for host access. */
  onAllowAccess: () => void;
}) {
  const { status } = props;
  const now = Date.now();
  return (
    <div data-gta="rotation-status">
      {status === null ? (
        <p class="gta-hint">Asking the background…</p>
      ) : (
        <>
          <p data-gta="rotation-last-good">{lastGoodText(status, now)}</p>
          {status.error && (
            <p class="gta-error" role="alert" data-gta="rotation-error">
              Last sync failed{status.errorAt !== null ? ` (${when(status.errorAt, now)})` : ''}: {status.error}
              {status.lastGoodAt !== null ? ' The last good rotation is still in use.' : ''}
            </p>
          )}
          {status.permission === 'missing' && status.configured && (
            <p class="gta-notice" data-gta="rotation-permission-missing">
              No access to {neededPermission(status.source)?.host ?? 'the source'} yet.{' '}
              <button type="button" data-gta="rotation-allow" onClick={props.onAllowAccess}>
                Allow access to {neededPermission(status.source)?.host ?? 'the source'}
              </button>
            </p>
          )}
          {status.storage === 'storage.local' && (
            <p class="gta-warn">IndexedDB is not available in this browser profile; the rotation is kept in extension storage instead.</p>
          )}
          {status.warnings.length > 0 && (
            <details>
              <summary>{status.warnings.length} note(s) from the last good sync</summary>
              <ul>
                {status.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <div class="gta-row">
        <button type="button" data-gta="rotation-sync-now" disabled={props.syncing || !props.canSync} onClick={props.onSyncNow}>
          {props.syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" data-gta="rotation-download-ics" onClick={props.onDownload}>
          Download rotation (.ics)
        </button>
      </div>
    </div>
  );
}
