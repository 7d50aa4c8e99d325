/**
 * parseEmail and its layers one rule at a time: addresses, subjects, encoded-words,
 * quoted-printable, base64, HTML text, header blocks, the history note's bound, bad input.
 */
import { describe, expect, it } from 'vitest';
import { EARLIER_MAX, INPUT_MAX, parseEmail } from '../../../../utils/email';
import { parseAddressList, parseMailbox, readHeaderBlock, stripSubjectPrefixes } from '../../../../utils/email/headers';
import { decodeBase64, decodeBytes, decodeEncodedWords, decodeQuotedPrintable, htmlToText } from '../../../../utils/email/mime';
import { findPhone } from '../../../../utils/email/phone';

describe('parseMailbox', () => {
  it.each([
    ['Jane Doe <Jane@X.edu>', 'Jane Doe', 'jane@x.edu'],
    ['"Doe, Jane" <jane@x.edu>', 'Doe, Jane', 'jane@x.edu'],
    ['jane@x.edu (Jane Doe)', 'Jane Doe', 'jane@x.edu'],
    ['jane@x.edu', '', 'jane@x.edu'],
    ['<jane@x.edu>', '', 'jane@x.edu'],
    ["'Jane Doe' <jane@x.edu>", 'Jane Doe', 'jane@x.edu'],
    ['Jane Doe [mailto:jane@x.edu]', 'Jane Doe', 'jane@x.edu'],
    ['jane@x.edu <jane@x.edu>', '', 'jane@x.edu'],
    ['"Jane \\"JD\\" Doe" <jane@x.edu>', 'Jane "JD" Doe', 'jane@x.edu'],
    ['*Kenji Tanaka* <k@kek.jp>', 'Kenji Tanaka', 'k@kek.jp'],
    ['Jane Doe jane@x.edu', 'Jane Doe', 'jane@x.edu'],
    ['Jürgen Müller <jm@kit.edu>', 'Jürgen Müller', 'jm@kit.edu'],
    ['Jane Doe', 'Jane Doe', ''],
    ['', '', ''],
  ])('%s', (raw, name, address) => {
    expect(parseMailbox(raw)).toEqual({ name, address });
  });

  it('address lists split at commas and semicolons outside quotes and brackets', () => {
    expect(parseAddressList('"Doe, Jane" <jane@x.edu>, bob@y.org; Ann <ann@z.net>, jane@x.edu')).toEqual(['jane@x.edu', 'bob@y.org', 'ann@z.net']);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });
});

describe('stripSubjectPrefixes', () => {
  it.each([
    ['Re: Re: RE: Fwd: x', 'x', false],
    ['FW: problem', 'problem', true],
    ['AW: WG: Frage', 'Frage', false],
    ['WG: AW: Frage', 'Frage', true],
    ['SV: Antw: TR: x', 'x', false],
    ['Re[2]: x', 'x', false],
    ['RE : x', 'x', false],
    ['Fwd:FW: x', 'x', true],
    ['回复：问题', '问题', false],
    ['Error: job held', 'Error: job held', false],
    ['Re:', '', false],
    ['Regarding: x', 'Regarding: x', false],
  ])('%s', (subject, stripped, forwarded) => {
    expect(stripSubjectPrefixes(subject)).toEqual({ subject: stripped, forwarded });
  });
});

