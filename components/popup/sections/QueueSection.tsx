/**
 * Popup section "Software queue": untriaged count and tickets, stale and overdue tickets, the last
 * check's time and state, "Check now", "Open Software queue". Renders from storage + Dexie first;
 * "Check now" asks the background and shows progress until the new result lands.
 */
import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueTicketRecord } from '../../../utils/db/queue-db';
import { sendMessage } from '../../../utils/messages';
import { formatDuration } from '../../../utils/queue/report';
import { gocUrl, isCheckRunning, isStale, type QueueLatest } from '../../../utils/queue/state';
import { formatWhen, loadQueueView, markQueueOpened, watchQueueLatest, type QueueView } from '../../queue/data';
import './queue.css';

const DEFAULT_BASE = 'https://ticket.opensciencegrid.org';

// The bench separates script loading from our own work: scripts evaluated → first render with data.
performance.mark('gta-queue-script');

function stateLine(latest: QueueLatest, now: number): { text: string; kind: string } {
  const lastGood = latest.lastGoodAt !== null ? ` Showing the last good check (${formatWhen(latest.lastGoodAt, now)}).` : '';
  switch (latest.state) {
    case 'never':
      return { text: 'Not checked yet.', kind: 'never' };
    case 'ok':
      if (isStale(latest, now)) {
        return { text: `Stale data: last good check ${formatWhen(latest.lastGoodAt, now)}.`, kind: 'stale' };
      }
      return { text: `Checked ${formatWhen(latest.checkedAt, now)}.${latest.message ? ` ${latest.message}` : ''}`, kind: 'ok' };
    case 'signed-out':
      return { text: `Signed out (${formatWhen(latest.checkedAt, now)}): ${latest.message ?? 'sign in to GOC Ticket.'}${lastGood}`, kind: 'signed-out' };
    case 'error':
      return { text: `Check failed (${formatWhen(latest.checkedAt, now)}): ${latest.message ?? 'unknown error'}${lastGood}`, kind: 'error' };
    case 'offline':
      return { text: `Offline: not checked.${lastGood}`, kind: 'offline' };
  }
}

function TicketList(props: { tickets: QueueTicketRecord[]; base: string; now: number; detail: (t: QueueTicketRecord) => string; label: string }) {
  if (props.tickets.length === 0) return null;
  return (
    <ul class="gta-queue-tickets" aria-label={props.label}>
      {props.tickets.map((t) => (
        <li key={t.id} data-gta-ticket={String(t.id)}>
          <a href={gocUrl(props.base, String(t.id))} target="_blank" rel="noreferrer">
            <span class="gta-queue-id">{t.id}</span> {t.title || '(title not recorded)'}
          </a>
          <span class="gta-queue-detail">{props.detail(t)}</span>
        </li>
      ))}
    </ul>
  );
}

