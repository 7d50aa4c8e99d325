/** utils/signature.ts: placeholders, rendering, duplicate detection and where the text goes. */
import fc from 'fast-check';
import {
  containsSignature,
  describeUnknownPlaceholders,
  formatSignatureDate,
  planSignatureInsertion,
  renderSignature,
  unknownPlaceholders,
} from '../../../utils/signature';
import { DEFAULT_SIGNATURE } from '../../../utils/settings';

const values = { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', date: '2026-02-13', ticket: '12345' };

describe('placeholders', () => {
  it('knows {name}, {email}, {date}, {ticket}', () => {
    expect(unknownPlaceholders('{name} {email} {date} {ticket}')).toEqual([]);
  });

  it('lists unknown ones once each, in order', () => {
    expect(unknownPlaceholders('{phone} {name} {Name} {phone} {x_y-z}')).toEqual(['phone', 'Name', 'x_y-z']);
  });

  it('treats braces that are not {word} as text', () => {
    expect(unknownPlaceholders('{ name } {} {1} {a b} {{}}')).toEqual([]);
  });

  it('describes the problem naming the placeholders and the allowed ones', () => {
    expect(describeUnknownPlaceholders('{phone}')).toBe('unknown placeholder {phone} (use {name}, {email}, {date}, {ticket})');
    expect(describeUnknownPlaceholders('{a}{b}')).toMatch(/^unknown placeholders \{a\}, \{b\} /);
    expect(describeUnknownPlaceholders(DEFAULT_SIGNATURE)).toBeNull();
  });
});

describe('renderSignature', () => {
  it('renders the default signature', () => {
    expect(renderSignature(DEFAULT_SIGNATURE, values)).toBe(
      '------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org',
    );
  });

  it('fills every placeholder, repeated ones too', () => {
    expect(renderSignature('{name} <{email}> {date} #{ticket} {name}', values)).toBe(
      'Alain Roy <alain.roy@wisc.example.edu> 2026-02-13 #12345 Alain Roy',
    );
  });

  it('drops a line made only of placeholders that came out empty, keeps intended blank lines', () => {
    expect(renderSignature('--\n{name}\n{email}\n\nOSG', { ...values, email: '' })).toBe('--\nAlain Roy\n\nOSG');
    expect(renderSignature('--\nMail: {email}', { ...values, email: '' })).toBe('--\nMail:');
  });

  it('keeps HTML and script text exactly as text', () => {
    const name = '<script>alert(1)</script><b>Roy</b>';
    expect(renderSignature('{name}', { ...values, name })).toBe(name);
  });

  it('normalises CRLF and trims blank lines around the signature', () => {
    expect(renderSignature('\r\n--\r\n{name}\r\n\r\n', values)).toBe('--\nAlain Roy');
  });

  it('does not expand placeholders that appear inside values', () => {
    expect(renderSignature('{name} {email}', { ...values, name: '{email}' })).toBe('{email} alain.roy@wisc.example.edu');
  });
});

describe('formatSignatureDate', () => {
  it('uses the team time zone, not the machine one', () => {
    const lateEveningInChicago = new Date('2026-02-14T03:30:00Z');
    expect(formatSignatureDate(lateEveningInChicago, 'America/Chicago')).toBe('2026-02-13');
    expect(formatSignatureDate(lateEveningInChicago, 'Europe/Berlin')).toBe('2026-02-14');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatSignatureDate(new Date('2026-02-14T03:30:00Z'), 'Not/AZone')).toBe('2026-02-14');
  });
});

describe('containsSignature', () => {
  const sig = '----\nAlain Roy\nOSG Software Support';

  it('finds the signature ignoring whitespace differences', () => {
    expect(containsSignature('Thanks!\n\n----\r\nAlain Roy  \n  OSG Software Support\n', sig)).toBe(true);
    expect(containsSignature('Thanks! ---- Alain Roy OSG Software Support', sig)).toBe(true);
  });

  it('does not find a different or partial signature', () => {
    expect(containsSignature('----\nAlain Roy\n', sig)).toBe(false);
    expect(containsSignature('----\nBrian Lin\nOSG Software Support', sig)).toBe(false);
  });

  it('never matches an empty signature', () => {
    expect(containsSignature('anything', '  \n ')).toBe(false);
  });

  it('finds the signature anywhere in a long body (no window), and not when one character differs', () => {
    const filler = 'log line <a href=x> &lt; | \t\n'.repeat(20_000); // ~600 KB
    expect(containsSignature(`----\n Alain  Roy\nOSG Software Support\n${filler}`, sig)).toBe(true);
    expect(containsSignature(`${filler}\n----\nAlain Roy\r\nOSG Software Support`, sig)).toBe(true);
    expect(containsSignature(`${filler}----\nAlain Roy\nOSG Software Suport${filler}`, sig)).toBe(false);
  });
});

describe('planSignatureInsertion', () => {
  const s = 'SIG';

  it('appends at the end with a blank line before when there is no selection', () => {
    expect(planSignatureInsertion('Hello', s, null)).toEqual({ text: '\n\nSIG', start: 5, end: 5 });
    expect(planSignatureInsertion('Hello\n', s, null)).toEqual({ text: '\nSIG', start: 6, end: 6 });
    expect(planSignatureInsertion('Hello\n\n', s, null)).toEqual({ text: 'SIG', start: 7, end: 7 });
  });

  it('inserts just the signature into an empty or blank box', () => {
    expect(planSignatureInsertion('', s, null)).toEqual({ text: 'SIG', start: 0, end: 0 });
    expect(planSignatureInsertion('  \n', s, { start: 0, end: 0 })).toEqual({ text: 'SIG\n', start: 0, end: 0 });
    expect(planSignatureInsertion(' ', s, null)).toEqual({ text: '\nSIG', start: 1, end: 1 });
  });

  it('inserts at the cursor and breaks the line when text follows', () => {
    expect(planSignatureInsertion('Hello\nP.S. later', s, { start: 6, end: 6 })).toEqual({
      text: '\nSIG\n',
      start: 6,
      end: 6,
    });
    expect(planSignatureInsertion('Hello world', s, { start: 5, end: 5 })).toEqual({ text: '\n\nSIG\n', start: 5, end: 5 });
  });

  it('replaces a selection, like typing does', () => {
    expect(planSignatureInsertion('Hello XXX', s, { start: 6, end: 9 })).toEqual({ text: '\n\nSIG', start: 6, end: 9 });
  });

  it('clamps and orders odd selection numbers', () => {
    expect(planSignatureInsertion('abc', s, { start: 99, end: -4 })).toEqual({ text: 'SIG', start: 0, end: 3 });
    expect(planSignatureInsertion('abc', s, { start: Number.NaN, end: Number.NaN })).toEqual({ text: '\n\nSIG', start: 3, end: 3 });
  });

  it('property: the result always contains the original text around the signature, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(80), fc.nat(80), fc.boolean(), (value, a, b, hasSel) => {
        const plan = planSignatureInsertion(value, 'SIG', hasSel ? { start: a, end: b } : null);
        const result = value.slice(0, plan.start) + plan.text + value.slice(plan.end);
        expect(plan.start).toBeLessThanOrEqual(plan.end);
        expect(result.startsWith(value.slice(0, plan.start))).toBe(true);
        expect(result.endsWith(value.slice(plan.end))).toBe(true);
        expect(containsSignature(result, 'SIG')).toBe(true);
        // The signature sits on its own line.
        expect(result.split('\n')).toContain('SIG');
      }),
    );
  });
});
