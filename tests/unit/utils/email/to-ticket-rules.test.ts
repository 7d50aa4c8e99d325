/**
 * utils/email/to-ticket.ts, one rule at a time: the date in the arrival line, the title made from
 * the body, the recipient in the arrival line, missing fields, the phone hint, and the bound on the
 * description (the body gives way, never the footer or the note; a character pair is never split).
 */
import { describe, expect, it } from 'vitest';
import { DETAIL_MAX, newTicketDraft, type ParsedEmail } from '../../../../utils/email';

const ME = { name: 'Jane Smith', email: 'jsmith@wisc.edu' };
const NOW = new Date(2026, 2, 5, 9, 0); // 5 March 2026, local time

function email(over: Partial<ParsedEmail> = {}): ParsedEmail {
  return { fromName: 'Rafael Gomez', fromAddress: 'rgomez@ucsd.edu', subject: 'Pilots idle', date: '', to: [], cc: [], body: 'the pilots are idle', earlier: '', problems: [], ...over };
}
const title = (body: string) => newTicketDraft(email({ subject: '', body }), ME, NOW).title;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('newTicketDraft rules', () => {
  it('the arrival line dates the move as YYYY-MM-DD with two-digit month and day', () => {
    expect(newTicketDraft(email(), ME, NOW).detail).toBe('the pilots are idle\n\nSent by e-mail to Jane Smith <jsmith@wisc.edu>; moved to a ticket by the OSG Software Team on 2026-03-05.');
  });

  it('an invalid "now" leaves the date out instead of writing NaN', () => {
    const draft = newTicketDraft(email(), ME, new Date(Number.NaN));
    expect(draft.detail.endsWith('moved to a ticket by the OSG Software Team on .')).toBe(true);
    expect(draft.detail).not.toContain('NaN');
  });

  it('the subject is trimmed; a blank subject counts as none', () => {
    expect(newTicketDraft(email({ subject: '  CE down  ' }), ME, NOW).title).toBe('CE down');
    const draft = newTicketDraft(email({ subject: '   ', body: 'First line\nsecond' }), ME, NOW);
    expect(draft.title).toBe('First line');
    expect(draft.hints[0]).toBe('Title: the e-mail has no subject, so the title is the first line of the message; edit it.');
  });

  it('title from the body: a first line of up to 80 characters is kept whole', () => {
    const line = `${'word '.repeat(15)}abcde`;
    expect(line.length).toBe(80);
    expect(title(`${line}\nmore`)).toBe(line);
  });

  it('title from the body: a longer line is cut at the last space within 80 characters, with "…"', () => {
    const line = `${'a'.repeat(50)} ${'b'.repeat(29)} tail words here`;
    expect(title(line)).toBe(`${'a'.repeat(50)} ${'b'.repeat(29)}…`);
  });

  it('title from the body: a long line without a space past 40 characters is cut at 80', () => {
    expect(title('x'.repeat(100))).toBe(`${'x'.repeat(80)}…`);
    expect(title(`short ${'y'.repeat(100)}`)).toBe(`short ${'y'.repeat(74)}…`);
  });

  it('title from the body: a space only in the first half (at 40 or before) is not used as the cut', () => {
    expect(title(`${'a'.repeat(40)} ${'b'.repeat(60)}`)).toBe(`${'a'.repeat(40)} ${'b'.repeat(39)}…`);
    expect(title(`${'a'.repeat(41)} ${'b'.repeat(60)}`)).toBe(`${'a'.repeat(41)}…`);
  });

  it('title from the body: spaces before the cut are dropped', () => {
    expect(title(`${'a'.repeat(50)}   ${'b'.repeat(50)}`)).toBe(`${'a'.repeat(50)}…`);
  });

  it('title from the body: leading blank and white-space lines are skipped, the line is trimmed', () => {
    expect(title('\n   \n\t\n  The CE is down  \nmore')).toBe('The CE is down');
    expect(title('CE down')).toBe('CE down');
    expect(title('   ')).toBe('');
    expect(title('\n\n')).toBe('');
  });

  it('title from the body: only the first 64 KB are looked at for a first line', () => {
    expect(title(`${'\n'.repeat(64 * 1024)}late line`)).toBe('');
    expect(title(`${'\n'.repeat(64 * 1024 - 1)}late line`)).toBe('late line');
    expect(title(`${'\n'.repeat(60 * 1024)}late line`)).toBe('late line');
  });

  it('the arrival line names the user by name alone, address alone, or both', () => {
    expect(newTicketDraft(email(), { name: ' Jane Smith ', email: '' }, NOW).detail).toContain('Sent by e-mail to Jane Smith; moved');
    expect(newTicketDraft(email(), { name: '', email: ' me@x.org ' }, NOW).detail).toContain('Sent by e-mail to me@x.org; moved');
    expect(newTicketDraft(email(), { name: 'Jane', email: ' me@x.org ' }, NOW)).toMatchObject({ cc: ['me@x.org'] });
    expect(newTicketDraft(email(), { name: 'Jane', email: ' me@x.org ' }, NOW).detail).toContain('Sent by e-mail to Jane <me@x.org>; moved');
  });

  it('a missing identity or missing e-mail fields give empty values, not "undefined"', () => {
    const draft = newTicketDraft({} as ParsedEmail, undefined as unknown as { name: string; email: string }, NOW);
    expect(draft).toEqual({
      name: '',
      email: '',
      title: '',
      detail: 'Sent by e-mail; moved to a ticket by the OSG Software Team on 2026-03-05.',
      cc: [],
      hints: ['Title: the e-mail has no subject and no text; write a title.', 'Phone number: the e-mail does not give one; the form requires it.'],
      createdAt: NOW.getTime(),
    });
  });

  it('the date line is trimmed; a blank date is left out', () => {
    expect(newTicketDraft(email({ date: '  Mon, 6 Jan 2025  ' }), ME, NOW).detail).toContain('<jsmith@wisc.edu> (Date: Mon, 6 Jan 2025); moved');
    expect(newTicketDraft(email({ date: '   ' }), ME, NOW).detail).toContain('<jsmith@wisc.edu>; moved');
  });

  it('a blank phone is no phone; a phone is trimmed', () => {
    const blank = newTicketDraft(email({ phone: '   ' }), ME, NOW);
    expect(blank.phone).toBeUndefined();
    expect(blank.hints).toEqual(['Phone number: the e-mail does not give one; the form requires it.']);
    expect(newTicketDraft(email({ phone: ' 608 555 0100 ' }), ME, NOW).phone).toBe('608 555 0100');
  });

  it('a body that fits exactly is not cut; one character more is', () => {
    const footerLen = newTicketDraft(email({ body: '' }), ME, NOW).detail.length;
    const room = DETAIL_MAX - footerLen - 2;
    const fits = newTicketDraft(email({ body: 'z'.repeat(room) }), ME, NOW);
    expect(fits.detail.length).toBe(DETAIL_MAX);
    expect(fits.detail).not.toContain('[…]');
    expect(fits.hints).toHaveLength(1);
    const over = newTicketDraft(email({ body: 'z'.repeat(room + 1) }), ME, NOW);
    expect(over.detail).toContain('[…] (the e-mail was longer:');
    expect(over.detail.length).toBeLessThanOrEqual(DETAIL_MAX);
    expect(over.detail.length).toBeGreaterThan(DETAIL_MAX - 20);
  });

  it('a cut body never ends in half of a character pair (emoji)', () => {
    for (const lead of ['', 'a']) {
      const body = lead + '😀'.repeat(40_000);
      const draft = newTicketDraft(email({ body }), ME, NOW);
      expect(draft.detail.length).toBeLessThanOrEqual(DETAIL_MAX);
      expect(LONE_SURROGATE.test(draft.detail)).toBe(false);
      const shown = draft.detail.indexOf('\n[…]');
      expect(shown + Number(/(\d+) more characters not shown/.exec(draft.detail)![1])).toBe(body.length);
    }
  });

  it('a single emoji straddling the cut is left out whole', () => {
    const length = 80_000;
    const plain = newTicketDraft(email({ body: 'a'.repeat(length) }), ME, NOW);
    const cut = plain.detail.indexOf('\n[…]');
    const body = `${'a'.repeat(cut - 1)}😀${'a'.repeat(length - cut - 1)}`;
    const draft = newTicketDraft(email({ body }), ME, NOW);
    expect(draft.detail.indexOf('\n[…]')).toBe(cut - 1);
    expect(LONE_SURROGATE.test(draft.detail)).toBe(false);
  });

  it('when the history note alone fills the description, the body is replaced by the mark and nothing else', () => {
    const earlier = 'o'.repeat(DETAIL_MAX);
    const draft = newTicketDraft(email({ body: 'my words', earlier }), ME, NOW);
    expect(draft.detail.startsWith('\n[…] (the e-mail was longer: 8 more characters not shown)\n\nSent by e-mail')).toBe(true);
  });
});
