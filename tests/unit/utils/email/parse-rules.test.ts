/**
 * utils/email/parse.ts, one rule at a time: HTML and quoted-printable detection without headers,
 * MIME entities (multipart choice, attachments, nesting, encodings), Gmail's web view, the history
 * note's bound, forwards (self or colleague), and the problems told to the user.
 */
import { describe, expect, it } from 'vitest';
import { EARLIER_MAX, INPUT_MAX, parseEmail } from '../../../../utils/email';

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

describe('parseEmail edges', () => {
  const NO_TEXT_PART = 'The e-mail has no text part (only attachments?): write the description yourself.';

  it('a lone CR is a line end too; blank lines before the headers are skipped', () => {
    expect(parseEmail('From: a@b.org\rSubject: x\r\rtext')).toMatchObject({ fromAddress: 'a@b.org', subject: 'x', body: 'text' });
    expect(parseEmail('\n \n\nFrom: a@b.org\nSubject: x\n\ntext')).toMatchObject({ fromAddress: 'a@b.org', subject: 'x', body: 'text' });
  });

  it('one control character in ten is counted; more than that is binary data', () => {
    expect(parseEmail('abcdefghi\x01').problems[0]).toBe('1 control characters (not text) were removed from the pasted text.');
    expect(parseEmail('abcdefgh\x01\x02').problems[0]).toBe('The pasted text looks like binary data, not an e-mail: paste the message text.');
  });

  it('a paste of exactly 256 KB is read whole, with no problem about its length', () => {
    const head = 'From: a@b.org\nSubject: x\n\n';
    const parsed = parseEmail(head + 'a'.repeat(INPUT_MAX - head.length));
    expect(parsed.problems).toEqual([]);
    expect(parsed.body.length).toBe(INPUT_MAX - head.length);
  });

  it('HTML source is recognised from the first 2 KB only, and only when the text starts with the tag', () => {
    expect(parseEmail(`<div>${'x'.repeat(3000)}</div></div>`).body).toBe(`<div>${'x'.repeat(3000)}</div></div>`);
    expect(parseEmail('Hi <div>a</div><div>b</div>').body).toBe('Hi <div>a</div><div>b</div>');
    expect(parseEmail('<p class="x">a</p><p>b</p>').body).toBe('a\n\nb');
    expect(parseEmail('<table><tr><td>a</td></tr></table>').body).toBe('a');
  });

  it('soft breaks alone, or escapes alone, are not quoted-printable', () => {
    expect(parseEmail('a=\nb=\nc=\nd').body).toBe('a=\nb=\nc=\nd');
    expect(parseEmail('a=20b=09c=3Dd').body).toBe('a=20b=09c=3Dd');
  });

  it('an unknown charset of an encoded subject is reported, its name cut at 40 characters', () => {
    const cs = `x-${'b'.repeat(50)}`;
    const parsed = parseEmail(`From: a@b.org\nSubject: =?${cs}?Q?caf=C3=A9?=\n\ntext`);
    expect(parsed.subject).toBe('café');
    expect(parsed.problems).toEqual([`Unknown character set "${cs.slice(0, 40)}": read as UTF-8; check accented letters.`]);
  });

  it('an encoded subject that ends in a line break has it trimmed', () => {
    expect(parseEmail('From: a@b.org\nSubject: =?UTF-8?Q?CE_down=0A?=\n\ntext').subject).toBe('CE down');
  });

  it('a multipart part without headers and without a blank line is text', () => {
    expect(mime('Content-Type: multipart/mixed; boundary=b', '--b\nplain words\n--b--').body).toBe('plain words');
  });

  it('"attachment" counts only at the start of Content-Disposition, in any case', () => {
    const part = (disposition: string) => `--b\nContent-Type: text/plain\nContent-Disposition: ${disposition}\n\nthe text\n--b--`;
    expect(mime('Content-Type: multipart/mixed; boundary=b', part('inline; filename=attachment.txt')).body).toBe('the text');
    expect(mime('Content-Type: multipart/mixed; boundary=b', part('ATTACHMENT; filename=a.txt')).body).toBe('');
  });

  it('a boundary line may carry up to 8 trailing spaces', () => {
    expect(mime('Content-Type: multipart/mixed; boundary=b', `--b${' '.repeat(8)}\n\nfirst\n--b--`).body).toBe('first');
    expect(mime('Content-Type: multipart/mixed; boundary=b', `--b${' '.repeat(9)}\n\nfirst\n--b--`).problems).toContain(NO_TEXT_PART);
  });

  it('the closing boundary ends the parts: a boundary in the epilogue opens none', () => {
    const body = '--b\nContent-Type: application/pdf\n\nxx\n--b--\n--b\nContent-Type: text/plain\n\nlate\n--b--';
    expect(mime('Content-Type: multipart/mixed; boundary=b', body).body).toBe('');
  });

  it('at most 200 parts of a multipart are read', () => {
    const other = '--b\nContent-Type: application/pdf\n\nxx\n';
    const text = '--b\nContent-Type: text/plain\n\nlast\n';
    expect(mime('Content-Type: multipart/mixed; boundary=b', `${other.repeat(199)}${text}--b--`).body).toBe('last');
    expect(mime('Content-Type: multipart/mixed; boundary=b', `${other.repeat(200)}${text}--b--`).body).toBe('');
  });

  it('Gmail web view: up to three lines after the sender are date and recipient lines', () => {
    const web = (after: string) => parseEmail(`Grace Kim <grace@x.org>\n${after}\nHi Jane`).body;
    expect(web('Mon, Jan 6, 10:02 AM\nto me\ncc Bob')).toBe('Hi Jane');
    expect(web('Jan 6, 2025, 10:02\nan mich\nà moi')).toBe('Hi Jane');
    expect(web('Jan 6 (2 days ago)\npara mí\nJan 6 3 PM')).toBe('Hi Jane');
    expect(web('to me\nto me\nto me\nto me')).toBe('to me\nHi Jane');
    expect(web('2 messages')).toBe('2 messages\nHi Jane');
    expect(web('at 10 AMS')).toBe('at 10 AMS\nHi Jane');
    expect(web('tome')).toBe('tome\nHi Jane');
    expect(web(`to ${'m'.repeat(97)}`)).toBe('Hi Jane');
    expect(web(`to ${'m'.repeat(98)}`)).toBe(`to ${'m'.repeat(98)}\nHi Jane`);
  });

  it('Gmail web view: a first line over 200 characters, a name over 120 or a local part over 64 is no sender', () => {
    // The name part counts its space before "<".
    expect(parseEmail(`${'N'.repeat(119)} <${'a'.repeat(64)}@x.org>\nHi`).fromAddress).toBe(`${'a'.repeat(64)}@x.org`);
    expect(parseEmail(`${'N'.repeat(120)} <a@x.org>\nHi`).fromAddress).toBe('');
    expect(parseEmail(`N <${'a'.repeat(65)}@x.org>\nHi`).fromAddress).toBe('');
    const line = (domain: number) => `${'N'.repeat(119)} <${'a'.repeat(64)}@${'d'.repeat(domain)}>`;
    expect(line(13)).toHaveLength(200);
    expect(parseEmail(`${line(13)}\nHi`).fromAddress).toBe(`${'a'.repeat(64)}@${'d'.repeat(13)}`);
    expect(parseEmail(`${line(14)}\nHi`).fromAddress).toBe('');
    expect(parseEmail('N <a b@x.org>\nHi').fromAddress).toBe('');
  });

  it('the history note is cut at the last line end before 4 KB when that is in its second half', () => {
    const line = `> ${'y'.repeat(97)}`; // 99 characters and a line break: 100 per line
    const history = Array.from({ length: 60 }, () => line).join('\n');
    const parsed = parseEmail(`From: a@b.org\nSubject: x\n\nMine.\n\nOn Mon, Bob <b@x.org> wrote:\n${history}`);
    const earlier = `On Mon, Bob <b@x.org> wrote:\n${history}`;
    const cut = earlier.lastIndexOf('\n', EARLIER_MAX);
    expect(parsed.earlier).toBe(`${earlier.slice(0, cut)}\n[…] (${earlier.length - cut} more characters of earlier messages not shown)`);
  });

  it('a forward banner followed by more than five blank lines has no inner block read', () => {
    const parsed = parseEmail('From: Bob <bob@x.org>\nTo: bob@x.org\nSubject: Fwd: x\n\nBegin forwarded message:\n\n\n\n\n\nFrom: Ann <ann@site.edu>\nSubject: CE down\n\nIt is down.');
    expect(parsed.fromAddress).toBe('bob@x.org');
  });

  it('a self-forward: the note and the forwarded message\'s own history are joined by a blank line', () => {
    const inner = 'From: Ann <ann@site.edu>\nSubject: CE down\n\nIt is down.\n\nOn Sun, Bob <bob@x.org> wrote:\n> up?';
    const withNote = parseEmail(`From: Bob <bob@x.org>\nTo: bob@x.org\nSubject: Fwd: x\n\nFYI\n\n---------- Forwarded message ---------\n${inner}`);
    expect(withNote.earlier).toBe('Forwarded with this note by bob@x.org:\nFYI\n\nOn Sun, Bob <bob@x.org> wrote:\n> up?');
    const noNote = parseEmail(`From: Bob <bob@x.org>\nSubject: Fwd: x\n\n---------- Forwarded message ---------\n${inner}`);
    expect(noNote).toMatchObject({ fromAddress: 'ann@site.edu', body: 'It is down.', earlier: 'On Sun, Bob <bob@x.org> wrote:\n> up?' });
  });
});

