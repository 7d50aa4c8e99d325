/**
 * Popup section "Triage duty": who is on duty now and next week, the time of the last good sync,
 * any sync error, and "Download rotation (.ics)". Computed from what the background published in
 * storage.local (it asks the background only before the settings snapshot exists); refreshes when
 * the service publishes a new state.
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DutyResponse } from '../../../utils/messages/rotation';
import { handoverAt, handoverWords, type HandoverSummary } from '../../../utils/queue/handover';
import { weekRange } from '../../../utils/rotation/duty-view';
import { STORED, watchItems } from '../../../utils/storage-items';
import { downloadText, lastGoodText, watchRotation, when } from '../../rotation/format';
import { readPopupData, type PopupData } from '../data';
import { dutyFromStorage } from '../duty';
import './duty.css';

const messages = () => import('../../../utils/messages');

export function DutySection({ data }: { data?: PopupData }) {
  const [duty, setDuty] = useState<DutyResponse | null>(() => (data ? dutyFromStorage(data) : null));
  const [failure, setFailure] = useState<string | null>(null);
  // The queue's hand-over split (what the person on duty inherited), from the last good check.
  const [handover, setHandover] = useState<HandoverSummary | undefined>(data?.latest.handover);

  const refresh = useCallback(async () => {
    try {
      const stored = await readPopupData(browser.storage);
      setHandover(stored.latest.handover);
      const local = dutyFromStorage(stored);
      setDuty(local ?? (await (await messages()).sendMessage('getDuty', undefined)));
      setFailure(null);
    } catch (error) {
      setFailure(`The background did not answer (${String(error)}).`);
    }
  }, []);
  useLayoutEffect(() => {
    if (!duty) void refresh();
    const stopRotation = watchRotation(() => void refresh());
    // A new check changes the untriaged count and the split.
    const stopQueue = watchItems(browser.storage, [STORED.queueLatest], () => void refresh());
    return () => {
      stopRotation();
      stopQueue();
    };
  }, [refresh]);

  const download = async () => {
    try {
      const { filename, text } = await (await messages()).sendMessage('exportIcs', undefined);
      downloadText(filename, text);
    } catch (error) {
      setFailure(`Export failed: ${String(error)}`);
    }
  };

  if (!duty) {
    return (
      <section data-gta="popup-duty" class="gta-duty" aria-labelledby="gta-duty-title">
        <h2 id="gta-duty-title">Triage duty</h2>
        <p class="gta-duty-muted">{failure ?? 'Loading…'}</p>
      </section>
    );
  }

  const { view, summary, status } = duty;
  if (duty.unconfigured) {
    return (
      <section data-gta="popup-duty" class="gta-duty" data-gta-state="setup" aria-labelledby="gta-duty-title">
        <h2 id="gta-duty-title">Triage duty</h2>
        <p data-gta-part="setup">No triage rotation is set, so the popup cannot say who is on duty.</p>
        <p class="gta-duty-muted">
          In Options, under Triage rotation, paste the rotation's address (a TWiki topic, an iCal feed or a JSON file) or import
          the team file.
        </p>
        <button
          type="button"
          class="gta-btn gta-primary"
          data-gta="popup-rotation-setup"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#rotation') })}
        >
          Set up the rotation
        </button>
      </section>
    );
  }

  const nowText =
    summary.day.kind === 'duty'
      ? `${view.you ? 'You' : view.duty} (${weekRange(summary.thisWeek)})`
      : summary.day.kind === 'weekend'
        ? 'Nobody — weekend'
        : summary.day.kind === 'holiday'
          ? `Nobody — holiday (this week: ${view.youThisWeek ? 'you' : summary.thisWeek.person ?? 'nobody'})`
          : 'Nobody is listed this week';
  return (
    <section
      data-gta="popup-duty"
      class={`gta-duty${view.you ? ' gta-duty-is-you' : ''}`}
      data-gta-duty={view.duty}
      data-gta-next={view.next}
      data-gta-you={String(view.you)}
      aria-labelledby="gta-duty-title"
    >
      <h2 id="gta-duty-title">Triage duty</h2>
      <dl class="gta-duty-list">
        <dt>Now</dt>
        <dd data-gta-part="now">
          {nowText}
          {view.untriagedText && <span class="gta-duty-count"> · {view.untriagedText}</span>}
        </dd>
        {view.you && handover && <HandoverLine summary={handover} now={duty.now} />}
        <dt>Next week</dt>
        <dd data-gta-part="next">
          {view.next || 'nobody listed'} ({weekRange(summary.nextWeek)})
        </dd>
      </dl>
      <p class="gta-duty-muted" data-gta-part="last-good">
        {lastGoodText(status, duty.now)}
      </p>
      {status.error && (
        <p class="gta-duty-error" role="alert" data-gta-part="error">
          Sync failed{status.errorAt !== null ? ` ${when(status.errorAt, duty.now)}` : ''}: {status.error}
        </p>
      )}
      {failure && <p class="gta-duty-error">{failure}</p>}
      <button type="button" class="gta-btn gta-duty-download" data-gta="popup-download-ics" onClick={() => void download()}>
        Download rotation (.ics)
      </button>
    </section>
  );
}

/** "2 carried over (oldest 4 d)" apart from "1 new this week", for the person on duty. */
function HandoverLine({ summary, now }: { summary: HandoverSummary; now: number }) {
  const view = handoverAt(summary, now);
  const words = handoverWords(view, now);
  return (
    <>
      <dt>Untriaged</dt>
      <dd data-gta-part="handover" data-gta-carried={String(view.carriedOver)} data-gta-new={String(view.newThisWeek)}>
        <span data-gta-part="carried-over">{words.carried}</span> · <span data-gta-part="new-this-week">{words.fresh}</span>
      </dd>
    </>
  );
}
