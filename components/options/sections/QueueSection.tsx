/**
 * Options section "Software queue": where GOC Ticket lives, how often to check, what counts as
 * stale, how long to keep history, when to notify — and the weekly triage report, computed from
 * the local history (no network).
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../../../utils/settings/schema';
import { FIELD_LIMITS } from '../field-limits';
import { Lazy } from '../Lazy';
import { loadDeferred } from '../use-deferred';
import { ChangedElsewhere, SaveActions } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft, type FieldErrors } from '../use-section-draft';
import { DEFAULT_GOC_BASE_URL, GOC_ORIGINS } from '../../../utils/goc/hosts';

/** Origins the manifest already grants; any other GOC base needs a run-time permission. */

interface Draft {
  gocBaseUrl: string;
  checkMinutes: string;
  offHoursCheckMinutes: string;
  timeoutSeconds: string;
  staleDays: string;
  historyDays: string;
  softwareAssignees: string;
  triageNextAction: string;
  newTicket: Settings['notifications']['newTicket'];
  middayNudge: boolean;
}

const read = (s: Settings): Draft => ({
  gocBaseUrl: s.queue.gocBaseUrl,
  checkMinutes: String(s.queue.checkMinutes),
  offHoursCheckMinutes: String(s.queue.offHoursCheckMinutes),
  timeoutSeconds: String(s.queue.timeoutSeconds),
  staleDays: String(s.queue.staleDays),
  historyDays: String(s.queue.historyDays),
  softwareAssignees: s.queue.softwareAssignees.join('\n'),
  triageNextAction: s.queue.triageNextAction,
  newTicket: s.notifications.newTicket,
  middayNudge: s.notifications.middayNudge,
});

function num(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  queue: {
    ...s.queue,
    gocBaseUrl: d.gocBaseUrl.trim().replace(/\/+$/, ''),
    checkMinutes: num(d.checkMinutes),
    offHoursCheckMinutes: num(d.offHoursCheckMinutes),
    timeoutSeconds: num(d.timeoutSeconds),
    staleDays: num(d.staleDays),
    historyDays: num(d.historyDays),
    softwareAssignees: d.softwareAssignees
      .split(/\n|,/)
      .map((a) => a.trim())
      .filter(Boolean),
    triageNextAction: d.triageNextAction.trim(),
  },
  notifications: { ...s.notifications, newTicket: d.newTicket, middayNudge: d.middayNudge },
});

const PART = { queue: true, notifications: true } as const;
const LIMITS = {
  checkMinutes: FIELD_LIMITS['queue.checkMinutes'],
  offHoursCheckMinutes: FIELD_LIMITS['queue.offHoursCheckMinutes'],
  timeoutSeconds: FIELD_LIMITS['queue.timeoutSeconds'],
  staleDays: FIELD_LIMITS['queue.staleDays'],
  historyDays: FIELD_LIMITS['queue.historyDays'],
};
const CAPTIONS = {
  'queue.gocBaseUrl': 'GOC Ticket address',
  'queue.checkMinutes': 'Check every (minutes, work hours)',
  'queue.offHoursCheckMinutes': 'Outside work hours (minutes)',
  'queue.timeoutSeconds': 'Timeout (seconds)',
  'queue.staleDays': 'Stale after (days without update)',
  'queue.historyDays': 'Keep history (days)',
  'queue.softwareAssignees': 'Software queue assignees',
  'queue.triageNextAction': 'Next Action of untriaged tickets',
};

/** The address must be a URL we can ask host access for (the schema's check comes after). */
function originOf(next: Settings): string | null {
  try {
    return new URL(next.queue.gocBaseUrl).origin;
  } catch {
    return null;
  }
}

const loadReport = () => loadDeferred().then((m) => m.QueueReport);

