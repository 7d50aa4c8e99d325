import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, includesCollapsed, isSpaceCode } from '../../../utils/whitespace';

const reference = (s: string) => s.replace(/\s+/g, ' ').trim();
// Whitespace of every kind, surrogates (paired and lone) and plain text, in long runs.
const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', 'a', 'Zé', '\ud83d\ude00', '\ud800', 'xyz');
const textArb = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

describe('whitespace', () => {
  it('isSpaceCode is exactly JS \\s', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceCode(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('collapseWhitespace equals replace(/\\s+/g, " ").trim()', () => {
    fc.assert(fc.property(textArb, (s) => collapseWhitespace(s) === reference(s)), { numRuns: 2000 });
    const long = 'a\n'.repeat(20_000) + '\ud800 b\t\tc';
    expect(collapseWhitespace(long)).toBe(reference(long));
  });

  it('includesCollapsed equals collapsing then includes', () => {
    fc.assert(
      fc.property(textArb, textArb, (hay, raw) => {
        const needle = reference(raw);
        return includesCollapsed(hay, needle) === (needle !== '' && reference(hay).includes(needle));
      }),
      { numRuns: 2000 },
    );
    expect(includesCollapsed('Hi\n\nJane   Smith\n OSG', 'Jane Smith OSG')).toBe(true);
    expect(includesCollapsed('aab aab aabaac', 'aabaac')).toBe(true);
    expect(includesCollapsed('Jane  Smit h', 'Jane Smith')).toBe(false);
  });
});
