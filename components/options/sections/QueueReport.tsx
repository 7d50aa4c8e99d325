/**
 * The weekly triage report under the options page's "Software queue" section, computed from the
 * local history (no network). Loaded after the page is interactive: it reads the Dexie history.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { queueDb } from '../../../utils/db/queue-db';
import { sendMessage } from '../../../utils/messages';
import { formatDuration, weeklyReport, type WeeklyReport } from '../../../utils/queue/report';
import { gocUrl } from '../../../utils/queue/state';
import type { Settings } from '../../../utils/settings';
import { getItem, STORED } from '../../../utils/storage-items';

export function QueueReport({ settings }: { settings: Settings }) {
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
        const db = queueDb();
        const [tickets, closeChecklist, checks] = await Promise.all([
          db.tickets.toArray(),
          getItem(browser.storage, STORED.closeChecklistLog),
          db.checks.where('state').equals('ok').toArray(),
        ]);
        return weeklyReport(tickets, Date.now(), settings.rotation.timeZone, settings.queue.softwareAssignees, weekOffset, { closeChecklist, checks });
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
          <p data-gta-report="close-checklist">
            {report.closeChecklist.closed === 0
              ? 'No Software ticket was closed with the close checklist this week.'
              : `Closed with the checklist: ${report.closeChecklist.closed}. Could hit other users: ${report.closeChecklist.others}; bug or improvement: ${report.closeChecklist.bug}; docs to improve: ${report.closeChecklist.docs}; troubleshooting guide: ${report.closeChecklist.guide}; nothing ticked: ${report.closeChecklist.none}.`}
          </p>
          <HandoverRow report={report} />
          {report.hasBaselineTickets && (
            <p class="gta-hint">Some open tickets predate this browser's history: their arrival time is unknown.</p>
          )}
          <p class="gta-hint">From this browser's local history (kept {settings.queue.historyDays} days).</p>
        </>
      )}
    </div>
  );
}

/** "Untriaged at hand-over": the count at each duty week's start (Monday 00:00, team zone). */
function HandoverRow({ report }: { report: WeeklyReport }) {
  const weeks = report.untriagedAtHandover ?? [];
  if (weeks.length === 0) return null;
  const when = (ms: number) => new Date(ms).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <div data-gta-report="handover">
      <strong>Untriaged at hand-over, per week</strong>
      <ul>
        {weeks.map((w) => (
          <li key={w.weekStart} data-gta-week={w.weekStart} data-gta-count={w.count === null ? '' : String(w.count)}>
            Week of {w.weekStart}:{' '}
            {w.count === null ? (
              'no check in the days before'
            ) : (
              <>
                <strong>{w.count}</strong>
                {w.at !== null && <span class="gta-hint"> (check of {when(w.at)})</span>}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