describe('MIME decoding', () => {
  it('decodes Q and B encoded-words and joins adjacent ones', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@kit.edu>')).toBe('Jürgen Müller <jm@kit.edu>');
    expect(decodeEncodedWords('=?utf-8?B?SsO8cmdlbg==?= =?utf-8?Q?_M=C3=BCller?=')).toBe('Jürgen Müller');
    expect(decodeEncodedWords('Re: =?ISO-8859-1?Q?Probl=E8me?= avec')).toBe('Re: Problème avec');
  });

  it('keeps a malformed encoded-word as written and reports an unknown charset', () => {
    expect(decodeEncodedWords('=?UTF-8?X?abc?= and =?broken')).toBe('=?UTF-8?X?abc?= and =?broken');
    const unknown: string[] = [];
    expect(decodeEncodedWords('=?x-nonsense?Q?caf=C3=A9?=', (cs) => unknown.push(cs))).toBe('café');
    expect(unknown).toEqual(['x-nonsense']);
  });

  it('quoted-printable: soft breaks, escapes split over a soft break, lone "=" kept', () => {
    expect(decodeQuotedPrintable('a=\nb =3D c=20\nd')).toBe('ab = c \nd');
    expect(decodeQuotedPrintable('escribi=C3=\n=B3:')).toBe('escribió:');
    expect(decodeQuotedPrintable('x = y, a==b, =ZZ, end=')).toBe('x = y, a==b, =ZZ, end');
    expect(decodeQuotedPrintable('caf=E9', 'iso-8859-1')).toBe('café');
    expect(decodeQuotedPrintable('soft =  \nbreak')).toBe('soft break');
  });

  it('base64 skips line breaks and junk; bytes decode in their charset', () => {
    expect(decodeBytes(decodeBase64('SGVs\nbG8g\r\nd29y bGQ='), 'utf-8')).toBe('Hello world');
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'windows-1252')).toBe('café');
  });

  it('HTML text: tags, scripts, styles and comments dropped; entities decoded; <pre> kept', () => {
    const html = '<html><head><title>t</title><style>p{}</style></head><body><p>a &amp; b&nbsp;c</p><!-- x --><script>bad()</script>' +
      '<div>one<br>two</div><pre>  keep   spaces\n  here</pre><table><tr><td>x</td><td>y</td></tr></table>a < b</body></html>';
    expect(htmlToText(html)).toBe('a & b c\n\none\ntwo\n\n  keep   spaces\n  here\n\nx y\n\na < b');
    // Gmail: a <div> per line, <div><br></div> for a blank line.
    expect(htmlToText('<div>Hello,</div><div><br></div><div>text</div><div><div>nested</div></div>')).toBe('Hello,\n\ntext\nnested');
    expect(htmlToText('<p>unclosed <b')).toBe('unclosed <b');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });
});

describe('header blocks', () => {
  it('unfolds folded lines and stops at the blank line', () => {
    const lines = ['Subject: a long', '  subject line', 'From: Jane <j@x.org>', 'X-Custom: 1', '', 'Body: not a header'];
    const block = readHeaderBlock(lines, 0, true)!;
    expect(block.fields.get('subject')).toBe('a long subject line');
    expect(block.end).toBe(5);
  });

  it('a block not ended by a blank line ends after its last known field', () => {
    const lines = ['From: Jane <j@x.org>', 'Subject: help', 'Error: job held', 'more text'];
    const block = readHeaderBlock(lines, 0, true)!;
    expect(block.end).toBe(2);
    expect([...block.fields.keys()]).toEqual(['from', 'subject']);
    const parsed = parseEmail(lines.join('\n'));
    expect(parsed.body).toBe('Error: job held\nmore text');
  });

  it('a letter that starts "To: the OSG team" keeps that line; "Subject:" or an address alone is a header', () => {
    expect(parseEmail('To: the OSG team\n\nOur CE is down.').body).toBe('To: the OSG team\n\nOur CE is down.');
    expect(parseEmail('Subject: CE down\n\nOur CE is down.')).toMatchObject({ subject: 'CE down', body: 'Our CE is down.' });
    expect(parseEmail('From: a@b.org\n\nOur CE is down.')).toMatchObject({ fromAddress: 'a@b.org', body: 'Our CE is down.' });
    expect(parseEmail('Message-ID: <x@y>\n\nOur CE is down.').body).toBe('Our CE is down.');
  });

  it('a first line like "Error: x" is not a header block', () => {
    expect(readHeaderBlock(['Error: job held', '', 'text'], 0, true)).toBeNull();
    const parsed = parseEmail('Error: job held\n\nwhat now?');
    expect(parsed.body).toBe('Error: job held\n\nwhat now?');
    expect(parsed.fromAddress).toBe('');
  });
});

