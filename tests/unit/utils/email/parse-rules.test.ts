/**
 * utils/email/parse.ts, one rule at a time: HTML and quoted-printable detection without headers,
 * MIME entities (multipart choice, attachments, nesting, encodings), Gmail's web view, the history
 * note's bound, forwards (self or colleague), and the problems told to the user.
 */
import { describe, expect, it } from 'vitest';
import { EARLIER_MAX, parseEmail } from '../../../../utils/email';

const mime = (headers: string, body: string) => parseEmail(`From: a@b.org\nSubject: x\n${headers}\n\n${body}`);

describe('parseEmail rules', () => {
  it('HTML source is recognised by a doctype, <html>, or a block tag with two closing tags', () => {
    expect(parseEmail('<!DOCTYPE html><p>Hi</p>').body).toBe('Hi');
    expect(parseEmail('  <HTML><body>Hi</body></HTML>').body).toBe('Hi');
    expect(parseEmail('<div>Hi</div><div>there</div>').body).toBe('Hi\nthere');
    expect(parseEmail('<div> is not closed, and </div> once').body).toBe('<div> is not closed, and </div> once');
    expect(parseEmail('<divx>a</divx></divx>').body).toBe('<divx>a</divx></divx>');
  });

  it('quoted-printable without headers needs a soft break and an escape, three in all', () => {
    expect(parseEmail('a=3Db=\nc').body).toBe('a=3Db=\nc');
    expect(parseEmail('a=3Db=3Dc=3Dd').body).toBe('a=3Db=3Dc=3Dd');
    expect(parseEmail('caf=C3=A9 ok=\nmore=\nend').body).toBe('café okmoreend');
    expect(parseEmail('a=20b=\nc=09d').body).toBe('a bc\td');
    expect(parseEmail('x ==\ny=3Dz=\nw').body).toBe('x ==\ny=3Dz=\nw');
  });

  it('a multipart message prefers text/plain over text/html, in any order', () => {
    const html = '--b\nContent-Type: text/html\n\n<p>html text</p>\n';
    const plain = '--b\nContent-Type: text/plain\n\nplain text\n';
    expect(mime('Content-Type: multipart/alternative; boundary=b', `${html}${plain}--b--`).body).toBe('plain text');
    expect(mime('Content-Type: multipart/alternative; boundary=b', `${plain}${html}--b--`).body).toBe('plain text');
    const onlyHtml = mime('Content-Type: multipart/alternative; boundary=b', `${html}--b--`);
    expect(onlyHtml.body).toBe('html text');
    expect(onlyHtml.problems).toEqual(['The e-mail has only an HTML version: its text was extracted without layout; check it.']);
  });

  it('the first HTML part is the one kept', () => {
    const parts = '--b\nContent-Type: text/html\n\n<p>first</p>\n--b\nContent-Type: text/html\n\n<p>second</p>\n--b--';
    expect(mime('Content-Type: multipart/alternative; boundary=b', parts).body).toBe('first');
  });

  it('attachments are skipped, even text ones', () => {
    const parts = '--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=log.txt\n\nlog text\n--b\nContent-Type: text/plain\n\nmy words\n--b--';
    expect(mime('Content-Type: multipart/mixed; boundary=b', parts).body).toBe('my words');
  });

  it('a part without headers (a blank first line) is text/plain; the preamble and epilogue are dropped', () => {
    expect(mime('Content-Type: multipart/mixed; boundary=b', 'preamble\n--b\n\nbare part\n--b--\nepilogue').body).toBe('bare part');
  });

  it('nested multiparts are read up to five levels', () => {
    const nest = (depth: number): string => (depth === 0 ? 'Content-Type: text/plain\n\ndeep text' : `Content-Type: multipart/mixed; boundary=b${depth}\n\n--b${depth}\n${nest(depth - 1)}\n--b${depth}--`);
    expect(parseEmail(`From: a@b.org\nSubject: x\n${nest(5)}`).body).toBe('deep text');
    expect(parseEmail(`From: a@b.org\nSubject: x\n${nest(6)}`).body).toBe('');
  });

  it('a multipart without a boundary has no text', () => {
    expect(mime('Content-Type: multipart/mixed', 'text').problems).toContain('The e-mail has no text part (only attachments?): write the description yourself.');
  });

  it('a boundary line may carry trailing spaces; a longer line that starts like it is text', () => {
    expect(mime('Content-Type: multipart/mixed; boundary=b', '--b  \n\nfirst\n--bb\nsecond\n--b--').body).toBe('first\n--bb\nsecond');
  });

  it('quoted-printable and base64 parts are decoded in their charset', () => {
    expect(mime('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: Quoted-Printable', 'caf=E9').body).toBe('café');
    expect(mime('Content-Type: text/plain\nContent-Transfer-Encoding: base64', 'Y2Fmw6kNCmxpbmU=').body).toBe('café\nline');
    expect(mime('Content-Type: text/html\nContent-Transfer-Encoding: base64', 'PHA+aGk8L3A+').body).toBe('hi');
  });

  it('an unknown charset is read as UTF-8 and reported once', () => {
    const parsed = mime('Content-Type: text/plain; charset=x-bogus\nContent-Transfer-Encoding: quoted-printable', 'caf=C3=A9');
    expect(parsed.body).toBe('café');
    expect(parsed.problems).toEqual(['Unknown character set "x-bogus": read as UTF-8; check accented letters.']);
  });

  it('text/plain, a bare "text" type and message/rfc822 are text; other types are not', () => {
    expect(mime('Content-Type: text', 'words').body).toBe('words');
    expect(mime('Content-Type: message/rfc822', 'words').body).toBe('words');
    expect(mime('Content-Type: application/pdf', 'words').body).toBe('');
    expect(mime('Content-Transfer-Encoding: 7bit', 'words').body).toBe('words');
  });

  it('Gmail web view: name and address, a date line, "to me", then the text', () => {
    const parsed = parseEmail('Grace Kim <grace@x.org>\nMon, Jan 6, 10:02 AM (2 days ago)\nto me\n\nHi Jane,\nGrace');
    expect(parsed).toMatchObject({ fromName: 'Grace Kim', fromAddress: 'grace@x.org', body: 'Hi Jane,\nGrace' });
    expect(parseEmail('Grace Kim <grace@x.org>\nHi Jane').body).toBe('Hi Jane');
    expect(parseEmail('Grace Kim <grace@x.org> said hi\nHi Jane').fromAddress).toBe('');
    expect(parseEmail('<grace@x.org>\nHi Jane').fromAddress).toBe('');
  });

  it('the history note is cut at a line end in its second half, else at 4 KB', () => {
    const history = `On Mon, Bob <b@x.org> wrote:\n> ${'y'.repeat(EARLIER_MAX + 100)}`;
    const parsed = parseEmail(`From: a@b.org\nSubject: x\n\nMine.\n\n${history}`);
    expect(parsed.earlier.startsWith(history.slice(0, EARLIER_MAX))).toBe(true);
    expect(parsed.earlier.slice(EARLIER_MAX)).toBe(`\n[…] (${history.length - EARLIER_MAX} more characters of earlier messages not shown)`);
    const exact = `On Mon, Bob <b@x.org> wrote:\n> ${'y'.repeat(EARLIER_MAX - 31)}`;
    expect(exact.length).toBe(EARLIER_MAX);
    expect(parseEmail(`From: a@b.org\nSubject: x\n\nMine.\n\n${exact}`).earlier).toBe(exact);
  });

  it('a forward from a colleague with a note: the colleague is the sender, the forwarded text is in the body', () => {
    const parsed = parseEmail('From: Bob <bob@x.org>\nTo: help@osg.org\nSubject: Fwd: CE down\n\nPlease look.\n\n---------- Forwarded message ---------\nFrom: Ann <ann@site.edu>\nDate: Mon\nSubject: CE down\n\nIt is down.\n\nOn Sun, Bob <bob@x.org> wrote:\n> up?');
    expect(parsed).toMatchObject({ fromAddress: 'bob@x.org', subject: 'CE down', earlier: 'On Sun, Bob <bob@x.org> wrote:\n> up?' });
    expect(parsed.body).toBe('Please look.\n\n---------- Forwarded message ---------\nFrom: Ann <ann@site.edu>\nDate: Mon\nSubject: CE down\n\nIt is down.');
  });

  it('a forward to oneself (From also in To or Cc): the forwarded message is the ticket, the note kept', () => {
    const fwd = (to: string) => parseEmail(`From: Bob <bob@x.org>\n${to}\nSubject: Fwd: x\nDate: Tue\n\nFYI\n\n---------- Forwarded message ---------\nFrom: Ann <ann@site.edu>\nDate: Mon\nSubject: CE down\nTo: bob@x.org\nCc: c@x.org\n\nIt is down.`);
    for (const to of ['To: bob@x.org', 'Cc: bob@x.org']) {
      expect(fwd(to)).toMatchObject({ fromName: 'Ann', fromAddress: 'ann@site.edu', subject: 'CE down', date: 'Mon', to: ['bob@x.org'], cc: ['c@x.org'], body: 'It is down.', earlier: 'Forwarded with this note by bob@x.org:\nFYI' });
    }
  });

  it('a forward whose inner block has no subject or date keeps the outer ones', () => {
    const parsed = parseEmail('From: Bob <bob@x.org>\nSubject: Fwd: CE down\nDate: Tue\n\n---------- Forwarded message ---------\nFrom: Ann <ann@site.edu>\nTo: bob@x.org\n\nIt is down.');
    expect(parsed).toMatchObject({ fromAddress: 'ann@site.edu', subject: 'CE down', date: 'Tue', body: 'It is down.', earlier: '' });
  });

  it('an Outlook block under a "FW:" subject is a forward; under "RE:" it is a reply', () => {
    const mail = (subject: string) => parseEmail(`From: Bob <bob@x.org>\nSubject: ${subject}\n\n________________________________\nFrom: Ann <ann@site.edu>\nSent: Monday\nTo: bob@x.org\nSubject: CE down\n\nIt is down.`);
    expect(mail('FW: CE down')).toMatchObject({ fromAddress: 'ann@site.edu', body: 'It is down.' });
    expect(mail('RE: CE down').fromAddress).toBe('bob@x.org');
  });

  it('a forward banner after blank lines still finds the inner block (up to five lines down)', () => {
    const parsed = parseEmail('From: Bob <bob@x.org>\nTo: bob@x.org\nSubject: Fwd: x\n\nBegin forwarded message:\n\n\n\nFrom: Ann <ann@site.edu>\nSubject: CE down\n\nIt is down.');
    expect(parsed).toMatchObject({ fromAddress: 'ann@site.edu', body: 'It is down.' });
  });

  it('names, subjects and dates are capped (200, 1000, 200 characters); lists at 100 addresses', () => {
    const to = Array.from({ length: 120 }, (_, i) => `u${i}@x.org`).join(', ');
    const parsed = parseEmail(`From: ${'N'.repeat(300)} <a@b.org>\nSubject: ${'s'.repeat(1200)}\nDate: ${'d'.repeat(300)}\nTo: ${to}\nCc: ${to}\n\ntext`);
    expect([parsed.fromName.length, parsed.subject.length, parsed.date.length, parsed.to.length, parsed.cc.length]).toEqual([200, 1000, 200, 100, 100]);
  });

  it('control characters: a few are counted, many mean binary data', () => {
    expect(parseEmail('From: a@b.org\nSubject: x\n\nab\x01c').problems).toEqual(['1 control characters (not text) were removed from the pasted text.']);
    expect(parseEmail('\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10 x').problems[0]).toBe('The pasted text looks like binary data, not an e-mail: paste the message text.');
    expect(parseEmail('From: a@b.org\nSubject: x\n\na\tb\u00e9\x7f\ufffe\uffff').body).toBe('a\tbé');
  });

  it('a surrogate pair at the 256 KB cut is not split', () => {
    const head = 'From: a@b.org\nSubject: x\n\n';
    const text = head + 'a'.repeat(256 * 1024 - head.length - 1) + '😀'.repeat(10);
    const parsed = parseEmail(text);
    expect(parsed.body.endsWith('a')).toBe(true);
  });

  it('the problems name what is missing: sender, subject, text', () => {
    expect(parseEmail('just text').problems).toEqual([
      'No sender address found: fill in the name and e-mail in the form (or paste the e-mail with its From: line).',
      'No subject found: check the title.',
    ]);
  });
});
