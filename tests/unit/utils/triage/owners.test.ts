import { describe, expect, it } from 'vitest';
import { availability } from '../../../../utils/triage/availability';
import { describeLoad, filterOwners, rankOwners, type OwnerInput } from '../../../../utils/triage/owners';
import { foldDisplayName } from '../../../../utils/experts';

const EXPERTS = [
  { topic: 'HTCondor-CE', keywords: ['htcondor-ce', 'condor-ce'], people: ['Brian Lin', 'Tim Theisen'] },
  { topic: 'HTCondor', keywords: ['schedd'], people: ['Tim Theisen'] },
  { topic: 'Glideins', keywords: ['glidein'], people: ['Jeff Dost'], team: 'Glidein Factory Operations' },
  { topic: 'XRootD', keywords: ['xrootd'], people: ['Mat Selmeci'] },
];
const ROSTER = [
  { name: 'Alain Roy', footprintsId: 'aroy' },
  { name: 'Brian Lin', footprintsId: 'blin' },
  { name: 'Mat Selmeci' },
  { name: 'Carl Edquist' },
];
const PAGE = [
  { name: 'Software Support (Triage)', footprintsId: 'osg-software-support-stream', team: 'OSG Software Team' },
  { name: 'Rob Quick', footprintsId: 'rquick', team: 'OSG GOC Support Team' },
  { name: 'Mat Selmeci', footprintsId: 'matyas', team: 'OSG Software Team' },
  { name: 'Jeff Dost', footprintsId: 'jdost', team: 'Glidein Factory Operations' },
  { name: 'Rob  QUICK', footprintsId: 'rquick', team: 'OSG Operations Services' },
];

function input(extra: Partial<OwnerInput> = {}): OwnerInput {
  return {
    experts: EXPERTS,
    texts: ['Jobs held by the HTCondor-CE', 'the schedd restarted; glidein pilots fail'],
    roster: ROSTER,
    page: PAGE,
    exclude: (p) => p.footprintsId === 'osg-software-support-stream',
    ...extra,
  };
}

