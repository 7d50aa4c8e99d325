/**
 * utils/email/headers.ts, one rule at a time: what a header line is, when lines make a header block
 * (at a message's top and inside a body), folded lines, where a block ends, mailboxes, address
 * lists, subject prefixes.
 */
import { describe, expect, it } from 'vitest';
import { parseAddressList, parseMailbox, readHeaderBlock, splitHeaderLine, stripSubjectPrefixes } from '../../../../utils/email/headers';

const block = (text: string, strict = true) => {
  const b = readHeaderBlock(text.split('\n'), 0, strict);
  return b && { fields: Object.fromEntries(b.fields), end: b.end };
};

describe('splitHeaderLine', () => {
  it('splits "Label: value" and trims both', () => {
    expect(splitHeaderLine('Subject:  CE down  ')).toEqual(['Subject', 'CE down']);
    expect(splitHeaderLine('Envoyé le : lundi')).toEqual(['Envoyé le', 'lundi']);
    expect(splitHeaderLine('X-Mailer_2: y')).toEqual(['X-Mailer_2', 'y']);
    expect(splitHeaderLine('Subject:')).toEqual(['Subject', '']);
  });

  it('no colon, a colon first, or a label longer than 40 characters: no header line', () => {
    expect(splitHeaderLine('no colon here')).toBeNull();
    expect(splitHeaderLine(': value')).toBeNull();
    expect(splitHeaderLine(`${'a'.repeat(41)}: value`)).toBeNull();
    expect(splitHeaderLine(`${'a'.repeat(40)}: value`)).toEqual(['a'.repeat(40), 'value']);
  });

  it('the label is one word (or a word and one more word) of letters, digits, "-" and "_"', () => {
    expect(splitHeaderLine('-X: y')).toBeNull();
    expect(splitHeaderLine('two words here: y')).toBeNull();
    expect(splitHeaderLine('a/b: y')).toBeNull();
    expect(splitHeaderLine('   : y')).toBeNull();
    expect(splitHeaderLine('Enviado el2: y')).toBeNull();
  });

  it('at most 8192 characters after the colon are read', () => {
    expect(splitHeaderLine(`Subject:${'s'.repeat(9000)}`)![1]).toHaveLength(8192);
  });
});

describe('readHeaderBlock', () => {
  it('localized labels map to the fields they mean', () => {
    expect(block('Von: Hans <h@x.de>\nGesendet: Montag\nAn: b@x.org\nKopie: c@x.org\nBetreff: Frage\n\nText')).toEqual({
      fields: { from: 'Hans <h@x.de>', date: 'Montag', to: 'b@x.org', cc: 'c@x.org', subject: 'Frage' },
      end: 6,
    });
    expect(block('De : Jean <j@x.fr>\nEnvoyé : lundi\nÀ : b@x.org\nObjet : Certificat\n\ntexte')!.fields).toEqual({ from: 'Jean <j@x.fr>', date: 'lundi', to: 'b@x.org', subject: 'Certificat' });
  });

  it('at the top: two localized fields are enough, one is not', () => {
    expect(block('Von: Hans\nBetreff: Frage\n\nText')).not.toBeNull();
    expect(block('Betreff: Frage\n\nText')).toBeNull();
  });

  it('at the top: one field only sources have (Message-ID, X-…, ARC-…) is enough', () => {
    expect(block('Message-ID: <1@x>\n\nText')).not.toBeNull();
    expect(block('X-Custom: 1\n\nText')).not.toBeNull();
    expect(block('ARC-Seal: i=1\n\nText')).not.toBeNull();
    expect(block('Importance: high\n\nText')).not.toBeNull();
  });

  it('at the top: one English field alone needs a subject or an address', () => {
    expect(block('To: the OSG team\n\nText')).toBeNull();
    expect(block('To: help@osg.org\n\nText')).not.toBeNull();
    expect(block('Cc: help@osg.org\n\nText')).not.toBeNull();
    expect(block('From: Jane\n\nText')).toBeNull();
    expect(block('Date: Monday\n\nText')).toBeNull();
    expect(block('Subject: x\n\nText')).not.toBeNull();
  });

  it('inside a body: a From and one more known field, nothing less', () => {
    expect(block('From: Jane <j@x.org>\nSent: Monday\n\nold', false)).not.toBeNull();
    expect(block('From: Jane <j@x.org>\n\nold', false)).toBeNull();
    expect(block('Sent: Monday\nTo: b@x.org\n\nold', false)).toBeNull();
    expect(block('From: Jane <j@x.org>\nX-Custom: 1\n\nold', false)).toBeNull();
  });

  it('a folded line (space or tab) continues the field above it', () => {
    expect(block('Subject: a long\n\tsubject\n  line\nFrom: j@x.org\n\nText')!.fields.subject).toBe('a long subject line');
  });

  it('a folded value is capped at 8192 characters', () => {
    const b = block(`Subject: ${'a'.repeat(8000)}\n ${'b'.repeat(500)}\n ${'c'.repeat(500)}\nFrom: j@x.org\n\nText`)!;
    expect(b.fields.subject).toHaveLength(8192);
    expect(b.fields.subject.endsWith('b')).toBe(true);
  });

  it('the first value of a repeated field is kept', () => {
    expect(block('Subject: first\nSubject: second\nFrom: j@x.org\n\nText')!.fields.subject).toBe('first');
  });

  it('the block ends at its blank line; at the end of the text it ends there', () => {
    expect(block('From: j@x.org\nSubject: x\n\nText')!.end).toBe(3);
    expect(block('From: j@x.org\nSubject: x')!.end).toBe(2);
    expect(block('From: j@x.org\nSubject: x\n   \nText')!.end).toBe(3);
  });

  it('ended by text, the block ends after its last known field, a folded line included', () => {
    expect(block('From: j@x.org\nSubject: a\n b\nError: x\nmore')).toEqual({ fields: { from: 'j@x.org', subject: 'a b' }, end: 3 });
  });

  it('ended by text with no known field: no block', () => {
    expect(block('X-One: 1\nX-Two: 2\ntext')).toBeNull();
  });

  it('a block starts where asked', () => {
    const lines = ['Text', '', 'From: j@x.org', 'Date: Monday', '', 'old'];
    expect(readHeaderBlock(lines, 2, false)!.end).toBe(5);
  });

  it('at most 500 lines are read as one block', () => {
    const lines = ['From: j@x.org', 'Subject: x', ...Array.from({ length: 600 }, (_, i) => `X-H${i}: v`), '', 'Text'];
    const b = readHeaderBlock(lines, 0, true)!;
    expect(b.end).toBe(2);
  });
});

