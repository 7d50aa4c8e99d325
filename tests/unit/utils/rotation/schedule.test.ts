import {
  buildRotation,
  dutyOn,
  dutySummary,
  personOnDuty,
  swapOverrides,
  upcomingWeeks,
  dutyView,
  weekRange,
} from '../../../../utils/rotation';

const WEEKS = [
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Mat Selmeci' },
  { week: '2026-02-23', person: 'Brian Lin' },
];
const at = (iso: string) => Date.parse(iso);

describe('who is on duty', () => {
  const rotation = buildRotation({ weeks: WEEKS, holidays: ['2026-02-16'] });

  it('Monday to Friday of a week belong to its person', () => {
    for (const d of ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13']) {
      expect(personOnDuty(rotation, d)).toBe('Alain Roy');
    }
  });

  it('nobody on Saturday and Sunday', () => {
    expect(dutyOn(rotation, '2026-02-14')).toEqual({ kind: 'weekend', date: '2026-02-14' });
    expect(personOnDuty(rotation, '2026-02-15')).toBeNull();
  });

  it('a holiday means no triage that day, the rest of the week stays', () => {
    expect(dutyOn(rotation, '2026-02-16')).toEqual({ kind: 'holiday', date: '2026-02-16', week: '2026-02-16' });
    expect(personOnDuty(rotation, '2026-02-17')).toBe('Mat Selmeci');
  });

  it('a week missing from the rotation is a gap', () => {
    expect(dutyOn(rotation, '2026-03-04')).toEqual({ kind: 'gap', date: '2026-03-04', week: '2026-03-02' });
  });

  it('overrides win over the source and an empty person clears the week', () => {
    const r = buildRotation({
      weeks: WEEKS,
      overrides: [
        { week: '2026-02-11', person: 'Tim Cartwright' }, // any day of the week
        { week: '2026-02-23', person: '' },
        { week: '2026-03-02', person: 'Carl Edquist' }, // beyond the source
      ],
    });
    expect(dutyOn(r, '2026-02-10')).toMatchObject({ kind: 'duty', person: 'Tim Cartwright', origin: 'override' });
    expect(dutyOn(r, '2026-02-24').kind).toBe('gap');
    expect(personOnDuty(r, '2026-03-06')).toBe('Carl Edquist');
    expect(dutyOn(r, '2026-02-17')).toMatchObject({ person: 'Mat Selmeci', origin: 'source' });
  });

  it('the later of two overrides for one week wins', () => {
    const r = buildRotation({ weeks: WEEKS, overrides: [{ week: '2026-02-09', person: 'A' }, { week: '2026-02-13', person: 'B' }] });
    expect(personOnDuty(r, '2026-02-09')).toBe('B');
  });

  it('swapping two weeks produces overrides that exchange the people', () => {
    const swap = swapOverrides(rotation, '2026-02-09', '2026-02-25');
    expect(swap).toEqual([
      { week: '2026-02-09', person: 'Brian Lin' },
      { week: '2026-02-23', person: 'Alain Roy' },
    ]);
    const swapped = buildRotation({ weeks: WEEKS, overrides: swap });
    expect(personOnDuty(swapped, '2026-02-10')).toBe('Brian Lin');
    expect(personOnDuty(swapped, '2026-02-24')).toBe('Alain Roy');
  });

  it('lists upcoming weeks from a date', () => {
    expect(upcomingWeeks(rotation, '2026-02-18').map((w) => w.week)).toEqual(['2026-02-16', '2026-02-23']);
    expect(upcomingWeeks(rotation, '2026-02-01', 1)).toHaveLength(1);
  });
});

describe('duty summary in the team time zone', () => {
  const rotation = buildRotation({ weeks: WEEKS });

  it('uses the team zone, not UTC, to decide the day', () => {
    // Monday 16 Feb 03:00 UTC is still Sunday evening in Chicago.
    const sunday = dutySummary(rotation, at('2026-02-16T03:00:00Z'), 'America/Chicago');
    expect(sunday.today).toBe('2026-02-15');
    expect(sunday.day.kind).toBe('weekend');
    expect(sunday.nextWeek.person).toBe('Mat Selmeci');
    const monday = dutySummary(rotation, at('2026-02-16T03:00:00Z'), 'Europe/Berlin');
    expect(monday.day).toMatchObject({ kind: 'duty', person: 'Mat Selmeci' });
  });

  it('gives this and next week with their dates', () => {
    const s = dutySummary(rotation, at('2026-02-11T15:00:00Z'), 'America/Chicago');
    expect(s.thisWeek).toMatchObject({ monday: '2026-02-09', friday: '2026-02-13', person: 'Alain Roy' });
    expect(s.nextWeek).toMatchObject({ monday: '2026-02-16', person: 'Mat Selmeci' });
  });
});

describe('duty view (banner and popup words)', () => {
  const rotation = buildRotation({ weeks: WEEKS, holidays: ['2026-02-12'] });
  const team = [
    { name: 'Alain Roy', emails: ['roy@cs.wisc.edu'], aliases: ['aroy'] },
    { name: 'Mat Selmeci', emails: ['matyas@cs.wisc.edu'], aliases: [] },
  ];
  const view = (iso: string, identity = { name: 'Mat Selmeci' }, untriaged?: number) =>
    dutyView({ summary: dutySummary(rotation, at(iso), 'America/Chicago'), identity, team, untriaged });

  it('a weekday: this week with its dates, next week', () => {
    const v = view('2026-02-10T15:00:00Z');
    expect(v).toMatchObject({ duty: 'Alain Roy', next: 'Mat Selmeci', you: false });
    expect(v.headline).toBe('Triage duty this week (Mon 9 – Fri 13 Feb): Alain Roy');
    expect(v.detail).toBe('Next week: Mat Selmeci');
  });

  it('the weekend: no triage today, who takes over on Monday', () => {
    const v = view('2026-02-14T15:00:00Z');
    expect(v).toMatchObject({ duty: '', next: 'Mat Selmeci', you: false, kind: 'weekend' });
    expect(v.headline).toBe('No triage today; Monday: Mat Selmeci');
  });

  it('when it is you, with the untriaged count', () => {
    const v = view('2026-02-17T15:00:00Z', { name: 'mat selmeci' }, 3);
    expect(v.you).toBe(true);
    expect(v.headline).toBe('You are on triage duty this week (Mon 16 – Fri 20 Feb)');
    expect(v.untriagedText).toBe('3 untriaged tickets');
  });

  it('a holiday: nobody today, the week still shown', () => {
    const v = view('2026-02-12T15:00:00Z');
    expect(v).toMatchObject({ duty: '', kind: 'holiday', you: false });
    expect(v.headline).toMatch(/^Holiday: no triage today/);
  });

  it('week ranges across months', () => {
    expect(weekRange({ monday: '2026-02-23', friday: '2026-02-27', person: null, origin: null })).toBe('Mon 23 – Fri 27 Feb');
    expect(weekRange({ monday: '2026-03-30', friday: '2026-04-03', person: null, origin: null })).toBe('Mon 30 Mar – Fri 3 Apr');
  });

  it('shows the roster name when the rotation only has an e-mail', () => {
    const r = buildRotation({ weeks: [{ week: '2026-02-09', person: 'roy@cs.wisc.edu', email: 'roy@cs.wisc.edu' }] });
    const v = dutyView({ summary: dutySummary(r, at('2026-02-10T15:00:00Z'), 'America/Chicago'), identity: {}, team });
    expect(v.duty).toBe('Alain Roy');
  });
});
