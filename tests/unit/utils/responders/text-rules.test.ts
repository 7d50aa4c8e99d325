/** The author's own text (utils/responders/text.ts): each rule with a plain example and its near miss. */
import { describe, expect, it } from 'vitest';
import {
  BODY_WINDOW,
  boundedBody,
  cleanLine,
  isHistoryLine,
  isQuoted,
  lastLines,
  matchClosing,
  ownLines,
  ownSegments,
  quoteStart,
} from '../../../../utils/responders/text';

describe('boundedBody', () => {
  it('reads a body of up to two windows whole', () => {
    const text = 'a'.repeat(2 * BODY_WINDOW);
    expect(boundedBody(text)).toBe(text);
  });

  it('past two windows reads only the first and the last window, a blank line between', () => {
    const text = `${'a'.repeat(BODY_WINDOW)}b${'c'.repeat(BODY_WINDOW)}`;
    expect(boundedBody(text)).toBe(`${'a'.repeat(BODY_WINDOW)}\n\n${'c'.repeat(BODY_WINDOW)}`);
  });

  it('treats a missing body as empty', () => {
    expect(boundedBody(undefined as unknown as string)).toBe('');
  });
});

describe('cleanLine', () => {
  it('trims plain ASCII', () => {
    expect(cleanLine('  Jane Smith  ')).toBe('Jane Smith');
  });

  it('decodes FootPrints entities', () => {
    expect(cleanLine(' Tom &amp; Jerry ')).toBe('Tom & Jerry');
  });

  it('turns tabs, no-break, em, thin and ideographic spaces into spaces and drops zero-width characters', () => {
    expect(cleanLine('Jane\u00a0Smith')).toBe('Jane Smith');
    expect(cleanLine('Jane\tSmith')).toBe('Jane Smith');
    expect(cleanLine('Jane\u2003Smith\u2009x\u3000y\u202fz\u205fw\u1680v')).toBe('Jane Smith x y z w v');
    expect(cleanLine('Ja\u200bne\u200c \u200dSm\u2060ith\ufeff')).toBe('Jane Smith');
    expect(cleanLine('\u00a0Jöhn\u00a0')).toBe('Jöhn');
  });

  it('a line longer than 4096 characters is cut and trimmed, not examined', () => {
    const long = ` Jane\u00a0${'x'.repeat(5000)}`;
    expect(cleanLine(long)).toBe(`Jane\u00a0${'x'.repeat(4096 - 6)}`);
    const limit = `Jane\u00a0${'x'.repeat(4096 - 5)}`;
    expect(cleanLine(limit)).toBe(`Jane ${'x'.repeat(4096 - 5)}`);
  });
});

describe('isQuoted', () => {
  it('a line starting with ">" (or its entity), after at most 8 spaces, is quoted', () => {
    expect(isQuoted('> old')).toBe(true);
    expect(isQuoted('&gt; old')).toBe(true);
    expect(isQuoted('&#62; old')).toBe(true);
    expect(isQuoted(`${' '.repeat(8)}> old`)).toBe(true);
    expect(isQuoted(`${' '.repeat(9)}> old`)).toBe(false);
    expect(isQuoted('a > b')).toBe(false);
  });
});

