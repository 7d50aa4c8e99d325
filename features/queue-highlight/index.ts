/**
 * `/list/open`: flags Software-queue rows (untriaged / stale / overdue) and adds a "Software queue
 * only" toggle.
 *
 * DataTables owns the table (docs/goc-pages.md §10, §15): it removes hidden columns' cells from the DOM, puts
 * columns in the user's saved order, and re-appends rows on every sort and filter. So:
 * - columns are mapped by header text on every pass (a column toggle changes them);
 * - flags carry no text (the label is CSS generated content), so even if DataTables re-reads a
 *   cell, its sort and search data do not change; they go into the first visible cell of the row,
 *   and a pass moves them when that cell leaves;
 * - the filter hides rows with a class + CSS rule on the table, never by removing rows, so
 *   DataTables' sorting and searching keep working underneath;
 * - one MutationObserver on the table only, with work batched per animation frame; rows whose cells
 *   and data did not change are skipped.
 */
import { browser } from 'wxt/browser';
import { ensureStyles } from '../shared/dom';
import type { Feature, FeatureEnv } from '../types';
// The DOM half of the list parser only: the index would also reach the htmlparser2 string path.
import { buildTicket } from '../../utils/goc/list/build-ticket';
import { columnForHeader } from '../../utils/goc/list/columns';
import { rawRowFromElement, tableBodyRows, tableHeaders } from '../../utils/goc/list/from-document';
import type { ColumnKey } from '../../utils/goc/list/model';
import { classifyLiveRow, makeMatcher, type SnapshotIds } from '../../utils/queue/classify';
import { markOpenedToday } from '../../utils/queue/opened';
import { isStale, type QueueLatest } from '../../utils/queue/state';
import { changedValue, getItems, setItem, STORED } from '../../utils/storage-items';
import { dateIn } from '../../utils/time';
import { SELECTORS } from '../../utils/goc/selectors';

