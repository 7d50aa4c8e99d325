import { describe, expect, it } from 'vitest';
import { formatDuration, STATE_LABEL, summarizeResponders, type SummaryUpdate } from '../../../utils/responder-summary';
import type { Responder } from '../../../utils/responders';

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.parse('2018-03-01T12:00:00Z');

function r(name: string, role: Responder['role']): Responder {
  return { name, role, source: name ? 'header' : 'none', reason: 'test' };
}

function u(hours: number | null, responder: Responder, unsigned = false): SummaryUpdate {
  return { timeMs: hours === null ? null : T0 + hours * H, responder, unsigned };
}

describe('summarizeResponders: the order of the conversation', () => {
  it('an undated update counts as later than every dated one, wherever it sits on the page', () => {
    const s = summarizeResponders(
      [u(2, r('Rob Quick', 'osg-staff')), u(null, r('Jane', 'submitter')), u(0, r('Alain Roy', 'software'))],
      T0 + 5 * H,
    );
    expect(s.last).toEqual({ name: 'Jane', role: 'submitter', timeMs: null, agoMs: null });
    expect(s.state).toBe('waiting-on-us');
    expect(s.createdMs).toBe(T0);
    expect(s.firstStaffAnswer).toEqual({ name: 'Rob Quick', timeMs: T0 + 2 * H, afterMs: 2 * H });
  });

  it('an undated update after dated ones stays last even when it comes first on the page', () => {
    const s = summarizeResponders([u(null, r('Rob Quick', 'osg-staff')), u(1, r('Jane', 'submitter'))], T0 + 2 * H);
    expect(s.last?.name).toBe('Rob Quick');
    expect(s.createdMs).toBe(T0 + H);
    expect(s.state).toBe('waiting-on-user');
  });

  it('undated updates keep their page order among themselves', () => {
    const s = summarizeResponders(
      [u(null, r('First', 'submitter')), u(null, r('Second', 'osg-staff')), u(null, r('Third', 'submitter'))],
      T0,
    );
    expect(s.last?.name).toBe('Third');
    expect(s.state).toBe('waiting-on-us');
    const reversed = summarizeResponders(
      [u(null, r('Third', 'submitter')), u(null, r('Second', 'osg-staff')), u(null, r('First', 'osg-staff'))],
      T0,
    );
    expect(reversed.last?.name).toBe('First');
    expect(reversed.state).toBe('waiting-on-user');
  });

  it('updates at the same minute keep their page order', () => {
    const s = summarizeResponders([u(1, r('Jane', 'submitter')), u(1, r('Rob Quick', 'osg-staff'))], T0 + 2 * H);
    expect(s.last?.name).toBe('Rob Quick');
    expect(s.state).toBe('waiting-on-user');
  });

  it('dated updates are ordered by time, oldest first, among many', () => {
    const hours = [7, 3, 11, 0, 5, 9, 1, 12, 4, 8, 2, 10, 6];
    const s = summarizeResponders(
      hours.map((h) => u(h, r(`Person ${h}`, h === 6 ? 'osg-staff' : 'submitter'))),
      T0 + 20 * H,
    );
    expect(s.createdMs).toBe(T0);
    expect(s.last).toEqual({ name: 'Person 12', role: 'submitter', timeMs: T0 + 12 * H, agoMs: 8 * H });
    expect(s.firstStaffAnswer).toEqual({ name: 'Person 6', timeMs: T0 + 6 * H, afterMs: 6 * H });
  });

  it('the first staff answer must have a time: an undated staff answer after a dated opening is not one', () => {
    const s = summarizeResponders([u(0, r('Jane', 'submitter')), u(null, r('Rob Quick', 'osg-staff'))], T0 + H);
    expect(s.firstStaffAnswer).toBeNull();
    expect(s.createdMs).toBe(T0);
  });

  it('an update whose responder could not be read is left out of every count', () => {
    const broken = [null, { timeMs: T0 + 9 * H }] as unknown as SummaryUpdate[];
    const s = summarizeResponders([u(0, r('Jane', 'submitter')), ...broken, u(1, r('Rob Quick', 'osg-staff'))], T0 + 2 * H);
    expect(s.total).toBe(2);
    expect(s.last?.name).toBe('Rob Quick');
    expect(s.responders).toEqual([
      { name: 'Jane', role: 'submitter', count: 1 },
      { name: 'Rob Quick', role: 'osg-staff', count: 1 },
    ]);
  });
});

describe('formatDuration: the unit boundaries', () => {
  it.each([
    [59_999, 'under a minute'],
    [MIN, '1 min'],
    [59 * MIN, '59 min'],
    [H, '1 h'],
    [47 * H + 59 * MIN, '47 h'],
    [48 * H, '2 days'],
    [71 * H, '2 days'],
    [72 * H, '3 days'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('a duration that is not a finite number is unknown', () => {
    expect(formatDuration(Number.NaN)).toBe('unknown');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});

describe('STATE_LABEL', () => {
  it('names each conversation state in words the user reads', () => {
    expect(STATE_LABEL['waiting-on-user']).toBe('Waiting on user');
    expect(STATE_LABEL['waiting-on-us']).toBe('Waiting on us');
    expect(STATE_LABEL['no-updates']).toBe('No updates yet');
  });
});
