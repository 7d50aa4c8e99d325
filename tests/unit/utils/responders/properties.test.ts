/**
 * Property tests for the responder parser: total on any input (never throws, always a valid role and
 * source), and the ASCII fast path of name normalisation agrees with the Unicode path.
 * (Moved from tests/unit/ticket/properties.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildResponderIndex, identifyResponder, identifyResponders, normalizeName } from '../../../../utils/responders';
import { contextFor, ROSTER } from '../../helpers/roster';

const ROLES = ['software', 'osg-staff', 'submitter', 'unknown'];
const SOURCES = ['header', 'signature', 'trailer', 'roster', 'none'];

/** Text that looks like ticket bodies: lines mixing names, dashes, quotes, DNs, entities. */
const bodyLine = fc.oneof(
  fc.string(),
  fc.constantFrom('--', '-- ', '----------', 'Thanks,', 'Cheers, Mat', '> quoted', '&#62; quoted', 'wrote:', 'by ',
    'by /DC=org/CN=', 'by /CN=Alain Roy 1', '-- by ', 'by x@y', 'by @....', '(guest)', 'OSG Software Support',
    'Alain Roy', 'Jane Smith', 'Mat', 'From: x', '&#58;', '&#xD800;', '&amp', '\u00a0', 'Appended a Description'),
  fc.string({ unit: 'grapheme' }),
);
const body = fc.array(bodyLine, { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('responder properties', () => {
  it('identifyResponder never throws and always returns a valid role/source', () => {
    const index = buildResponderIndex(contextFor());
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), body, (header, text) => {
        const r = identifyResponder({ byHeader: header, bodyText: text }, index);
        expect(ROLES).toContain(r.role);
        expect(SOURCES).toContain(r.source);
        expect(typeof r.name).toBe('string');
        expect(r.reason.length).toBeGreaterThan(0);
        if (r.source === 'none') expect(r.name).toBe('');
      }),
      { numRuns: 600 },
    );
  });

  it('identifyResponders tolerates arbitrary rosters and submitters', () => {
    const person = fc.record({
      name: fc.string(),
      role: fc.constantFrom('software' as const, 'osg-staff' as const),
      emails: fc.array(fc.string(), { maxLength: 3 }),
      aliases: fc.array(fc.string(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 6 }),
        fc.record({ name: fc.string(), email: fc.string(), submitterName: fc.string() }),
        fc.array(fc.record({ byHeader: fc.option(fc.string(), { nil: null }), bodyText: body }), { maxLength: 5 }),
        (roster, submitter, updates) => {
          const out = identifyResponders(updates, { roster: [...ROSTER, ...roster], submitter });
          expect(out).toHaveLength(updates.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('normalizeName: the ASCII fast path gives what the Unicode path gives', () => {
    const unicodePath = (raw: string) =>
      raw
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ')
        .replace(/(^|\s)[.\-_]+|[.\-_]+(?=\s|$)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(normalizeName(s)).toBe(unicodePath(s));
      }),
      { numRuns: 500 },
    );
    expect(normalizeName('Mátyás  Selmeci')).toBe('matyas selmeci');
  });

});
