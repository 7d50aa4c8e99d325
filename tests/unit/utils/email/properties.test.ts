/**
 * Properties of parseEmail (fast-check): it never throws on any text, and nothing the writer typed
 * is lost: every non-empty line of the own-words part ends up in `body` or in `earlier`, with the
 * sender and subject read back exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETAIL_MAX, EARLIER_MAX, INPUT_MAX, newTicketDraft, parseEmail } from '../../../../utils/email';

/** Words and marks that tempt the parser: quote marks, intro verbs, dashes, brackets, '=', addresses. */
const TOKENS = [
  'the', 'job', 'failed', 'On', 'Mon,', 'Jan', '6,', '2025', 'wrote:', 'schrieb', 'a écrit :', 'Am', 'Le', '>', '>>', '> >', '<', '<div>',
  '--', '-----', '___________', '=', '==', '@', 'x@y.org', '<x@y.org>', '$', '#', 'ERROR', '[1234]', '(pid:4412)', ':', '::', 'é', 'Łukasz',
  '陈', '\t', '  ', 'Original', 'Message', 'forwarded', 'Sent:', 'To:', '&amp;', '&lt;', 'http://a.b/c?d=e', '"', "'", '*', '|', '\\',
];
const lineArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 0, maxLength: 10 }).map((t) => t.join(' '));
const ownArb = fc.array(lineArb, { minLength: 1, maxLength: 30 });
const nameArb = fc.constantFrom('Jane Doe', 'Doe, Jane', 'Jürgen Müller', 'Łukasz Żółkiewski', '陈小明', "Sarah O'Connor");
const addressArb = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/), fc.constantFrom('fnal.gov', 'x.edu', 'kit.edu')).map(([l, d]) => `${l}@${d}`);
const subjectArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.()-]{0,40}$/).filter((s) => !/^\s*(re|fw|fwd|aw|wg|sv|vs|tr|rv|ref|odp|pd|vl|enc|res|antw|doorst)\s*(\[\d+\])?\s*:/i.test(s));
const historyArb = fc.option(
  fc.tuple(fc.constantFrom('On Mon, Jan 6, 2025 at 10:02 AM Bob <bob@x.org> wrote:', 'Am 06.01.2025 um 10:02 schrieb Bob <bob@x.org>:', '-----Original Message-----', ''), fc.array(lineArb, { maxLength: 8 })),
);

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter(Boolean);

describe('parseEmail properties', () => {
  it('never throws, on any text, and always returns plain strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), ownArb.map((l) => l.join('\n'))), (text) => {
        const parsed = parseEmail(text);
        for (const key of ['fromName', 'fromAddress', 'subject', 'date', 'body', 'earlier'] as const) expect(typeof parsed[key]).toBe('string');
        expect(parsed.problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
        expect(parsed.body.length).toBeLessThanOrEqual(INPUT_MAX);
        expect(parsed.earlier.length).toBeLessThanOrEqual(EARLIER_MAX + 100);
        const draft = newTicketDraft(parsed, { name: 'Me', email: 'me@x.org' }, new Date(0));
        expect(draft.detail.length).toBeLessThanOrEqual(DETAIL_MAX);
        expect(draft.hints.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400, seed: 9001 },
    );
  });

  it('nothing the writer typed is lost; sender and subject read back exactly', () => {
    fc.assert(
      fc.property(nameArb, addressArb, subjectArb, ownArb, historyArb, fc.constantFrom('\n', '\r\n'), (name, address, subject, own, history, eol) => {
        const from = name.includes(',') ? `"${name}" <${address}>` : `${name} <${address}>`;
        const parts = [`From: ${from}`, `Subject: Re: ${subject}`, 'Date: Mon, 6 Jan 2025 10:02:00 +0000', '', ...own];
        if (history) parts.push('', history[0], ...history[1].map((l) => `> ${l}`));
        const parsed = parseEmail(parts.join(eol));
        expect(parsed.fromName).toBe(name);
        expect(parsed.fromAddress).toBe(address);
        expect(parsed.subject).toBe(subject.trim());
        const kept = `${parsed.body}\n${parsed.earlier}`;
        for (const line of nonEmpty(own)) expect(kept).toContain(line);
        for (const line of nonEmpty(history ? [history[0], ...history[1]] : [])) expect(kept).toContain(line);
        // Own words given: the body is never empty (quoted-only text falls back to the body).
        if (nonEmpty(own).length > 0) expect(parsed.body.trim()).not.toBe('');
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('plain own words above a quote introduction: the history goes to earlier, the own words stay in the body', () => {
    const plainArb = fc.array(fc.constantFrom('Hi Bob,', 'the job failed again', '  indented log line > with a mark', '', 'Thanks', 'Jane'), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(plainArb.filter((l) => nonEmpty(l).length > 0), fc.constantFrom('On Mon, Jan 6, 2025 at 10:02 AM Bob <bob@x.org> wrote:', 'Le lun. 6 janv. 2025, Bob <bob@x.org> a écrit :', '-----Original Message-----'), fc.array(lineArb, { minLength: 1, maxLength: 8 }), (own, intro, quoted) => {
        const parsed = parseEmail(['From: a@b.org', 'Subject: x', '', ...own, '', intro, ...quoted.map((l) => `> ${l}`)].join('\n'));
        expect(parsed.body).toBe(own.join('\n').replace(/^\n+|\n+$/g, ''));
        expect(parsed.earlier.startsWith(intro)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