describe('quote introductions', () => {
  it('"On …, Jane wrote:" ends the own text', () => {
    expect(ownLines('Works now.\nOn Mon, Jan 5, Jane Smith wrote:\nold text')).toEqual(['Works now.']);
    expect(ownLines('Works now.\nAm 05.01. schrieb Hans Müller:\nalter Text')).toEqual(['Works now.']);
    expect(ownLines('Merci.\nLe lundi, Jean a écrit :\nancien')).toEqual(['Merci.']);
  });

  it('the verb must be a word of its own and the line must end with ":"', () => {
    expect(ownLines('Works now.\nJane rewrote:\nnew text')).toEqual(['Works now.', 'Jane rewrote:', 'new text']);
    expect(ownLines('Works now.\nJane wrotes:\nnew text')).toEqual(['Works now.', 'Jane wrotes:', 'new text']);
    expect(ownLines('Works now.\nJane wrote the fix\nnew text')).toEqual(['Works now.', 'Jane wrote the fix', 'new text']);
  });

  it('only the last 200 characters are searched for the verb, and a line over 400 is no introduction', () => {
    const far = `Jane wrote ${'x'.repeat(200)}:`;
    expect(ownLines(`Works.\n${far}\nmore`)).toEqual(['Works.', far, 'more']);
    const near = `${'x'.repeat(180)} Jane wrote:`;
    expect(ownLines(`Works.\n${near}\nmore`)).toEqual(['Works.']);
    const limit = `${'x'.repeat(388)} Jane wrote:`;
    expect(limit.length).toBe(400);
    expect(ownLines(`Works.\n${limit}\nmore`)).toEqual(['Works.']);
    const over = `${'x'.repeat(389)} Jane wrote:`;
    expect(ownLines(`Works.\n${over}\nmore`)).toEqual(['Works.', over, 'more']);
    const long = `${'x '.repeat(200)}Jane wrote:`;
    expect(long.length).toBeGreaterThan(400);
    expect(ownLines(`Works.\n${long}\nmore`)).toEqual(['Works.', long, 'more']);
  });

  it('an introduction followed by ">" lines lets the writer answer between the quoted parts', () => {
    const body = 'Hi Jane,\nOn Mon, Jane wrote:\n> Is it fixed?\nYes, since Monday.\n> And the logs?\n\nAttached.\nMat';
    expect(ownSegments(body).map((s) => s.map((l) => l.text))).toEqual([['Hi Jane,'], ['Yes, since Monday.'], ['Attached.', 'Mat']]);
  });

  it('the quoted line may come after up to three blank lines; further away the introduction ends the text', () => {
    expect(ownLines('Hi,\nJane wrote:\n\n\n\n> q\nanswer')).toEqual(['Hi,', 'answer']);
    expect(ownLines('Hi,\nJane wrote:\n\n\n\n\n> q\nanswer')).toEqual(['Hi,']);
    expect(ownLines('Hi,\nJane wrote:\nnot quoted\n> q\nanswer')).toEqual(['Hi,']);
  });

  it('an introduction wrapped over two lines ("… <" / "address> wrote:") is dropped whole', () => {
    const body = 'Fixed.\nOn Mon, Jan 5, 2015 at 10:00 AM, OSG FootPrints <\nosg@tick.globus.org> wrote:\n> old\nThanks\nMat';
    expect(ownLines(body)).toEqual(['Fixed.', 'Thanks', 'Mat']);
    expect(quoteStart(['On Mon, Jane Smith <', 'jane@example.org> wrote:', '> old'], 0, 1)).toEqual({ kind: 'skip', drop: 1 });
    expect(quoteStart(['On Mon, Jane Smith <', 'jane@example.org> wrote:', 'old'], 0, 1)).toEqual({ kind: 'stop', drop: 1 });
    expect(quoteStart(['On Mon, Jane Smith wrote', 'on behalf of jane@example.org:', 'old'], 0, 1)).toEqual({ kind: 'stop', drop: 1 });
  });

  it('the second half of a wrapped introduction must follow at once, hold an address, end with ":" and not be quoted', () => {
    expect(quoteStart(['On Mon, Jane Smith <', '', 'jane@example.org> wrote:'], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith <', 'jane at example.org> wrote:'], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith <', 'jane@example.org> wrote'], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith <', '> jane@example.org> wrote:'], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith', 'jane@example.org> said:'], 0, 1)).toBeNull();
    expect(quoteStart([`On Mon, ${'x'.repeat(300)} <`, 'jane@example.org> wrote:'], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith <', `${'j'.repeat(110)}@example.org> wrote:`], 0, 1)).toBeNull();
    expect(quoteStart(['On Mon, Jane Smith <'], 0, 1)).toBeNull();
  });

  it('an empty or over-long line is never where history starts', () => {
    expect(quoteStart([''], 0, 0)).toBeNull();
    expect(quoteStart([`-----Original ${'x'.repeat(400)}-----`], 0, 0)).toBeNull();
  });
});