export const ROW_KINDS = ['untriaged', 'stale', 'overdue'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

const LABELS: Record<RowKind, string> = { untriaged: 'Untriaged', stale: 'Stale', overdue: 'Overdue' };
const ROW_SOFTWARE_CLASS = 'gta-row-software';
const TABLE_FILTER_CLASS = 'gta-software-only';

const STYLE = `
.gta-row-flag { display: inline-block; margin: 0 4px 0 0; padding: 0 4px; border-radius: 3px; font: bold 10px/15px system-ui, sans-serif; color: #fff; vertical-align: middle; }
.gta-row-flag::before { content: attr(data-gta-label); }
.gta-row-flag-untriaged { background: #d93025; }
.gta-row-flag-stale { background: #80868b; }
.gta-row-flag-overdue { background: #e37400; }
table#tickets.${TABLE_FILTER_CLASS} > tbody > tr:not(.${ROW_SOFTWARE_CLASS}) { display: none; }
.gta-queue-bar { margin: 6px 0; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; font-size: 13px; }
.gta-software-filter { cursor: pointer; border: 1px solid #999; border-radius: 4px; padding: 2px 10px; background: #f5f5f5; color: #333; font: inherit; }
.gta-software-filter[aria-pressed="true"] { background: #1a73e8; border-color: #1a73e8; color: #fff; }
.gta-software-filter:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.gta-queue-bar-note { color: #666; }
`;

export interface HighlightResult {
  software: number;
  counts: Record<RowKind, number>;
}

function snapshotOf(latest: QueueLatest): SnapshotIds | null {
  if (!latest.ids) return null;
  return {
    software: new Set(latest.ids.software),
    untriaged: new Set(latest.ids.untriaged),
    stale: new Set(latest.ids.stale),
    overdue: new Set(latest.ids.overdue),
  };
}

/**
 * One pass over the table: classify each row and make its flags and class match. Idempotent; only
 * touches the DOM where something differs. Exported for tests.
 */
export function createRowHighlighter(table: HTMLTableElement, env: Pick<FeatureEnv, 'settings'>) {
  const doc = table.ownerDocument;
  const rules = env.settings.queue;
  const matcher = makeMatcher(rules);
  const done = new WeakMap<Element, string>();
  let snapshot: SnapshotIds | null = null;
  let snapshotVersion = 0;

  function flagFor(kind: RowKind): HTMLElement {
    const flag = doc.createElement('span');
    flag.dataset.gta = 'row-flag';
    flag.dataset.gtaKind = kind;
    flag.dataset.gtaLabel = LABELS[kind];
    flag.className = `gta-row-flag gta-row-flag-${kind}`;
    flag.setAttribute('role', 'img');
    flag.setAttribute('aria-label', `${LABELS[kind]} (Software queue)`);
    flag.title = `${LABELS[kind]} (Software queue)`;
    return flag;
  }

  function syncRow(tr: Element, kinds: RowKind[], software: boolean) {
    tr.classList.toggle(ROW_SOFTWARE_CLASS, software);
    const firstCell = Array.from(tr.children).find((c) => c.localName === 'td' || c.localName === 'th') ?? null;
    const flags = Array.from(tr.querySelectorAll<HTMLElement>('[data-gta="row-flag"]'));
    // Flags left in a cell DataTables detached (hidden column) come back with it: keep one set,
    // in the first visible cell, in ROW_KINDS order.
    const wanted = kinds.join(' ');
    const current = flags
      .filter((f) => f.parentElement === firstCell)
      .map((f) => f.dataset.gtaKind)
      .join(' ');
    if (wanted === current && flags.length === kinds.length) return;
    for (const f of flags) f.remove();
    if (!firstCell) return;
    const before = firstCell.firstChild;
    for (const kind of kinds) firstCell.insertBefore(flagFor(kind), before);
  }

  function apply(force = false): HighlightResult {
    const headerTexts = tableHeaders(table);
    const columns = headerTexts.map(columnForHeader);
    const present = columns.filter((c): c is ColumnKey => c !== null);
    const signature = `${snapshotVersion}|${columns.join(',')}`;
    const today = dateIn(Date.now(), env.settings.rotation.timeZone);
    const result: HighlightResult = { software: 0, counts: { untriaged: 0, stale: 0, overdue: 0 } };
    for (const tr of tableBodyRows(table)) {
      const raw = rawRowFromElement(tr);
      const cellKey = `${signature}|${raw.cells.length}|${raw.cells.map((c) => c.text).join('\u0002')}`;
      const ticket = raw.cells.length === columns.length ? buildTicket(columns, raw) : null;
      if (!ticket) {
        syncRow(tr, [], false);
        continue;
      }
      const c = classifyLiveRow(ticket, present, rules, today, snapshot, matcher);
      const kinds = ROW_KINDS.filter((k) => c[k]);
      if (c.software) result.software += 1;
      for (const k of kinds) result.counts[k] += 1;
      if (!force && done.get(tr) === cellKey && tr.classList.contains(ROW_SOFTWARE_CLASS) === c.software) continue;
      syncRow(tr, kinds, c.software);
      done.set(tr, cellKey);
    }
    return result;
  }

  return {
    apply,
    setSnapshot(latest: QueueLatest) {
      snapshot = snapshotOf(latest);
      snapshotVersion += 1;
    },
    /** Removes everything this feature added to the rows. */
    teardown() {
      for (const f of Array.from(table.querySelectorAll('[data-gta="row-flag"]'))) f.remove();
      for (const tr of Array.from(table.querySelectorAll(`.${ROW_SOFTWARE_CLASS}`))) tr.classList.remove(ROW_SOFTWARE_CLASS);
      table.classList.remove(TABLE_FILTER_CLASS);
    },
  };
}

/** DataTables must own the table before we touch it, or its cell data would include our nodes. */
function whenDataTablesReady(doc: Document, table: HTMLTableElement, timeoutMs: number): Promise<void> {
  const ready = () => table.classList.contains('dataTable') || doc.getElementById('tickets_wrapper') !== null;
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(table.parentElement ?? doc.body, { childList: true, attributes: true, attributeFilter: ['class'], subtree: false });
    observer.observe(table, { attributes: true, attributeFilter: ['class'] });
    // A CDN failure leaves DataTables out (and the list invisible): carry on without it.
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve();
    }, timeoutMs);
  });
}

