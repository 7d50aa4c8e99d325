// @vitest-environment happy-dom
/**
 * The list-page row highlighter on a DataTables-shaped table: columns mapped by header text,
 * hidden columns (cells removed from the DOM) filled in from the background snapshot, flags that
 * survive re-draws and column toggles without duplicates, and flags that carry no text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createRowHighlighter } from '../../../../features/queue-highlight';
import { classifyLiveRow, makeMatcher } from '../../../../utils/queue/classify';
import { EMPTY_LATEST, type QueueLatest } from '../../../../utils/queue/state';
import { defaultSettings } from '../../../../utils/settings';
import { renderListHtml, type FixtureTicket } from '../../utils/goc/list-fixture';

const settings = defaultSettings();
settings.rotation.timeZone = 'UTC';

const TICKETS: FixtureTicket[] = [
  { id: 1, title: 'new one', nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], nad: '2099-01-01', updateDate: '2099-01-01' },
  { id: 2, title: 'old one', nextAction: 'Waiting', assignees: ['Software', 'Brian Lin'], nad: '2000-01-01', nadRed: true, updateDate: '2000-01-01' },
  { id: 3, title: 'GOC one', nextAction: 'ENG Action', assignees: ['Rob Quick'], nad: '2000-01-01', nadRed: true, updateDate: '2000-01-01' },
  { id: 4, title: 'fresh assigned', nextAction: 'Working', assignees: ['Software', 'Mat Selmeci'], nad: '2099-01-01', updateDate: '2099-01-01' },
];

/** The server page as DataTables leaves it: implicit tbody, hidden columns' cells removed. */
function mountTable(hidden: string[] = ['Submitter', 'Submit Date', 'Update Date', 'Resource', 'Resource Group', 'Support Center', 'Virtual Organization', 'Submitted Via', 'GGUS Ticket Type', 'GGUS Ticket ID', 'SNOW Ticket ID']) {
  document.body.innerHTML = new DOMParser()
    .parseFromString(renderListHtml(TICKETS).replace(/<link[^>]*>|<script[\s\S]*?<\/script>/g, ''), 'text/html')
    .body.innerHTML;
  const table = document.querySelector<HTMLTableElement>('table#tickets')!;
  table.classList.add('dataTable');
  hideColumns(table, hidden);
  return table;
}

function hideColumns(table: HTMLTableElement, names: string[]) {
  const headers = Array.from(table.querySelectorAll('thead th'));
  const indexes = headers
    .map((th, i) => (names.includes((th.textContent ?? '').replace(/\u00a0/g, ' ').trim()) ? i : -1))
    .filter((i) => i >= 0)
    .reverse();
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    for (const i of indexes) tr.children[i]?.remove();
  }
}

function bodyRows(table: HTMLTableElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tbody > tr'));
}

function flags(table: HTMLTableElement) {
  const out: Record<number, string[]> = {};
  for (const tr of bodyRows(table)) {
    const id = Number(/'\/(\d+)'/.exec(tr.getAttribute('onclick') ?? '')![1]);
    out[id] = Array.from(tr.querySelectorAll<HTMLElement>('[data-gta="row-flag"]')).map((f) => f.dataset.gtaKind!);
  }
  return out;
}