describe('banners and forwarded messages', () => {
  it('a dashed banner with a word in it ends the own text', () => {
    expect(ownLines('Done.\n-----Original Message-----\nold')).toEqual(['Done.']);
    expect(ownLines('Done.\n---------- Forwarded message ---------\nold')).toEqual(['Done.']);
    expect(ownLines('Done.\n-----Ursprüngliche Nachricht-----\nold')).toEqual(['Done.']);
  });

  it('dashes without a word, on one side only, or over 80 characters are not a banner', () => {
    expect(ownLines('Done.\n----------\nMat')).toEqual(['Done.', '----------', 'Mat']);
    expect(ownLines('Done.\n-- ab --\nMat')).toEqual(['Done.', '-- ab --', 'Mat']);
    expect(ownLines('Done.\n-----Original Message\nMat')).toEqual(['Done.', '-----Original Message', 'Mat']);
    expect(ownLines('Done.\nOriginal Message-----\nMat')).toEqual(['Done.', 'Original Message-----', 'Mat']);
    const wide = `--${'Original Message '.repeat(5)}--`;
    expect(ownLines(`Done.\n${wide}\nMat`)).toEqual(['Done.', wide, 'Mat']);
  });

  it('"Begin forwarded message:" (with or without the colon) ends the own text, only as a whole line', () => {
    expect(ownLines('FYI\nBegin forwarded message:\nold')).toEqual(['FYI']);
    expect(ownLines('FYI\nBegin forwarded message\nold')).toEqual(['FYI']);
    expect(ownLines('FYI\nAnfang der weitergeleiteten Nachricht :\nalt')).toEqual(['FYI']);
    expect(ownLines('FYI\nDébut du message transféré :\nold')).toEqual(['FYI']);
    expect(ownLines('FYI\nSee: Begin forwarded message\nMat')).toEqual(['FYI', 'See: Begin forwarded message', 'Mat']);
    expect(ownLines('FYI\nBegin forwarded message: below\nMat')).toEqual(['FYI', 'Begin forwarded message: below', 'Mat']);
  });
});

describe('Outlook "From:" lines', () => {
  it('"From:" after own text ends it even without a header line after it', () => {
    expect(ownLines('Done.\nFrom: Jane Smith\nold')).toEqual(['Done.']);
  });

  it('"From:" as the first line starts history only when a header line follows', () => {
    expect(ownLines('From: Jane Smith\nSubject: x\nold')).toEqual([]);
    expect(ownLines('From: the logs I see a timeout.\nMat')).toEqual(['From: the logs I see a timeout.', 'Mat']);
    expect(ownLines('From: Jane Smith')).toEqual(['From: Jane Smith']);
  });

  it('a header label is a word or two of letters right before a colon near the start of the line', () => {
    expect(ownLines('Done.\nVon: Jane\nCc2: x\nold')).toEqual(['Done.', 'Von: Jane', 'Cc2: x', 'old']);
    expect(ownLines(`Done.\nVon: Jane\nSubject${' '.repeat(18)}: x\nold`)).toEqual(['Done.']);
    expect(ownLines(`Done.\nVon: Jane\nSubject${' '.repeat(19)}: x\nold`)).toEqual(['Done.', 'Von: Jane', `Subject${' '.repeat(19)}: x`, 'old']);
    expect(ownLines(`Done.\nVon: Jane\n${'a'.repeat(25)}: x\nold`)).toEqual(['Done.', 'Von: Jane', `${'a'.repeat(25)}: x`, 'old']);
    expect(ownLines('Done.\nVon: Jane\n: Subject\nold')).toEqual(['Done.', 'Von: Jane', ': Subject', 'old']);
  });
});

describe('underscore lines', () => {
  it('the underscores must fill the line, and at the very end they are kept', () => {
    expect(ownLines('Fixed now.\nsee __________\nVon: Jane\n\nOld text')).toEqual(['Fixed now.', 'see __________', 'Von: Jane', 'Old text']);
    expect(ownLines('Fixed now.\n__________ see\nVon: Jane\n\nOld text')).toEqual(['Fixed now.', '__________ see', 'Von: Jane', 'Old text']);
    expect(ownLines('Fixed now.\n__________')).toEqual(['Fixed now.', '__________']);
    expect(ownLines('Fixed now.\n__________\n\n')).toEqual(['Fixed now.', '__________']);
  });
});

