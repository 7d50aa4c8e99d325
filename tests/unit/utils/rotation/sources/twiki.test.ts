import { parseTwikiHtml, parseTwikiTml, tmlToText } from '../../../../../utils/rotation/sources/twiki';
import { fixture, weekMap } from '../helpers';

const FIRST_WEEKS = {
  '2012-02-13': 'Alain Roy',
  '2012-02-20': 'Mat Selmeci',
  '2012-02-27': 'Tim Cartwright',
};

describe('TWiki raw topic text (?raw=text)', () => {
  it('reads rows in all three TWiki date formats', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/simple-three-formats.txt')))).toEqual({
      ...FIRST_WEEKS,
      '2012-03-05': 'Brian Lin',
    });
  });

  it('uses the *bold* header to find the person column among extra columns', () => {
    const result = parseTwikiTml(fixture('twiki/header-extra-columns.txt'));
    expect(weekMap(result)).toEqual({ ...FIRST_WEEKS, '2012-03-05': 'Brian Lin' });
    expect(result.ok && result.format).toBe('twiki-tml');
  });

  it('turns wiki links and WikiNames into names', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/wiki-links.txt')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
      '2012-02-27': 'Brian Lin',
      '2012-03-05': 'Carl Edquist',
      '2012-03-12': 'Suchandra Thapa',
    });
  });

  it('strips emphasis and colour, and a struck-out name gives way to its replacement', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/formatting.txt')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
      '2012-02-27': 'Brian Lin',
      '2012-03-05': 'Tim Theisen',
      '2012-03-12': 'Carl Edquist',
      '2012-03-19': 'Suchandra Thapa',
    });
  });

  it('picks the rotation table, not another dated table on the topic', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/two-tables.txt')))).toEqual(FIRST_WEEKS);
  });

  it('reads date ranges, weekday prefixes, "Feb 27, 2012" and moves a Sunday start to Monday', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/ranges-and-weekdays.txt')))).toEqual({
      ...FIRST_WEEKS,
      '2012-03-05': 'Brian Lin',
    });
  });

  it('skips TBD and empty rows with a warning', () => {
    const result = parseTwikiTml(fixture('twiki/placeholders.txt'));
    expect(weekMap(result)).toEqual({ '2012-02-13': 'Alain Roy', '2012-03-12': 'Brian Lin' });
    expect(result.ok && result.warnings.join(' ')).toMatch(/3 dated row\(s\) name no person/);
  });

  it('ignores %TABLE% settings, comments and joins continued lines', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/continuation-and-comments.txt')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
    });
  });

  it('finds the person column when it comes before the date', () => {
    expect(weekMap(parseTwikiTml(fixture('twiki/person-first.txt')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
      '2012-02-27': 'Brian Lin',
    });
  });

  it('a topic without a table is an error that says what was expected', () => {
    const result = parseTwikiTml(fixture('twiki/no-table.txt'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/13-Feb-2012/);
  });

  it('a later row for the same week wins, with a warning', () => {
    const result = parseTwikiTml('| 13-Feb-2012 | Alain Roy |\n| 15-Feb-2012 | Mat Selmeci |');
    expect(weekMap(result)).toEqual({ '2012-02-13': 'Mat Selmeci' });
    expect(result.ok && result.warnings[0]).toMatch(/Week of 2012-02-13/);
  });
});

describe('TWiki rendered page (HTML table)', () => {
  it('reads a PatternSkin table with sortable <th> headers, links and <del>', () => {
    const result = parseTwikiHtml(fixture('twiki/rendered.html'));
    expect(weekMap(result)).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
      '2012-02-27': 'Brian Lin',
    });
    expect(result.ok && result.format).toBe('twiki-html');
  });

  it('treats a row of bold cells as the header and ignores the other table', () => {
    expect(weekMap(parseTwikiHtml(fixture('twiki/rendered-bold-td.html')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
      '2012-02-27': 'Brian Lin',
    });
  });

  it('reads the TML inside a ?raw=on page', () => {
    expect(weekMap(parseTwikiHtml(fixture('twiki/raw-on.html')))).toEqual({
      '2012-02-13': 'Alain Roy',
      '2012-02-20': 'Mat Selmeci',
    });
  });

  it('an HTML page without a table is an error', () => {
    expect(parseTwikiHtml('<html><body><p>Nothing here</p></body></html>').ok).toBe(false);
  });
});

describe('tmlToText', () => {
  it.each([
    ['*Alain Roy*', 'Alain Roy'],
    ['[[Main.AlainRoy][Alain Roy]]', 'Alain Roy'],
    ['Main.AlainRoy', 'Alain Roy'],
    ['%MAINWEB%.AlainRoy', 'Alain Roy'],
    ['%GREEN% Mat Selmeci %ENDCOLOR%', 'Mat Selmeci'],
    ['<del>Tim</del> Brian Lin', 'Brian Lin'],
    ['!AlainRoy', 'Alain Roy'],
    ['Ren&eacute; M&#252;ller', 'Ren&eacute; Müller'],
    ['__Suchandra Thapa__', 'Suchandra Thapa'],
    ['O_Brien_Smith', 'O_Brien_Smith'],
  ])('%s → %s', (input, expected) => {
    expect(tmlToText(input)).toBe(expected);
  });
});
