/**
 * The extension's classifier against every row of tests/spec/classification-cases.json, the table
 * the simulator's ground truth is checked against too (tests/unit/goc-sim/classification-table.test.ts).
 *
 * Each case is turned into the row GOC's /list/open would show for it (docs/goc-pages.md §10): the
 * Update Date and the NAD as UTC calendar dates, the NAD cell red exactly when the NAD has passed.
 */
import { describe, expect, it } from 'vitest';
import type { ListTicket } from '../../../../utils/goc/list';
import { classifyLiveRow, classifyTickets } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { CLASSIFICATION_CASES, TABLE_DEFAULTS, type ClassificationCase } from '../../../spec/classification-cases';
import { listTicket } from './tickets';

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** YYYY-MM-DD on the wall calendar of `timeZone`. */
const dateIn = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/** The list row for a case, as the GOC server renders it. */
function rowOf(c: ClassificationCase): ListTicket {
  return listTicket({
    id: 1,
    assignees: c.assignees,
    nextAction: c.nextAction,
    updateDate: utcDate(c.updated),
    nad: c.nad === null ? null : utcDate(c.nad),
    nadPastByColour: c.nad !== null && c.nad < c.now,
  });
}

const ALL_COLUMNS = ['id', 'title', 'updateDate', 'nextAction', 'nad', 'assignees'];

describe('classification table: utils/queue/classify.ts', () => {
  it("the table's defaults are the extension's default settings", () => {
    const s = defaultSettings();
    expect(TABLE_DEFAULTS.settings).toEqual({
      softwareAssignees: s.queue.softwareAssignees,
      triageNextAction: s.queue.triageNextAction,
      staleDays: s.queue.staleDays,
    });
    expect(TABLE_DEFAULTS.zone).toBe(s.rotation.timeZone);
  });

  it('has the boundary cases', () => {
    expect(CLASSIFICATION_CASES.length).toBeGreaterThanOrEqual(30);
    for (const key of ['software', 'untriaged', 'stale', 'overdue'] as const) {
      expect(CLASSIFICATION_CASES.some((c) => c.expected[key])).toBe(true);
      expect(CLASSIFICATION_CASES.some((c) => !c.expected[key])).toBe(true);
    }
  });

  it.each(CLASSIFICATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const rules = { ...defaultSettings().queue, ...c.overrides };
    const row = rowOf(c);
    const [classified] = classifyTickets([row], rules, c.now, c.zone);
    const { software, untriaged, stale, overdue } = classified.class;
    expect({ software, untriaged, stale, overdue }).toEqual(c.expected);
    // The list page's live rows decide the same way when every column is on screen.
    expect(classifyLiveRow(row, ALL_COLUMNS, rules, dateIn(c.now, c.zone), null)).toEqual(c.expected);
  });
});
