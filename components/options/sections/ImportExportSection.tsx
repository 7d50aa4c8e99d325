/**
 * Options section "Import / export": a team lead exports one JSON file and everyone imports it.
 * Import merges the file over the current settings (sections key by key, lists replaced) and
 * says what changed; a bad file is refused naming the bad field, and nothing changes.
 */
import { useState } from 'preact/hooks';
import { importSettingsText } from '../../../services/settings-store';
import { MAX_CONFIG_BYTES, exportConfig } from '../../../utils/settings';
import type { SectionProps } from '../types';

export const EXPORT_FILE_NAME = 'goc-ticket-assistant-config.json';

type Outcome =
  | { ok: true; file: string; changes: string[]; warnings: string[] }
  | { ok: false; file: string; error: string };

/** Imports go through the store's own read-modify-write (`importSettingsText`), not a section draft. */
export function ImportExportSection({ settings }: SectionProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [includeIdentity, setIncludeIdentity] = useState(false);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await importFile(file));
    } finally {
      setBusy(false);
      // Choosing the same file again (after fixing it) must fire `change` again.
      input.value = '';
    }
  };

  const importFile = async (file: File): Promise<Outcome> => {
    if (file.size > MAX_CONFIG_BYTES) {
      return { ok: false, file: file.name, error: 'the file is larger than 1 MB; a configuration file is a few KB' };
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return { ok: false, file: file.name, error: `the file could not be read (${String(error)})` };
    }
    try {
      // Merged over the freshest stored settings (not this page's copy) and stored in one step.
      const merged = await importSettingsText(text);
      if (!merged.ok) return { ok: false, file: file.name, error: merged.error };
      return { ok: true, file: file.name, changes: merged.changes, warnings: merged.warnings };
    } catch (error) {
      // storage.local refused the write (quota…): nothing changed.
      return { ok: false, file: file.name, error: `the settings could not be stored (${error instanceof Error ? error.message : String(error)})` };
    }
  };

  const onExport = () => {
    const blob = new Blob([exportConfig(settings, { includeIdentity })], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_FILE_NAME;
    document.body.append(link);
    link.click();
    link.remove();
    // Firefox needs the URL alive until the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section id="import-export" data-gta="options-import-export" aria-labelledby="gta-import-export-title">
      <h2 id="gta-import-export-title">Import / export</h2>
      <p class="gta-hint">
        Share one configuration file with the team: the team list, rotation source, queue settings, snippets, experts
        and signature template. Importing changes only what the file contains; lists in the file (team, snippets,
        experts) replace yours.
      </p>

      <label for="gta-config-import">Import a configuration file (.json)</label>
      <input
        id="gta-config-import"
        type="file"
        accept=".json,application/json"
        data-gta="config-import"
        disabled={busy}
        onChange={onFile}
      />

      {outcome?.ok === true && (
        <div class="gta-notice gta-ok" role="status" data-gta="config-import-ok">
          <p>
            Imported <strong>{outcome.file}</strong>:{' '}
            {outcome.changes.length === 0
              ? 'nothing changed (your settings already match it).'
              : `${outcome.changes.length} change${outcome.changes.length > 1 ? 's' : ''}.`}
          </p>
          {outcome.changes.length > 0 && (
            <ul data-gta="config-import-changes">
              {outcome.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {outcome.warnings.map((w) => (
            <p key={w} class="gta-warn">
              Note: {w}.
            </p>
          ))}
        </div>
      )}
      {outcome?.ok === false && (
        <div class="gta-notice gta-error" role="alert" data-gta="config-import-error">
          <p>
            <strong>{outcome.file}</strong> was not imported: {outcome.error}
          </p>
          <p>Your settings are unchanged.</p>
        </div>
      )}

      <h3 class="gta-subhead">Export</h3>
      <label class="gta-check">
        <input
          type="checkbox"
          checked={includeIdentity}
          data-gta="config-export-identity"
          onChange={(e) => setIncludeIdentity((e.currentTarget as HTMLInputElement).checked)}
        />
        Include my identity (name, e-mail, Footprints id): for a personal backup, not for a file you share
      </label>
      <div class="gta-row gta-actions">
        <button type="button" class="gta-primary" data-gta="config-export" onClick={onExport}>
          Download {EXPORT_FILE_NAME}
        </button>
      </div>
    </section>
  );
}
