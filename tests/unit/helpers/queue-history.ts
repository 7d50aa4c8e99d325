/** A stored queue check (Dexie history + `queue.latest`) for the popup's and options page's tests. */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idsOf, queueDb, recordGoodCheck } from '../../../utils/db/queue-db';
import { parseListHtml } from '../../../utils/goc/list';
import { classifyTickets, countQueue } from '../../../utils/queue/classify';
import { EMPTY_LATEST, type QueueLatest } from '../../../utils/queue/state';
import { defaultSettings } from '../../../utils/settings';
import { STORED } from '../../../utils/storage-items';
import { renderListHtml, type FixtureTicket } from '../utils/goc/list-fixture';

export const QUEUE_TICKETS: FixtureTicket[] = [
  { id: 501, title: 'First &#60;untriaged&#62;', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2030-01-01' },
  { id: 502, title: 'Second untriaged', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2030-01-01' },
  { id: 503, title: 'Old and forgotten', nextAction: 'Waiting', assignees: ['Software', 'Brian Lin'], updateDate: '2000-01-01', nad: '2000-01-02', nadRed: true },
];

/** Records one good check of these list rows at `at` in the local history (Dexie). */
export async function recordQueueCheck(at: number, rows: FixtureTicket[] = QUEUE_TICKETS, baseline = false) {
  const parsed = parseListHtml(renderListHtml(rows));
  if (parsed.status !== 'list') throw new Error('fixture');
  const tickets = classifyTickets(parsed.tickets, defaultSettings().queue, at, 'UTC');
  const counts = countQueue(tickets);
  await recordGoodCheck(queueDb(), { at, tickets, counts, baseline, manual: false, durationMs: 1, historyDays: 180 });
  return { tickets, counts };
}

/** Records one good check of QUEUE_TICKETS at `at` and publishes it as `queue.latest`. */
export async function seedQueueCheck(now: number, at = now - 3_600_000, baseline = false): Promise<QueueLatest> {
  const { tickets, counts } = await recordQueueCheck(at, QUEUE_TICKETS, baseline);
  const latest: QueueLatest = {
    ...EMPTY_LATEST,
    state: 'ok',
    checkedAt: at,
    lastGoodAt: at,
    staleAt: now + 3_600_000,
    counts,
    ids: idsOf(tickets),
    gocBaseUrl: 'https://ticket.grid.iu.edu/goc',
  };
  await browser.storage.local.set({ [STORED.queueLatest.key]: latest });
  return latest;
}

/** A fresh browser and an empty queue history. */
export async function resetQueueState(): Promise<void> {
  fakeBrowser.reset();
  queueDb().close();
  await Dexie.delete('gta-queue');
}
