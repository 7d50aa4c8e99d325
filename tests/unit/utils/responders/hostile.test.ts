/**
 * Hostile text (issue 10, item 1): every responder parser entry point runs in linear time. Inputs up
 * to 1 MB of repeated separators, dots, spaces, `&lt;`, pipes, commas, dashes, quote markers and
 * very long single lines must each be handled within the linear-time budget
 * (tests/unit/helpers/linear-budget.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildResponderIndex,
  identifyResponder,
  isNameLike,
  localPartFitsName,
  nameFromDn,
  nameKey,
  normalizeName,
  ownLines,
} from '../../../../utils/responders';
import { LINEAR_BUDGET_MS } from '../../helpers/linear-budget';
import { contextFor } from '../../helpers/roster';

const MB = 1 << 20;
const index = buildResponderIndex(contextFor());

/** `unit` repeated to about `size` characters, with an optional head and tail. */
function repeated(unit: string, size = MB, head = '', tail = ''): string {
  return head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;
}

const HOSTILE: [string, string][] = [
  ['dots', repeated('.', MB, 'Jane', 'x')],
  ['dashes', repeated('-', MB, 'a', 'b')],
  ['underscores', repeated('_', MB)],
  ['spaces', repeated(' ', MB, 'Thanks, ', 'x')],
  ['no-break spaces', repeated('\u00a0', MB, 'Cheers ', '!')],
  ['&lt; references', repeated('&lt;', MB)],
  ['&#62; references', repeated('&#62;', MB)],
  ['pipes', repeated('|', MB, 'Wei Zhang ')],
  ['commas', repeated(',', MB, 'Smith')],
  ['dot-space', repeated('. ', MB)],
  ['dash-space', repeated('- ', MB)],
  ['letters, one line', repeated('a', MB)],
  ['words, one line', repeated('Jane Smith ', MB)],
  ['trailer with spaces before (guest)', repeated(' ', MB, 'by x', '(guest)')],
  ['dash-by trailer with " at 1"', repeated(' at 1', MB, '-- by Jane')],
  ['DN with spaces', repeated(' ', MB, 'by /DC=org/CN=Jane', '1234')],
  ['DN with slashes', repeated('/CN=a', MB, 'by ')],
  ['addresses', repeated('a@', MB, 'by ')],
  ['address word chars', repeated('a.', MB, 'x ', '@b.cd')],
  ['quote intro with spaces', repeated(' ', MB, 'On Mon ', 'wrote:')],
  ['newlines', repeated('\n', MB)],
  ['quoted lines', repeated('> Thanks,\n', MB)],
  ['closing lines', repeated('Thanks,\n', MB)],
  ['separator lines', repeated('--\n', MB)],
  ['header blocks', repeated('From: x\nSent: y\n', MB)],
  ['banners', repeated('-----Original Message-----\n', MB)],
  ['name lines', repeated('Jane Smith\nFermilab\n', MB)],
  ['history lines', repeated('Field x changed\n', MB, 'ok\n')],
  ['mixed separators', repeated('.-_ ,|&lt;', MB)],
];

function timed(fn: () => void): number {
  // Best of two: the machine is shared; a linear parser is fast both times, a quadratic one never.
  let best = Infinity;
  for (let i = 0; i < 2; i += 1) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe(`responder parsers on hostile input (1 MB, ${LINEAR_BUDGET_MS} ms each)`, () => {
  it.each(HOSTILE)('%s', (_name, text) => {
    const entryPoints: [string, () => unknown][] = [
      ['identifyResponder (no header)', () => identifyResponder({ byHeader: null, bodyText: text }, index)],
      ['identifyResponder (unknown header)', () => identifyResponder({ byHeader: 'x@y.example', bodyText: text }, index)],
      ['identifyResponder (hostile header)', () => identifyResponder({ byHeader: text, bodyText: 'ok' }, index)],
      ['normalizeName', () => normalizeName(text)],
      ['nameKey', () => nameKey(text)],
      ['isNameLike', () => isNameLike(text)],
      ['ownLines', () => ownLines(text)],
      ['nameFromDn', () => nameFromDn(text)],
      ['localPartFitsName', () => localPartFitsName(text, text)],
      ['buildResponderIndex', () => buildResponderIndex({ roster: [{ name: text, role: 'software', aliases: [text], emails: [text] }], submitter: { name: text, email: text, submitterName: text } })],
    ];
    for (const [entry, fn] of entryPoints) {
      expect(timed(fn), `${entry} on ${text.length} characters`).toBeLessThan(LINEAR_BUDGET_MS);
    }
  });

  it('random mixtures of hostile units, 256 KB to 1 MB, stay within the budget', () => {
    const unit = fc.constantFrom('.', '-', '_', ' ', '\u00a0', '&lt;', '|', ',', '\n', '> ', 'by ', '--', 'Thanks, ', 'wrote:', '@', 'CN=', '/', 'a', '(guest)', ' at 1');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 256 * 1024, max: MB }), (units, size) => {
        const text = repeated(units.join(''), size);
        expect(timed(() => identifyResponder({ byHeader: null, bodyText: text }, index))).toBeLessThan(LINEAR_BUDGET_MS);
        expect(timed(() => normalizeName(text))).toBeLessThan(LINEAR_BUDGET_MS);
      }),
      { numRuns: 15 },
    );
  });

  it('normalizeName strips separators at word edges in one pass, as before', () => {
    expect(normalizeName('Sélmeci, Mat.')).toBe('selmeci mat');
    expect(normalizeName('--Jane__ .Smith.-')).toBe('jane smith');
    expect(normalizeName('a.b-c_d')).toBe('a.b-c_d');
    expect(normalizeName('. - _')).toBe('');
  });
});
