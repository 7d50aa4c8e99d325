/**
 * The fblist list data (`var team_N__listdata = [{ id: "<fpid>", label: "<Name>"}, …]`, docs/goc-pages.md §7.1) read as
 * text: the real site's shape, quoting and escapes, hostile labels kept as plain strings, bounded and linear.
 */
import fc from 'fast-check';
import { MAX_ENTRIES, MAX_STRING_CHARS, parseListData, type ListEntry } from '../../../../utils/goc/fblist';

/** What the site prints after the autocomplete input (docs/goc-pages.md §7.1). */
function siteScript(team: string, entries: ListEntry[]): string {
  const items = entries.map((e) => `{ id: ${JSON.stringify(e.fpid)}, label: ${JSON.stringify(e.label)}}`).join(',\n');
  return `$(function() {var ${team}__listdata = [${items}];
$("#${team}__list input.autocomplete").autocomplete({ source: ${team}__listdata, select: function(event, ui) {
  $(this).before('<div><i class="icon-remove" onclick="$(this).parent().remove();"></i> '+ui.item.label+'<input type="hidden" name="${team}['+ui.item.id+']" value="on"/></div>');
  return false; } });
});`;
}

describe('parseListData', () => {
  it('reads the real site shape', () => {
    const text = siteScript('team_2', [
      { fpid: 'rquick', label: 'Rob Quick' },
      { fpid: 'sc-uscms-t2', label: 'USCMS Tier 2' },
    ]);
    expect(parseListData(text)).toEqual([
      {
        team: 'team_2',
        entries: [
          { fpid: 'rquick', label: 'Rob Quick' },
          { fpid: 'sc-uscms-t2', label: 'USCMS Tier 2' },
        ],
      },
    ]);
  });

  it('accepts single quotes, quoted keys, escapes, comments, newlines and trailing commas', () => {
    const text = `var team_7__listdata = [
      { 'id' : 'o\\'brien', "label": 'Se\\u00e1n O\\'Brien' } , // a comment
      {id:"a\\/b",label:"back\\\\slash \\"quoted\\" \\x41\\u{1F600}",extra: 12,},
      /* block */ { label: "No id" },
    ];`;
    expect(parseListData(text)).toEqual([
      {
        team: 'team_7',
        entries: [
          { fpid: "o'brien", label: "Seán O'Brien" },
          { fpid: 'a/b', label: 'back\\slash "quoted" A\u{1F600}' },
        ],
      },
    ]);
  });

  it('returns hostile labels as the exact text, never interpreted', () => {
    const hostile = ['</script><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"); alert(1); ("', "' + x + '", '&lt;b&gt;'];
    const text = siteScript(
      'team_3',
      hostile.map((label, i) => ({ fpid: `p${i}`, label })),
    );
    expect(parseListData(text)[0].entries.map((e) => e.label)).toEqual(hostile);
  });

  it('finds several teams, keeps the first list of a team, and ignores look-alikes', () => {
    const text = [
      siteScript('team_2', [{ fpid: 'a', label: 'A' }]),
      siteScript('team_5', [{ fpid: 'b', label: 'B' }]),
      siteScript('team_2', [{ fpid: 'c', label: 'C' }]),
      'var myteam_9__listdata = [{id:"x",label:"X"}]; var team_4__listdataOld = [{id:"y",label:"Y"}];',
      'if (team_6__listdata == [1]) {}',
    ].join('\n');
    expect(parseListData(text).map((t) => [t.team, t.entries.map((e) => e.fpid)])).toEqual([
      ['team_2', ['a']],
      ['team_5', ['b']],
    ]);
  });

  it('keeps entries parsed before malformed data, drops duplicates, never throws', () => {
    expect(parseListData('var team_1__listdata = [{id:"a",label:"A"},{id:"a",label:"again"},{id:"b",label:"unterminated}];')).toEqual([
      { team: 'team_1', entries: [{ fpid: 'a', label: 'A' }] },
    ]);
    expect(parseListData('var team_1__listdata = [{id:"a",label:"line\nbreak"}]')[0].entries).toEqual([]);
    expect(parseListData('var team_1__listdata = [{id: {nested: 1}, label: "x"}]')[0].entries).toEqual([]);
    for (const bad of ['', 'team_1__listdata', 'team_1__listdata = [', 'team_1__listdata = [{', '\\', '"', undefined as unknown as string]) {
      expect(() => parseListData(bad)).not.toThrow();
    }
  });

  it('caps entries and string lengths', () => {
    const many = Array.from({ length: MAX_ENTRIES + 50 }, (_, i) => ({ fpid: `p${i}`, label: `P ${i}` }));
    expect(parseListData(siteScript('team_2', many))[0].entries).toHaveLength(MAX_ENTRIES);
    const long = 'x'.repeat(MAX_STRING_CHARS * 3);
    const [entry] = parseListData(`team_1__listdata=[{id:"a",label:"${long}"}]`)[0].entries;
    expect(entry.label).toHaveLength(MAX_STRING_CHARS);
    const escaped = '\\u0041'.repeat(MAX_STRING_CHARS * 3);
    expect(parseListData(`team_1__listdata=[{id:"a",label:"${escaped}"}]`)[0].entries[0].label).toBe('A'.repeat(MAX_STRING_CHARS));
  });

  it('finishes fast on 1 MB hostile inputs', () => {
    const mb = 1_000_000;
    const inputs = [
      'a'.repeat(mb),
      '_'.repeat(mb),
      '"'.repeat(mb),
      '\\'.repeat(mb),
      'team_1__listdata'.repeat(mb / 16),
      'team_1__listdata /*'.repeat(mb / 19),
      'team_1__listdata //'.repeat(mb / 19),
      'team_1__listdata = [' + '{id:"a",'.repeat(mb / 8),
      'team_1__listdata = ["' + 'x'.repeat(mb),
      'team_1__listdata = [{id:"' + '\\u0041'.repeat(mb / 6),
      'team_1__listdata = [' + '{id:"a",label:"b"},'.repeat(mb / 19),
      '1'.repeat(mb) + '__listdata',
    ];
    for (const text of inputs) {
      const start = performance.now();
      parseListData(text);
      expect(performance.now() - start, text.slice(0, 30)).toBeLessThan(500);
    }
  });

  it('round-trips any entries, in either quoting, with any spacing and a trailing comma (property)', () => {
    const quoteSingle = (s: string) =>
      `'${Array.from(s)
        .map((ch) => {
          if (ch === "'" || ch === '\\') return `\\${ch}`;
          const code = ch.codePointAt(0)!;
          if (code < 0x20 || code === 0x2028 || code === 0x2029) return `\\u${code.toString(16).padStart(4, '0')}`;
          if (code > 0xffff) return `\\u{${code.toString(16)}}`;
          return ch;
        })
        .join('')}'`;
    const entry = fc.record({
      fpid: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0),
      label: fc.string({ unit: 'grapheme', maxLength: 60 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (e) => e.fpid, maxLength: 30 }),
        fc.nat({ max: 99 }),
        fc.boolean(),
        fc.constantFrom(' ', '', '\n  ', '\t'),
        fc.boolean(),
        (entries, n, single, ws, trailing) => {
          const q = single ? quoteSingle : (s: string) => JSON.stringify(s);
          const items = entries.map((e) => `{${ws}id${ws}:${ws}${q(e.fpid)},${ws}label:${ws}${q(e.label)}${ws}}`);
          const text = `var team_${n}__listdata${ws}=${ws}[${ws}${items.join(`,${ws}`)}${trailing && items.length ? ',' : ''}${ws}];`;
          expect(parseListData(text)).toEqual([{ team: `team_${n}`, entries }]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and returns only strings on arbitrary text (property)', () => {
    const piece = fc.constantFrom('team_1__listdata', '=', '[', ']', '{', '}', 'id', 'label', ':', ',', '"', "'", '\\', '\\u', '/*', '//', '\n', ' ', 'x');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 60 }), (parts) => {
        for (const t of parseListData(parts.join(''))) {
          expect(t.team).toMatch(/^team_\d+$/);
          for (const e of t.entries) {
            expect(typeof e.fpid).toBe('string');
            expect(typeof e.label).toBe('string');
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
