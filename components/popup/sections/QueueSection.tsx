/**
 * Popup section "Software queue": untriaged count and tickets, stale and overdue tickets, the last
 * check's time and state, "Check now", "Open Software queue". The first frame comes from the last
 * check in storage.local (passed in by the popup, or read here); the ticket lists follow from the
 * local history. "Check now" asks the background and shows progress until the new result lands.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueTicketRecord } from '../../../utils/db/queue-db';
import { isCarriedOver } from '../../../utils/queue/handover';
import { formatDuration } from '../../../utils/queue/report';
import { gocUrl, isCheckRunning, isStale, type QueueLatest } from '../../../utils/queue/state';
import { getItem, STORED } from '../../../utils/storage-items';
import { formatWhen, loadQueueLists, markQueueOpened, watchQueueLatest, type QueueLists } from '../../queue/data';
import './queue.css';
import { DEFAULT_GOC_BASE_URL } from '../../../utils/goc/hosts';


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

function TicketList(props: {
  tickets: QueueTicketRecord[];
  base: string;
  now: number;
  detail: (t: QueueTicketRecord) => string;
  label: string;
  mark?: (t: QueueTicketRecord) => string | undefined;
}) {
  if (props.tickets.length === 0) return null;
  return (
    <ul class="gta-queue-tickets" aria-label={props.label}>
      {props.tickets.map((t) => (
        <li key={t.id} data-gta-ticket={String(t.id)} data-gta-handover={props.mark?.(t)}>
          <a href={gocUrl(props.base, String(t.id))} target="_blank" rel="noreferrer">
            <span class="gta-queue-id">{t.id}</span> {t.title || '(title not recorded)'}
          </a>
          <span class="gta-queue-detail">{props.detail(t)}</span>
        </li>
      ))}
    </ul>
  );
}

export function QueueSection({ latest: given }: { latest?: QueueLatest }) {
  const [latest, setLatest] = useState<QueueLatest | null>(given ?? null);
  const [lists, setLists] = useState<QueueLists | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const newest = useRef(0);

  const show = useCallback(async (next: QueueLatest) => {
    const ticket = ++newest.current;
    setNow(Date.now());
    setLatest(next);
    const read = await loadQueueLists(next);
    if (ticket === newest.current) setLists(read);
  }, []);
  const reload = useCallback(async () => show(await getItem(browser.storage, STORED.queueLatest)), [show]);

  // Layout effect: start at once, not after a frame (a background tab may not get one for 100 ms).
  useLayoutEffect(() => {
    void (given ? show(given) : reload());
    void markQueueOpened();
    return watchQueueLatest(() => void reload());
  }, []);


  const checkNow = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      const { sendMessage } = await import('../../../utils/messages');
      await sendMessage('checkQueueNow', undefined);
    } catch (error) {
      setCheckError(`The check did not finish (${error instanceof Error ? error.message : String(error)}). Try again.`);
    } finally {
      await reload();
      setChecking(false);
    }
  };

  if (!latest) {
    return (
      <section class="gta-queue" aria-busy="true">
        <h2>Software queue</h2>
        <p>Loading…</p>
      </section>
    );
  }

  const base = latest.gocBaseUrl || DEFAULT_GOC_BASE_URL;
  const counts = latest.counts;
  const line = stateLine(latest, now);
  // Our own "Check now" disables the button; a check the background started on its own only shows
  // progress (pressing the button joins it, and a dead worker's stale flag cannot lock the button).
  const busy = checking || isCheckRunning(latest, now);
  const age = (t: QueueTicketRecord) => {
    const since = t.firstSeenUntriaged ?? t.firstSeen;
    if (!Number.isFinite(since)) return '';
    // Baseline tickets were already waiting when this browser first looked: their arrival is unknown.
    const waited = t.baseline ? `waiting since before ${formatWhen(since, now)}` : `waiting ${formatDuration(now - since)}`;
    const mark = handoverMark(t);
    return mark === 'carried' ? `${waited} · carried over` : waited;
  };
  // Carried over = waiting since before this duty week began (utils/queue/handover.ts).
  const split = latest.handover;
  const handoverMark = (t: QueueTicketRecord): 'carried' | 'new' | undefined => {
    if (!split || !Number.isFinite(t.firstSeen)) return undefined;
    if (now >= split.nextWeekStartAt) return 'carried';
    return isCarriedOver(t, split) ? 'carried' : 'new';
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
      {lists?.historyError && <p class="gta-queue-state gta-queue-state-error">{lists.historyError}</p>}

      <TicketList tickets={lists?.untriaged ?? []} base={base} now={now} detail={age} label="Untriaged tickets" mark={handoverMark} />

      {lists && lists.stale.length > 0 && (
        <details class="gta-queue-group">
          <summary>
            Stale: <span data-gta-count-stale={String(lists.stale.length)}>{lists.stale.length}</span>
          </summary>
          <TicketList
            tickets={lists.stale}
            base={base}
            now={now}
            label="Stale tickets"
            detail={(t) => `updated ${t.updateDate ?? '?'} · ${t.assignees.join(', ')}`}
          />
        </details>
      )}
      {lists && lists.overdue.length > 0 && (
        <details class="gta-queue-group">
          <summary>
            Overdue: <span data-gta-count-overdue={String(lists.overdue.length)}>{lists.overdue.length}</span>
          </summary>
          <TicketList
            tickets={lists.overdue}
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
