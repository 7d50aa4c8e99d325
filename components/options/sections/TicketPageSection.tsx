/**
 * Options section "Ticket page": the unsigned-update guard (`features.unsignedGuard`) and the JIRA
 * tracker (`jira.baseUrl`, `jira.projectKey`, `jira.projectId`) used for key links and "New JIRA issue".
 */
import { settingsSchema, type Settings } from '../../../utils/settings';
import { ChangedElsewhere, FieldError, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft, type FieldErrors } from '../use-section-draft';

interface Draft {
  guard: boolean;
  baseUrl: string;
  projectKey: string;
  projectId: string;
}

const SCHEMA = settingsSchema.pick({ features: true, jira: true });

const read = (s: Settings): Draft => ({
  guard: s.features.unsignedGuard,
  baseUrl: s.jira.baseUrl,
  projectKey: s.jira.projectKey,
  projectId: s.jira.projectId ?? '',
});

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  features: { ...s.features, unsignedGuard: d.guard },
  jira: { ...s.jira, baseUrl: d.baseUrl.trim().replace(/\/+$/, ''), projectKey: d.projectKey.trim(), projectId: d.projectId.trim() },
});

/**
 * Beyond the schema (any URL): links put into ticket pages must be web addresses, never
 * `javascript:` or `data:` ones.
 */
const check = (_d: Draft, next: Settings): FieldErrors =>
  next.jira.baseUrl && !/^https?:\/\/[^/\s]+/i.test(next.jira.baseUrl) ? { 'jira.baseUrl': 'the JIRA address must start with https://' } : {};

const CAPTIONS = { 'jira.projectId': 'Project id', 'jira.projectKey': 'Project key' };

export function TicketPageSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ settings, save, read, write, schema: SCHEMA, check, captions: CAPTIONS });
  const set = (patch: Partial<Draft>) => d.setDraft({ ...d.draft, ...patch });
  const text = (key: 'baseUrl' | 'projectKey' | 'projectId', path: string) => ({
    value: d.draft[key],
    'aria-invalid': d.errorFor(path) ? ('true' as const) : undefined,
    onInput: (e: Event) => set({ [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section id="ticket-page" data-gta="options-guard" aria-labelledby="gta-guard-title">
      <h2 id="gta-guard-title">Ticket page</h2>
      <ChangedElsewhere draft={d} />
      <form onSubmit={d.submit}>
        <label class="gta-check">
          <input
            type="checkbox"
            data-gta-field="unsignedGuard"
            checked={d.draft.guard}
            onChange={(e) => set({ guard: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Warn before sending an unsigned update
        </label>
        <p class="gta-hint">
          When your New Update has neither your signature nor your name in its last lines, GOC Ticket Assistant asks
          “Sign and send” or “Send as is” before the page saves it.
        </p>

        <label for="gta-jira-url">JIRA address</label>
        <input id="gta-jira-url" type="url" placeholder="https://jira.opensciencegrid.org" data-gta-field="jiraBaseUrl" {...text('baseUrl', 'jira.baseUrl')} />
        <FieldError id="gta-jira-url-error" message={d.errorFor('jira.baseUrl')} />
        <p class="gta-hint">Keys such as SOFTWARE-1234 in updates link there, and tickets get a “New JIRA issue” link. Empty: off.</p>
        <div class="gta-row">
          <label class="gta-inline" for="gta-jira-key">Project key</label>
          <input id="gta-jira-key" type="text" size={12} data-gta-field="jiraProjectKey" {...text('projectKey', 'jira.projectKey')} />
          <label class="gta-inline" for="gta-jira-pid">Project id</label>
          <input id="gta-jira-pid" type="text" inputMode="numeric" size={8} data-gta-field="jiraProjectId" {...text('projectId', 'jira.projectId')} />
        </div>
        <FieldError id="gta-jira-pid-error" message={d.errorFor('jira.projectId') ?? d.errorFor('jira.projectKey')} />
        <p class="gta-hint">The numeric project id (JIRA project settings) lets the create page preselect the project.</p>
        <SaveActions draft={d} gta="guard-save" label="Save" />
      </form>
    </section>
  );
}
