/**
 * Options section "Ticket page": the switches of the ticket page's guards and triage tools
 * (`features.unsignedGuard`, `keepSoftwareGuard`, `triagePanel`, `closeChecklist`) and the JIRA
 * tracker (`jira.baseUrl`, `jira.projectKey`, `jira.projectId`) used for key links and "New JIRA issue".
 */
import { Fragment } from 'preact';
import type { Settings } from '../../../utils/settings/schema';
import { ChangedElsewhere, FieldError, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft, type FieldErrors } from '../use-section-draft';

interface Draft {
  guard: boolean;
  keepSoftware: boolean;
  triagePanel: boolean;
  closeChecklist: boolean;
  baseUrl: string;
  projectKey: string;
  projectId: string;
}

const PART = { features: true, jira: true } as const;

const read = (s: Settings): Draft => ({
  guard: s.features.unsignedGuard,
  keepSoftware: s.features.keepSoftwareGuard,
  triagePanel: s.features.triagePanel,
  closeChecklist: s.features.closeChecklist,
  baseUrl: s.jira.baseUrl,
  projectKey: s.jira.projectKey,
  projectId: s.jira.projectId ?? '',
});

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  features: {
    ...s.features,
    unsignedGuard: d.guard,
    keepSoftwareGuard: d.keepSoftware,
    triagePanel: d.triagePanel,
    closeChecklist: d.closeChecklist,
  },
  jira: { ...s.jira, baseUrl: d.baseUrl.trim().replace(/\/+$/, ''), projectKey: d.projectKey.trim(), projectId: d.projectId.trim() },
});

/**
 * Beyond the schema (any URL): links put into ticket pages must be web addresses, never
 * `javascript:` or `data:` ones.
 */
const check = (_d: Draft, next: Settings): FieldErrors =>
  next.jira.baseUrl && !/^https?:\/\/[^/\s]+/i.test(next.jira.baseUrl) ? { 'jira.baseUrl': 'the JIRA address must start with https://' } : {};

/** The on/off switches of the ticket page's tools, in the order shown. */
const SWITCHES: { key: 'guard' | 'keepSoftware' | 'triagePanel' | 'closeChecklist'; field: string; label: string; hint: string }[] = [
  {
    key: 'guard',
    field: 'unsignedGuard',
    label: 'Warn before sending an unsigned update',
    hint: 'When your New Update has neither your signature nor your name in its last lines, GOC Ticket Assistant asks “Sign and send” or “Send as is” before the page saves it.',
  },
  {
    key: 'keepSoftware',
    field: 'keepSoftwareGuard',
    label: 'Ask before an update drops the Software user',
    hint: 'Saving the editor replaces the assignee list: when a Software pseudo-user that was assigned is no longer ticked, GOC Ticket Assistant asks whether to keep it before the page saves.',
  },
  {
    key: 'triagePanel',
    field: 'triagePanel',
    label: 'Triage panel on Software tickets',
    hint: "Owners, Next Action, deadline and a note in one step, filled into the page's own form (you press Update).",
  },
  {
    key: 'closeChecklist',
    field: 'closeChecklist',
    label: 'Close checklist when a Software ticket is resolved or closed',
    hint: 'Could other users hit this? A bug, documentation or a troubleshooting guide to improve. Never blocks.',
  },
];

const CAPTIONS = { 'jira.projectId': 'Project id', 'jira.projectKey': 'Project key' };

export function TicketPageSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ persist: 'ticket-page', settings, save, read, write, part: PART, check, captions: CAPTIONS });
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
        {SWITCHES.map((sw) => (
          <Fragment key={sw.field}>
            <label class="gta-check">
              <input
                type="checkbox"
                data-gta-field={sw.field}
                checked={d.draft[sw.key]}
                onChange={(e) => set({ [sw.key]: (e.currentTarget as HTMLInputElement).checked })}
              />{' '}
              {sw.label}
            </label>
            <p class="gta-hint">{sw.hint}</p>
          </Fragment>
        ))}

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
