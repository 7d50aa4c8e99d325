// @vitest-environment happy-dom
/**
 * Property tests: the ticket parsers and helpers are total. Whatever a ticket body, title, name or
 * page looks like, they return a well-formed result and never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestExperts } from '../../../utils/experts';
import { decodeFpEntities } from '../../../utils/footprints';
import { parseTicket } from '../../../utils/goc/ticket';
import { findJiraKeys } from '../../../utils/jira';
import { summarizeResponders } from '../../../utils/responder-summary';
import { renderSnippet, unknownPlaceholders } from '../../../utils/snippets';

describe('properties', () => {
  it('decodeFpEntities never throws and is the identity on text without "&"', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = decodeFpEntities(s);
        expect(typeof out).toBe('string');
        if (!s.includes('&')) expect(out).toBe(s);
      }),
    );
  });

  it('findJiraKeys returns in-bounds matches that are keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('SOFTWARE-12', 'OPS-1', ' ', '-', 'UTF-8')), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        for (const m of findJiraKeys(text)) {
          expect(text.slice(m.start, m.end)).toBe(m.key);
          expect(m.key).toMatch(/^[A-Z][A-Z0-9_]+-[1-9]\d*$/);
        }
      }),
    );
  });

  it('findJiraKeys finds a key set off by spaces, whatever surrounds it', () => {
    // The loop above passes for a function that finds nothing; here the input guarantees a match.
    const parts = fc.array(fc.oneof(fc.string(), fc.constantFrom('SOFTWARE-12', 'OPS-1', ' ', '-', 'UTF-8')), { maxLength: 10 });
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 99_999 }), parts, (before, n, after) => {
        const head = `${before.join('')} `;
        const key = `SOFTWARE-${n}`;
        const text = `${head}${key} ${after.join('')}`;
        const found = findJiraKeys(text);
        expect(found.length).toBeGreaterThan(0);
        expect(found).toContainEqual({ key, start: head.length, end: head.length + key.length });
      }),
    );
  });

  it('snippets and experts never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (text, values) => {
        expect(typeof renderSnippet(text, values)).toBe('string');
        expect(Array.isArray(unknownPlaceholders(text))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ topic: fc.string(), keywords: fc.array(fc.string()), people: fc.array(fc.string()) }), { maxLength: 5 }),
        fc.array(fc.string(), { maxLength: 5 }),
        (experts, texts) => {
          for (const s of suggestExperts(experts, texts)) expect(s.topics.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('suggestExperts names the people of a topic whose keyword is in the text', () => {
    // The loop above passes for a function that suggests no one; here the input guarantees a match.
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{1,12}[a-z0-9]$/),
        fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.array(fc.record({ topic: fc.string(), keywords: fc.array(fc.string()), people: fc.array(fc.string()) }), { maxLength: 3 }),
        (keyword, person, texts, others) => {
          const experts = [...others, { topic: 'The topic', keywords: [keyword], people: [person] }];
          const got = suggestExperts(experts, [...texts, `Trouble with ${keyword.toUpperCase()} today.`]);
          expect(got.length).toBeGreaterThan(0);
          const mine = got.find((s) => s.person.toLowerCase() === person.toLowerCase());
          expect(mine?.topics).toContainEqual({ topic: 'The topic', keywords: [keyword] });
        },
      ),
    );
  });

  it('summarizeResponders is total and its counts add up', () => {
    const update = fc.record({
      timeMs: fc.option(fc.integer({ min: 0, max: 2e12 }), { nil: null }),
      responder: fc.record({
        name: fc.string(),
        role: fc.constantFrom('software' as const, 'osg-staff' as const, 'submitter' as const, 'unknown' as const),
        source: fc.constant('header' as const),
        reason: fc.constant('x'),
      }),
      unsigned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 20 }), fc.integer({ min: 0, max: 2e12 }), (updates, now) => {
        const s = summarizeResponders(updates, now);
        expect(s.responders.reduce((n, r) => n + r.count, 0)).toBe(updates.length);
        expect(s.total).toBe(updates.length);
      }),
    );
  });

  it('parseTicket never throws on arbitrary markup inside the ticket structure', () => {
    const parser = new DOMParser();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 4 }), fc.string(), (updates, title) => {
        // The title is escaped (a stray "<!--" would swallow the form); bodies and headers are raw markup.
        const safeTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
        const html =
          `<title>${safeTitle}</title><form id="ticket_form"><input name="title" value="${safeTitle}"></form>` +
          `<div id="updates">${updates.map(([h, b]) => `<div class="update_description"><div class="header">${h}</div><pre>${b}</pre></div>`).join('')}</div>`;
        const ticket = parseTicket(parser.parseFromString(html, 'text/html'));
        expect(ticket.mode).toBe('editor');
        expect(ticket.updates.length).toBeLessThanOrEqual(updates.length);
      }),
      { numRuns: 150 },
    );
  });
});
