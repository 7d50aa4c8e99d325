/** What every options section shows under its form: unsaved edits, changes made elsewhere, the save result. */
import type { ComponentChildren } from 'preact';
import type { SaveOutcome } from './use-section-draft';

/** The result of a save: polite "Saved." or an alert with the reason. */
export function SaveStatus({ status }: { status: SaveOutcome | null }) {
  if (!status) return <span role="status" class="gta-status" />;
  return status.ok ? (
    <span role="status" class="gta-status gta-ok">
      {status.text}
    </span>
  ) : (
    <span role="alert" class="gta-status gta-error">
      {status.text}
    </span>
  );
}

/** "Unsaved changes" while the draft differs from what is stored (and nothing else is being said). */
export function UnsavedHint({ draft }: { draft: { dirty: boolean; status: SaveOutcome | null } }) {
  return draft.dirty && !draft.status ? <span class="gta-hint">Unsaved changes</span> : null;
}

/** This section's stored values changed elsewhere while the user had edits: keep them, offer the stored values. */
export function ChangedElsewhere({ draft }: { draft: { changedElsewhere: boolean; discard: () => void } }) {
  if (!draft.changedElsewhere) return null;
  return (
    <p class="gta-notice gta-warn" role="status" data-gta="options-changed-elsewhere">
      Changed elsewhere — your unsaved edits are kept. (An import or another window saved these settings;
      saving your edits replaces that change.){' '}
      <button type="button" data-gta="options-discard-edits" onClick={draft.discard}>
        Use the stored values
      </button>
    </p>
  );
}

/** A field's error under the field (the summary alert names the first one). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="gta-error gta-field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/**
 * A section's action row: its own buttons (`before`, then `after` the Save button), Save, the
 * unsaved hint and the save result. Save is off while a save runs (no double submit).
 */
export function SaveActions(props: {
  draft: { dirty: boolean; saving: boolean; status: SaveOutcome | null };
  gta: string;
  label: string;
  before?: ComponentChildren;
  after?: ComponentChildren;
}) {
  const { draft } = props;
  return (
    <div class="gta-row gta-actions">
      {props.before}
      <button type="submit" class="gta-primary" data-gta={props.gta} disabled={draft.saving}>
        {props.label}
      </button>
      {props.after}
      <UnsavedHint draft={draft} />
      <SaveStatus status={draft.status} />
    </div>
  );
}