describe('device footers and history lines', () => {
  it('drops "Sent from my iPhone" and similar footers, only at the start of a line', () => {
    expect(ownLines('OK\nSent from my iPhone\nMat')).toEqual(['OK', 'Mat']);
    expect(ownLines('OK\nVon meinem iPhone gesendet')).toEqual(['OK']);
    expect(ownLines('OK\nGet Outlook for Android')).toEqual(['OK']);
    expect(ownLines('OK\nThe job was sent from my laptop')).toEqual(['OK', 'The job was sent from my laptop']);
  });

  it('FP history lines are dropped only at the end of the own text', () => {
    expect(ownLines('Done.\nStatus changed to Resolved\nAssignees changed\nTicket type changed')).toEqual(['Done.']);
    expect(ownLines('Assignee added\nDone.')).toEqual(['Assignee added', 'Done.']);
  });

  it('isHistoryLine knows the FP actions, at the start of a line of at most 400 characters', () => {
    for (const line of ['Appended a Description', 'Notification mail sent', 'Assignee changed', 'Assignees removed', 'Ticket changed',
      'Ticket type changed', 'CC added', 'Attached a file', 'Field Next Action changed', 'Next Action Deadline changed', 'Priority set']) {
      expect(isHistoryLine(line), line).toBe(true);
    }
    expect(isHistoryLine('The Status changed')).toBe(false);
    expect(isHistoryLine('Field  changed')).toBe(false);
    expect(isHistoryLine('Field X changed')).toBe(true);
    expect(isHistoryLine(`Field ${'x'.repeat(82)} changed`)).toBe(false);
    expect(isHistoryLine(`Status changed ${'x'.repeat(386)}`)).toBe(false);
    expect(isHistoryLine(`Status changed ${'x'.repeat(385)}`)).toBe(true);
  });
});

describe('ownSegments', () => {
  it('marks the line after a blank line, or after a quote, as a new paragraph', () => {
    expect(ownSegments('a\nb\n\nc\n> q\nd')).toEqual([
      [{ text: 'a', blankBefore: false }, { text: 'b', blankBefore: false }, { text: 'c', blankBefore: true }],
      [{ text: 'd', blankBefore: true }],
    ]);
  });

  it('leading quotes make no empty segment, and a footer counts as a paragraph break', () => {
    expect(ownSegments('> q\n> r\na\nSent from my iPhone\nb')).toEqual([[{ text: 'a', blankBefore: true }, { text: 'b', blankBefore: true }]]);
  });

  it('an interleaved introduction splits the text; history lines go only from the last segment', () => {
    expect(ownSegments('Status changed\nJane wrote:\n> q\nanswer\nStatus changed').map((s) => s.map((l) => l.text))).toEqual([
      ['Status changed'],
      ['answer'],
    ]);
  });

  it('a last segment of history lines only disappears', () => {
    expect(ownSegments('answer\n> q\nStatus changed').map((s) => s.map((l) => l.text))).toEqual([['answer']]);
  });
});

describe('lastLines', () => {
  it('returns the last non-empty cleaned lines, last first, quoted or not', () => {
    expect(lastLines('a\n\n> b\n c \n\n', 2)).toEqual(['c', '> b']);
    expect(lastLines('a\nb', 5)).toEqual(['b', 'a']);
    expect(lastLines('', 3)).toEqual([]);
  });

  it('visits at most twenty lines per line asked for, blank ones included', () => {
    expect(lastLines(`a${'\n'.repeat(19)}`, 1)).toEqual(['a']);
    expect(lastLines(`a${'\n'.repeat(20)}`, 1)).toEqual([]);
  });
});

describe('matchClosing', () => {
  it('skips dashes and punctuation before the name and drops a final "." or "!"', () => {
    expect(matchClosing('Cheers -- Declan')).toEqual({ rest: 'Declan' });
    expect(matchClosing('Thanks, Jane!!')).toEqual({ rest: 'Jane' });
    expect(matchClosing('Thanks - J. Smith.')).toEqual({ rest: 'J. Smith' });
    expect(matchClosing('Thanks -- 42')).toEqual({ rest: '42' });
  });

  it('a closing may be at most five words, in a line of at most 120 characters', () => {
    expect(matchClosing(`Thanks, ${'x'.repeat(112)}`)).toEqual({ rest: 'x'.repeat(112) });
    expect(matchClosing(`Thanks, ${'x'.repeat(113)}`)).toBeNull();
    expect(matchClosing('   ')).toBeNull();
    expect(matchClosing('')).toBeNull();
  });

  it('a word of punctuation only inside the phrase breaks it', () => {
    expect(matchClosing('Best -- regards')).toEqual({ rest: 'regards' });
    expect(matchClosing('Mit ! freundlichen Grüßen')).toBeNull();
  });

  it('folds accents, ß and ł whatever the case', () => {
    expect(matchClosing('MIT FREUNDLICHEN GRÜSSEN, Hans')).toEqual({ rest: 'Hans' });
    expect(matchClosing('Viele Grüße: Hans')).toEqual({ rest: 'Hans' });
    expect(matchClosing('«Danke» Hans')).toEqual({ rest: 'Hans' });
  });
});

