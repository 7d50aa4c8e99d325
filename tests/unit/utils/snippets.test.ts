import { describe, expect, it } from 'vitest';
import type { TicketModel } from '../../../utils/goc/ticket';
import { ticketModel } from '../helpers/ticket-model';
import { DEFAULT_SNIPPETS } from '../../../utils/settings';
import {
  greetingName,
  padForInsertion,
  renderSnippet,
  snippetValues,
  unknownPlaceholders,
} from '../../../utils/snippets';

const DAY = 86_400_000;
const NOW = Date.parse('2018-03-10T12:00:00Z');

function ticket(over: Partial<TicketModel> = {}): TicketModel {
  return ticketModel({
    assignees: [
      { name: 'Software Support (Triage)', fpid: 'osg-software-support-stream' },
      { name: 'Mat Selmeci', fpid: 'matyas' },
    ],
    updates: [
      { index: 0, time: null, timeMs: NOW - 3 * DAY - 5000, byHeader: null, bodyText: '' },
      { index: 1, time: null, timeMs: NOW - 9 * DAY, byHeader: null, bodyText: '' },
    ],
    ...over,
  });
}

const OPTIONS = { me: 'Alain Roy', softwareAssignees: ['Software', 'Software Support (Triage)', 'osg-software-support-stream'], now: NOW };

describe('snippetValues + renderSnippet', () => {
  it('fills every placeholder from the ticket', () => {
    const text = 'Hi {submitter}, {owner}: {ticket} "{title}" idle {days_since_update} days. -- {me}';
    expect(renderSnippet(text, snippetValues(ticket(), OPTIONS))).toBe(
      'Hi Jane, Mat Selmeci: 4242 "xrootd crashes" idle 3 days. -- Alain Roy',
    );
  });

  it('skips Software assignees by name or FP id for {owner}', () => {
    const values = snippetValues(
      ticket({ assignees: [{ name: '', fpid: 'osg-software-support-stream' }, { name: 'Software', fpid: null }, { name: 'Rob Quick', fpid: 'rquick' }] }),
      OPTIONS,
    );
    expect(values.owner).toBe('Rob Quick');
  });

  it('falls back to "there" for unknown people and empty for unknown days', () => {
    const values = snippetValues(
      ticket({ submitter: { name: '', email: '', submitterName: '' }, assignees: [], updates: [] }),
      OPTIONS,
    );
    expect(values).toMatchObject({ submitter: 'there', owner: 'there', days_since_update: '' });
  });

  it('leaves unknown placeholders and shell variables as typed', () => {
    expect(renderSnippet('{nope} ${HOME} {ticket} awk {print $1}', { ticket: '1' })).toBe('{nope} ${HOME} 1 awk {print $1}');
  });

  it('inserts values as plain text, never re-expanding them', () => {
    expect(renderSnippet('{title}', { title: '{ticket} <script>' , ticket: 'X' })).toBe('{ticket} <script>');
  });
});

describe('unknownPlaceholders', () => {
  it('lists unknown names once, ignoring known ones and ${shell}', () => {
    expect(unknownPlaceholders('{submiter} {ticket} {foo} {foo} ${PATH}')).toEqual(['submiter', 'foo']);
    expect(unknownPlaceholders('')).toEqual([]);
  });

  it('the shipped defaults use only known placeholders, and the profiler request is first', () => {
    for (const s of DEFAULT_SNIPPETS) expect(unknownPlaceholders(s.text), s.name).toEqual([]);
    expect(DEFAULT_SNIPPETS[0].text).toContain('osg-system-profiler');
    expect(DEFAULT_SNIPPETS.length).toBeGreaterThanOrEqual(6);
  });
});

describe('greetingName', () => {
  it.each([
    ['Jane Smith', '', 'Jane'],
    ['Smith, Jane', '', 'Jane'],
    ['', 'jane.smith@x.org', 'jane'],
    ['OSG-GOC', 'dkim@uchicago.example.edu', 'dkim'],
    ['', '', ''],
  ])('%s / %s → %s', (name, email, expected) => {
    expect(greetingName(name, email)).toBe(expected);
  });
});

describe('padForInsertion', () => {
  it('adds line breaks only where the text would touch other text', () => {
    expect(padForInsertion('', 'S', '')).toBe('S');
    expect(padForInsertion('abc', 'S', '')).toBe('\nS');
    expect(padForInsertion('abc\n', 'S', 'def')).toBe('S\n');
    expect(padForInsertion('abc', 'S', 'def')).toBe('\nS\n');
  });
});

import { guardApplies, isUpdateSigned } from '../../../utils/unsigned-guard';

describe('isUpdateSigned', () => {
  const check = {
    signature: '------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org',
    names: ['Alain Roy', 'Alain'],
  };

  it('accepts the rendered signature anywhere, whitespace ignored', () => {
    expect(isUpdateSigned('Hi,\nfixed.\n\n------------------------------------\n Alain Roy \nOSG Software Support\nvdt-support@opensciencegrid.org\n\nP.S. one more thing\nand more\nand more\nand more\nand more\nand more', check)).toBe(true);
  });

  it('accepts the name or an alias as a whole word in the last lines', () => {
    expect(isUpdateSigned('Please retry.\n\nThanks,\nAlain', check)).toBe(true);
    expect(isUpdateSigned('Please retry.\n-- alain roy', check)).toBe(true);
  });

  it('refuses text without them, a name inside a word, a name far up, or in a quote', () => {
    expect(isUpdateSigned('Please retry.', check)).toBe(false);
    expect(isUpdateSigned('Ask Alainy', check)).toBe(false);
    expect(isUpdateSigned('Alain here.\n1\n2\n3\n4\n5\n6', check)).toBe(false);
    expect(isUpdateSigned('ok\n> Thanks, Alain', check)).toBe(false);
  });

  it('reads the last own lines past any number of blank and quoted lines, and the signature anywhere', () => {
    const quoted = '> quoted reply line\n&#62; FP-encoded quote\n\n   \n'.repeat(30_000);
    expect(isUpdateSigned(`Fixed.\nThanks,\nAlain\n${quoted}`, check)).toBe(true);
    expect(isUpdateSigned(`Alain here.\n1\n2\n3\n4\n5\n${quoted}`, check)).toBe(false);
    expect(isUpdateSigned(`${check.signature.toUpperCase().replace(/\n/g, '\n\n  ')}\n${'text\n'.repeat(50_000)}`, check)).toBe(true);
  });

  it('applies only to non-empty text when there is a name or signature to look for', () => {
    expect(guardApplies('   ', check)).toBe(false);
    expect(guardApplies('text', { signature: '', names: [] })).toBe(false);
    expect(guardApplies('text', check)).toBe(true);
  });
});