function latestWith(ids: Partial<NonNullable<QueueLatest['ids']>>): QueueLatest {
  return { ...EMPTY_LATEST, state: 'ok', ids: { software: [], untriaged: [], stale: [], overdue: [], ...ids } };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('createRowHighlighter', () => {
  it('flags untriaged, stale (from the snapshot: Update Date is hidden) and overdue software rows', () => {
    const table = mountTable();
    const h = createRowHighlighter(table, { settings });
    h.setSnapshot(latestWith({ software: [1, 2, 4], untriaged: [1], stale: [2] }));
    const result = h.apply();
    expect(flags(table)).toEqual({ 1: ['untriaged'], 2: ['stale', 'overdue'], 3: [], 4: [] });
    expect(result).toEqual({ software: 3, counts: { untriaged: 1, stale: 1, overdue: 1 } });
    const rows = bodyRows(table);
    expect(rows.map((r) => r.classList.contains('gta-row-software'))).toEqual([true, true, false, true]);
  });

  it('flags carry no text: cell text (what DataTables sorts and searches) is unchanged', () => {
    const table = mountTable();
    const before = Array.from(table.querySelectorAll('td')).map((td) => td.textContent);
    const h = createRowHighlighter(table, { settings });
    h.apply();
    expect(Array.from(table.querySelectorAll('td')).map((td) => td.textContent)).toEqual(before);
    const flag = table.querySelector<HTMLElement>('[data-gta="row-flag"]')!;
    expect(flag.dataset.gtaLabel).toBe('Untriaged');
    expect(flag.getAttribute('aria-label')).toContain('Untriaged');
    expect(flag.className).toMatch(/^gta-/);
  });

  it('is idempotent and survives a re-draw (rows re-appended in another order)', () => {
    const table = mountTable();
    const h = createRowHighlighter(table, { settings });
    h.apply();
    const once = flags(table);
    const body = table.querySelector('tbody')!;
    for (const tr of bodyRows(table).reverse()) body.append(tr);
    h.apply();
    h.apply(true);
    expect(flags(table)).toEqual(once);
    expect(table.querySelectorAll('[data-gta="row-flag"]')).toHaveLength(Object.values(once).flat().length);
  });

  it('column toggles: flags move to the first visible cell, never duplicate; hidden Assignees → snapshot', () => {
    const table = mountTable();
    const h = createRowHighlighter(table, { settings });
    h.setSnapshot(latestWith({ software: [1, 2, 4], untriaged: [1] }));
    h.apply();
    // The user hides ID: DataTables detaches those cells (our flags inside them go along).
    const idCells = Array.from(table.querySelectorAll('tr')).map((tr) => tr.children[0]);
    for (const c of idCells) c.remove();
    h.apply();
    const row1 = bodyRows(table)[0];
    expect(row1.children[0].querySelector('[data-gta="row-flag"]')).not.toBeNull();
    // …and shows it again: the cached cells come back, flags and all.
    Array.from(table.querySelectorAll('tr')).forEach((tr, i) => tr.prepend(idCells[i]));
    h.apply();
    expect(row1.querySelectorAll('[data-gta="row-flag"]')).toHaveLength(1);
    expect(row1.children[0].querySelector('[data-gta="row-flag"]')).not.toBeNull();
    // Assignees hidden: software-ness and untriaged come from the snapshot.
    hideColumns(table, ['Assignees']);
    h.apply();
    expect(flags(table)[1]).toEqual(['untriaged']);
    expect(flags(table)[3]).toEqual([]);
  });

  it('without a snapshot, hidden columns mean no flag (never a guess)', () => {
    const table = mountTable();
    hideColumns(table, ['Assignees']);
    const h = createRowHighlighter(table, { settings });
    h.apply();
    expect(Object.values(flags(table)).flat()).toEqual([]);
  });

  it('teardown removes every flag and class', () => {
    const table = mountTable();
    const h = createRowHighlighter(table, { settings });
    h.apply();
    table.classList.add('gta-software-only');
    h.teardown();
    expect(table.querySelectorAll('[data-gta], .gta-row-software')).toHaveLength(0);
    expect(table.classList.contains('gta-software-only')).toBe(false);
  });
});

describe('classifyLiveRow', () => {
  const rules = settings.queue;
  const base = { id: 9, title: '', submitter: null, submitDate: null, type: null, priority: null, ccs: null, ccsHidden: false, meta: {} as never };
  it('row data wins when its columns are on screen, the snapshot fills the rest', () => {
    const snapshot = { software: new Set([9]), untriaged: new Set<number>(), stale: new Set([9]), overdue: new Set<number>() };
    const t = { ...base, assignees: ['Software'], nextAction: 'Working', updateDate: null, nad: null, nadPastByColour: null };
    expect(classifyLiveRow(t, ['id', 'assignees', 'nextAction'], rules, '2018-03-14', snapshot, makeMatcher(rules))).toEqual({
      software: true,
      untriaged: false,
      stale: true,
      overdue: false,
    });
    const visible = { ...t, updateDate: '2018-03-13' };
    expect(classifyLiveRow(visible, ['id', 'assignees', 'nextAction', 'updateDate'], rules, '2018-03-14', snapshot).stale).toBe(false);
  });
});
