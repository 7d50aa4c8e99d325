// @vitest-environment happy-dom
/**
 * The list parser and the classification on the simulator's own `/list/open` pages (its exported
 * renderer and seeded world), signed in and as a guest, against the simulator's ground truth.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without types
import { renderListPage } from '../../../goc-sim/render.mjs';
// @ts-expect-error plain ESM without types
import { SimState } from '../../../goc-sim/state.mjs';
// @ts-expect-error plain ESM without types
import { loginPersona } from '../../../goc-sim/personas.mjs';
// @ts-expect-error plain ESM without types
import { decodeEntities } from '../../../goc-sim/fp.mjs';
import { parseListDocument, parseListHtml } from '../../../../utils/goc/list';
import { classifyLiveRow, classifyTickets, countQueue, type SnapshotIds } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { dateIn } from '../../../../utils/time';

const RULES = defaultSettings().queue;

interface SimTicket {
  id: number;
  title: string;
  type: string;
  nextAction: string;
  assignees: string[];
}

function render(state: any, user: string | null, base = '') {
  const v = { base, origin: 'https://ticket.opensciencegrid.org', user: user ? loginPersona(user) : null, now: state.now(), flash: null, variant: 'normal', query: '' };
  return renderListPage(state.openTickets(), v, { which: 'open' }) as string;
}

const ZONE = defaultSettings().rotation.timeZone;
const FLAGS = ['software', 'untriaged', 'stale', 'overdue'] as const;
type Flag = (typeof FLAGS)[number];
const ALL_COLUMNS = ['id', 'title', 'updateDate', 'nextAction', 'nad', 'assignees'] as const;
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

// Mid-morning in Chicago, and Chicago evening when UTC is already on the next day.
describe.each([
  [1, '2018-03-14T16:00:00Z'],
  [2, '2018-03-14T16:00:00Z'],
  [7, '2018-03-14T16:00:00Z'],
  [1, '2018-03-15T03:30:00Z'],
])('simulator seed %i at %s', (seed, now) => {
  const state = new SimState({ seed, now });
  const truth = state.counts();
  const open: SimTicket[] = state.openTickets();
  const truthIds: Record<Flag, number[]> = { software: truth.ids.software, untriaged: truth.ids.untriaged, stale: truth.ids.stale, overdue: truth.ids.softwareOverdue };
  /** The simulator's ids of each flag among the tickets the page shows (Security rows are not shown). */
  const visibleTruth = (shownIds: number[]) => {
    const shown = new Set(shownIds);
    return Object.fromEntries(FLAGS.map((k) => [k, sorted(truthIds[k].filter((id) => shown.has(id)))])) as Record<Flag, number[]>;
  };

  it('signed in: every open ticket; each flag on exactly the tickets the simulator names', () => {
    const html = render(state, 'aroy');
    const parsed = parseListHtml(html);
    if (parsed.status !== 'list') throw new Error(parsed.status);
    expect(parsed.signedIn).toBe(true);
    expect(parsed.userName).toBe('Alain Roy');
    expect(parsed.skippedRows).toBe(0);
    // Alain Roy lacks view_security_incident_ticket: Security rows are left out for him too.
    const visible = open.filter((t) => t.type !== 'Security');
    expect(parsed.tickets.map((t) => t.id).sort()).toEqual(visible.map((t) => t.id).sort());
    const classified = classifyTickets(parsed.tickets, RULES, state.now(), ZONE);
    const counts = countQueue(classified);
    expect(counts.open).toBe(visible.length);
    const expected = visibleTruth(visible.map((t) => t.id));
    for (const key of FLAGS) {
      const ours = classified.filter((t) => t.class[key]).map((t) => t.id);
      expect(sorted(ours), key).toEqual(expected[key]);
      expect(ours.length, key).toBeGreaterThan(0);
      // The popup's counts are the simulator's ids counted, not the extension's own flags counted.
      expect(counts[key], `count ${key}`).toBe(expected[key].length);
    }
    expect(counts.untriaged).toBe(truth.untriaged);
    expect(counts.overdue).toBe(truth.softwareOverdue);
  });

  it('page flags (live rows): from the row alone with every column, and from the check with Update Date hidden', () => {
    const parsed = parseListHtml(render(state, 'aroy'));
    if (parsed.status !== 'list') throw new Error(parsed.status);
    const today = dateIn(state.now(), ZONE);
    const expected = visibleTruth(parsed.tickets.map((t) => t.id));
    // The background's check of the full list is what the page falls back to for hidden columns.
    const checked = classifyTickets(parsed.tickets, RULES, state.now(), ZONE);
    const snapshot = Object.fromEntries(FLAGS.map((k) => [k, new Set(checked.filter((t) => t.class[k]).map((t) => t.id))])) as unknown as SnapshotIds;
    for (const [label, columns, snap] of [
      ['every column, no check yet', ALL_COLUMNS, null],
      ['Update Date hidden (the site default)', ALL_COLUMNS.filter((c) => c !== 'updateDate'), snapshot],
    ] as const) {
      const flags = parsed.tickets.map((t) => ({ id: t.id, c: classifyLiveRow(t, columns, RULES, today, snap) }));
      for (const key of FLAGS) {
        expect(sorted(flags.filter((f) => f.c[key]).map((f) => f.id)), `${label}: ${key}`).toEqual(expected[key]);
      }
    }
  });

  it('titles decode to the simulator text (FP entities, markup characters)', () => {
    const parsed = parseListHtml(render(state, 'aroy'));
    if (parsed.status !== 'list') throw new Error(parsed.status);
    for (const t of parsed.tickets) {
      const sim = open.find((x) => x.id === t.id)!;
      // FP text reaches the page undecoded; a browser shows it decoded (docs/goc-pages.md §5.3).
      expect(t.title).toBe(decodeEntities(sim.title).replace(/[\s\u00a0]+/g, ' ').trim());
    }
  });

  it('guest: no Security rows, CCs hidden, signed out', () => {
    const parsed = parseListHtml(render(state, null));
    if (parsed.status !== 'list') throw new Error(parsed.status);
    expect(parsed.signedIn).toBe(false);
    expect(parsed.tickets).toHaveLength(truth.openVisibleToGuests);
    expect(parsed.tickets.every((t) => t.ccsHidden && t.ccs === null)).toBe(true);
    const securityIds = open.filter((t) => t.type === 'Security').map((t) => t.id);
    expect(parsed.tickets.filter((t) => securityIds.includes(t.id))).toEqual([]);
  });

  it('the Document path (DOMParser) reads the same rows as the string path', () => {
    // (stylesheet links dropped: happy-dom would try to fetch them)
    const html = render(state, 'aroy', '/goc').replace(/<link[^>]*>/g, '');
    const fromString = parseListHtml(html);
    const fromDocument = parseListDocument(new DOMParser().parseFromString(html, 'text/html'));
    expect(fromDocument).toEqual(fromString);
  });
});

describe('simulator fault pages', () => {
  const state = new SimState({ seed: 1, now: '2018-03-14T16:00:00Z' });
  it('the "markup" variant (renamed table, reordered columns) is unrecognised', () => {
    const v = { base: '', origin: 'https://x', user: loginPersona('aroy'), now: state.now(), flash: null, variant: 'changed', query: '' };
    const r = parseListHtml(renderListPage(state.openTickets(), v, { which: 'open' }));
    expect(r.status).toBe('unrecognised');
  });
});