describe('rankOwners', () => {
  it('puts expert matches first (more topics first), then the roster, then the page\'s own lists', () => {
    const ranked = rankOwners(input());
    expect(ranked.map((c) => [c.name, c.source])).toEqual([
      ['Tim Theisen', 'expert'], // two topics
      ['Brian Lin', 'expert'],
      ['Jeff Dost', 'expert'],
      ['Alain Roy', 'roster'],
      ['Mat Selmeci', 'roster'],
      ['Carl Edquist', 'roster'],
      ['Rob Quick', 'page'],
    ]);
    const tim = ranked[0]!;
    expect(tim.topics).toEqual(['HTCondor-CE', 'HTCondor']);
    const jeff = ranked.find((c) => c.name === 'Jeff Dost')!;
    expect(jeff.teams).toEqual(['Glidein Factory Operations']);
    expect(jeff.onPage).toBe(true);
    expect(jeff.footprintsId).toBe('jdost');
  });

  it('keeps one entry per display name (case, spacing, accents) and merges what each source knows', () => {
    const ranked = rankOwners(input({ roster: [...ROSTER, { name: 'brian  LIN' }, { name: 'Mát Sélmeci', footprintsId: 'matyas' }] }));
    expect(ranked.filter((c) => foldDisplayName(c.name) === 'brian lin')).toHaveLength(1);
    expect(ranked.filter((c) => foldDisplayName(c.name) === 'mat selmeci')).toHaveLength(1);
    const rob = ranked.filter((c) => c.name.toLowerCase().startsWith('rob'));
    expect(rob).toHaveLength(1);
    expect(rob[0]!.pageTeams).toEqual(['OSG GOC Support Team', 'OSG Operations Services']);
    // The expert entry had no id; the roster's is kept.
    expect(ranked.find((c) => c.name === 'Brian Lin')!.footprintsId).toBe('blin');
    expect(ranked.find((c) => c.name === 'Mat Selmeci')!.footprintsId).toBe('matyas');
  });

  it('never lists excluded people (the Software pseudo-users) or blank names', () => {
    const ranked = rankOwners(input({ roster: [...ROSTER, { name: '   ' }] }));
    expect(ranked.map((c) => c.name)).not.toContain('Software Support (Triage)');
    expect(ranked.every((c) => c.name.trim() !== '')).toBe(true);
  });

  it('among equal matches, the less-loaded person comes first', () => {
    const loads = { 'Brian Lin': 1, 'Tim Theisen': 4, 'Alain Roy': 7, 'Carl Edquist': 0 };
    const ranked = rankOwners(input({ texts: ['htcondor-ce'], loads }));
    // Brian and Tim both match one topic: Brian (1 open) before Tim (4 open).
    expect(ranked.slice(0, 2).map((c) => [c.name, c.load])).toEqual([
      ['Brian Lin', 1],
      ['Tim Theisen', 4],
    ]);
    // Roster: not in the check's map = holds no Software ticket (0), before Alain (7).
    expect(ranked.filter((c) => c.source === 'roster').map((c) => [c.name, c.load])).toEqual([
      ['Mat Selmeci', 0],
      ['Carl Edquist', 0],
      ['Alain Roy', 7],
    ]);
  });

  it('without a map the roster keeps its order; with one, someone missing from it holds none and goes first', () => {
    const ranked = rankOwners({ experts: [], texts: [], roster: [{ name: 'A' }, { name: 'B' }], page: [], loads: null });
    expect(ranked.map((c) => c.load)).toEqual([null, null]);
    const withMap = rankOwners({ experts: [], texts: [], roster: [{ name: 'A' }, { name: 'B' }], page: [], loads: { A: 5 } });
    expect(withMap.map((c) => [c.name, c.load])).toEqual([
      ['B', 0],
      ['A', 5],
    ]);
  });

  it('in the roster, the Software team comes before OSG staff, whatever their loads', () => {
    const roster = [{ name: 'Rob Quick', role: 'osg-staff' as const }, { name: 'Alain Roy', role: 'software' as const }, { name: 'Carl Edquist', role: 'software' as const }];
    const ranked = rankOwners({ experts: [], texts: [], roster, page: [], loads: { 'Alain Roy': 9, 'Carl Edquist': 2 } });
    expect(ranked.map((c) => [c.name, c.load])).toEqual([
      ['Carl Edquist', 2],
      ['Alain Roy', 9],
      ['Rob Quick', 0],
    ]);
  });

  it('a missing load map means unknown for everyone (shown as "?", never 0)', () => {
    const ranked = rankOwners(input({ loads: undefined }));
    expect(ranked.every((c) => c.load === null)).toBe(true);
    expect(describeLoad(null)).toBe('? open');
    expect(describeLoad(0)).toBe('0 open');
  });

  it('load look-ups ignore case and accents; junk counts are ignored', () => {
    const ranked = rankOwners(input({ loads: { 'brian lin': 2, 'Mat Sélmeci': 3, 'Alain Roy': -1, 'Carl Edquist': Number.NaN, 'Tim Theisen': 1.5 } as Record<string, number> }));
    const load = (n: string) => ranked.find((c) => c.name === n)!.load;
    expect([load('Brian Lin'), load('Mat Selmeci'), load('Alain Roy'), load('Carl Edquist'), load('Tim Theisen')]).toEqual([2, 3, 0, 0, 0]);
  });

  it('marks the person on duty and the people away; someone away drops below the others of their group', () => {
    const av = { today: '2026-12-01', onDuty: 'Alain Roy', dutyThisWeek: 'Alain Roy', holiday: false, movedAway: ['Brian Lin'] };
    const ranked = rankOwners(input({ texts: ['htcondor-ce'], availability: av }));
    expect(ranked.slice(0, 2).map((c) => [c.name, c.away])).toEqual([
      ['Tim Theisen', null],
      ['Brian Lin', 'override'],
    ]);
    expect(ranked.find((c) => c.name === 'Alain Roy')!.onDuty).toBe(true);
    expect(ranked.filter((c) => c.onDuty)).toHaveLength(1);
  });

  it('on a team holiday everyone is away; the week\'s duty person is still marked', () => {
    const av = { today: '2026-12-25', onDuty: null, dutyThisWeek: 'Alain Roy', holiday: true, movedAway: [] };
    const ranked = rankOwners(input({ availability: av }));
    expect(ranked.every((c) => c.away === 'holiday')).toBe(true);
    expect(ranked.filter((c) => c.onDuty).map((c) => c.name)).toEqual(['Alain Roy']);
  });

  it('survives hostile or malformed input (names stay plain strings)', () => {
    const ranked = rankOwners({
      experts: [{ topic: '<b>x</b>', keywords: ['held'], people: ['<img src=x onerror=alert(1)>'] }, null as never],
      texts: ['held'],
      roster: [{ name: '"><script>alert(1)</script>' }],
      page: [],
    });
    expect(ranked.map((c) => c.name)).toEqual(['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>']);
  });
});

