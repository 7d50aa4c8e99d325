/**
 * The bounded readers behind the rotation sources (issue 10, finding 1): the page's table structure is
 * found by a forward tag scan (html-scan.ts) and only each cell is parsed as HTML, TML lines are read
 * one by one, and JSON nesting is checked before JSON.parse. These pin what real pages still give.
 */
import { parseJsonRotation, MAX_JSON_DEPTH } from '../../../../../utils/rotation/sources/json';
import { parseTwikiHtml, parseTwikiTml } from '../../../../../utils/rotation/sources/twiki';
import { scanPage } from '../../../../../utils/rotation/sources/html-scan';
import { weekMap } from '../helpers';

const LIMITS = { rows: 100, cells: 10, tables: 10 };
const TWO = { '2012-02-13': 'Alain Roy', '2012-02-20': 'Mat Selmeci' };

describe('rendered page: the table scan', () => {
  it('reads upper-case tags, attributes, implied cell and row ends, and a nested table as its own table', () => {
    const html =
      '<TABLE class="twikiTable"><TBODY><TR><TH>Week<TH>Person</TR>' +
      '<tr><td valign="top"> 13-Feb-2012 <td> <a href="/Main/AlainRoy" class="twikiLink">Alain Roy</a>' +
      '<tr><td>20-Feb-2012</td><td><del>Tim</del> Mat Selmeci</td></tr>' +
      '<tr><td>notes<table><tr><td>1-Jan-2000</td><td>Someone Else</td></tr></table></td><td></td></tr></TABLE>';
    const spans = scanPage(html, LIMITS);
    expect(spans.tables.map((t) => t.map((r) => r.length))).toEqual([[2, 2, 2, 2], [2]]);
    expect(weekMap(parseTwikiHtml(html))).toEqual(TWO);
  });

  it('skips tables written inside comments, scripts and styles', () => {
    const html =
      '<html><head><script>var t = "<table><tr><td>27-Feb-2012</td><td>Evil</td></tr></table>";</script>' +
      '<style>td::after { content: "<td>" }</style></head><body><!-- <table><tr><td>5-Mar-2012</td><td>Hidden</td></tr></table> -->' +
      '<table><tr><th>Week</th><th>Person</th></tr><tr><td>2012-02-13</td><td>Alain Roy</td></tr>' +
      '<tr><td>2012-02-20</td><td>Mat Selmeci</td></tr></table></body></html>';
    expect(scanPage(html, LIMITS).tables).toHaveLength(1);
    expect(weekMap(parseTwikiHtml(html))).toEqual(TWO);
  });

  it('keeps at most the row and cell limits', () => {
    const row = '<tr>' + '<td>x</td>'.repeat(20) + '</tr>';
    const spans = scanPage(`<table>${row.repeat(300)}</table>`, LIMITS);
    expect(spans.tables[0]).toHaveLength(100);
    expect(spans.tables[0][0]).toHaveLength(10);
  });

  it('a long cell is read from its start: the name before a pasted page still counts', () => {
    const html = `<table><tr><th>Week</th><th>Person</th></tr><tr><td>2012-02-13</td><td>Alain Roy${'<del>'.repeat(20_000)}</td></tr></table>`;
    // The struck part is never closed, so the cell's text is the name (as a full parse gave it).
    expect(weekMap(parseTwikiHtml(html))).toEqual({ '2012-02-13': 'Alain Roy' });
  });

  it('reads the TML of a ?raw=on page from a <pre> box, tags dropped and entities decoded', () => {
    const html =
      '<html><body><pre>| *Week* | *Person* |\n| 13-Feb-2012 | Alain&nbsp;Roy |\n' +
      '| 20-Feb-2012 | <b>Mat</b> Selmeci &amp; |\n</pre></body></html>';
    expect(weekMap(parseTwikiHtml(html))).toEqual({ '2012-02-13': 'Alain Roy', '2012-02-20': 'Mat Selmeci &' });
  });
});

describe('TML: lines read one by one', () => {
  it('CR, CRLF and LF all end a line, and a trailing backslash continues it', () => {
    const text = '| *Week* | *Person* |\r| 13-Feb-2012 | Alain \\\r\nRoy |\r\n| 20-Feb-2012 | Mat Selmeci |\n';
    expect(weekMap(parseTwikiTml(text))).toEqual(TWO);
  });

  it('a row longer than the line bound still gives its date and person', () => {
    const text = `| *Week* | *Person* | *Notes* |\n| 13-Feb-2012 | Alain Roy | ${'x '.repeat(200_000)} |\n| 20-Feb-2012 | Mat Selmeci | |`;
    expect(weekMap(parseTwikiTml(text))).toEqual(TWO);
  });
});

describe('JSON: nesting checked before JSON.parse', () => {
  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels with a message`, () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const result = parseJsonRotation(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/nests deeper than 64 levels/);
  });

  it('brackets and escaped quotes inside strings do not count as nesting', () => {
    const entries = [
      { week: '2012-02-13', person: 'Alain Roy', note: '[[[{{{'.repeat(50) + '\\"[' },
      ...Array.from({ length: 80 }, () => ({ week: 'x', person: '' })),
      { week: '2012-02-20', person: { name: 'Mat Selmeci', email: 'mat@example.org' } },
    ];
    expect(weekMap(parseJsonRotation(JSON.stringify(entries)))).toEqual(TWO);
  });
});
