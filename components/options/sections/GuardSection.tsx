/**
 * Options section "Ticket page": the unsigned-update guard (`features.unsignedGuard`) and the JIRA
 * tracker (`jira.baseUrl`, `jira.projectKey`, `jira.projectId`) used for key links and "New JIRA issue".
 */
import { useEffect, useState } from 'preact/hooks';
import type { SectionProps } from '../types';
import { SaveStatus } from './IdentitySection';

export function GuardSection({ settings, save }: SectionProps) {
  const [guard, setGuard] = useState(settings.features.unsignedGuard);
  const [baseUrl, setBaseUrl] = useState(settings.jira.baseUrl);
  const [projectKey, setProjectKey] = useState(settings.jira.projectKey);
  const [projectId, setProjectId] = useState(settings.jira.projectId ?? '');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    setGuard(settings.features.unsignedGuard);
    setBaseUrl(settings.jira.baseUrl);
    setProjectKey(settings.jira.projectKey);
    setProjectId(settings.jira.projectId ?? '');
  }, [settings.features, settings.jira]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const url = baseUrl.trim();
    if (url && !/^https?:\/\/[^/\s]+/i.test(url)) return setStatus({ ok: false, text: 'Not saved: the JIRA address must start with https://.' });
    if (!/^\d*$/.test(projectId.trim())) return setStatus({ ok: false, text: 'Not saved: the JIRA project id is a number.' });
    const error = await save({
      ...settings,
      features: { ...settings.features, unsignedGuard: guard },
      jira: { ...settings.jira, baseUrl: url.replace(/\/+$/, ''), projectKey: projectKey.trim(), projectId: projectId.trim() },
    });
    setStatus(error ? { ok: false, text: `Not saved. ${error}` } : { ok: true, text: 'Saved.' });
  };

  return (
    <section id="ticket-page" data-gta="options-guard" aria-labelledby="gta-guard-title">
      <h2 id="gta-guard-title">Ticket page</h2>
      <form onSubmit={onSubmit}>
        <label class="gta-check">
          <input
            type="checkbox"
            data-gta-field="unsignedGuard"
            checked={guard}
            onChange={(e) => {
              setGuard((e.currentTarget as HTMLInputElement).checked);
              setStatus(null);
            }}
          />{' '}
          Warn before sending an unsigned update
        </label>
        <p class="gta-hint">
          When your New Update has neither your signature nor your name in its last lines, GOC Ticket Assistant asks
          “Sign and send” or “Send as is” before the page saves it.
        </p>

        <label for="gta-jira-url">JIRA address</label>
        <input id="gta-jira-url" type="url" placeholder="https://jira.opensciencegrid.org" data-gta-field="jiraBaseUrl" value={baseUrl} onInput={(e) => { setBaseUrl((e.currentTarget as HTMLInputElement).value); setStatus(null); }} />
        <p class="gta-hint">Keys such as SOFTWARE-1234 in updates link there, and tickets get a “New JIRA issue” link. Empty: off.</p>
        <div class="gta-row">
          <label class="gta-inline" for="gta-jira-key">Project key</label>
          <input id="gta-jira-key" type="text" size={12} data-gta-field="jiraProjectKey" value={projectKey} onInput={(e) => { setProjectKey((e.currentTarget as HTMLInputElement).value); setStatus(null); }} />
          <label class="gta-inline" for="gta-jira-pid">Project id</label>
          <input id="gta-jira-pid" type="text" inputMode="numeric" size={8} data-gta-field="jiraProjectId" value={projectId} onInput={(e) => { setProjectId((e.currentTarget as HTMLInputElement).value); setStatus(null); }} />
        </div>
        <p class="gta-hint">The numeric project id (JIRA project settings) lets the create page preselect the project.</p>
        <div class="gta-row gta-actions">
          <button type="submit" class="gta-primary" data-gta="guard-save">
            Save
          </button>
          <SaveStatus status={status} />
        </div>
      </form>
    </section>
  );
}