async function initQueueHighlight(env: FeatureEnv): Promise<void> {
  const { document: doc, ctx, page } = env;
  if (!/\/list\/open\/?$/.test(page.url.pathname)) return;
  const table = doc.querySelector<HTMLTableElement>(SELECTORS.listTable);
  if (!table) return;
  // Looking at the list counts as having looked at the queue today (no midday nudge). An orphaned
  // script's storage call rejects: nothing to record then.
  markOpenedToday(browser.storage, env.settings.rotation.timeZone, Date.now()).catch(() => undefined);

  await whenDataTablesReady(doc, table, 15_000);
  if (ctx.isInvalid) return;
  if (doc.querySelector('[data-gta="software-filter"]')) return; // already mounted (idempotent)

  ensureStyles(doc, { marker: 'queue-highlight-style', css: STYLE });

  const stored = await getItems(browser.storage, { latest: STORED.queueLatest, filterOn: STORED.queueSoftwareFilter });
  let latest: QueueLatest = stored.latest;
  let filterOn = stored.filterOn;

  const highlighter = createRowHighlighter(table, env);
  highlighter.setSnapshot(latest);

  // The bar: the toggle and a one-line summary, outside DataTables' wrapper.
  const bar = doc.createElement('div');
  bar.dataset.gta = 'queue-bar';
  bar.className = 'gta-queue-bar';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.dataset.gta = 'software-filter';
  toggle.className = 'gta-software-filter';
  const note = doc.createElement('span');
  note.className = 'gta-queue-bar-note';
  note.dataset.gta = 'queue-bar-note';
  bar.append(toggle, note);
  const anchor = doc.getElementById('tickets_wrapper') ?? table;
  anchor.parentElement?.insertBefore(bar, anchor);

  const render = (result: HighlightResult) => {
    table.classList.toggle(TABLE_FILTER_CLASS, filterOn);
    toggle.setAttribute('aria-pressed', String(filterOn));
    toggle.textContent = filterOn ? `Software queue only (${result.software})` : 'Show only the Software queue';
    toggle.dataset.gtaSoftwareRows = String(result.software);
    const parts = ROW_KINDS.map((k) => `${result.counts[k]} ${k}`);
    let text = `Software queue on this page: ${parts.join(', ')}.`;
    if (latest.state === 'signed-out') text += ' Sign in for the full list.';
    else if (latest.state === 'error' || (latest.state === 'ok' && isStale(latest, Date.now()))) {
      text += ' The background check is not current: stale flags may be out of date.';
    }
    note.textContent = text;
  };

  let frame = 0;
  let forceNext = false;
  const schedule = (force = false) => {
    forceNext ||= force;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const force = forceNext;
      forceNext = false;
      observer.disconnect();
      try {
        render(highlighter.apply(force));
      } finally {
        observe();
      }
    });
  };
  // Narrow: the table only (rows re-appended on sort/filter, cells on column toggles, headers).
  const observer = new MutationObserver(() => schedule());
  const observe = () => observer.observe(table, { childList: true, subtree: true });

  toggle.addEventListener('click', () => {
    filterOn = !filterOn;
    void setItem(browser.storage, STORED.queueSoftwareFilter, filterOn);
    schedule(true);
  });

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = changedValue(changes, area, STORED.queueLatest);
    if (!changed) return;
    latest = changed.value;
    highlighter.setSnapshot(latest);
    schedule(true);
  };
  browser.storage.onChanged.addListener(onStorage);

  render(highlighter.apply(true));
  observe();

  ctx.onInvalidated(() => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    browser.storage.onChanged.removeListener(onStorage);
    highlighter.teardown();
    bar.remove();
    doc.querySelector('style[data-gta="queue-highlight-style"]')?.remove();
  });
}

export const queueHighlight: Feature = {
  id: 'queue-highlight',
  pages: ['list'],
  init: initQueueHighlight,
};
