/**
 * utils/email/phone.ts, one rule at a time: only a labelled line counts, the label starts the line,
 * the number ends it, it has at least seven digits, and only the end of the text is looked at (the
 * last 40 lines of the last 8 KB, lines of at most 100 characters).
 */
import { describe, expect, it } from 'vitest';
import { findPhone } from '../../../../utils/email/phone';

describe('findPhone', () => {
  it.each([
    ['Phone: +1 608 555 0100', '+1 608 555 0100'],
    ['Tel.: 030 1234 5678', '030 1234 5678'],
    ['Mobile +49 171 2345678', '+49 171 2345678'],
    ['téléphone : 01 23 45 67 89', '01 23 45 67 89'],
    ['Office (direct): 608-555-0100', '608-555-0100'],
    ['Phone: 608.555.0100 x 42', '608.555.0100 x 42'],
    ['Cell: 0608/555 0100', '0608/555 0100'],
  ])('a labelled line "%s" gives its number', (line, phone) => {
    expect(findPhone(`Thanks,\nJane Doe\n${line}`)).toBe(phone);
  });

  it('a number the label does not start the line for is not a phone', () => {
    expect(findPhone('Thanks,\nOur phone: 608 555 0100')).toBe('');
  });

  it('a line that goes on after the number is not a phone line', () => {
    expect(findPhone('Phone: 608 555 0100 (office hours only)')).toBe('');
    expect(findPhone('Office: 1234 5678 90ab')).toBe('');
  });

  it('only a dot, white space, a note in parentheses and ":" or "." may stand between label and number', () => {
    expect(findPhone('Office-ID: 1234 5678 90')).toBe('');
    expect(findPhone('Tel.:030 1234 5678')).toBe('030 1234 5678');
  });

  it('an indented signature line with trailing spaces is read', () => {
    expect(findPhone('Jane\n    Phone: 608 555 0100   \n')).toBe('608 555 0100');
  });

  it('a label glued to a word or digits is no label', () => {
    expect(findPhone('Phonebook 608 555 0100')).toBe('');
    expect(findPhone('tel1 608 555 0100')).toBe('');
  });

  it('fewer than seven digits is no phone number; seven is', () => {
    expect(findPhone('Phone: 555-010')).toBe('');
    expect(findPhone('Phone: 555-0100')).toBe('555-0100');
  });

  it('a bullet or table bar before the label is ignored', () => {
    expect(findPhone('| Phone: 608 555 0100')).toBe('608 555 0100');
    expect(findPhone('* Tel: 608 555 0100')).toBe('608 555 0100');
    expect(findPhone('- Mobile: 608 555 0100')).toBe('608 555 0100');
    expect(findPhone('*Tel: 608 555 0100')).toBe('608 555 0100');
  });

  it('the last labelled line wins (the signature is at the end)', () => {
    expect(findPhone('Phone: 111 222 3333\ntext\nPhone: 444 555 6666\nJane')).toBe('444 555 6666');
  });

  it('a phone line on the very first line is found', () => {
    expect(findPhone('Phone: 608 555 0100\nJane')).toBe('608 555 0100');
  });

  it('lines longer than 100 characters are skipped; 100 is still read', () => {
    const at100 = `Phone:${' '.repeat(100 - 'Phone:'.length - '608 555 0100'.length)}608 555 0100`;
    expect(at100.length).toBe(100);
    expect(findPhone(at100)).toBe('608 555 0100');
    expect(findPhone(`Phone:${' '.repeat(200)}608 555 0100`)).toBe('');
  });

  it('only the last 40 lines are looked at', () => {
    const tail = (n: number) => `Phone: 608 555 0100\n${'line\n'.repeat(n - 1)}last`;
    expect(findPhone(tail(39))).toBe('608 555 0100');
    expect(findPhone(tail(40))).toBe('');
  });

  it('only the last 8 KB of the text are looked at', () => {
    expect(findPhone(`Phone: 608 555 0100\n${'x'.repeat(9000)}`)).toBe('');
    expect(findPhone(`Phone: 608 555 0100\n${'x'.repeat(8000)}`)).toBe('608 555 0100');
  });

  it('the number is 7 to 30 characters from its first to its last digit', () => {
    expect(findPhone('Phone: 5550100')).toBe('5550100');
    expect(findPhone(`Phone: ${'1'.repeat(30)}`)).toBe('1'.repeat(30));
    expect(findPhone(`Phone: ${'1'.repeat(31)}`)).toBe('');
  });

  it('an extension does not make a too-short number long enough', () => {
    expect(findPhone('Phone: 123456 x 12')).toBe('');
  });

  it('an extension is "x" or "ext" (with or without a dot) and 1 to 6 digits', () => {
    expect(findPhone('Phone: 608 555 0100 ext 12')).toBe('608 555 0100 ext 12');
    expect(findPhone('Phone: 608 555 0100 x123456')).toBe('608 555 0100 x123456');
    expect(findPhone('Phone: 608 555 0100x12')).toBe('608 555 0100x12');
    expect(findPhone('Phone: 608 555 0100 x1234567')).toBe('');
  });

  it('a note in parentheses after the label is 1 to 20 characters', () => {
    expect(findPhone(`Phone (${'a'.repeat(20)}): 608 555 0100`)).toBe('608 555 0100');
    expect(findPhone(`Phone (${'a'.repeat(21)}): 608 555 0100`)).toBe('');
    expect(findPhone('Phone (): 608 555 0100')).toBe('');
  });

  it('no labelled line: no phone', () => {
    expect(findPhone('')).toBe('');
    expect(findPhone('Job 123456789 failed at 2025-01-06 10:00:00')).toBe('');
  });
});
