/**
 * The team file's sync status (`team-file-status`, `data-gta-state` ok|error|none), what the last
 * sync that changed anything changed (`team-file-changes`), and notes from the last good file.
 * Team file text reaches the page only as text nodes (preact escapes it).
 */
import type { TeamFileState } from '../../../../utils/settings/team-file-state';
import { when } from '../../../rotation/format';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function TeamFileStatus({ state, configured, syncing }: { state: TeamFileState; configured: boolean; syncing: boolean }) {
  const now = Date.now();
  const lastGood = state.syncedAt !== null ? `Last good sync: ${when(state.syncedAt, now)} from ${hostOf(state.url)}.` : 'No good sync yet.';
  const kind = state.error ? 'error' : state.syncedAt !== null ? 'ok' : 'none';
  return (
    <div>
      <p
        data-gta="team-file-status"
        data-gta-state={kind}
        data-gta-synced-at={state.syncedAt !== null ? String(state.syncedAt) : undefined}
        data-gta-syncing={syncing ? 'true' : 'false'}
        class={kind === 'error' ? 'gta-error' : kind === 'ok' ? 'gta-ok' : 'gta-hint'}
        role={kind === 'error' ? 'alert' : 'status'}
      >
        {kind === 'none' && !configured ? 'No team file: your settings are all your own.' : null}
        {kind === 'error' && (
          <>
            Last sync failed{state.errorAt !== null ? ` (${when(state.errorAt, now)})` : ''}: {state.error}{' '}
            {state.syncedAt !== null ? `The last good team file is still in use. ${lastGood}` : 'No good sync yet.'}
          </>
        )}
        {kind === 'ok' && lastGood}
        {kind === 'none' && configured ? 'Not synced yet.' : null}
      </p>
      {state.changes.length > 0 && (
        <div data-gta="team-file-changes" data-gta-changed-at={state.changedAt !== null ? String(state.changedAt) : undefined}>
          <p>
            What the last change to the team file changed
            {state.changedAt !== null ? ` (${when(state.changedAt, now)})` : ''}:
          </p>
          <ul>
            {state.changes.map((line) => (
              <li key={line.area} data-gta-area={line.area}>
                {line.area}: {line.text}
                {line.overridden ? ' (your own value is kept)' : ''}
                {line.details.length > 0 && line.text !== 'unchanged' && (
                  <details>
                    <summary>details</summary>
                    <ul>
                      {line.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.notes.length > 0 && (
        <ul class="gta-hint" data-gta="team-file-notes">
          {state.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