describe('bounds and near misses of quote starts', () => {
  it('a wrapped introduction: the first half up to 300 characters, the second up to 120, the two together up to 400', () => {
    const first = (n: number) => `On Mon, ${'x'.repeat(n - 10)} <`;
    expect(first(300)).toHaveLength(300);
    expect(quoteStart([first(300), 'jane@example.org> wrote:'], 0, 1)).toEqual({ kind: 'stop', drop: 1 });
    expect(quoteStart([first(301), 'jane@example.org> wrote:'], 0, 1)).toBeNull();
    const second = (n: number) => `${'j'.repeat(n - 20)}@example.org> wrote:`;
    expect(second(120)).toHaveLength(120);
    expect(quoteStart(['On Mon, Jane <', second(120)], 0, 1)).toEqual({ kind: 'stop', drop: 1 });
    expect(quoteStart(['On Mon, Jane <', second(121)], 0, 1)).toBeNull();
    // Each half within its bound, but 401 characters joined: no introduction.
    expect(quoteStart([first(281), second(119)], 0, 1)).toBeNull();
    expect(quoteStart([first(280), second(119)], 0, 1)).toEqual({ kind: 'stop', drop: 1 });
  });

  it('a dashed banner of exactly 80 characters still ends the own text', () => {
    const banner = `-----Original Message${'-'.repeat(59)}`;
    expect(banner).toHaveLength(80);
    expect(ownLines(`Done.\n${banner}\nold`)).toEqual(['Done.']);
  });

  it('a line over 400 characters is text even when it starts like an Outlook "From:" line', () => {
    const from = `From: ${'x'.repeat(395)}`;
    expect(from).toHaveLength(401);
    expect(ownLines(`Done.\n${from}\nmore`)).toEqual(['Done.', from, 'more']);
    expect(ownLines(`Done.\n${from.slice(0, 400)}\nmore`)).toEqual(['Done.']);
  });

  it('a header label needs a colon: a signature\'s underscores, then "Tom", are not an Outlook header', () => {
    expect(ownLines('Fixed now.\n__________\nTom\nFermilab')).toEqual(['Fixed now.', '__________', 'Tom', 'Fermilab']);
    expect(ownLines('Fixed now.\nDex\nTom')).toEqual(['Fixed now.', 'Dex', 'Tom']);
  });

  it('after underscores only a From or header label starts history; after a labelled line only a From label does', () => {
    expect(ownLines('Fixed now.\n__________\nNote: the logs are attached\nMat')).toEqual(['Fixed now.', '__________', 'Note: the logs are attached', 'Mat']);
    expect(ownLines('Fixed now.\n__________\nSent: Monday\nold')).toEqual(['Fixed now.']);
    expect(ownLines('Update: done\nDate: tomorrow\nMat')).toEqual(['Update: done', 'Date: tomorrow', 'Mat']);
    expect(ownLines('Von: Jane\nDate: tomorrow\nold')).toEqual([]);
  });

  it('a device footer is recognised in the first 60 characters of its line only', () => {
    const near = `Von meinem ${'x'.repeat(40)} gesendet`;
    expect(ownLines(`OK\n${near}`)).toEqual(['OK']);
    const far = `Von meinem ${'x'.repeat(50)} gesendet`;
    expect(ownLines(`OK\n${far}`)).toEqual(['OK', far]);
  });
});

describe('matchClosing: spacing', () => {
  it('two spaces inside a closing phrase are one', () => {
    expect(matchClosing('Best  regards')).toEqual({ rest: '' });
    expect(matchClosing('Best  regards,  Mat')).toEqual({ rest: 'Mat' });
  });

  it('a final "." after a space leaves no space behind the name', () => {
    expect(matchClosing('Thanks, Jane .')).toEqual({ rest: 'Jane' });
  });
});
