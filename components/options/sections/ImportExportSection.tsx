/**
 * Options section "Import / export": a team lead exports one JSON file and everyone imports it.
 * Importing shows first what the file would change (issue 10 finding 3): nothing is stored until
 * Apply, the file's identity only when the user ticks it, and "Undo import" puts the settings back
 * exactly as they were. A bad file is refused naming the bad field, and nothing changes.
 */
import { useState } from 'preact/hooks';
import { MAX_CONFIG_BYTES, exportConfig } from '../../../utils/settings/json';
import type { ImportPlan } from '../../../utils/settings/import-diff';
import type { Settings } from '../../../utils/settings/schema';
import { ImportOutcome, type Outcome } from '../import/ImportOutcome';
import { ImportPreview } from '../import/ImportPreview';
import '../import/import.css';
import { loadDeferred } from '../use-deferred';
import type { SectionProps } from '../types';

export const EXPORT_FILE_NAME = 'goc-ticket-assistant-config.json';

interface Pending {
  file: string;
  text: string;
  plan: ImportPlan;
}

/** Imports go through the store's own read-modify-write (`applyImportText`), not a section draft. */
export function ImportExportSection({ settings }: SectionProps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [takeIdentity, setTakeIdentity] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The settings before the last applied import, for "Undo import" (kept while this page is open).
  const [previous, setPrevious] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [includeIdentity, setIncludeIdentity] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setPending(null);
    setOutcome(null);
    setTakeIdentity(false);
    await run(async () => {
      const read = await readFile(file);
      if (!read.ok) return setOutcome({ kind: 'error', file: file.name, error: read.error });
      const plan = await loadDeferred()
        .then((deferred) => deferred.previewImportText(read.text))
        .catch((error: unknown) => ({ ok: false as const, error: messageOf(error) }));
      if (!plan.ok) return setOutcome({ kind: 'error', file: file.name, error: plan.error });
      setPending({ file: file.name, text: read.text, plan });
    }).finally(() => {
      // Choosing the same file again (after fixing it) must fire `change` again.
      input.value = '';
    });
  };

  const onApply = () =>
    pending &&
    run(async () => {
      const { file, text } = pending;
      const applied = await loadDeferred()
        .then((deferred) => deferred.applyImportText(text, { takeIdentity }))
        .catch((error: unknown) => ({
        ok: false as const,
        // storage.local refused the write (quota…): nothing changed.
        error: `the settings could not be stored (${messageOf(error)})`,
      }));
      setPending(null);
      if (!applied.ok) return setOutcome({ kind: 'error', file, error: applied.error });
      const { plan } = applied;
      setPrevious(applied.previous);
      setOutcome({
        kind: 'applied',
        file,
        changes: applied.tookIdentity ? [...plan.changes, ...plan.identityChanges] : plan.changes,
        refused: plan.refused,
        warnings: plan.warnings,
      });
    });

  const onUndo = () =>
    previous &&
    outcome?.kind === 'applied' &&
    run(async () => {
      const restored = await loadDeferred()
        .then((deferred) => deferred.restoreSettings(previous))
        .catch((error: unknown) => ({ error: messageOf(error) }));
      if (restored.error) return setOutcome({ ...outcome, undoError: restored.error });
      setPrevious(null);
      setOutcome({ kind: 'undone', file: outcome.file });
    });

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
        experts) replace yours. You see what would change before anything is applied, and can undo it.
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

      {pending && (
        <ImportPreview
          file={pending.file}
          plan={pending.plan}
          takeIdentity={takeIdentity}
          onTakeIdentity={setTakeIdentity}
          busy={busy}
          onApply={() => void onApply()}
          onCancel={() => setPending(null)}
        />
      )}
      {outcome && <ImportOutcome outcome={outcome} busy={busy} onUndo={() => void onUndo()} />}

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

async function readFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > MAX_CONFIG_BYTES) return { ok: false, error: 'the file is larger than 1 MB; a configuration file is a few KB' };
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    return { ok: false, error: `the file could not be read (${String(error)})` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
