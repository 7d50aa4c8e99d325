import { describe, expect, it } from 'vitest';
import { formatDuration, summarizeResponders, type SummaryUpdate } from '../../../utils/responder-summary';
import type { Responder } from '../../../utils/responders';

const H = 3_600_000;
const T0 = Date.parse('2018-03-01T12:00:00Z');

function r(name: string, role: Responder['role']): Responder {
  return { name, role, source: name ? 'header' : 'none', reason: 'test' };
}

function u(hours: number | null, responder: Responder, unsigned = false): SummaryUpdate {
  return { timeMs: hours === null ? null : T0 + hours * H, responder, unsigned };
}

describe('summarizeResponders', () => {
  it('counts each responder, names the last one and how long ago, in any page order', () => {
    const updates = [
      u(30, r('Alain Roy', 'software')),
      u(5, r('Jane Smith', 'submitter')),
      u(0, r('Jane Smith', 'submitter')),
      u(3, r('Rob Quick', 'osg-staff')),
    ];
    const s = summarizeResponders(updates, T0 + 32 * H);
    expect(s.total).toBe(4);
    expect(s.responders).toEqual([
      { name: 'Jane Smith', role: 'submitter', count: 2 },
      { name: 'Alain Roy', role: 'software', count: 1 },
      { name: 'Rob Quick', role: 'osg-staff', count: 1 },
    ]);
    expect(s.last).toEqual({ name: 'Alain Roy', role: 'software', timeMs: T0 + 30 * H, agoMs: 2 * H });
    expect(s.createdMs).toBe(T0);
    expect(s.firstStaffAnswer).toEqual({ name: 'Rob Quick', timeMs: T0 + 3 * H, afterMs: 3 * H });
    expect(s.state).toBe('waiting-on-user');
  });

  it('is waiting on us when the submitter or an unknown person spoke last', () => {
    expect(summarizeResponders([u(0, r('Jane', 'submitter')), u(1, r('Alain Roy', 'software')), u(2, r('Jane', 'submitter'))], T0).state).toBe('waiting-on-us');
    expect(summarizeResponders([u(0, r('Jane', 'submitter')), u(2, r('Someone', 'unknown'))], T0).state).toBe('waiting-on-us');
  });

  it('treats an unsigned staff-looking last update as ours', () => {
    const s = summarizeResponders([u(0, r('Jane', 'submitter')), u(2, r('', 'unknown'), true)], T0 + 3 * H);
    expect(s.state).toBe('waiting-on-user');
    expect(s.unsignedCount).toBe(1);
    expect(s.responders).toContainEqual({ name: 'Unknown', role: 'unknown', count: 1 });
  });

  it('has no first staff answer when staff only opened the ticket or never answered', () => {
    expect(summarizeResponders([u(0, r('Rob Quick', 'osg-staff')), u(1, r('Jane', 'submitter'))], T0).firstStaffAnswer).toBeNull();
    expect(summarizeResponders([u(0, r('Jane', 'submitter'))], T0).firstStaffAnswer).toBeNull();
  });

  it('handles no updates and undated updates', () => {
    const empty = summarizeResponders([], T0);
    expect(empty).toMatchObject({ total: 0, last: null, state: 'no-updates', createdMs: null, firstStaffAnswer: null });
    const undated = summarizeResponders([u(null, r('Alain Roy', 'software'))], T0);
    expect(undated.last).toMatchObject({ name: 'Alain Roy', agoMs: null });
    expect(undated.createdMs).toBeNull();
  });

  it('never reports a negative age when the clock is behind the page', () => {
    expect(summarizeResponders([u(5, r('A B', 'software'))], T0).last?.agoMs).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [null, 'unknown'],
    [30_000, 'under a minute'],
    [12 * 60_000, '12 min'],
    [5 * H, '5 h'],
    [47 * H, '47 h'],
    [24 * 2 * H, '2 days'],
    [-5, 'under a minute'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatDuration(ms as number | null)).toBe(text);
  });
});
