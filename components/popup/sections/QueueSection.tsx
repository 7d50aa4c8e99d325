/**
 * Popup section "Software queue": the untriaged count (the toolbar badge's number: both read
 * `queue.latest` counts.untriaged), the last check's state in words, the tickets grouped for the
 * person on duty, "Check now", "Open Software queue" and the weekly report. The first frame comes
 * from storage.local (passed in by the popup, or read here); the ticket lists follow from the
 * local history. "Check now" asks the background and shows progress until the new result lands.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_GOC_BASE_URL } from '../../../utils/goc/hosts';
import { makeMatcher } from '../../../utils/queue/classify';
import { gocUrl, isCheckRunning, isStale, type QueueLatest } from '../../../utils/queue/state';
import { DEFAULT_SOFTWARE_ASSIGNEES, DEFAULT_TEAM_TIME_ZONE } from '../../../utils/settings/defaults';
import type { Settings } from '../../../utils/settings/schema';
import { queueClock } from '../../../services/shared/clock';
import { getItems, STORED } from '../../../utils/storage-items';
import { dateIn } from '../../../utils/time/zone';
import { formatWhen, loadQueueLists, markQueueOpened, watchQueueLatest, type QueueLists } from '../../queue/data';
import { groupQueue } from '../groups';
import { TicketGroup, type TicketContext } from './TicketGroups';
import './queue.css';

type LineKind = 'never' | 'ok' | 'stale' | 'signed-out' | 'error' | 'offline';

function stateKind(latest: QueueLatest, now: number): LineKind {
  if (latest.state === 'ok' && isStale(latest, now)) return 'stale';
  return latest.state;
}

/** What the last check did, in words; the last good check whenever the numbers are older than it. */
function stateWords(latest: QueueLatest, kind: LineKind, now: number): string {
  const lastGood = latest.lastGoodAt !== null ? ` Last good check ${formatWhen(latest.lastGoodAt, now)}.` : ' No good check yet.';
  switch (kind) {
    case 'never':
      return 'Not checked yet.';
    case 'ok':
      return `Checked ${formatWhen(latest.checkedAt, now)}.${latest.message ? ` ${latest.message}` : ''}`;
    case 'stale':
      return `Stale data: last good check ${formatWhen(latest.lastGoodAt, now)}. A new check is due.`;
    case 'signed-out':
      return `Signed out (${formatWhen(latest.checkedAt, now)}): ${latest.message ?? 'sign in to GOC Ticket.'}${lastGood}`;
    case 'error':
      return `Check failed (${formatWhen(latest.checkedAt, now)}): ${latest.message ?? 'unknown error'}${lastGood}`;
    case 'offline':
      return `Offline: not checked.${lastGood}`;
  }
}

