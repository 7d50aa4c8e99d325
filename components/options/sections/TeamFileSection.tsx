/**
 * Options section "Team file": the address of the file the team lead publishes, "Save and sync
 * now" (asks for host access first when the address is outside the GOC hosts, inside the click),
 * the sync status with the time of the last good sync, what the last change to the file changed,
 * and the user's own values for team keys with "Use the team's value".
 *
 * The file sets team keys only (roster, experts, snippets, rotation source/zone/holidays/swaps,
 * queue rules, JIRA, triage presets and doc links); identity, signature, notifications, feature
 * switches and working hours stay yours (utils/settings/team-file.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../../utils/messages';
import type { Settings } from '../../../utils/settings/schema';
import { EMPTY_TEAM_FILE_STATE, type TeamFileState, type TeamOverrides } from '../../../utils/settings/team-file-state';
import { getItems, STORED, watchItems } from '../../../utils/storage-items';
import { loadDeferred } from '../use-deferred';
import { ChangedElsewhere, FieldError, SaveStatus, UnsavedHint } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';
import { neededPermission, requestAccess } from './rotation/host-access';
import { TeamFileOverrides } from './team-file/TeamFileOverrides';
import { TeamFileStatus } from './team-file/TeamFileStatus';

const PART = { teamFile: true } as const;
const read = (s: Settings) => ({ url: s.teamFile.url });
const write = (d: { url: string }, s: Settings): Settings => ({ ...s, teamFile: { ...s.teamFile, url: d.url.trim() } });

export function TeamFileSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ persist: 'teamFile', settings, save, read, write, part: PART, captions: { 'teamFile.url': 'Team file URL' } });
  const [state, setState] = useState<TeamFileState>(EMPTY_TEAM_FILE_STATE);
  const [overrides, setOverrides] = useState<TeamOverrides>({});
  const [syncing, setSyncing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      void getItems(browser.storage, { state: STORED.teamFileState, overrides: STORED.teamFileOverrides }).then((got) => {
        if (!live) return;
        setState(got.state);
        setOverrides(got.overrides);
      });
    refresh();
    const stop = watchItems(browser.storage, [STORED.teamFileState, STORED.teamFileOverrides], refresh);
    return () => {
      live = false;
      stop();
    };
  }, []);

  const needed = neededPermission(d.draft.url);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const next = d.validate();
    if (!next) return;
    const url = next.teamFile.url;
    // Host access is asked inside the click, before anything is awaited (Firefox requires it).
    const access = url && needed ? requestAccess(needed.pattern) : Promise.resolve(true);
    void access.then(async (granted) => {
      if (!(await d.commit(url ? 'Saved. Syncing the team file…' : 'Saved: no team file.'))) return;
      if (!granted) {
        d.setStatus({ ok: false, text: `Saved, but access to ${needed?.host} was not granted: the team file cannot be fetched until you allow it.` });
        return;
      }
      if (!url) return;
      setSyncing(true);
      try {
        const result = await sendMessage('syncTeamFileNow', undefined);
        setState(result);
        d.setStatus(result.error ? { ok: false, text: 'Sync failed (see below).' } : { ok: true, text: 'Saved and synced.' });
      } catch (error) {
        d.setStatus({ ok: false, text: `Sync could not start: ${String(error)}` });
      } finally {
        setSyncing(false);
      }
    });
  };

  const useTeam = (path: string) => {
    setBusy(true);
    void loadDeferred()
      .then((deferred) => deferred.dropTeamOverride(path))
      .then((r) => d.setStatus(r.error ? { ok: false, text: `Not changed: ${r.error}` } : { ok: true, text: 'The team’s value is in use again.' }))
      .catch((error) => d.setStatus({ ok: false, text: `Not changed: ${String(error)}` }))
      .finally(() => setBusy(false));
  };

  return (
    <section id="team-file" data-gta="options-team-file" aria-labelledby="gta-team-file-title">
      <h2 id="gta-team-file-title">Team file</h2>
      <p class="gta-hint">
        The team lead publishes one team configuration file (a TWiki attachment, a Git repository’s raw file, any https
        address). It is synced on browser start, every few hours and when you press the button, and sets the team’s
        roster, experts, snippets, rotation source, time zone, holidays and swaps, queue rules, JIRA and triage presets.
        Your identity, signature, notifications, feature switches and working hours are never taken from it. When you
        change a team value here, yours is kept and listed below.
      </p>
      <ChangedElsewhere draft={d} />
      <form onSubmit={onSubmit} noValidate>
        <label for="gta-team-file-url">Team file URL</label>
        <input
          id="gta-team-file-url"
          type="url"
          data-gta="team-file-url"
          placeholder="https://twiki.example.org/twiki/pub/SoftwareTeam/WebHome/team.json"
          spellcheck={false}
          value={d.draft.url}
          aria-invalid={d.errorFor('teamFile.url') ? 'true' : undefined}
          aria-describedby="gta-team-file-url-error"
          onInput={(e) => d.setDraft({ url: (e.currentTarget as HTMLInputElement).value })}
        />
        <FieldError id="gta-team-file-url-error" message={d.errorFor('teamFile.url')} />
        {needed && d.draft.url.trim() && (
          <p class="gta-notice" data-gta="team-file-permission-explainer">
            To read the team file, the extension needs permission to access <strong>{needed.host}</strong>. It fetches only
            the address above and sends nothing anywhere. Your browser will ask when you press the button.
          </p>
        )}
        <div class="gta-row gta-actions">
          <button type="submit" class="gta-primary" data-gta="team-file-sync" disabled={d.saving || syncing}>
            {syncing ? 'Syncing…' : 'Save and sync now'}
          </button>
          <UnsavedHint draft={d} />
          <SaveStatus status={d.status} />
        </div>
      </form>
      <TeamFileStatus state={state} configured={!!settings.teamFile.url} syncing={syncing} />
      {settings.team.length > 0 && (
        <details data-gta="team-file-roster" data-gta-count={String(settings.team.length)}>
          <summary>
            Team roster: {settings.team.length} {settings.team.length === 1 ? 'person' : 'people'}
            {state.values && 'team' in state.values ? '' : ' (not from the team file)'}
          </summary>
          <ul>
            {settings.team.map((m, i) => (
              <li key={i} data-gta-person={m.name}>
                {m.name} ({m.role})
              </li>
            ))}
          </ul>
        </details>
      )}
      <TeamFileOverrides values={state.values} overrides={overrides} busy={busy} onUseTeam={useTeam} />
    </section>
  );
}
