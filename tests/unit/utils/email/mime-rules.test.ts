/**
 * utils/email/mime.ts, one rule at a time: hex and base64 alphabets, quoted-printable soft breaks
 * and escapes, encoded-word limits, Content-Type parameters, and the HTML-to-text line rules.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBytes, decodeEncodedWords, decodeQuotedPrintable, htmlToText, parseContentType } from '../../../../utils/email/mime';

const b64 = (text: string) => decodeBytes(decodeBase64(text), 'utf-8');

describe('decodeBytes', () => {
  it('an empty charset is UTF-8; an unknown one is read as UTF-8 and reported as written', () => {
    expect(decodeBytes(new Uint8Array([0xc3, 0xa9]), '  ')).toBe('é');
    const seen: string[] = [];
    expect(decodeBytes(new Uint8Array([0xc3, 0xa9]), ' X-Bogus ', (cs) => seen.push(cs))).toBe('é');
    expect(seen).toEqual([' X-Bogus ']);
    expect(decodeBytes(new Uint8Array([0xe9]), ' ISO-8859-1 ')).toBe('é');
  });
});

describe('decodeQuotedPrintable', () => {
  it('hex digits in upper and lower case; letters past F are no escape', () => {
    expect(decodeQuotedPrintable('=41=61=30=39=46=66')).toBe('Aa09Ff');
    expect(decodeQuotedPrintable('=3d=3D')).toBe('==');
    expect(decodeQuotedPrintable('=4G =G4 =/0 =:0 =@0 =`0 =g0')).toBe('=4G =G4 =/0 =:0 =@0 =`0 =g0');
  });

  it('"=" before spaces or tabs and the line end (or the text end) is a soft break', () => {
    expect(decodeQuotedPrintable('a=\t \nb')).toBe('ab');
    expect(decodeQuotedPrintable('a=  ')).toBe('a');
    expect(decodeQuotedPrintable('a= x\nb')).toBe('a= x\nb');
  });

  it('a soft break allows at most 16 spaces after the "="', () => {
    expect(decodeQuotedPrintable(`a=${' '.repeat(15)}\nb`)).toBe('ab');
    expect(decodeQuotedPrintable(`a=${' '.repeat(17)}\nb`)).toBe(`a=${' '.repeat(17)}\nb`);
  });

  it('escapes around literal text decode in order', () => {
    expect(decodeQuotedPrintable('x=C3=A9y=C3=A9')).toBe('xéyé');
    expect(decodeQuotedPrintable('=C3=A9')).toBe('é');
    expect(decodeQuotedPrintable('')).toBe('');
  });
});

describe('decodeBase64', () => {
  it('reads both alphabets, all edges included', () => {
    expect([...decodeBase64('AZaz09+/')]).toEqual([1, 150, 179, 211, 223, 191]);
    expect([...decodeBase64('AZaz09-_')]).toEqual([1, 150, 179, 211, 223, 191]);
  });

  it('"=" ends the data; other characters are skipped', () => {
    expect(b64('SGk=SGk=')).toBe('Hi');
    expect(b64('S!G@k#')).toBe('Hi');
    expect(b64('')).toBe('');
  });
});

describe('decodeEncodedWords', () => {
  it('the mode letter may be lower case; a language after "*" is ignored', () => {
    expect(decodeEncodedWords('=?utf-8?q?caf=C3=A9?=')).toBe('café');
    expect(decodeEncodedWords('=?utf-8?b?Y2Fmw6k=?=')).toBe('café');
    expect(decodeEncodedWords('=?UTF-8*en?Q?hi?=')).toBe('hi');
  });

  it('underscores in Q words are spaces', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?a_b?=')).toBe('a b');
  });

  it('text between words is kept unless it is only white space between two words', () => {
    expect(decodeEncodedWords('x =?UTF-8?Q?a?= y =?UTF-8?Q?b?= z')).toBe('x a y b z');
    expect(decodeEncodedWords('=?UTF-8?Q?a?=  \t =?UTF-8?Q?b?=')).toBe('ab');
    expect(decodeEncodedWords('  =?UTF-8?Q?a?=')).toBe('  a');
  });

  it('a word longer than 600 characters or with a charset of 57+ characters is kept as written', () => {
    const long = `=?UTF-8?Q?${'a'.repeat(600)}?=`;
    expect(decodeEncodedWords(long)).toBe(long);
    const ok = `=?UTF-8?Q?${'a'.repeat(588)}?=`;
    expect(ok.length).toBe(600);
    expect(decodeEncodedWords(ok)).toBe('a'.repeat(588));
    const cs = `=?${'u'.repeat(58)}?Q?a?=`;
    expect(decodeEncodedWords(cs)).toBe(cs);
  });

  it('a word ends at the first "?=" after its mode, even past another "=?"', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?a =?UTF-8?Q?b?=')).toBe('a =?UTF-8?Q?b');
  });
});

describe('parseContentType', () => {
  it('type lower-cased, charset lower-cased and unquoted, boundary kept as written', () => {
    expect(parseContentType('Multipart/Mixed; Boundary="AbC=1"; CHARSET="UTF-8"; name')).toEqual({ type: 'multipart/mixed', charset: 'utf-8', boundary: 'AbC=1' });
    expect(parseContentType('')).toEqual({ type: 'text/plain', charset: 'utf-8', boundary: '' });
    expect(parseContentType('text/plain; charset="')).toEqual({ type: 'text/plain', charset: '"', boundary: '' });
  });
});

describe('htmlToText rules', () => {
  it('line tags end a line; paragraph tags stand apart; cells are spaced', () => {
    expect(htmlToText('a<li>b</li><h2>c</h2>d<hr>e<table><tr><th>x</th><th>y</th></tr></table>')).toBe('a\nb\n\nc\n\nd\ne\n\nx y');
  });

  it('script, style and head content is skipped to the closing tag, or to the end', () => {
    expect(htmlToText('a<script type="x">b</p>c</script >d')).toBe('ad');
    expect(htmlToText('a<style>b')).toBe('a');
    expect(htmlToText('a<script>b</scriptx>c</script>d')).toBe('ad');
  });

  it('declarations and processing instructions are dropped; an unclosed comment ends the text', () => {
    expect(htmlToText('<!DOCTYPE html><?xml x?>a<!-- b')).toBe('a');
  });

  it('white space collapses outside <pre>, line breaks in <pre> are kept', () => {
    expect(htmlToText('a   b\n c <pre>x\n  y</pre>')).toBe('a b c\n\nx\n  y');
    expect(htmlToText('<b>a</b> <i>b</i>')).toBe('a b');
  });

  it('more than one blank line in a row becomes one; none at the ends', () => {
    expect(htmlToText('<p></p><p>a</p><br><br><br><p>b</p><p></p>')).toBe('a\n\nb');
  });
});

describe('mime edges', () => {
  it('an unknown charset without a callback is still read as UTF-8', () => {
    expect(decodeBytes(new Uint8Array([0xc3, 0xa9]), 'x-bogus')).toBe('é');
  });

  it('quoted-printable: "=00" is the byte 0; text without escapes never asks about the charset', () => {
    expect(decodeQuotedPrintable('a=00b')).toBe('a\0b');
    const seen: string[] = [];
    expect(decodeQuotedPrintable('plain text', 'x-bogus', (cs) => seen.push(cs))).toBe('plain text');
    expect(seen).toEqual([]);
    expect(decodeQuotedPrintable('=41', 'x-bogus', (cs) => seen.push(cs))).toBe('A');
    expect(seen).toEqual(['x-bogus']);
  });

  it('quoted-printable: a soft break allows exactly 16 spaces after the "="', () => {
    expect(decodeQuotedPrintable(`a=${' '.repeat(16)}\nb`)).toBe('ab');
    expect(decodeQuotedPrintable(`a=${' '.repeat(16)}`)).toBe('a');
  });

  it('quoted-printable: more than a million escapes in a row all come out', () => {
    const count = (1 << 20) + 5;
    const out = decodeQuotedPrintable('=41'.repeat(count));
    expect(out.length).toBe(count);
    expect(out.endsWith('AAAAA')).toBe(true);
  });

  it('base64: characters just outside the alphabet are skipped', () => {
    // '@' '[' '`' '{' ':' ',' '.' around A-Z, a-z, 0-9, '+', '/'.
    expect(b64('S@G[k`{:,.')).toBe('Hi');
    expect(b64('SGVsbG8sIHdvcmxkIQ')).toBe('Hello, world!');
  });

  it('an empty encoded-word decodes to nothing; text without one is returned as is', () => {
    expect(decodeEncodedWords('a=?UTF-8?Q??=b')).toBe('ab');
    expect(decodeEncodedWords('plain = text ?')).toBe('plain = text ?');
    expect(decodeEncodedWords('')).toBe('');
  });

  it('an encoded-word needs a "?" right after its mode letter, and a B or Q mode', () => {
    expect(decodeEncodedWords('=?UTF-8?QX?a?=')).toBe('=?UTF-8?QX?a?=');
    expect(decodeEncodedWords('=?UTF-8?A?a?= =?UTF-8?C?a?= =?UTF-8?P?a?= =?UTF-8?R?a?=')).toBe('=?UTF-8?A?a?= =?UTF-8?C?a?= =?UTF-8?P?a?= =?UTF-8?R?a?=');
    expect(decodeEncodedWords('=?UTF-8?')).toBe('=?UTF-8?');
    expect(decodeEncodedWords(`=?${'u'.repeat(57)}?Q?a?=`)).toBe('a');
  });

  it('after a malformed start, a later encoded-word is still read', () => {
    expect(decodeEncodedWords('=?x =?UTF-8?Q?a?= =?UTF-8?Q?b?=')).toBe('=?x ab');
    expect(decodeEncodedWords('=?UTF-8?Q?a?= mid =?bad =?UTF-8?B?Yg==?=')).toBe('a mid =?bad b');
  });

  it('Content-Type: parameters without "=" or past 4 KB are not read; empty quotes are an empty value', () => {
    expect(parseContentType('text/plain; charsetX').charset).toBe('utf-8');
    expect(parseContentType(`multipart/mixed;${' '.repeat(4100)}boundary=b`).boundary).toBe('');
    expect(parseContentType('multipart/mixed; boundary=""').boundary).toBe('');
    expect(parseContentType('multipart/mixed; boundary="a"b').boundary).toBe('"a"b');
    expect(parseContentType(' Text/HTML ; charset= ISO-8859-1 ')).toEqual({ type: 'text/html', charset: 'iso-8859-1', boundary: '' });
  });
});

describe('htmlToText edges', () => {
  it('a tag name runs on over letters and digits: <bra>, <brz>, <br0>, <br9> are no <br>', () => {
    expect(htmlToText('1<bra>2<brz>3<br0>4<br9>5')).toBe('12345');
    expect(htmlToText('1<BR>2<br/>3<br{>4<br@>5')).toBe('1\n2\n3\n4\n5');
  });

  it('"<" before a digit, or a "</" without a name, is text or a dropped tag as written', () => {
    expect(htmlToText('a <1> b')).toBe('a <1> b');
    expect(htmlToText('a</ >b')).toBe('ab');
  });

  it('a stray closing </script> skips nothing; an unclosed </script ends the text', () => {
    expect(htmlToText('a</script>b')).toBe('ab');
    expect(htmlToText('a<script>b</script')).toBe('a');
  });

  it('a comment ends at the first "-->" after its own "<!--"', () => {
    expect(htmlToText('a--><!-- c -->b')).toBe('a-->b');
  });

  it('text after </pre> collapses again; a stray </pre> does not start one', () => {
    expect(htmlToText('<pre>x\n y</pre>a   b')).toBe('x\n y\n\na b');
    expect(htmlToText('</pre>a   b<pre>c\n d</pre>')).toBe('a b\n\nc\n d');
  });

  it('a <pre> line of only spaces is a blank line; a <pre> of only spaces leaves nothing', () => {
    expect(htmlToText('<pre>a\n   \nb</pre>')).toBe('a\n\nb');
    expect(htmlToText('<pre> </pre>b')).toBe('b');
  });

  it('a leading space never starts a line; spaces between inline tags are one', () => {
    expect(htmlToText('<div> a</div>')).toBe('a');
    expect(htmlToText('<b>a </b> b')).toBe('a b');
    expect(htmlToText('a<b> </b>b')).toBe('a b');
    expect(htmlToText('<td>a</td><td> b</td>')).toBe('a b');
  });

  it('an empty line tag adds no blank line; paragraphs add one, never two', () => {
    expect(htmlToText('<div>a</div><div></div><div>b</div>')).toBe('a\nb');
    expect(htmlToText('a<p></p><p></p>b')).toBe('a\n\nb');
    expect(htmlToText('<p>a</p>')).toBe('a');
  });
});

describe('mime edges, continued', () => {
  it('Content-Type: the first part is the type, never a parameter; a value quoted on one side keeps its quote', () => {
    expect(parseContentType('charset=x')).toEqual({ type: 'charset=x', charset: 'utf-8', boundary: '' });
    expect(parseContentType('multipart/mixed; boundary=ab"')).toMatchObject({ boundary: 'ab"' });
  });

  it('text ending in a space before a tag keeps one space; a line end drops trailing spaces', () => {
    expect(htmlToText('a <b>b</b>')).toBe('a b');
    expect(htmlToText('a <br>b')).toBe('a\nb');
  });

  it('lower-case hex digits a-f are escapes too; a blank charset is UTF-8 without a report', () => {
    expect(decodeQuotedPrintable('=4a=4f=6a=6f')).toBe('JOjo');
    const seen: string[] = [];
    expect(decodeBytes(new Uint8Array([0xc3, 0xa9]), '  ', (cs) => seen.push(cs))).toBe('é');
    expect(seen).toEqual([]);
  });
});

describe('htmlToText tag tables (mutation-tested rules)', () => {
  it.each(['div', 'tr', 'li', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'title', 'hr'])('<%s> ends a line', (tag) => {
    expect(htmlToText(`a<${tag}>b`)).toBe('a\nb');
    expect(htmlToText(`a<${tag.toUpperCase()}>b`)).toBe('a\nb');
  });

  it.each(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'blockquote', 'ul', 'ol'])('<%s> stands apart as a paragraph', (tag) => {
    expect(htmlToText(`a<${tag}>b</${tag}>c`)).toBe('a\n\nb\n\nc');
  });

  it('an unknown tag is dropped and ends nothing', () => {
    expect(htmlToText('a<span>b</span><font>c</font>d')).toBe('abcd');
  });
});

describe('htmlToText blank lines (mutation-tested rules)', () => {
  it('spaces before a line tag inside <pre> leave no blank line', () => {
    expect(htmlToText('<pre>a\n  <div>b</div></pre>')).toBe('a\nb');
  });

  it('several <pre> lines of only spaces are one blank line', () => {
    expect(htmlToText('<pre>a\n\n   \n \nb</pre>')).toBe('a\n\nb');
  });

  it('a script right after its tag is skipped, the text after its closing tag kept', () => {
    expect(htmlToText('<script>x</script>after')).toBe('after');
    expect(htmlToText('a<style>p{}</style>b')).toBe('ab');
  });
});

describe('encoded-words and Content-Type (mutation-tested rules)', () => {
  it('a word of 602 characters ("=?" to "?=" at most 600 apart) is read; one of 603 is kept as written', () => {
    const read = `=?UTF-8?Q?${'a'.repeat(590)}?=`;
    expect(read.length).toBe(602);
    expect(decodeEncodedWords(read)).toBe('a'.repeat(590));
    const kept = `=?UTF-8?Q?${'a'.repeat(591)}?=`;
    expect(decodeEncodedWords(kept)).toBe(kept);
  });

  it('the 600-character limit is the word\'s own length, wherever it starts', () => {
    expect(decodeEncodedWords(`${'x'.repeat(700)} =?UTF-8?Q?a?=`)).toBe(`${'x'.repeat(700)} a`);
  });

  it('a Q payload may start with an escape', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?=41b?=')).toBe('Ab');
  });

  it('after a word too long to read, the next word is read, also one whose payload starts with an escape', () => {
    const long = `=?UTF-8?Q?${'a'.repeat(600)}`;
    expect(decodeEncodedWords(`${long} =?UTF-8?Q?=41?=`)).toBe(`${long} A`);
  });

  it('Content-Type: parameters other than charset and boundary are ignored', () => {
    expect(parseContentType('multipart/mixed; boundary="b1"; format=flowed; name=x.txt')).toEqual({ type: 'multipart/mixed', charset: 'utf-8', boundary: 'b1' });
  });

  it('a charset label in capitals is the same charset', () => {
    expect(decodeBytes(new Uint8Array([0xe9]), 'ISO-8859-1')).toBe('é');
    expect(decodeQuotedPrintable('caf=E9', 'WINDOWS-1252')).toBe('café');
  });
});

describe('encoded-word starts (mutation-tested rules)', () => {
  it('a "=?" with no "?" after it starts no word, whatever comes before it', () => {
    expect(decodeEncodedWords('q?x=?=')).toBe('q?x=?=');
    expect(decodeEncodedWords('B?ab =?=')).toBe('B?ab =?=');
  });
});