export function QueueSection() {
  const [view, setView] = useState<QueueView | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const reload = useCallback(async () => {
    const next = await loadQueueView();
    setNow(Date.now());
    setView(next);
  }, []);

  // Start reading storage + Dexie during the first render, not after paint (Preact runs useEffect
  // after a frame, which a background tab may not get for 100 ms).
  const firstLoad = useMemo(() => loadQueueView(), []);
  useLayoutEffect(() => {
    let live = true;
    void firstLoad.then((v) => {
      if (!live) return;
      setNow(Date.now());
      setView(v);
    });
    void markQueueOpened();
    const unwatch = watchQueueLatest(() => void reload());
    return () => {
      live = false;
      unwatch();
    };
  }, [firstLoad, reload]);

  useLayoutEffect(() => {
    // The bench (scripts/bench/queue.mjs) reads this mark: first render with data from Dexie.
    if (view) performance.mark('gta-queue-first-render');
  }, [view !== null]);

  const checkNow = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      await sendMessage('checkQueueNow', undefined);
    } catch (error) {
      setCheckError(`The check did not finish (${error instanceof Error ? error.message : String(error)}). Try again.`);
    } finally {
      await reload();
      setChecking(false);
    }
  };

  if (!view) {
    return (
      <section class="gta-queue" aria-busy="true">
        <h2>Software queue</h2>
        <p>Loading…</p>
      </section>
    );
  }

  const { latest } = view;
  const base = latest.gocBaseUrl || DEFAULT_BASE;
  const counts = latest.counts;
  const line = stateLine(latest, now);
  // Our own "Check now" disables the button; a check the background started on its own only shows
  // progress (pressing the button joins it, and a dead worker's stale flag cannot lock the button).
  const busy = checking || isCheckRunning(latest, now);
  const age = (t: QueueTicketRecord) => {
    const since = t.firstSeenUntriaged ?? t.firstSeen;
    if (!Number.isFinite(since)) return '';
    // Baseline tickets were already waiting when this browser first looked: their arrival is unknown.
    return t.baseline ? `waiting since before ${formatWhen(since, now)}` : `waiting ${formatDuration(now - since)}`;
  };

  return (
    <section
      class="gta-queue"
      data-gta="queue-section"
      data-gta-state={line.kind}
      data-gta-checked-at={String(latest.checkedAt ?? '')}
      aria-labelledby="gta-queue-title"
    >
      <h2 id="gta-queue-title">Software queue</h2>
      <p class="gta-queue-headline">
        <strong
          data-gta="queue-count"
          data-gta-count={counts ? String(counts.untriaged) : ''}
          class={`gta-queue-count gta-queue-count-${line.kind}`}
        >
          {counts ? counts.untriaged : '–'}
        </strong>{' '}
        untriaged
        {counts && (
          <span class="gta-queue-sub">
            {' '}
            · {counts.stale} stale · {counts.overdue} overdue · {counts.software} in queue
          </span>
        )}
      </p>
      <p class={`gta-queue-state gta-queue-state-${line.kind}`} data-gta="queue-state" role="status">
        {line.text}
        {latest.state === 'signed-out' && (
          <>
            {' '}
            <a href={gocUrl(base, 'sso/')} target="_blank" rel="noreferrer">
              Sign in
            </a>
            {latest.guestCounts && ` The public list shows ${latest.guestCounts.untriaged} untriaged.`}
          </>
        )}
      </p>
      {view.historyError && <p class="gta-queue-state gta-queue-state-error">{view.historyError}</p>}

      <TicketList tickets={view.untriaged} base={base} now={now} detail={age} label="Untriaged tickets" />

      {view.stale.length > 0 && (
        <details class="gta-queue-group">
          <summary>
            Stale: <span data-gta-count-stale={String(view.stale.length)}>{view.stale.length}</span>
          </summary>
          <TicketList
            tickets={view.stale}
            base={base}
            now={now}
            label="Stale tickets"
            detail={(t) => `updated ${t.updateDate ?? '?'} · ${t.assignees.join(', ')}`}
          />
        </details>
      )}
      {view.overdue.length > 0 && (
        <details class="gta-queue-group">
          <summary>
            Overdue: <span data-gta-count-overdue={String(view.overdue.length)}>{view.overdue.length}</span>
          </summary>
          <TicketList
            tickets={view.overdue}
            base={base}
            now={now}
            label="Overdue tickets"
            detail={(t) => `NAD ${t.nad ?? '?'} · ${t.assignees.join(', ')}`}
          />
        </details>
      )}

      <div class="gta-queue-actions">
        <button type="button" data-gta="queue-check-now" onClick={() => void checkNow()} disabled={checking} aria-busy={busy}>
          {busy ? 'Checking…' : 'Check now'}
        </button>
        {busy && <progress class="gta-queue-progress" aria-label="Checking the queue" />}
        <a data-gta="queue-open-list" href={gocUrl(base, 'list/open')} target="_blank" rel="noreferrer">
          Open Software queue
        </a>
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/options.html#queue-report') });
          }}
        >
          Weekly report
        </a>
      </div>
      {checkError && (
        <p class="gta-queue-state gta-queue-state-error" role="alert">
          {checkError}
        </p>
      )}
    </section>
  );
}
