/** After Apply: what changed, with "Undo import"; after Undo: that it was undone; a refusal: why. */
import type { ImportChange } from '../../../utils/settings';
import { ChangeList } from './ChangeList';

export type Outcome =
  | { kind: 'applied'; file: string; changes: ImportChange[]; refused: string[]; warnings: string[]; undoError?: string }
  | { kind: 'undone'; file: string }
  | { kind: 'error'; file: string; error: string };

export function ImportOutcome({ outcome, busy, onUndo }: { outcome: Outcome; busy: boolean; onUndo(): void }) {
  if (outcome.kind === 'applied') {
    const n = outcome.changes.length;
    return (
      <div class="gta-notice gta-ok" role="status" data-gta="config-import-ok">
        <p>
          Imported <strong>{outcome.file}</strong>:{' '}
          {n === 0 ? 'nothing changed (your settings already match it).' : `${n} change${n > 1 ? 's' : ''}.`}
        </p>
        <ChangeList changes={outcome.changes} gta="config-import-changes" />
        {outcome.refused.length > 0 && <p class="gta-warn">Not imported: {outcome.refused.join('; ')}.</p>}
        {outcome.warnings.map((w) => (
          <p key={w} class="gta-warn">
            Note: {w}.
          </p>
        ))}
        {outcome.undoError && (
          <p class="gta-error" role="alert" data-gta="config-import-undo-error">
            Could not undo: {outcome.undoError}. The imported settings are still in use; try again.
          </p>
        )}
        <div class="gta-row gta-actions">
          <button type="button" data-gta="config-import-undo" disabled={busy} onClick={onUndo}>
            Undo import
          </button>
        </div>
      </div>
    );
  }
  if (outcome.kind === 'undone') {
    return (
      <div class="gta-notice gta-ok" role="status" data-gta="config-import-undone">
        <p>
          Import of <strong>{outcome.file}</strong> undone: your settings are back as they were before it.
        </p>
      </div>
    );
  }
  return (
    <div class="gta-notice gta-error" role="alert" data-gta="config-import-error">
      <p>
        <strong>{outcome.file}</strong> was not imported: {outcome.error}
      </p>
      <p>Your settings are unchanged.</p>
    </div>
  );
}