describe('parseMailbox rules', () => {
  it('a mailto: inside angle brackets is dropped', () => {
    expect(parseMailbox('Jane <mailto:Jane@X.org>')).toEqual({ name: 'Jane', address: 'jane@x.org' });
  });

  it('the last angle-bracket pair is the address', () => {
    expect(parseMailbox('"a <b>" <c@x.org>')).toEqual({ name: 'a <b>', address: 'c@x.org' });
  });

  it('an address in parentheses form needs text before the "("', () => {
    expect(parseMailbox('(Jane) j@x.org')).toEqual({ name: '(Jane)', address: 'j@x.org' });
  });

  it('something that is not an address is no address; the name stays', () => {
    expect(parseMailbox('Jane <not an address>')).toEqual({ name: 'Jane', address: '' });
    expect(parseMailbox('Jane <a@b@c>')).toEqual({ name: 'Jane', address: '' });
  });

  it('a loose address in the text is found', () => {
    expect(parseMailbox('Call Jane at J@X.org')).toEqual({ name: 'Call Jane at', address: 'j@x.org' });
  });

  it('nested quotes and stars around a name are removed (up to three levels)', () => {
    expect(parseMailbox(`"'*Jane*'" <j@x.org>`)).toEqual({ name: 'Jane', address: 'j@x.org' });
    expect(parseMailbox('"\'" <j@x.org>')).toEqual({ name: "'", address: 'j@x.org' });
  });

  it('a name that is the address itself is no name', () => {
    expect(parseMailbox('J@X.org <j@x.org>')).toEqual({ name: '', address: 'j@x.org' });
    expect(parseMailbox('"<j@x.org>" <j@x.org>')).toEqual({ name: '', address: 'j@x.org' });
  });
});

describe('parseAddressList rules', () => {
  it('commas inside angle brackets or quotes do not split', () => {
    expect(parseAddressList('<j@x.org;b@y.org>')).toEqual(['j@x.org']);
    expect(parseAddressList('"b@y.org; x" <j@x.org>')).toEqual(['j@x.org']);
    expect(parseAddressList('Jane <j@x.org>,Bob <b@x.org>')).toEqual(['j@x.org', 'b@x.org']);
  });

  it('duplicates and entries without an address are dropped', () => {
    expect(parseAddressList('j@x.org, J@X.org, nobody, , b@x.org')).toEqual(['j@x.org', 'b@x.org']);
    expect(parseAddressList('')).toEqual([]);
  });
});

describe('stripSubjectPrefixes rules', () => {
  it.each([
    ['  Re:  x  ', 'x', false],
    ['Fwd: x', 'x', true],
    ['RE[12]: x', 'x', false],
    ['Re [3]: x', 'x', false],
    ['TR: x', 'x', true],
    ['转发：x', 'x', true],
    ['Re:x: y', 'x: y', false],
    ['Re- x: y', 'Re- x: y', false],
    ['Important notice: x', 'Important notice: x', false],
    [':x', ':x', false],
  ])('%j → %j', (subject, stripped, forwarded) => {
    expect(stripSubjectPrefixes(subject)).toEqual({ subject: stripped, forwarded });
  });

  it('a prefix\'s colon must be within the first 12 characters', () => {
    expect(stripSubjectPrefixes(`Re${' '.repeat(10)}: x`)).toEqual({ subject: 'x', forwarded: false });
    expect(stripSubjectPrefixes(`Re${' '.repeat(11)}: x`)).toEqual({ subject: `Re${' '.repeat(11)}: x`, forwarded: false });
  });

  it('at most 50 prefixes are removed', () => {
    expect(stripSubjectPrefixes(`${'Re: '.repeat(60)}x`).subject).toBe(`${'Re: '.repeat(10)}x`.trim());
  });
});
