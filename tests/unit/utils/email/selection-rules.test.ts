/**
 * utils/email/selection.ts, one rule at a time (no timing here: selection.test.ts holds the linear-
 * time checks): which labels start a header line, where the subject ends (a greeting, a sentence
 * end, eight words), the quoted history's breaks, and text left alone.
 */
import { describe, expect, it } from 'vitest';
import { unflattenSelection } from '../../../../utils/email/selection';

const text = (input: string) => unflattenSelection(input).text;

describe('unflattenSelection rules', () => {
  it('a whole flattened Outlook reply gets its lines back', () => {
    const out = unflattenSelection('From: Jane Smith <jane@example.edu> Sent: Monday, November 30, 2026 10:02 AM To: Alain Roy <aroy@example.org> Cc: Bob <b@x.org> Subject: RE: jobs held Hi Alain, Our CE jobs are held. Thanks, Jane On Mon, Nov 30, 2026 at 9:00 AM Alain Roy <aroy@example.org> wrote: > did you upgrade?');
    expect(out).toEqual({
      text: 'From: Jane Smith <jane@example.edu>\nSent: Monday, November 30, 2026 10:02 AM\nTo: Alain Roy <aroy@example.org>\nCc: Bob <b@x.org>\nSubject: RE: jobs held\n\nHi Alain, Our CE jobs are held. Thanks, Jane\n\nOn Mon, Nov 30, 2026 at 9:00 AM Alain Roy <aroy@example.org> wrote:\n> did you upgrade?',
      changed: true,
    });
  });

  it('a Date label starts a line too', () => {
    expect(text('From: a@b.org Date: Mon, 6 Jan 2025 Subject: x. Body')).toBe('From: a@b.org\nDate: Mon, 6 Jan 2025\nSubject: x.\n\nBody');
  });

  it('text with a line break (LF or CR) is returned unchanged', () => {
    expect(unflattenSelection('From: a@b.org\nSubject: x')).toEqual({ text: 'From: a@b.org\nSubject: x', changed: false });
    expect(unflattenSelection('From: a@b.org\rSubject: x')).toEqual({ text: 'From: a@b.org\rSubject: x', changed: false });
  });

  it('without a header label the text is left alone, untrimmed', () => {
    expect(unflattenSelection('  just words  ')).toEqual({ text: '  just words  ', changed: false });
    expect(unflattenSelection('Note to: self').changed).toBe(false);
  });

  it('a label counts only as a word of its own: at the start or after a space', () => {
    expect(unflattenSelection('ReplyTo: a@b.org and more').changed).toBe(false);
    expect(text('Re-From: x From: a@b.org Subject: y. Body')).toBe('Re-From: x\nFrom: a@b.org\nSubject: y.\n\nBody');
  });

  it('a label needs its colon and a space ("From:x" is no label)', () => {
    expect(unflattenSelection('From:a@b.org Subject:x').changed).toBe(false);
  });

  it('labels are looked for only in the first 3000 characters', () => {
    const pad = 'w '.repeat(1500);
    expect(unflattenSelection(`${pad}From: a@b.org Subject: x. y`).changed).toBe(false);
    expect(unflattenSelection(`${'w '.repeat(1400)}From: a@b.org Subject: x. y`).changed).toBe(true);
  });

  it('each label is used once: a second "Subject:" stays in the text', () => {
    expect(text('From: a@b.org Subject: Re Subject: x. Body')).toBe('From: a@b.org\nSubject: Re Subject: x.\n\nBody');
  });

  it('the input is trimmed before the lines are put back', () => {
    expect(text('   From: a@b.org Subject: x. Body   ')).toBe('From: a@b.org\nSubject: x.\n\nBody');
  });

  describe('where the subject ends', () => {
    it('at a greeting followed by a space, a comma or the end', () => {
      expect(text('From: a@b.org Subject: CE down Hello team, it is down')).toBe('From: a@b.org\nSubject: CE down\n\nHello team, it is down');
      expect(text('From: a@b.org Subject: CE down Dear, it is down')).toBe('From: a@b.org\nSubject: CE down\n\nDear, it is down');
      expect(text('From: a@b.org Subject: CE down Hi')).toBe('From: a@b.org\nSubject: CE down\n\nHi');
      expect(text('From: a@b.org Subject: CE down Good morning all')).toBe('From: a@b.org\nSubject: CE down\n\nGood morning all');
    });

    it.each(['Hi', 'Hello', 'Dear', 'Hey', 'Greetings', 'Good morning', 'Good afternoon', 'Good evening', 'Hallo', 'Bonjour'])('"%s" is a greeting', (greeting) => {
      expect(text(`From: a@b.org Subject: CE down ${greeting}, the CE`)).toBe(`From: a@b.org\nSubject: CE down\n\n${greeting}, the CE`);
    });

    it('a greeting starting exactly 200 characters after the subject\'s start is too far', () => {
      const words = `${'ab '.repeat(66)}ab`;
      expect(words).toHaveLength(200);
      expect(text(`From: a@b.org Subject: ${words} Hi there`)).toBe(`From: a@b.org\nSubject: ${'ab '.repeat(7)}ab\n\n${'ab '.repeat(58)}ab Hi there`);
    });

    it('eight words longer than 200 characters: the subject stops at 200 characters', () => {
      expect(text(`From: a@b.org Subject: ${'a'.repeat(150)} ${'b'.repeat(100)}`)).toBe(`From: a@b.org\nSubject: ${'a'.repeat(150)} ${'b'.repeat(49)}\n\n${'b'.repeat(51)}`);
      expect(text(`From: a@b.org Subject: ${'a'.repeat(150)} ${'b'.repeat(100)} tail`)).toBe(`From: a@b.org\nSubject: ${'a'.repeat(150)} ${'b'.repeat(49)}\n\n${'b'.repeat(51)} tail`);
    });

    it('a greeting that is part of a longer word is no greeting', () => {
      expect(text('From: a@b.org Subject: Hiring Hidden jobs. Body')).toBe('From: a@b.org\nSubject: Hiring Hidden jobs.\n\nBody');
    });

    it('the earliest greeting wins', () => {
      expect(text('From: a@b.org Subject: x Hey Hi there')).toBe('From: a@b.org\nSubject: x\n\nHey Hi there');
      expect(text('From: a@b.org Subject: x Hi Hey there')).toBe('From: a@b.org\nSubject: x\n\nHi Hey there');
    });

    it('a greeting more than 200 characters after the subject\'s start does not count', () => {
      const long = 'word '.repeat(45);
      expect(text(`From: a@b.org Subject: ${long}Hi there`)).toBe(`From: a@b.org\nSubject: word word word word word word word word\n\n${'word '.repeat(37)}Hi there`);
    });

    it('no greeting: at the first ".", "?" or "!" followed by a space', () => {
      expect(text('From: a@b.org Subject: Why? It fails')).toBe('From: a@b.org\nSubject: Why?\n\nIt fails');
      expect(text('From: a@b.org Subject: Broken! It fails')).toBe('From: a@b.org\nSubject: Broken!\n\nIt fails');
      expect(text('From: a@b.org Subject: v1.2 fails. It does')).toBe('From: a@b.org\nSubject: v1.2 fails.\n\nIt does');
    });

    it('a sentence end is looked for only within the 200 characters (its space included)', () => {
      expect(text(`From: a@b.org Subject: ${'ab '.repeat(66)}a. Body`)).toBe(`From: a@b.org\nSubject: ${'ab '.repeat(7)}ab\n\n${'ab '.repeat(58)}a. Body`);
    });

    it('no greeting and no sentence end: after eight words, or the whole text when shorter', () => {
      expect(text('From: a@b.org Subject: one two three four five six seven eight nine ten')).toBe('From: a@b.org\nSubject: one two three four five six seven eight\n\nnine ten');
      // A subject that runs to the end: the (empty) body still gets its blank line.
      expect(unflattenSelection('From: a@b.org Subject: one two three')).toEqual({ text: 'From: a@b.org\nSubject: one two three\n\n', changed: true });
    });

    it('no subject: the body starts after the last header', () => {
      expect(text('From: a@b.org Hi Bob, the CE is down')).toBe('From: a@b.org\n\nHi Bob, the CE is down');
      expect(text('From: Jane <j@x.org> To: b@x.org Hello, down')).toBe('From: Jane <j@x.org>\nTo: b@x.org\n\nHello, down');
      expect(text('From: Jo. The CE is down')).toBe('From: Jo.\n\nThe CE is down');
      // The last header, not the first: a sentence end in an earlier header does not end anything.
      expect(text('From: Jo S. Smith To: Bob here and there')).toBe('From: Jo S. Smith\nTo: Bob here and there\n\n');
      // No greeting and no sentence end: eight words from the last header's value.
      expect(text('From: a@b.org one two three four five six seven eight nine')).toBe('From: a@b.org one two three four five six seven\n\neight nine');
    });
  });

  describe('quoted history', () => {
    it('"On … wrote:" gets a blank line before and a line break after', () => {
      expect(text('From: a@b.org Subject: x. Fixed. On Mon, Bob wrote: > old')).toBe('From: a@b.org\nSubject: x.\n\nFixed.\n\nOn Mon, Bob wrote:\n> old');
    });

    it('"wrote:" without an "On" within 300 characters before it gets no break', () => {
      expect(text('From: a@b.org Subject: x. Bob wrote: > old')).toBe('From: a@b.org\nSubject: x.\n\nBob wrote: > old');
      const far = `From: a@b.org Subject: x. On Mon ${'z'.repeat(300)} wrote: > old`;
      expect(text(far)).toBe(`From: a@b.org\nSubject: x.\n\nOn Mon ${'z'.repeat(300)} wrote: > old`);
    });

    it('each "On … wrote:" of a thread is broken', () => {
      expect(text('From: a@b.org Subject: x. A On Tue, Ann wrote: B On Mon, Bob wrote: C')).toBe('From: a@b.org\nSubject: x.\n\nA\n\nOn Tue, Ann wrote:\nB\n\nOn Mon, Bob wrote:\nC');
    });

    it('an "On" in the headers is not the start of a history "wrote:" in the body', () => {
      expect(text('From: a@b.org Subject: On call. Bob wrote: x')).toBe('From: a@b.org\nSubject: On call.\n\nBob wrote: x');
    });

    it('"-----Original Message-----" gets a blank line before and a line break after, each time', () => {
      expect(text('From: a@b.org Subject: Help. Please. -----Original Message----- From: c@d.org old -----Original Message----- older')).toBe(
        'From: a@b.org\nSubject: Help.\n\nPlease.\n\n-----Original Message-----\nFrom: c@d.org old\n\n-----Original Message-----\nolder',
      );
    });
  });

  it('a header after a subject that ended at a sentence still starts its own line, after the blank line', () => {
    expect(text('Subject: Help.  From: a@b.org')).toBe('Subject: Help.\n\n\nFrom: a@b.org');
  });

  it('extra spaces at a break are dropped', () => {
    expect(text('From: a@b.org    Subject: x.    Body')).toBe('From: a@b.org\nSubject: x.\n\nBody');
  });
});
