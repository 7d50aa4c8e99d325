/**
 * utils/email/selection.ts: a context-menu selection whose line breaks Chrome collapsed gets them
 * back where the e-mail's structure shows them (headers, the subject's end, quoted history), so the
 * parser reads sender, subject and body; text with line breaks, or without headers, is left alone;
 * hostile shapes stay linear.
 */
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../../utils/email';
import { unflattenSelection } from '../../../../utils/email/selection';

const OUTLOOK = [
  'From: Jane Smith <jane@example.edu>',
  'Sent: Monday, November 30, 2026 10:02 AM',
  'To: Alain Roy <aroy@example.org>',
  'Subject: RE: HTCondor-CE jobs held since upgrade',
  '',
  'Hi Alain, Our CE jobs are held. Thanks, Jane',
  '',
  'On Mon, Nov 30, 2026 at 9:00 AM Alain Roy <aroy@example.org> wrote:',
  '> did you upgrade?',
].join('\n');

const flat = (text: string) => text.replace(/\n+/g, ' ');

describe('unflattenSelection', () => {
  it('puts the headers, the subject\'s end and the quoted history back on their own lines', () => {
    const out = unflattenSelection(flat(OUTLOOK));
    expect(out.changed).toBe(true);
    expect(out.text).toBe(OUTLOOK);
  });

  it('the parser then reads sender, subject and body, and drops the quoted history from the body', () => {
    const parsed = parseEmail(unflattenSelection(flat(OUTLOOK)).text);
    expect(parsed.fromAddress).toBe('jane@example.edu');
    expect(parsed.fromName).toBe('Jane Smith');
    expect(parsed.subject).toBe('HTCondor-CE jobs held since upgrade');
    expect(parsed.body).toContain('Our CE jobs are held');
    expect(parsed.body).not.toContain('did you upgrade');
  });

  it('no greeting: the subject ends at its first sentence end, else after eight words', () => {
    expect(unflattenSelection('From: Jane <jane@x.edu> Subject: Jobs held after upgrade. We see held jobs').text).toBe(
      'From: Jane <jane@x.edu>\nSubject: Jobs held after upgrade.\n\nWe see held jobs',
    );
    const words = unflattenSelection('From: a@b.org Subject: one two three four five six seven eight nine ten').text;
    expect(words).toBe('From: a@b.org\nSubject: one two three four five six seven eight\n\nnine ten');
  });

  it('keeps an Outlook separator\'s history apart', () => {
    const out = unflattenSelection('From: a@b.org Subject: Help. Please help. -----Original Message----- From: c@d.org old text').text;
    expect(out).toContain('Please help.\n\n-----Original Message-----\nFrom: c@d.org old text');
  });

  it('leaves text with line breaks (Firefox keeps them) and text without headers alone', () => {
    expect(unflattenSelection(OUTLOOK)).toEqual({ text: OUTLOOK, changed: false });
    expect(unflattenSelection('just a body; no headers at all')).toEqual({ text: 'just a body; no headers at all', changed: false });
    // Labels are matched as written ("To: "): a lower-case "to:" in a sentence is no header.
    expect(unflattenSelection('Note to: self').changed).toBe(false);
  });

  it('stays linear on hostile one-line shapes (1 MB)', () => {
    const shapes = [
      `From: a@b.org Subject: x ${' wrote: '.repeat(130_000)}`,
      `From: a@b.org ${'Subject: '.repeat(110_000)}`,
      `From: ${' '.repeat(1_000_000)}x`,
      `From: a@b.org Subject: ${'-----Original Message-----'.repeat(40_000)}`,
      `From: a@b.org Subject: x ${' On '.repeat(250_000)} wrote: `,
    ];
    // Linear: about 0.1-0.2 s each for 1 MB here; a quadratic step would take minutes.
    for (const shape of shapes) {
      const started = performance.now();
      unflattenSelection(shape);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
});