describe('parseEmail edges, continued', () => {
  it('an Outlook block right under a "FW:" subject (no separator line) is the forwarded message', () => {
    const parsed = parseEmail('From: Bob <bob@x.org>\nSubject: FW: x\n\nFrom: Ann <ann@site.edu>\nSent: Monday\nTo: bob@x.org\nSubject: CE down\n\nIt is down.');
    expect(parsed).toMatchObject({ fromAddress: 'ann@site.edu', subject: 'CE down', date: 'Monday', body: 'It is down.' });
  });

  it('a forward banner as the last line is kept in earlier, with no problem', () => {
    const parsed = parseEmail('From: a@b.org\nSubject: Fwd: x\n\nSee below.\n\nBegin forwarded message:');
    expect(parsed).toMatchObject({ fromAddress: 'a@b.org', body: 'See below.', earlier: 'Begin forwarded message:', problems: [] });
  });

  it('quoted-printable detection counts an escape only where its "=" stands', () => {
    expect(parseEmail('a==3Db=\nc').body).toBe('a==3Db=\nc');
  });

  it('a closing boundary may carry trailing spaces; a last part without one is read', () => {
    expect(mime('Content-Type: multipart/mixed; boundary=b', '--b\n\nfirst\n--b--  ').body).toBe('first');
    expect(mime('Content-Type: multipart/mixed; boundary=b', '--b\n\nfirst')).toMatchObject({ body: 'first', problems: [] });
  });

  it('Gmail web view: "to"/"cc" lines in any case; a time word needs a digit on its line', () => {
    const web = (after: string) => parseEmail(`Grace Kim <grace@x.org>\n${after}\nHi Jane`).body;
    expect(web('To me')).toBe('Hi Jane');
    expect(web('CC Bob')).toBe('Hi Jane');
    expect(web('a while ago')).toBe('a while ago\nHi Jane');
  });

  it('quoted-printable detection looks at the first 50 "=" signs only', () => {
    expect(parseEmail(`${'a=\n'.repeat(50)}b=3Dc`).body).toBe(`${'a=\n'.repeat(50)}b=3Dc`);
    expect(parseEmail(`${'a=\n'.repeat(49)}b=3Dc`).body).toBe(`${'a'.repeat(49)}b=c`);
  });
});
