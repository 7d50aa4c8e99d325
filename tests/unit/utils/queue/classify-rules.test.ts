import { describe, expect, it } from 'vitest';
import { classifyLiveRow, classifyTicket, foldName, makeMatcher, type QueueRules, type SnapshotIds } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { listTicket } from './tickets';

const RULES: QueueRules = defaultSettings().queue;
const TODAY = '2018-03-14';
const classify = (over: Parameters<typeof listTicket>[0], rules: Partial<QueueRules> = {}) =>
  classifyTicket(listTicket(over), { ...RULES, ...rules }, TODAY);

describe('names are compared after folding', () => {
  it('runs of spaces and NBSP become one space; full-width letters fold to plain ones (NFKC)', () => {
    expect(foldName('Software   Support\u00a0\u00a0(Triage)')).toBe('software support (triage)');
    expect(classify({ assignees: ['Ｓｏｆｔｗａｒｅ'] }).software).toBe(true);
  });

  it('an empty line in the Software list does not make a blank assignee Software', () => {
    const rules = { softwareAssignees: ['', '  ', 'Software'] };
    expect(classify({ assignees: [' '] }, rules).software).toBe(false);
    expect(makeMatcher(rules)('')).toBe(false);
    expect(makeMatcher(rules)(' software ')).toBe(true);
  });

  it('a custom matcher is asked only about assignees that are text', () => {
    const asked: unknown[] = [];
    const matcher = (a: string) => {
      asked.push(a);
      return a.startsWith('Soft');
    };
    const t = listTicket({ assignees: [42, null, 'Software'] as unknown as string[] });
    expect(classifyTicket(t, RULES, TODAY, matcher).software).toBe(true);
    expect(asked).toEqual(['Software']);
  });
});

describe('untriaged, stale and overdue edges', () => {
  it('an empty triage Next Action in the settings marks nothing untriaged, not even an empty Next Action', () => {
    expect(classify({ assignees: ['Software'], nextAction: '' }, { triageNextAction: '' }).untriaged).toBe(false);
    expect(classify({ assignees: ['Software'], nextAction: null }, { triageNextAction: '  ' }).untriaged).toBe(false);
  });

  it('a staleDays that is not a number falls back to 7 days', () => {
    const base = { assignees: ['Software'], nextAction: 'Waiting for user' };
    expect(classify({ ...base, updateDate: '2018-03-06' }, { staleDays: NaN }).stale).toBe(true); // 8 days
    expect(classify({ ...base, updateDate: '2018-03-07' }, { staleDays: NaN }).stale).toBe(false); // 7 days
  });

  it('a ticket without an Update Date is never stale, whatever staleDays is', () => {
    expect(classify({ assignees: ['Software'], nextAction: 'x', updateDate: null }, { staleDays: -1 }).stale).toBe(false);
    expect(classify({ assignees: ['Software'], updateDate: null }).daysSinceUpdate).toBeNull();
    expect(classify({ assignees: ['Software'], updateDate: '2018-03-04' }).daysSinceUpdate).toBe(10);
  });

  it('a NAD of today is not overdue when the colour is unknown (only a date before today is)', () => {
    expect(classify({ assignees: ['Software'], nad: TODAY, nadPastByColour: null }).overdue).toBe(false);
    expect(classify({ assignees: ['Software'], nad: '2018-03-13', nadPastByColour: null }).overdue).toBe(true);
    expect(classify({ assignees: ['Software'], nad: null, nadPastByColour: null }).overdue).toBe(false);
  });
});