describe('filterOwners (the search box)', () => {
  const ranked = rankOwners(input());
  it('matches a substring of the name, ignoring case and accents', () => {
    expect(filterOwners(ranked, 'SELM').map((c) => c.name)).toEqual(['Mat Selmeci']);
    expect(filterOwners(ranked, 'sélmeci').map((c) => c.name)).toEqual(['Mat Selmeci']);
    expect(filterOwners(ranked, 'tim').map((c) => c.name)).toEqual(['Tim Theisen']);
  });
  it('also matches topics and team labels, and keeps the ranking order', () => {
    expect(filterOwners(ranked, 'condor').map((c) => c.name)).toEqual(['Tim Theisen', 'Brian Lin']);
    expect(filterOwners(ranked, 'glidein factory').map((c) => c.name)).toEqual(['Jeff Dost']);
  });
  it('a blank query lists everyone; no match lists nobody', () => {
    expect(filterOwners(ranked, '  ')).toHaveLength(ranked.length);
    expect(filterOwners(ranked, 'zzz')).toEqual([]);
  });
});

describe('availability (from the rotation cache the banner uses)', () => {
  const weeks = [
    { week: '2026-11-30', person: 'Brian Lin' },
    { week: '2026-12-07', person: 'Mat Selmeci' },
  ];
  const tuesday = Date.parse('2026-12-01T18:00:00Z');

  it('names this week\'s person as on duty', () => {
    expect(availability({ now: tuesday, timeZone: 'America/Chicago', weeks })).toMatchObject({
      today: '2026-12-01',
      onDuty: 'Brian Lin',
      holiday: false,
      movedAway: [],
    });
  });

  it('an override that moves the duty makes the source\'s person away and the new one on duty', () => {
    const a = availability({ now: tuesday, timeZone: 'America/Chicago', weeks, overrides: [{ week: '2026-11-30', person: 'Carl Edquist' }] });
    expect(a.onDuty).toBe('Carl Edquist');
    expect(a.movedAway).toEqual(['Brian Lin']);
  });

  it('an override naming the same person moves nobody', () => {
    const a = availability({ now: tuesday, timeZone: 'America/Chicago', weeks, overrides: [{ week: '2026-12-01', person: 'brian lin' }] });
    expect(a.movedAway).toEqual([]);
  });

  it('a holiday today: nobody on duty, holiday flagged', () => {
    const a = availability({ now: tuesday, timeZone: 'America/Chicago', weeks, holidays: ['2026-12-01'] });
    expect(a).toMatchObject({ onDuty: null, dutyThisWeek: 'Brian Lin', holiday: true });
  });

  it('uses the team zone for "today" (Monday 02:00 UTC is still Sunday in Chicago)', () => {
    const a = availability({ now: Date.parse('2026-12-07T02:00:00Z'), timeZone: 'America/Chicago', weeks });
    expect(a.today).toBe('2026-12-06');
    expect(a.onDuty).toBeNull();
  });
});
