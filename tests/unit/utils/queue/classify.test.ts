import fc from 'fast-check';
import type { ListTicket } from '../../../../utils/goc/list';
import { describe, expect, it } from 'vitest';
import { classifyTicket, classifyTickets, countQueue, foldName, type QueueRules } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { listTicket } from './tickets';

const RULES: QueueRules = defaultSettings().queue;
const TZ = 'America/Chicago';

const ticket = listTicket;

const TODAY = '2018-03-14';

describe('classifyTicket', () => {
  it('software = an assignee matches, with NBSP and case folded', () => {
    expect(classifyTicket(ticket({ assignees: ['software\u00a0support (TRIAGE) '] }), RULES, TODAY).software).toBe(true);
    expect(classifyTicket(ticket({ assignees: ['Rob Quick'] }), RULES, TODAY).software).toBe(false);
    expect(classifyTicket(ticket({ assignees: ['Software Support'] }), RULES, TODAY).software).toBe(false);
  });

  it('untriaged = software and Next Action equals the triage action after trim and case fold', () => {
    const sw = ['Software Support (Triage)'];
    expect(classifyTicket(ticket({ assignees: sw, nextAction: '  software triage ' }), RULES, TODAY).untriaged).toBe(true);
    expect(classifyTicket(ticket({ assignees: sw, nextAction: 'SOFTWARE TRIAGE DONE' }), RULES, TODAY).untriaged).toBe(false);
    expect(classifyTicket(ticket({ assignees: ['Rob Quick'], nextAction: 'SOFTWARE TRIAGE' }), RULES, TODAY).untriaged).toBe(false);
  });

  it('stale = software, not untriaged, update date more than staleDays ago (calendar days, team zone)', () => {
    const base = { assignees: ['Software', 'Brian Lin'], nextAction: 'Waiting for user' };
    expect(classifyTicket(ticket({ ...base, updateDate: '2018-03-06' }), RULES, TODAY).stale).toBe(true); // 8 days
    expect(classifyTicket(ticket({ ...base, updateDate: '2018-03-07' }), RULES, TODAY).stale).toBe(false); // 7 days
    expect(classifyTicket(ticket({ ...base, updateDate: '2018-03-07' }), { ...RULES, staleDays: 3 }, TODAY).stale).toBe(true);
    expect(classifyTicket(ticket({ ...base, updateDate: null }), RULES, TODAY).stale).toBe(false);
    expect(
      classifyTicket(ticket({ ...base, nextAction: 'SOFTWARE TRIAGE', updateDate: '2017-01-01' }), RULES, TODAY).stale,
    ).toBe(false);
  });

  it('overdue = software and the NAD has passed: the red colour, else (colour unknown) a date before today', () => {
    const base = { assignees: ['Software'], nextAction: 'ENG Action' };
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-13' }), RULES, TODAY).overdue).toBe(true);
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-14', nadPastByColour: false }), RULES, TODAY).overdue).toBe(false);
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-14', nadPastByColour: true }), RULES, TODAY).overdue).toBe(true);
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-15', nadPastByColour: null }), RULES, TODAY).overdue).toBe(false);
    // The colour is the server's exact answer; zone boundaries: tests/spec/classification-cases.json.
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-15', nadPastByColour: true }), RULES, TODAY).overdue).toBe(true);
    expect(classifyTicket(ticket({ ...base, nad: '2018-03-13', nadPastByColour: false }), RULES, TODAY).overdue).toBe(false);
    expect(classifyTicket(ticket({ assignees: ['Rob Quick'], nad: '2017-01-01' }), RULES, TODAY).overdue).toBe(false);
    expect(classifyTicket(ticket({ assignees: ['Software'], nextAction: 'SOFTWARE TRIAGE', nad: '2018-03-01' }), RULES, TODAY).overdue).toBe(true);
  });

  it('today is taken in the team time zone (NAD colour unknown)', () => {
    // 2018-03-15 03:00 UTC is still 2018-03-14 in Chicago.
    const now = Date.UTC(2018, 2, 15, 3, 0);
    const t = ticket({ assignees: ['Software'], nextAction: 'x', nad: '2018-03-14', nadPastByColour: null });
    expect(classifyTickets([t], RULES, now, TZ)[0].class.overdue).toBe(false);
    expect(classifyTickets([t], RULES, now, 'UTC')[0].class.overdue).toBe(true);
  });

  it('counts', () => {
    const list = classifyTickets(
      [
        ticket({ id: 1, assignees: ['Software'], nextAction: 'SOFTWARE TRIAGE' }),
        ticket({ id: 2, assignees: ['Software'], nextAction: 'x', updateDate: '2000-01-01', nad: '2000-01-01' }),
        ticket({ id: 3, assignees: ['Rob Quick'], nextAction: 'SOFTWARE TRIAGE' }),
      ],
      RULES,
      Date.UTC(2018, 2, 14, 15),
      TZ,
    );
    expect(countQueue(list)).toEqual({ open: 3, software: 2, untriaged: 1, stale: 1, overdue: 1 });
  });

  it('foldName handles non-strings', () => {
    expect(foldName(undefined)).toBe('');
    expect(foldName(' A\u00a0 B ')).toBe('a b');
  });
});

describe('classification is total', () => {
  const anything = fc.anything();
  it('never throws and returns booleans for arbitrary tickets and rules', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            assignees: fc.oneof(fc.array(fc.oneof(fc.string(), anything)), anything),
            nextAction: fc.oneof(fc.string(), anything),
            updateDate: fc.oneof(fc.string(), fc.constantFrom('2018-01-01', '2999-12-31', '0000-00-00'), anything),
            nad: fc.oneof(fc.string(), fc.constantFrom('2018-03-14', '1970-01-01'), anything),
            nadPastByColour: fc.oneof(fc.boolean(), anything),
          },
          { requiredKeys: [] },
        ),
        fc.record({
          softwareAssignees: fc.oneof(fc.array(fc.string()), anything),
          triageNextAction: fc.oneof(fc.string(), anything),
          staleDays: fc.oneof(fc.integer(), fc.double(), anything),
        }),
        fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(NaN)),
        fc.constantFrom('UTC', 'America/Chicago', 'Not/AZone', ''),
        (t, rules, now, tz) => {
          const [c] = classifyTickets([t as ListTicket], rules as QueueRules, now, tz);
          for (const key of ['software', 'untriaged', 'stale', 'overdue'] as const) expect(typeof c.class[key]).toBe('boolean');
          // the implications the popup relies on
          if (c.class.untriaged || c.class.stale || c.class.overdue) expect(c.class.software).toBe(true);
          expect(c.class.untriaged && c.class.stale).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
