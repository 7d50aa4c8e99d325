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
