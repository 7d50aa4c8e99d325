import { describe, expect, it } from 'vitest';
import { asAssigneeLoads, asLatest, assigneeLoads, EMPTY_LATEST } from '../../../../utils/queue/state';
import { DEFAULT_SOFTWARE_ASSIGNEES } from '../../../../utils/settings/defaults';

const SW = [...DEFAULT_SOFTWARE_ASSIGNEES];

describe('assigneeLoads', () => {
  it('counts open Software tickets per person, the pseudo-user and non-Software tickets left out', () => {
    const loads = assigneeLoads(
      [
        { software: true, assignees: ['Software', 'Brian Lin'] },
        { software: true, assignees: ['Software Support (Triage)', 'Brian Lin', 'Mat Selmeci'] },
        { software: true, assignees: ['software', 'Mat\u00a0Selmeci', 'Mat Selmeci'] },
        { software: false, assignees: ['Brian Lin', 'Rob Quick'] },
        { software: true, assignees: null },
      ],
      SW,
    );
    expect(loads).toEqual({ 'Brian Lin': 2, 'Mat Selmeci': 2 });
  });

  it('one entry per person across spellings (case, spacing), named by the first', () => {
    const loads = assigneeLoads(
      [
        { software: true, assignees: ['Software', 'Brian Lin'] },
        { software: true, assignees: ['Software', 'BRIAN  LIN'] },
      ],
      SW,
    );
    expect(loads).toEqual({ 'Brian Lin': 2 });
  });

  it('an id in softwareAssignees is skipped too', () => {
    expect(assigneeLoads([{ software: true, assignees: ['osg-software-support-stream', 'Tim Cartwright'] }], SW)).toEqual({ 'Tim Cartwright': 1 });
  });

  it('hostile names stay plain keys', () => {
    const loads = assigneeLoads([{ software: true, assignees: ['Software', '__proto__', 'constructor'] }], SW);
    expect(Object.keys(loads).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(loads, '__proto__')?.value).toBe(1);
    expect(Object.hasOwn(loads, 'toString')).toBe(false);
  });
});

describe('asLatest reads the loads and the split defensively', () => {
  it('keeps good loads', () => {
    expect(asLatest({ ...EMPTY_LATEST, state: 'ok', assigneeLoads: { 'Brian Lin': 2 } }).assigneeLoads).toEqual({ 'Brian Lin': 2 });
  });
  it.each([
    ['a string', 'Brian'],
    ['an array', [['Brian Lin', 2]]],
    ['a zero', { 'Brian Lin': 0 }],
    ['a negative', { 'Brian Lin': -1 }],
    ['a fraction', { 'Brian Lin': 1.5 }],
    ['a text count', { 'Brian Lin': '2' }],
    ['a blank name', { ' ': 2 }],
  ])('drops %s (unknown, never a false zero)', (_label, raw) => {
    const latest = asLatest({ ...EMPTY_LATEST, state: 'ok', assigneeLoads: raw });
    expect('assigneeLoads' in latest).toBe(false);
    expect(asAssigneeLoads(raw)).toBeUndefined();
  });
  it('drops a malformed split, keeps the rest', () => {
    const latest = asLatest({ ...EMPTY_LATEST, state: 'ok', handover: { carriedOver: 'many' }, failures: 2 });
    expect('handover' in latest).toBe(false);
    expect(latest.failures).toBe(2);
  });
  it('an empty record is a known "nobody holds anything"', () => {
    expect(asLatest({ ...EMPTY_LATEST, assigneeLoads: {} }).assigneeLoads).toEqual({});
  });
});
