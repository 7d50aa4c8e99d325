/**
 * What a chosen team file would change, shown before anything is stored: each changed key,
 * risky ones (identity, web addresses, switched-off guards and notifications) highlighted with
 * why, values refused by the URL rules, and a box to also take the file's identity (never taken
 * otherwise). Apply stores it; Cancel forgets it.
 */
import type { ImportPlan } from '../../../utils/settings';
import { ChangeList, countLabel } from './ChangeList';

export interface ImportPreviewProps {
  file: string;
  plan: ImportPlan;
  takeIdentity: boolean;
  onTakeIdentity(take: boolean): void;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
}

export function ImportPreview({ file, plan, takeIdentity, onTakeIdentity, busy, onApply, onCancel }: ImportPreviewProps) {
  const total = plan.changes.length + (takeIdentity ? plan.identityChanges.length : 0);
  const risky = plan.changes.some((c) => c.risk) || (takeIdentity && plan.identityChanges.length > 0);
  return (
    <div class="gta-notice gta-import-preview" role="region" aria-label={`Import ${file}: preview`} data-gta="config-import-preview">
      <p>
        <strong>{file}</strong>{' '}
        {total === 0 ? 'would change nothing (your settings already match it).' : `would change ${countLabel(total)}:`}{' '}
        Nothing is changed until you choose Apply.
      </p>
      <ChangeList changes={plan.changes} gta="config-import-changes" />
      {risky && <p class="gta-warn">Highlighted changes deserve a second look: check them before you apply.</p>}

      {plan.takeIdentity && (
        <div data-gta="config-import-identity-choice">
          <label class="gta-check">
            <input
              type="checkbox"
              checked={takeIdentity}
              data-gta="config-import-identity"
              onChange={(e) => onTakeIdentity((e.currentTarget as HTMLInputElement).checked)}
            />
            Also take the identity in this file (name, e-mail, Footprints id, aliases). Leave this off unless the file
            is your own backup: your updates would be signed with it.
          </label>
          <ChangeList changes={plan.identityChanges} gta="config-import-identity-changes" />
          {!takeIdentity && <p class="gta-hint">Your identity stays as it is.</p>}
        </div>
      )}

      {plan.refused.length > 0 && (
        <div class="gta-import-refused" data-gta="config-import-refused">
          <p>Not imported from this file (the rest is):</p>
          <ul>
            {plan.refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.warnings.map((w) => (
        <p key={w} class="gta-warn">
          Note: {w}.
        </p>
      ))}
      <div class="gta-row gta-actions">
        <button type="button" class="gta-primary" data-gta="config-import-apply" disabled={busy} onClick={onApply}>
          Apply
        </button>
        <button type="button" data-gta="config-import-cancel" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