export function QueueSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({
    persist: 'queue',
    settings,
    save,
    read,
    write,
    part: PART,
    captions: CAPTIONS,
    check: (_draft, next): FieldErrors => (originOf(next) ? {} : { 'queue.gocBaseUrl': `expected a URL such as ${DEFAULT_GOC_BASE_URL}` }),
  });
  const draft = d.draft;

  const field = (key: keyof Draft) => ({
    value: draft[key] as string,
    'aria-invalid': d.errorFor(`queue.${key}`) ? ('true' as const) : undefined,
    onInput: (e: Event) => d.setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const next = d.validate();
    if (!next) return;
    const origin = originOf(next) as string;
    // Must run inside the click (user gesture): ask for a host outside the manifest's two.
    const access = GOC_ORIGINS.includes(origin)
      ? Promise.resolve(true)
      : browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    void access.then((granted) => {
      if (granted) return d.commit();
      d.setStatus({ ok: false, text: `Access to ${origin} was not granted: the queue cannot be checked there.` });
    });
  };

  return (
    <section id="queue" data-gta="options-queue" aria-labelledby="gta-queue-options-title">
      <h2 id="gta-queue-options-title">Software queue</h2>
      {/* noValidate: our own messages name the field and the fix (the schema validates on save). */}
      <ChangedElsewhere draft={d} />
      <form noValidate onSubmit={onSubmit}>
        <label for="gta-queue-base">GOC Ticket address</label>
        <input id="gta-queue-base" type="url" {...field('gocBaseUrl')} />
        <p class="gta-hint">Include /goc when the app lives there, e.g. https://ticket.grid.iu.edu/goc</p>

        <div class="gta-row">
          <span>
            <label for="gta-queue-check">Check every (minutes, work hours)</label>
            <input id="gta-queue-check" type="number" {...LIMITS.checkMinutes} {...field('checkMinutes')} />
          </span>
          <span>
            <label for="gta-queue-offhours">Outside work hours (minutes)</label>
            <input id="gta-queue-offhours" type="number" {...LIMITS.offHoursCheckMinutes} {...field('offHoursCheckMinutes')} />
          </span>
          <span>
            <label for="gta-queue-timeout">Timeout (seconds)</label>
            <input id="gta-queue-timeout" type="number" {...LIMITS.timeoutSeconds} {...field('timeoutSeconds')} />
          </span>
        </div>
        <div class="gta-row">
          <span>
            <label for="gta-queue-stale">Stale after (days without update)</label>
            <input id="gta-queue-stale" type="number" {...LIMITS.staleDays} {...field('staleDays')} />
          </span>
          <span>
            <label for="gta-queue-history">Keep history (days)</label>
            <input id="gta-queue-history" type="number" {...LIMITS.historyDays} {...field('historyDays')} />
          </span>
        </div>

        <label for="gta-queue-assignees">Software queue assignees (one per line: display names or Footprints ids)</label>
        <textarea id="gta-queue-assignees" rows={3} {...field('softwareAssignees')} />
        <label for="gta-queue-next-action">Next Action of untriaged tickets</label>
        <input id="gta-queue-next-action" type="text" {...field('triageNextAction')} />

        <label for="gta-queue-notify">Notify about new untriaged tickets (work hours only)</label>
        <select
          id="gta-queue-notify"
          value={draft.newTicket}
          onChange={(e) => d.setDraft({ ...draft, newTicket: (e.currentTarget as HTMLSelectElement).value as Draft['newTicket'] })}
        >
          <option value="on-duty">Only while I am on triage duty</option>
          <option value="always">Always</option>
          <option value="never">Never</option>
        </select>
        <label>
          <input
            type="checkbox"
            checked={draft.middayNudge}
            onChange={(e) => d.setDraft({ ...draft, middayNudge: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Midday reminder when I am on duty, tickets wait and I have not looked at the queue today
        </label>
        <SaveActions draft={d} gta="queue-options-save" label="Save queue settings" />
      </form>
      <Lazy load={loadReport} props={{ settings }} />
    </section>
  );
}

