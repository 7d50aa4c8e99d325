/**
 * Options section "Software queue": where GOC Ticket lives, how often to check, what counts as
 * stale, how long to keep history, when to notify — and the weekly triage report, computed from
 * the local history (no network).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { queueDb } from '../../../utils/db/queue-db';
import { sendMessage } from '../../../utils/messages';
import { formatDuration, weeklyReport, type WeeklyReport } from '../../../utils/queue/report';
import { gocUrl } from '../../../utils/queue/state';
import type { Settings } from '../../../utils/settings';
import type { SectionProps } from '../types';

/** Origins the manifest already grants; any other GOC base needs a run-time permission. */
const GRANTED_ORIGINS = ['https://ticket.opensciencegrid.org', 'https://ticket.grid.iu.edu'];

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

function draftOf(s: Settings): Draft {
  return {
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
  };
}

function num(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

export function QueueSection({ settings, save }: SectionProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const field = (key: keyof Draft) => ({
    value: draft[key] as string,
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const base = draft.gocBaseUrl.trim().replace(/\/+$/, '');
    let origin = '';
    try {
      origin = new URL(base).origin;
    } catch {
      setStatus({ ok: false, text: 'GOC Ticket address: expected a URL such as https://ticket.opensciencegrid.org' });
      return;
    }
    // Must run inside the click (user gesture): ask for a host outside the manifest's two.
    if (!GRANTED_ORIGINS.includes(origin)) {
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
      if (!granted) {
        setStatus({ ok: false, text: `Access to ${origin} was not granted: the queue cannot be checked there.` });
        return;
      }
    }
    const next: Settings = {
      ...settings,
      queue: {
        ...settings.queue,
        gocBaseUrl: base,
        checkMinutes: num(draft.checkMinutes),
        offHoursCheckMinutes: num(draft.offHoursCheckMinutes),
        timeoutSeconds: num(draft.timeoutSeconds),
        staleDays: num(draft.staleDays),
        historyDays: num(draft.historyDays),
        softwareAssignees: draft.softwareAssignees
          .split(/\n|,/)
          .map((s) => s.trim())
          .filter(Boolean),
        triageNextAction: draft.triageNextAction.trim(),
      },
      notifications: { ...settings.notifications, newTicket: draft.newTicket, middayNudge: draft.middayNudge },
    };
    const error = await save(next);
    setStatus(error ? { ok: false, text: error } : { ok: true, text: 'Saved.' });
  };

  return (
    <section id="queue" data-gta="options-queue" aria-labelledby="gta-queue-options-title">
      <h2 id="gta-queue-options-title">Software queue</h2>
      {/* noValidate: our own messages name the field and the fix (the schema validates on save). */}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <label for="gta-queue-base">GOC Ticket address</label>
        <input id="gta-queue-base" type="url" {...field('gocBaseUrl')} />
        <p class="gta-hint">Include /goc when the app lives there, e.g. https://ticket.grid.iu.edu/goc</p>

        <div class="gta-row">
          <span>
            <label for="gta-queue-check">Check every (minutes, work hours)</label>
            <input id="gta-queue-check" type="number" min="1" max="1440" {...field('checkMinutes')} />
          </span>
          <span>
            <label for="gta-queue-offhours">Outside work hours (minutes)</label>
            <input id="gta-queue-offhours" type="number" min="1" max="1440" {...field('offHoursCheckMinutes')} />
          </span>
          <span>
            <label for="gta-queue-timeout">Timeout (seconds)</label>
            <input id="gta-queue-timeout" type="number" min="1" max="300" {...field('timeoutSeconds')} />
          </span>
        </div>
        <div class="gta-row">
          <span>
            <label for="gta-queue-stale">Stale after (days without update)</label>
            <input id="gta-queue-stale" type="number" min="1" max="365" {...field('staleDays')} />
          </span>
          <span>
            <label for="gta-queue-history">Keep history (days)</label>
            <input id="gta-queue-history" type="number" min="1" max="3650" {...field('historyDays')} />
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
          onChange={(e) => setDraft({ ...draft, newTicket: (e.currentTarget as HTMLSelectElement).value as Draft['newTicket'] })}
        >
          <option value="on-duty">Only while I am on triage duty</option>
          <option value="always">Always</option>
          <option value="never">Never</option>
        </select>
        <label>
          <input
            type="checkbox"
            checked={draft.middayNudge}
            onChange={(e) => setDraft({ ...draft, middayNudge: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Midday reminder when I am on duty, tickets wait and I have not looked at the queue today
        </label>
        <p class="gta-row">
          <button type="submit" data-gta="queue-options-save">
            Save queue settings
          </button>
          {status && (
            <span class={status.ok ? 'gta-ok' : 'gta-error'} role={status.ok ? 'status' : 'alert'}>
              {status.text}
            </span>
          )}
        </p>
      </form>
      <QueueReport settings={settings} />
    </section>
  );
}

function QueueReport({ settings }: { settings: Settings }) {
  const [weekOffset, setWeekOffset] = useState(0);
  const [report, setReport] = useState<WeeklyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // The popup links here (#queue-report); the section renders after settings load, so scroll now.
    if (location.hash === '#queue-report') requestAnimationFrame(() => document.getElementById('queue-report')?.scrollIntoView());
    // The background computes it on its own clock; if it cannot answer, read the history here.
    sendMessage('getQueueReport', { weekOffset })
      .catch(async () => {
        const tickets = await queueDb().tickets.toArray();
        return weeklyReport(tickets, Date.now(), settings.rotation.timeZone, settings.queue.softwareAssignees, weekOffset);
      })
      .then((r) => {
        if (cancelled) return;
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(`The local history could not be read (${String(e)}).`));
    return () => {
      cancelled = true;
    };
  }, [weekOffset, settings]);

  const base = settings.queue.gocBaseUrl;
  const link = (id: number) => (
    <a href={gocUrl(base, String(id))} target="_blank" rel="noreferrer">
      {id}
    </a>
  );

  return (
    <div id="queue-report" data-gta="queue-report" class="gta-queue-report">
      <h3>Weekly triage report</h3>
      <p class="gta-row">
        <button type="button" onClick={() => setWeekOffset(weekOffset - 1)}>
          ← Previous week
        </button>
        <button type="button" disabled={weekOffset >= 0} onClick={() => setWeekOffset(Math.min(0, weekOffset + 1))}>
          Next week →
        </button>
        {report && (
          <span>
            Week of {report.weekStart} to {report.weekEnd}
          </span>
        )}
      </p>
      {error && <p class="gta-error">{error}</p>}
      {report && (
        <>
          <p data-gta-report="arrivals">
            <strong>{report.arrivals.length}</strong> ticket{report.arrivals.length === 1 ? '' : 's'} arrived in triage
            {report.arrivals.length > 0 && ': '}
            {report.arrivals.map((a, i) => (
              <span key={a.id}>
                {i > 0 && ', '}
                {link(a.id)}
              </span>
            ))}
          </p>
          <p data-gta-report="triage-time">
            {report.triageTime
              ? `Time to leave triage: median ${formatDuration(report.triageTime.medianMs)}, worst ${formatDuration(report.triageTime.worstMs)} (ticket ${report.triageTime.worstId}), over ${report.triageTime.count} ticket${report.triageTime.count === 1 ? '' : 's'}.`
              : 'No ticket that arrived this week has left triage yet.'}
          </p>
          <div data-gta-report="still-untriaged">
            <strong>Still untriaged now: {report.stillUntriaged.length}</strong>
            {report.stillUntriaged.length > 0 && (
              <ul>
                {report.stillUntriaged.map((t) => (
                  <li key={t.id}>
                    {link(t.id)} {t.title} — waiting {formatDuration(t.ageMs)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div data-gta-report="stale-by-owner">
            <strong>Stale tickets by owner now</strong>
            {report.staleByOwner.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {report.staleByOwner.map((o) => (
                  <li key={o.owner}>
                    {o.owner}: {o.tickets.length} —{' '}
                    {o.tickets.map((t, i) => (
                      <span key={t.id}>
                        {i > 0 && ', '}
                        {link(t.id)} (updated {t.updateDate ?? '?'})
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {report.hasBaselineTickets && (
            <p class="gta-hint">Some open tickets predate this browser's history: their arrival time is unknown.</p>
          )}
          <p class="gta-hint">From this browser's local history (kept {settings.queue.historyDays} days).</p>
        </>
      )}
    </div>
  );
}