describe('classifyLiveRow: columns hidden by DataTables', () => {
  const none: SnapshotIds = { software: new Set(), untriaged: new Set(), stale: new Set(), overdue: new Set() };
  const snap = (over: Partial<SnapshotIds>): SnapshotIds => ({ ...none, ...over });
  const ids = new Set([1]);
  const row = (over: Parameters<typeof listTicket>[0] = {}) => listTicket({ id: 1, ...over });

  it('without a snapshot, a flag whose columns are hidden is false', () => {
    expect(classifyLiveRow(row({ assignees: ['Software'] }), ['id', 'title'], RULES, TODAY, null)).toEqual({
      software: false,
      untriaged: false,
      stale: false,
      overdue: false,
    });
  });

  it('the Assigned column hidden: software comes from the snapshot, not from the row', () => {
    expect(classifyLiveRow(row({ assignees: [] }), ['id'], RULES, TODAY, snap({ software: ids })).software).toBe(true);
    expect(classifyLiveRow(row({ assignees: ['Software'] }), ['id'], RULES, TODAY, none).software).toBe(false);
  });

  it('the Next Action column hidden: untriaged comes from the snapshot, for a row still assigned to Software', () => {
    const cols = ['id', 'assignees'];
    expect(classifyLiveRow(row({ assignees: ['Software'] }), cols, RULES, TODAY, snap({ untriaged: ids })).untriaged).toBe(true);
    // reassigned away from Software since the last check: the snapshot's flag no longer applies
    expect(classifyLiveRow(row({ assignees: ['Rob Quick'] }), cols, RULES, TODAY, snap({ software: ids, untriaged: ids, stale: ids, overdue: ids }))).toEqual({
      software: false,
      untriaged: false,
      stale: false,
      overdue: false,
    });
  });

  it('the Update Date hidden: stale comes from the snapshot, but never for a row that is untriaged now', () => {
    const cols = ['id', 'assignees', 'nextAction', 'nad'];
    const stale = snap({ stale: ids });
    expect(classifyLiveRow(row({ assignees: ['Software'], nextAction: 'Working' }), cols, RULES, TODAY, stale).stale).toBe(true);
    expect(classifyLiveRow(row({ assignees: ['Software'], nextAction: 'SOFTWARE TRIAGE' }), cols, RULES, TODAY, stale)).toEqual({
      software: true,
      untriaged: true,
      stale: false,
      overdue: false,
    });
  });

  it('stale is read from the row only when Assigned, Next Action and Update Date are all on screen', () => {
    const stale = snap({ software: ids, stale: ids });
    const t = row({ assignees: ['Software'], updateDate: '2018-01-01' });
    // Update Date shown, Assigned and Next Action hidden (the parser leaves them empty): the snapshot decides
    expect(classifyLiveRow(row({ updateDate: '2018-01-01' }), ['id', 'updateDate'], RULES, TODAY, stale).stale).toBe(true);
    // Assigned shown, Next Action and Update Date hidden: the snapshot decides
    expect(classifyLiveRow(row({ assignees: ['Software'] }), ['id', 'assignees', 'nad'], RULES, TODAY, stale).stale).toBe(true);
    // all three shown: the row decides
    expect(classifyLiveRow(t, ['id', 'assignees', 'nextAction', 'updateDate'], RULES, TODAY, none).stale).toBe(true);
  });

  it('the NAD column hidden: overdue comes from the snapshot; shown, from the row', () => {
    const overdue = snap({ overdue: ids });
    expect(classifyLiveRow(row({ assignees: ['Software'] }), ['id', 'assignees', 'nextAction'], RULES, TODAY, overdue).overdue).toBe(true);
    expect(classifyLiveRow(row({ assignees: ['Software'], nad: '2018-03-20' }), ['id', 'assignees', 'nad'], RULES, TODAY, overdue).overdue).toBe(false);
    expect(classifyLiveRow(row({ assignees: ['Software'], nad: '2018-03-01' }), ['id', 'assignees', 'nad'], RULES, TODAY, none).overdue).toBe(true);
  });

  it('the Assigned column shown but Next Action hidden: the row decides software, the snapshot untriaged', () => {
    const cols = ['id', 'assignees', 'updateDate', 'nad'];
    const t = row({ assignees: ['Software'], nextAction: 'SOFTWARE TRIAGE', updateDate: '2018-01-01' });
    expect(classifyLiveRow(t, cols, RULES, TODAY, none)).toEqual({ software: true, untriaged: false, stale: false, overdue: false });
  });
});
