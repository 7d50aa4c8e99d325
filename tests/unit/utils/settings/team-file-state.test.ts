/** utils/settings/team-file-state: reading back what the team-file service stored (defensive readers). */
import {
  EMPTY_TEAM_FILE_STATE,
  asTeamFileState,
  asTeamOverrides,
  type TeamFileState,
} from '../../../../utils/settings/team-file-state';

const GOOD: TeamFileState = {
  url: 'https://ticket.opensciencegrid.org/team/team.json',
  values: { team: [{ name: 'Brian Lin' }], 'queue.staleDays': 5 },
  syncedAt: 1_700_000_000_000,
  attemptAt: 1_700_000_100_000,
  error: 'HTTP 404',
  errorAt: 1_700_000_100_000,
  changes: [
    { area: 'roster', text: '+1 person', details: [] },
    { area: 'queue', text: 'staleDays: 7 → 5', details: ['queue.staleDays: 7 → 5'], overridden: true },
  ],
  changedAt: 1_700_000_000_000,
  notes: ['not taken from the team file (they are yours): identity'],
};

describe('asTeamFileState', () => {
  it('reads back a stored state as it was written', () => {
    expect(asTeamFileState(JSON.parse(JSON.stringify(GOOD)))).toEqual(GOOD);
  });

  it('is undefined for anything that is not an object (nothing stored yet, or garbage)', () => {
    for (const raw of [undefined, null, 'state', 5, true, [], [GOOD]]) expect(asTeamFileState(raw)).toBeUndefined();
  });

  it('an empty object reads as the empty state: no address, no values, never synced', () => {
    expect(asTeamFileState({})).toEqual(EMPTY_TEAM_FILE_STATE);
    expect(EMPTY_TEAM_FILE_STATE).toEqual({
      url: '',
      values: null,
      syncedAt: null,
      attemptAt: null,
      error: null,
      errorAt: null,
      changes: [],
      changedAt: null,
      notes: [],
    });
  });

  it('a field of the wrong type reads as "not known" instead of breaking the page', () => {
    const s = asTeamFileState({
      url: 42,
      values: ['team'],
      syncedAt: '1700000000000',
      attemptAt: Number.NaN,
      error: { message: 'HTTP 500' },
      errorAt: Number.POSITIVE_INFINITY,
      changes: 'roster: +1 person',
      changedAt: null,
      notes: 'a note',
    });
    expect(s).toEqual(EMPTY_TEAM_FILE_STATE);
  });

  it('values must be an object of path → value (null is "before the first good sync")', () => {
    expect(asTeamFileState({ values: null })!.values).toBeNull();
    expect(asTeamFileState({ values: 'team' })!.values).toBeNull();
    expect(asTeamFileState({ values: { 'queue.staleDays': 3 } })!.values).toEqual({ 'queue.staleDays': 3 });
  });

  it('keeps zero and negative times (they are numbers), refuses Infinity and NaN', () => {
    const s = asTeamFileState({ syncedAt: 0, attemptAt: -1, errorAt: Number.NEGATIVE_INFINITY, changedAt: 12.5 })!;
    expect([s.syncedAt, s.attemptAt, s.errorAt, s.changedAt]).toEqual([0, -1, null, 12.5]);
  });

  it('an empty error text is kept as text (not turned into "no error")', () => {
    expect(asTeamFileState({ error: '' })!.error).toBe('');
    expect(asTeamFileState({ url: '' })!.url).toBe('');
  });

  it('drops change lines without an area or a text, and details that are not text', () => {
    const s = asTeamFileState({
      changes: [
        null,
        'roster: +1',
        { text: 'no area', details: [] },
        { area: 'jira', details: [] },
        { area: 5, text: 'x' },
        { area: 'rotation', text: 7 },
        { area: 'roster', text: '+1 person', details: ['team: 1 → 2 entries', 3, null, 'second'] },
        { area: 'experts', text: 'unchanged' },
      ],
    })!;
    expect(s.changes).toEqual([
      { area: 'roster', text: '+1 person', details: ['team: 1 → 2 entries', 'second'] },
      { area: 'experts', text: 'unchanged', details: [] },
    ]);
  });

  it('marks a change as overridden only when it was stored as exactly true', () => {
    const lines = asTeamFileState({
      changes: [
        { area: 'a', text: 't', details: [], overridden: true },
        { area: 'b', text: 't', details: [], overridden: 'true' },
        { area: 'c', text: 't', details: [], overridden: 1 },
        { area: 'd', text: 't', details: [], overridden: false },
      ],
    })!.changes;
    expect(lines.map((l) => l.overridden)).toEqual([true, undefined, undefined, undefined]);
    expect(lines.map((l) => 'overridden' in l)).toEqual([true, false, false, false]);
  });

  it('caps what it reads back: 20 change lines, 50 details per line, 30 notes', () => {
    const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
    const s = asTeamFileState({
      changes: many(25, (i) => ({ area: `a${i}`, text: 't', details: many(60, (j) => `d${j}`) })),
      notes: many(40, (i) => `n${i}`),
    })!;
    expect(s.changes).toHaveLength(20);
    expect(s.changes[19]!.area).toBe('a19');
    expect(s.changes[0]!.details).toEqual(many(50, (j) => `d${j}`));
    expect(s.notes).toEqual(many(30, (i) => `n${i}`));
  });

  it('drops notes that are not text', () => {
    expect(asTeamFileState({ notes: ['kept', 1, null, { a: 1 }, 'also kept'] })!.notes).toEqual(['kept', 'also kept']);
  });
});

describe('asTeamOverrides', () => {
  it('is undefined for anything that is not an object', () => {
    for (const raw of [undefined, null, 'team', 3, [], [{ team: [] }]]) expect(asTeamOverrides(raw)).toBeUndefined();
  });

  it('keeps overrides of a list or of one key of a section, with their values', () => {
    const raw = { team: [{ name: 'Mat Selmeci' }], 'queue.staleDays': 9, 'rotation.timeZone': 'America/New_York', q_2: null };
    expect(asTeamOverrides(raw)).toEqual(raw);
  });

  it('drops paths a team file cannot carry and values that are not there', () => {
    const raw = Object.fromEntries([
      ['queue.a.b', 1],
      ['__proto__', { polluted: true }],
      ['_team', 1],
      ['2team', 1],
      ['queue.', 1],
      ['.staleDays', 1],
      ['queue._x', 1],
      ['queue.2', 1],
      [' team', 1],
      ['team ', 1],
      ['queue.staleDays ', 1],
      ['que-ue', 1],
      ['queue-x.staleDays', 1],
      ['', 1],
      ['snippets', undefined],
      ['experts', []],
    ]);
    expect(asTeamOverrides(raw)).toEqual({ experts: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
