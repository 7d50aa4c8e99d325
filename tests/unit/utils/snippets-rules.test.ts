import { describe, expect, it } from 'vitest';
import type { TicketModel } from '../../../utils/goc/ticket';
import { ticketModel } from '../helpers/ticket-model';
import { greetingName, padForInsertion, renderSnippet, snippetValues, unknownPlaceholders } from '../../../utils/snippets';

const DAY = 86_400_000;
const NOW = Date.parse('2018-03-10T12:00:00Z');
const SOFTWARE = ['Software', 'Software Support (Triage)', 'osg-software-support-stream'];

function ticket(over: Partial<TicketModel> = {}): TicketModel {
  return ticketModel({
    assignees: [{ name: 'Mat Selmeci', fpid: 'matyas' }],
    updates: [{ index: 0, time: null, timeMs: NOW - 2 * DAY, byHeader: null, bodyText: '' }],
    ...over,
  });
}

const values = (over: Partial<TicketModel> = {}, options: Partial<{ me: string; softwareAssignees: string[] }> = {}) =>
  snippetValues(ticket(over), { me: 'Alain Roy', softwareAssignees: SOFTWARE, now: NOW, ...options });

const update = (timeMs: number | null) => ({ index: 0, time: null, timeMs, byHeader: null, bodyText: '' });

describe('placeholders', () => {
  it('two placeholders side by side both fill, and both count when unknown', () => {
    expect(renderSnippet('#{ticket}{title}', { ticket: '7', title: ' CE down' })).toBe('#7 CE down');
    expect(renderSnippet('{me}{me}', { me: 'Al' })).toBe('AlAl');
    expect(unknownPlaceholders('{a}{b}${c}')).toEqual(['a', 'b']);
  });

  it('a shell variable spelled like a placeholder (${ticket}) stays as typed; {ticket} beside it is filled', () => {
    expect(renderSnippet('echo ${ticket} for {ticket}', { ticket: '7' })).toBe('echo ${ticket} for 7');
    expect(unknownPlaceholders('echo ${foo}')).toEqual([]);
  });

  it('a one-letter unknown placeholder is reported and kept', () => {
    expect(unknownPlaceholders('see {x}')).toEqual(['x']);
    expect(renderSnippet('see {x}', { ticket: '7' })).toBe('see {x}');
  });

  it('a placeholder at the very start of the text is filled', () => {
    expect(renderSnippet('{ticket}: done', { ticket: '7' })).toBe('7: done');
  });

  it('a known placeholder without a value renders as nothing', () => {
    expect(renderSnippet('Hi {me}.', {})).toBe('Hi .');
  });

  it('a missing text renders as empty and has no unknown placeholders', () => {
    expect(renderSnippet(null as unknown as string, { ticket: '7' })).toBe('');
    expect(unknownPlaceholders(undefined as unknown as string)).toEqual([]);
  });
});

describe('greetingName', () => {
  it('only the exact submitter name OSG-GOC (any case) means "look at the e-mail instead"', () => {
    expect(greetingName('osg-goc', 'dkim@uchicago.example.edu')).toBe('dkim');
    expect(greetingName('OSG-GOC Operations', 'dkim@uchicago.example.edu')).toBe('OSG-GOC');
    expect(greetingName('Team OSG-GOC', 'dkim@uchicago.example.edu')).toBe('Team');
  });

  it('an e-mail address typed as the name gives its first part; a name wins over the e-mail', () => {
    expect(greetingName('jane.smith@x.org', 'bob@y.org')).toBe('jane');
    expect(greetingName('Jane Smith', 'bob@y.org')).toBe('Jane');
  });

  it('spaces around the name or the e-mail are ignored', () => {
    expect(greetingName('  Jane   Smith ', '')).toBe('Jane');
    expect(greetingName('Smith,   Jane  Marie', '')).toBe('Jane');
    expect(greetingName('', '  bob.jones@y.org ')).toBe('bob');
  });

  it('a name that ends in a comma is used as written; an e-mail without @ gives nothing', () => {
    expect(greetingName('Smith,', '')).toBe('Smith,');
    expect(greetingName('', 'not-an-address')).toBe('');
    expect(greetingName(null as unknown as string, 'jane@x.org')).toBe('jane');
  });

  it('the e-mail part before + or - or _ is the greeting', () => {
    expect(greetingName('', 'jane+osg@x.org')).toBe('jane');
    expect(greetingName('', 'jane_doe@x.org')).toBe('jane');
    expect(greetingName('', 'mary-ann@x.org')).toBe('mary');
  });
});

describe('snippetValues', () => {
  it('{submitter} falls back to the submitter-name field when name and e-mail give nothing', () => {
    expect(values({ submitter: { name: '', email: '', submitterName: 'Dave Dykstra' } }).submitter).toBe('Dave');
  });

  it('{ticket} is empty for a ticket without an id (the submit form)', () => {
    expect(values({ id: null }).ticket).toBe('');
    expect(values().ticket).toBe('4242');
  });

  it('{me} is the name without surrounding spaces', () => {
    expect(values({}, { me: '  Alain Roy ' }).me).toBe('Alain Roy');
  });

  it('{owner}: Software is recognised whatever the case and spaces, in the settings or on the page', () => {
    const assignees = [
      { name: ' SOFTWARE ', fpid: null },
      { name: 'Triage', fpid: 'OSG-Software-Support-Stream' },
      { name: 'Rob Quick', fpid: null },
    ];
    expect(values({ assignees }).owner).toBe('Rob Quick');
    expect(values({ assignees: [{ name: 'Software', fpid: null }, { name: 'Rob Quick', fpid: null }] }, { softwareAssignees: [' software '] }).owner).toBe('Rob Quick');
  });

  it('{owner}: an empty line in the Software list does not make a nameless assignee Software', () => {
    const assignees = [{ name: '', fpid: 'rquick' }];
    expect(values({ assignees }, { softwareAssignees: ['', 'Software'] }).owner).toBe('rquick');
  });

  it('{owner} is empty for an assignee with neither name nor id', () => {
    expect(values({ assignees: [{ name: '', fpid: null }] }).owner).toBe('');
  });

  it('{days_since_update}: updates without a time are ignored; none with a time leaves it empty', () => {
    expect(values({ updates: [update(null), update(NOW - 4 * DAY)] }).days_since_update).toBe('4');
    expect(values({ updates: [update(null)] }).days_since_update).toBe('');
  });

  it('{days_since_update} is 0, never negative, for an update stamped in the future (clock skew)', () => {
    expect(values({ updates: [update(NOW + 2 * DAY)] }).days_since_update).toBe('0');
  });
});

describe('padForInsertion', () => {
  it('a snippet that already ends with a line break gets no second one', () => {
    expect(padForInsertion('abc\n', 'S\n', 'def')).toBe('S\n');
  });

  it('text after the cursor that starts a new line needs no break', () => {
    expect(padForInsertion('abc\n', 'S', '\ndef')).toBe('S');
  });
});
