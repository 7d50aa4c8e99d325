/** newTicketDraft: contact, title, description with its arrival line and history note, CC, hints, bounds. */
import { describe, expect, it } from 'vitest';
import { DETAIL_MAX, newTicketDraft, parseEmail, type ParsedEmail } from '../../../../utils/email';

const ME = { name: 'Jane Smith', email: 'jsmith@wisc.edu' };
const NOW = new Date(2026, 11, 1, 15, 30); // local time: the date line is the user's calendar day

function email(over: Partial<ParsedEmail> = {}): ParsedEmail {
  return { fromName: 'Rafael Gomez', fromAddress: 'rgomez@ucsd.edu', subject: 'Pilots idle', date: 'Mon, 6 Jan 2025 10:02:00 -0800', to: [], cc: [], body: 'Hi,\n\nthe pilots are idle.\n\nRafael', earlier: '', problems: [], ...over };
}

describe('newTicketDraft', () => {
  it('fills contact, title, description, CC and the phone hint', () => {
    const draft = newTicketDraft(email(), ME, NOW);
    expect(draft).toEqual({
      name: 'Rafael Gomez',
      email: 'rgomez@ucsd.edu',
      title: 'Pilots idle',
      detail: 'Hi,\n\nthe pilots are idle.\n\nRafael\n\nSent by e-mail to Jane Smith <jsmith@wisc.edu> (Date: Mon, 6 Jan 2025 10:02:00 -0800); moved to a ticket by the OSG Software Team on 2026-12-01.',
      cc: ['jsmith@wisc.edu'],
      hints: ['Phone number: the e-mail does not give one; the form requires it.'],
      createdAt: NOW.getTime(),
    });
  });

  it('adds the earlier messages as a note at the end, and one hint per problem', () => {
    const draft = newTicketDraft(email({ date: '', earlier: 'On Sun, Jane wrote:\n> log?', problems: ['No subject found: check the title.'] }), ME, NOW);
    expect(draft.detail).toBe('Hi,\n\nthe pilots are idle.\n\nRafael\n\nSent by e-mail to Jane Smith <jsmith@wisc.edu>; moved to a ticket by the OSG Software Team on 2026-12-01.\n\nEarlier messages (quoted in the e-mail):\nOn Sun, Jane wrote:\n> log?');
    expect(draft.hints).toEqual(['Phone number: the e-mail does not give one; the form requires it.', 'No subject found: check the title.']);
  });

  it('no subject: the title is the first body line, cut at a word, with a hint', () => {
    const draft = newTicketDraft(email({ subject: '', body: '\n\n  Our CE rejects every pilot since the upgrade to 24.0 and the logs show nothing useful at all, sadly\nmore' }), ME, NOW);
    expect(draft.title).toBe('Our CE rejects every pilot since the upgrade to 24.0 and the logs show nothing…');
    expect(draft.title.length).toBeLessThanOrEqual(81);
    expect(draft.hints[0]).toMatch(/^Title: the e-mail has no subject, so the title is the first line/);
    expect(newTicketDraft(email({ subject: '', body: 'Short line\nnext' }), ME, NOW).title).toBe('Short line');
  });

  it('no subject and no body: empty title, a hint to write one; the arrival line is still there', () => {
    const draft = newTicketDraft(email({ subject: '', body: '' }), ME, NOW);
    expect(draft.title).toBe('');
    expect(draft.hints[0]).toBe('Title: the e-mail has no subject and no text; write a title.');
    expect(draft.detail).toMatch(/^Sent by e-mail to Jane Smith/);
  });

  it('without the user\'s identity: no CC, an arrival line without a recipient', () => {
    const draft = newTicketDraft(email({ date: '' }), { name: '', email: '' }, NOW);
    expect(draft.cc).toEqual([]);
    expect(draft.detail.endsWith('\n\nSent by e-mail; moved to a ticket by the OSG Software Team on 2026-12-01.')).toBe(true);
    expect(newTicketDraft(email({ date: '' }), { name: '', email: 'me@x.org' }, NOW).detail).toContain('Sent by e-mail to me@x.org; moved');
  });

  it('a phone from the signature is passed on with a hint to check it', () => {
    const draft = newTicketDraft(email({ phone: '+1 608 555 0100' }), ME, NOW);
    expect(draft.phone).toBe('+1 608 555 0100');
    expect(draft.hints).toEqual(["Phone number: +1 608 555 0100 is from the e-mail's signature; check it."]);
  });

  it('the description stays within DETAIL_MAX: the body is cut with a mark, footer and note kept', () => {
    const body = `${'log line with data\n'.repeat(10000)}LAST`;
    const draft = newTicketDraft(email({ body, earlier: '> old' }), ME, NOW);
    expect(draft.detail.length).toBeLessThanOrEqual(DETAIL_MAX);
    expect(draft.detail.length).toBeGreaterThan(DETAIL_MAX - 200);
    expect(draft.detail).toMatch(/\n\[…\] \(the e-mail was longer: \d+ more characters not shown\)\n\nSent by e-mail to Jane Smith/);
    expect(draft.detail.endsWith('Earlier messages (quoted in the e-mail):\n> old')).toBe(true);
    expect(draft.detail).not.toContain('LAST');
    const shown = Number(/(\d+) more characters not shown/.exec(draft.detail)![1]);
    expect(draft.detail.indexOf('\n[…]') + shown).toBe(body.length);
    expect(draft.hints).toContain('Description: the e-mail was longer than 60 KB and was shortened; check the end of the text.');
  });

  it('end to end from a pasted e-mail', () => {
    const parsed = parseEmail('From: "Doe, Jane" <Jane.Doe@fnal.gov>\nSubject: RE: CE down\nDate: Tue, 4 Mar 2025 09:15 -0600\n\nIt is down.\n\nOn Mon, Bob <b@x.org> wrote:\n> Is it up?');
    const draft = newTicketDraft(parsed, ME, NOW);
    expect(draft).toMatchObject({ name: 'Doe, Jane', email: 'jane.doe@fnal.gov', title: 'CE down', cc: ['jsmith@wisc.edu'] });
    expect(draft.detail).toBe('It is down.\n\nSent by e-mail to Jane Smith <jsmith@wisc.edu> (Date: Tue, 4 Mar 2025 09:15 -0600); moved to a ticket by the OSG Software Team on 2026-12-01.\n\nEarlier messages (quoted in the e-mail):\nOn Mon, Bob <b@x.org> wrote:\n> Is it up?');
  });
});