describe('parseEmail', () => {
  it('empty, blank and non-string input give a problem, not an exception', () => {
    for (const input of ['', '   \n\n\t', undefined as unknown as string, 42 as unknown as string]) {
      const parsed = parseEmail(input);
      expect(parsed.body).toBe('');
      expect(parsed.problems).toEqual([expect.stringContaining('Nothing to read')]);
    }
  });

  it('CR LF line ends are read; control characters are dropped and counted', () => {
    const parsed = parseEmail('From: a@b.org\r\nSubject: x\r\n\r\nline one\x00\x07\r\nline two');
    expect(parsed.body).toBe('line one\nline two');
    expect(parsed.problems).toEqual(['2 control characters (not text) were removed from the pasted text.']);
  });

  it('an encoded subject or name with line breaks comes out as one line', () => {
    const parsed = parseEmail('From: =?UTF-8?Q?Jane=0D=0ADoe?= <j@x.org>\nSubject: =?UTF-8?B?Q0UKZG93bg==?=\n\ntext');
    expect(parsed.fromName).toBe('Jane Doe');
    expect(parsed.subject).toBe('CE down');
  });

  it('binary junk is reported as such', () => {
    let junk = '';
    for (let i = 0; i < 4000; i++) junk += String.fromCharCode((i * 7919) % 256);
    const parsed = parseEmail(junk);
    expect(parsed.problems[0]).toMatch(/looks like binary data/);
  });

  it('input over the cap is cut and the user told', () => {
    const parsed = parseEmail(`Subject: x\nFrom: a@b.org\n\n${'y'.repeat(INPUT_MAX)}`);
    expect(parsed.problems).toEqual([expect.stringMatching(/^The pasted text is 256 KB long; only its first 256 KB were read\.$/)]);
    expect(parsed.body.length).toBe(INPUT_MAX - 'Subject: x\nFrom: a@b.org\n\n'.length);
  });

  it('long quoted history is cut with a "[…]" mark and a problem', () => {
    const history = Array.from({ length: 400 }, (_, i) => `> line ${i} of the old thread`).join('\n');
    const parsed = parseEmail(`From: a@b.org\nSubject: x\n\nMy question.\n\nOn Mon, Jan 6, 2025, Jane <j@x.org> wrote:\n${history}`);
    expect(parsed.body).toBe('My question.');
    expect(parsed.earlier.length).toBeLessThan(EARLIER_MAX + 100);
    expect(parsed.earlier).toMatch(/\n\[…\] \(\d+ more characters of earlier messages not shown\)$/);
    expect(parsed.earlier.startsWith('On Mon, Jan 6, 2025, Jane <j@x.org> wrote:\n> line 0 of the old thread')).toBe(true);
    expect(parsed.problems).toEqual(['The earlier messages quoted in the e-mail were shortened to 4 KB.']);
  });

  it('only quoted text: the whole e-mail becomes the body, with a problem', () => {
    const parsed = parseEmail('From: a@b.org\nSubject: x\n\n> only a quote\n> nothing else');
    expect(parsed.body).toBe('> only a quote\n> nothing else');
    expect(parsed.earlier).toBe('');
    expect(parsed.problems).toEqual([expect.stringContaining('No new text above the quoted history')]);
  });

  it('a multipart message without a text part says so', () => {
    const mail = 'From: a@b.org\nSubject: pic\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n';
    const parsed = parseEmail(mail);
    expect(parsed.body).toBe('');
    expect(parsed.problems).toEqual([expect.stringContaining('no text part'), expect.stringContaining('has no text')]);
  });

  it('a quoted-printable body without headers is decoded only when it clearly is one', () => {
    expect(parseEmail('export FOO=\nbar baz').body).toBe('export FOO=\nbar baz');
    expect(parseEmail('a=3Db and=\n more=\n text').body).toBe('a=b and more text');
  });

  it('self-forward without a From line: the forwarded sender, the note kept in earlier', () => {
    const parsed = parseEmail('FYI\n\n---------- Forwarded message ---------\nFrom: Ann <ann@z.net>\nDate: today\nSubject: Re: Broken\nTo: me@x.org\n\nIt is broken.');
    expect(parsed).toMatchObject({ fromName: 'Ann', fromAddress: 'ann@z.net', subject: 'Broken', date: 'today', body: 'It is broken.', earlier: 'Forwarded with this note:\nFYI' });
  });

  it('a forward banner with no readable header block keeps the text in earlier (nothing lost)', () => {
    const parsed = parseEmail('From: a@b.org\nSubject: Fwd: x\n\nSee below.\n\n---------- Forwarded message ---------\nsomething without headers');
    expect(parsed.fromAddress).toBe('a@b.org');
    expect(parsed.body).toBe('See below.');
    expect(parsed.earlier).toBe('---------- Forwarded message ---------\nsomething without headers');
  });

  it('finds a labelled phone number in the signature', () => {
    const parsed = parseEmail('From: a@b.org\nSubject: x\n\nHelp please.\n\nJane Doe\nPhone: +1 (608) 555-0100\nJob 1234567 failed');
    expect(parsed.phone).toBe('+1 (608) 555-0100');
    expect(findPhone('Tel.: 030 1234 5678 ext. 12')).toBe('030 1234 5678 ext. 12');
    expect(findPhone('Job 123456789 failed\n2025-01-06 10:00:00')).toBe('');
    expect(parseEmail('From: a@b.org\nSubject: x\n\nno phone').phone).toBeUndefined();
  });
});
