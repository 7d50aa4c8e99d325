/**
 * utils/email/history.ts, one rule at a time: where the writer's own words end (splitHistory's cut)
 * and what starts the history (a forward banner, a reply introduction or header block, a trailing
 * `>` block), the wrapped two-line introduction, the false alarms refused, and joinTrimmed.
 */
import { describe, expect, it } from 'vitest';
import { joinTrimmed, splitHistory } from '../../../../utils/email/history';

const split = (text: string) => splitHistory(text.split('\n'));

describe('splitHistory', () => {
  it('no history: the cut is after the last line', () => {
    expect(split('Hi,\n\nthe CE is down.\n\nJane')).toEqual({ cut: 5, kind: 'none' });
    expect(splitHistory([])).toEqual({ cut: 0, kind: 'none' });
  });

  it('a reply introduction followed by quoted lines starts a reply history at the introduction', () => {
    expect(split('It is down.\n\nOn Mon, Bob <b@x.org> wrote:\n> Is it up?\n> Bob')).toEqual({ cut: 2, kind: 'reply' });
  });

  it('a reply introduction followed by unquoted text still starts the history', () => {
    expect(split('It is down.\n\nOn Mon, Bob <b@x.org> wrote:\nIs it up?')).toEqual({ cut: 2, kind: 'reply' });
  });

  it('Outlook\'s "-----Original Message-----" is a reply; a forward banner is a forward', () => {
    expect(split('See below.\n-----Original Message-----\nFrom: Bob <b@x.org>\nSent: Monday\n\nold')).toEqual({ cut: 1, kind: 'reply' });
    expect(split('FYI\n\n---------- Forwarded message ---------\nFrom: Bob <b@x.org>\nDate: Monday\n\nold')).toEqual({ cut: 2, kind: 'forward' });
    expect(split('FYI\n\nBegin forwarded message:\n\nFrom: Bob <b@x.org>\nDate: Monday\n\nold')).toEqual({ cut: 2, kind: 'forward' });
    expect(split('FYI\n-------- Weitergeleitete Nachricht --------\nVon: Bob <b@x.org>\nDatum: Montag\n\nalt')).toEqual({ cut: 1, kind: 'forward' });
  });

  it('French forward words with accents say forward', () => {
    expect(split('FYI\n-------- Message transféré --------\nDe : Bob <b@x.org>\nDate : lundi\n\nvieux')).toEqual({ cut: 1, kind: 'forward' });
    expect(split('FYI\nDébut du message réexpédié :\n\nDe : Bob <b@x.org>\nDate : lundi\n\nvieux')).toEqual({ cut: 1, kind: 'forward' });
  });

  it('only the first 120 characters of the line that starts the history say whether it is a forward', () => {
    const block = (from: string) => `See below.\n\n${from}\nSent: Monday\nTo: me@x.org\nSubject: x\n\nold`;
    expect(split(block('From: Bob <b@x.org> forwarded'))).toEqual({ cut: 2, kind: 'forward' });
    expect(split(block(`From: Bob <b@x.org> ${'x'.repeat(120)} forwarded`))).toEqual({ cut: 2, kind: 'reply' });
  });

  it('a `>` block at the end is history of its own kind (blank lines in and after it do not matter)', () => {
    expect(split('Yes, it works now.\n\nNina\n\n> Please import the key.\n> OSG Help')).toEqual({ cut: 4, kind: 'quote' });
    expect(split('Yes, it works now.\n\n> Please import the key.\n\n> OSG Help\n\n')).toEqual({ cut: 2, kind: 'quote' });
  });

  it('a text that is all `>` lines is history from its first line', () => {
    expect(split('> a\n> b\n> c')).toEqual({ cut: 0, kind: 'quote' });
  });

  it('`>` lines followed by more own words stay (interleaved answers, shell lines)', () => {
    expect(split('> Which batch system?\nSlurm.\n> Same host?\nNo.')).toEqual({ cut: 4, kind: 'none' });
    expect(split('Hi,\n\nOn Mon, Bob <b@x.org> wrote:\n> Which batch system?\nSlurm.')).toEqual({ cut: 5, kind: 'none' });
  });

  it('a `>` block right above a banner: the history starts at the `>` block', () => {
    expect(split('Done.\n> old answer\n-----Original Message-----\nFrom: Bob <b@x.org>\nSent: Monday')).toEqual({ cut: 1, kind: 'quote' });
  });

  it('a `>` block on the very first line stays the start when a banner or an introduction follows', () => {
    expect(split('> old answer\n-----Original Message-----\nFrom: Bob <b@x.org>\nSent: Monday')).toEqual({ cut: 0, kind: 'quote' });
    expect(split('> old answer\nOn Mon, Bob <b@x.org> wrote:\n> older')).toEqual({ cut: 0, kind: 'quote' });
  });

  it('an introduction inside an already started history does not move the cut', () => {
    const text = 'Fixed.\n\nOn Tue, Ann <a@x.org> wrote:\n> ok\n\nOn Mon, Bob <b@x.org> wrote:\n> broken?';
    expect(split(text)).toEqual({ cut: 2, kind: 'reply' });
  });

  describe('an introduction wrapped over two lines starts at its first line', () => {
    it('Gmail: "On … <address>" then "wrote:"', () => {
      expect(split('Hello,\n\nOn Sun, Jan 5, 2025 at 6:30 PM OSG Help <help@x.org>\nwrote:\n\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('a first line without an address, the second starting with the verb', () => {
      expect(split('Hello,\n\nAm 5. Januar 2025 um 18:30 schrieb OSG Help\nschrieb:\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('a first line with the address, the second with neither the verb first nor an address', () => {
      expect(split('Hello,\n\nOn Sunday <help@x.org>\nOSG Help wrote:\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('a second line with the address', () => {
      expect(split('Hello,\n\nLe 5 janv. 2025, OSG Help\n<help@x.org> a écrit :\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('the line above must open an introduction ("On", "Am", "Le", …)', () => {
      expect(split('Hello,\nThanks <help@x.org>\nwrote:\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    expect(split('Hello,\nSee the reply on Sunday <help@x.org>\nwrote:\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('the line above without the verb or an address on either line is not its first half', () => {
      expect(split('Hello,\nOn Sunday the CE was down\nBob Smith said and wrote:\n> probe?')).toEqual({ cut: 2, kind: 'reply' });
    });

    it('a long second line (over 80 characters) or a long first line (over 300) is no wrapped introduction', () => {
      const long = `${'x'.repeat(80)} wrote:`;
      expect(split(`Hello,\nOn Sunday <help@x.org>\n${long}\n> probe?`)).toEqual({ cut: 2, kind: 'reply' });
      const first = `On Sunday <help@x.org> ${'y'.repeat(300)}`;
      expect(split(`Hello,\n${first}\nwrote:\n> probe?`)).toEqual({ cut: 2, kind: 'reply' });
    });

    it('at 80 and 300 characters the two halves are still joined', () => {
      const second = `${'x'.repeat(80 - ' wrote:'.length)} wrote:`;
      expect(second.length).toBe(80);
      expect(split(`Hello,\nOn Sunday <help@x.org>\n${second}\n> probe?`)).toEqual({ cut: 1, kind: 'reply' });
      const first = `On Sunday <help@x.org> ${'y'.repeat(300 - 'On Sunday <help@x.org> '.length)}`;
      expect(first.length).toBe(300);
      expect(split(`Hello,\n${first}\nwrote:\n> probe?`)).toEqual({ cut: 1, kind: 'reply' });
    });

    it('an introduction on the first line has no line above to join', () => {
      expect(split('wrote:\n> probe?')).toEqual({ cut: 0, kind: 'reply' });
    });
  });

  describe('false alarms', () => {
    it('a dashed log banner without a banner word is own text', () => {
      expect(split('Output:\n---------- TEST FAILED ----------\nFAIL\n-------------------\nRavi')).toEqual({ cut: 5, kind: 'none' });
    });

    it('a dashed banner with a banner word in any language is history', () => {
      for (const banner of ['-------- Transféré --------', '-------- Réexpédié --------', '-----Ursprüngliche Nachricht-----', '-----Mensaje original-----', '----- Original -----', '-----Oorspronkelijk bericht-----']) {
        expect(split(`Done.\n${banner}\nold`), banner).toEqual({ cut: 1, kind: expect.any(String) });
      }
    });

    it('"From:" with a path, not an address, and no header block under it is own text', () => {
      expect(split('Log:\nFrom: /var/log/condor/MasterLog\nERROR x\nRavi')).toEqual({ cut: 4, kind: 'none' });
      expect(split('Log:\nVon: /var/log/condor/MasterLog\nDatum x\nRavi')).toEqual({ cut: 4, kind: 'none' });
    });

    it('"From:" without an address that starts a header block is history', () => {
      expect(split('See below.\nFrom: Jane Doe\nSent: Monday, March 3, 2025\nTo: Bob\nSubject: CE\n\nold')).toEqual({ cut: 1, kind: 'reply' });
    });

    it('"From:" with an address is history even without a full block', () => {
      expect(split('See below.\nFrom: Jane Doe <jane@x.org>\nold text')).toEqual({ cut: 1, kind: 'reply' });
    });

    it('a "From:" path line with one source-only field under it is still own text (the block must hold two known fields)', () => {
      expect(split('Log:\nFrom: /var/log/condor/MasterLog\nX-Condor-Id: 5\n\nRavi')).toEqual({ cut: 5, kind: 'none' });
    });

    it('only the sender labels themselves are checked: "Agenda:" or "Details:" before "wrote:" is an introduction', () => {
      expect(split('Hi\nAgenda: on Monday Bob wrote:\n> old')).toEqual({ cut: 1, kind: 'reply' });
      expect(split('Hi\nDetails: on Monday Bob wrote:\n> old')).toEqual({ cut: 1, kind: 'reply' });
    });

    it('dashes at only one end make no banner: the line is read as what it is', () => {
      expect(split('Hi\n-- On Monday, Bob wrote:\n> old')).toEqual({ cut: 1, kind: 'reply' });
      expect(split('Hi\nFrom: Bob <b@x.org> --\nold')).toEqual({ cut: 1, kind: 'reply' });
    });

    it('another label without an address is not checked as a false alarm', () => {
      expect(split('See below.\n\nOn Monday Bob wrote:\nSent: nothing')).toEqual({ cut: 2, kind: 'reply' });
    });
  });
});

describe('joinTrimmed', () => {
  it('drops blank (and white-space only) lines at both ends, keeps them inside', () => {
    expect(joinTrimmed(['', '  ', 'a', '', 'b', ' \t', ''])).toBe('a\n\nb');
    expect(joinTrimmed(['a'])).toBe('a');
    expect(joinTrimmed(['', ' ', ''])).toBe('');
    expect(joinTrimmed([])).toBe('');
    expect(joinTrimmed(['  indented', 'x  '])).toBe('  indented\nx  ');
  });
});
