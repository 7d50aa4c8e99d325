import { describe, expect, it } from 'vitest';
import { describeAssignees, droppedSoftwareAssignees, softwareAssigneeMatcher, type AssigneeRef } from '../../../utils/keep-software';

const SOFTWARE = ['Software', 'Software Support (Triage)', 'osg-software-support-stream'];
const stream: AssigneeRef = { fpid: 'osg-software-support-stream', name: 'Software Support (Triage)' };
const blin: AssigneeRef = { fpid: 'blin', name: 'Brian Lin' };

describe('softwareAssigneeMatcher', () => {
  it('matches by FP id or shown name, folded like the queue (case, spacing, NBSP)', () => {
    expect(softwareAssigneeMatcher(SOFTWARE)(stream)).toBe(true);
    expect(softwareAssigneeMatcher(SOFTWARE)({ fpid: 'x1', name: '  software\u00a0 SUPPORT (triage) ' })).toBe(true);
    expect(softwareAssigneeMatcher(SOFTWARE)({ fpid: 'OSG-Software-Support-Stream', name: '' })).toBe(true);
    expect(softwareAssigneeMatcher(['Software'])({ fpid: 'software', name: '' })).toBe(true);
    expect(softwareAssigneeMatcher(SOFTWARE)(blin)).toBe(false);
  });

  it('never matches on empty names or an empty or broken list', () => {
    expect(softwareAssigneeMatcher(['', '  '])({ fpid: '', name: '' })).toBe(false);
    expect(softwareAssigneeMatcher([])(stream)).toBe(false);
    expect(softwareAssigneeMatcher(null as unknown as string[])(stream)).toBe(false);
    expect(softwareAssigneeMatcher(SOFTWARE)({ fpid: 'softwarex', name: 'Software Supp' })).toBe(false);
  });
});

describe('droppedSoftwareAssignees', () => {
  it('is the Software pseudo-user that was assigned at load and is not now', () => {
    expect(droppedSoftwareAssignees([stream, blin], [blin], SOFTWARE)).toEqual([stream]);
  });

  it('is empty when it is still assigned (in any team) or was never assigned', () => {
    expect(droppedSoftwareAssignees([stream, blin], [blin, stream], SOFTWARE)).toEqual([]);
    // The same id ticked in another team's box still counts (the server collects ids).
    expect(droppedSoftwareAssignees([stream], [{ fpid: stream.fpid, name: '' }], SOFTWARE)).toEqual([]);
    expect(droppedSoftwareAssignees([blin], [], SOFTWARE)).toEqual([]);
    expect(droppedSoftwareAssignees([], [], SOFTWARE)).toEqual([]);
  });

  it('ignores people who were dropped: only pseudo-users listed in the settings', () => {
    expect(droppedSoftwareAssignees([stream, blin], [stream], SOFTWARE)).toEqual([]);
  });

  it('compares FP ids exactly: a name alone now does not keep an id-carrying entry', () => {
    expect(droppedSoftwareAssignees([stream], [{ fpid: 'other', name: 'Software Support (Triage)' }], SOFTWARE)).toEqual([stream]);
  });

  it('lists each dropped one once, in load order (one person may sit in two teams)', () => {
    const software: AssigneeRef = { fpid: 'Software', name: 'Software' };
    expect(droppedSoftwareAssignees([software, stream, stream, software], [], SOFTWARE)).toEqual([software, stream]);
  });

  it('matches an entry without an FP id by its folded name', () => {
    const byName: AssigneeRef = { fpid: '', name: 'Software' };
    expect(droppedSoftwareAssignees([byName], [{ fpid: '', name: ' software ' }], SOFTWARE)).toEqual([]);
    expect(droppedSoftwareAssignees([byName], [], SOFTWARE)).toEqual([byName]);
  });
});

describe('describeAssignees', () => {
  it('names them, falling back to the FP id for a blank name', () => {
    expect(describeAssignees([stream])).toBe('Software Support (Triage)');
    expect(describeAssignees([{ fpid: 'sw', name: ' ' }, stream])).toBe('sw and Software Support (Triage)');
    expect(describeAssignees([])).toBe('');
  });
});