export function QueueSection({ latest: given, settings: givenSettings }: { latest?: QueueLatest; settings?: Settings | null }) {
  const [latest, setLatest] = useState<QueueLatest | null>(given ?? null);
  const [settings, setSettings] = useState<Settings | null>(givenSettings ?? null);
  const [lists, setLists] = useState<QueueLists | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const newest = useRef(0);
  // The queue's times are service time (the e2e clock hook shifts them), so "now" is read on the
  // same clock: a stale/ok judgement across two clocks would be wrong by the shift.
  const clock = useMemo(() => queueClock(browser.storage), []);

  const show = useCallback(async (next: QueueLatest) => {
    const ticket = ++newest.current;
    setLatest(next);
    const [read, at] = await Promise.all([loadQueueLists(next), clock()]);
    if (ticket !== newest.current) return;
    setNow(at);
    setLists(read);
  }, []);
  const reload = useCallback(async () => {
    const stored = await getItems(browser.storage, { latest: STORED.queueLatest, snapshot: STORED.settingsSnapshot });
    if (stored.snapshot) setSettings(stored.snapshot.settings);
    await show(stored.latest);
  }, [show]);

  // Layout effect: start at once, not after a frame (a background tab may not get one for 100 ms).
  useLayoutEffect(() => {
    void (given ? show(given) : reload());
    markQueueOpened().catch(() => undefined); // a failed write only means a midday nudge
    return watchQueueLatest(() => void reload());
  }, []);

  const zone = settings?.rotation.timeZone ?? DEFAULT_TEAM_TIME_ZONE;
  const softwareNames = settings?.queue.softwareAssignees ?? DEFAULT_SOFTWARE_ASSIGNEES;
  const isSoftware = useMemo(() => makeMatcher({ softwareAssignees: softwareNames }), [softwareNames]);

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
      <section class="gta-queue" aria-busy="true" aria-labelledby="gta-queue-title">
        <h2 id="gta-queue-title">Software queue</h2>
        <p class="gta-muted">Loading…</p>
      </section>
    );
  }

  const base = latest.gocBaseUrl || DEFAULT_GOC_BASE_URL;
  const counts = latest.counts;
  const kind = stateKind(latest, now);
  const clear = kind === 'ok' && counts?.untriaged === 0;
  // Our own "Check now" disables the button; a check the background started on its own only shows
  // progress (pressing the button joins it, and a dead worker's stale flag cannot lock the button).
  const busy = checking || isCheckRunning(latest, now);
  const ctx: TicketContext = { base, today: dateIn(now, zone), now, split: latest.handover, isSoftware };
  // No good check yet: no lists to show (empty groups would read as "0 untriaged").
  const groups = lists && counts ? groupQueue(lists, latest.handover, now).filter((g) => !(clear && g.untriaged)) : [];
  const urgent = kind === 'error' || kind === 'never' || kind === 'stale' || kind === 'offline';

  return (
    <section
      class={`gta-queue gta-queue-is-${kind}`}
      data-gta="queue-section"
      data-gta-state={kind}
      data-gta-checked-at={String(latest.checkedAt ?? '')}
      data-gta-lists={lists ? 'loaded' : 'loading'}
      aria-labelledby="gta-queue-title"
    >
      <header class="gta-queue-head">
        <div>
          <h2 id="gta-queue-title">Software queue</h2>
          {counts && (
            <p class="gta-queue-sub">
              {counts.stale} stale · {counts.overdue} overdue · {counts.software} open
            </p>
          )}
        </div>
        <p class="gta-queue-headline">
          <strong data-gta="queue-count" data-gta-count={counts ? String(counts.untriaged) : ''} class={`gta-queue-count gta-queue-count-${kind}`}>
            {counts ? counts.untriaged : '–'}
          </strong>
          <span class="gta-queue-count-label">untriaged</span>
        </p>
      </header>

      <div class={`gta-queue-state gta-queue-state-${clear ? 'clear' : kind}`} data-gta="queue-state" role="status">
        {clear ? (
          <p>
            <strong data-gta="queue-clear">Queue clear</strong>: nothing waiting for triage. Last checked {formatWhen(latest.checkedAt, now)}.
          </p>
        ) : (
          <p>{stateWords(latest, kind, now)}</p>
        )}
        {kind === 'signed-out' && latest.guestCounts && <p>The public list shows {latest.guestCounts.untriaged} untriaged.</p>}
        {kind === 'never' && <p class="gta-muted">The first check runs shortly after install, or press Check now.</p>}
      </div>
      <div class="gta-queue-actions">
        {kind === 'signed-out' && (
          <a class="gta-btn gta-primary" data-gta="queue-sign-in" href={gocUrl(base, 'sso/')} target="_blank" rel="noreferrer">
            Sign in to GOC Ticket
          </a>
        )}
        <button
          type="button"
          class={`gta-btn${urgent ? ' gta-primary' : ''}`}
          data-gta="queue-check-now"
          onClick={() => void checkNow()}
          disabled={checking}
          aria-busy={busy}
        >
          {busy ? 'Checking…' : 'Check now'}
        </button>
        {busy && <progress class="gta-queue-progress" aria-label="Checking the queue" />}
        <a class="gta-btn" data-gta="queue-open-list" href={gocUrl(base, 'list/open')} target="_blank" rel="noreferrer">
          Open Software queue
        </a>
      </div>
      {checkError && (
        <p class="gta-error" role="alert">
          {checkError}
        </p>
      )}
      {lists?.historyError && <p class="gta-error">{lists.historyError}</p>}

      {groups.map((g) => (
        <TicketGroup key={g.id} group={g} ctx={ctx} />
      ))}

    </section>
  );
}
