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

describe('header label tables', () => {
  const LOCALIZED: [string, string][] = [
    ['From', 'from'], ['Von', 'from'], ['De', 'from'], ['Da', 'from'], ['Van', 'from'], ['Fra', 'from'], ['Från', 'from'], ['Od', 'from'], ['Expéditeur', 'from'], ['Lähettäjä', 'from'],
    ['Date', 'date'], ['Sent', 'date'], ['Gesendet', 'date'], ['Datum', 'date'], ['Envoyé', 'date'], ['Envoyé le', 'date'], ['Enviado', 'date'], ['Enviado el', 'date'],
    ['Fecha', 'date'], ['Inviato', 'date'], ['Data', 'date'], ['Verzonden', 'date'], ['Sendt', 'date'], ['Skickat', 'date'], ['Wysłano', 'date'],
    ['To', 'to'], ['An', 'to'], ['À', 'to'], ['A', 'to'], ['Para', 'to'], ['Aan', 'to'], ['Til', 'to'], ['Till', 'to'], ['Do', 'to'],
    ['Cc', 'cc'], ['Kopie', 'cc'], ['Cci', 'cc'],
    ['Subject', 'subject'], ['Betreff', 'subject'], ['Objet', 'subject'], ['Asunto', 'subject'], ['Oggetto', 'subject'], ['Onderwerp', 'subject'], ['Emne', 'subject'],
    ['Ämne', 'subject'], ['Temat', 'subject'], ['Assunto', 'subject'], ['Aihe', 'subject'],
  ];

  it.each(LOCALIZED)('"%s:" is the %s field, and counts as a known field', (label, field) => {
    // Two known fields make a block at a message's top; the label's value lands under its field.
    const b = readHeaderBlock([`${label}: value`, 'Message-ID: <1@x>', '', 'Text'], 0, true)!;
    expect(b.fields.get(field)).toBe('value');
    // Known: a block ended by text ends after it (the line after is body text).
    expect(readHeaderBlock(['Message-ID: <1@x>', `${label}: value`, 'Plain text line'], 0, true)!.end).toBe(2);
  });

  const RFC = ['Reply-To', 'Message-ID', 'Received', 'Return-Path', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Delivered-To', 'DKIM-Signature',
    'Authentication-Results', 'In-Reply-To', 'References', 'Sender', 'Thread-Topic', 'Thread-Index', 'User-Agent', 'X-Mailer', 'Importance', 'List-ID', 'Precedence',
    'ARC-Seal', 'X-Received'];

  it.each(RFC)('"%s:" alone makes a header block at the top, and is a known field', (label) => {
    expect(block(`${label}: v\n\nText`)).toEqual({ fields: { [label.toLowerCase()]: 'v' }, end: 2 });
    const b = readHeaderBlock(['Subject: s', `${label}: v`, 'Plain text line'], 0, true)!;
    expect(b.end).toBe(2);
    expect([...b.fields.keys()]).toEqual(['subject', label.toLowerCase()]);
  });

  it('any other X-… or ARC-… field makes a block at the top, but is not a known field', () => {
    expect(block('ARC-Message-Signature: i=1\n\nText')).not.toBeNull();
    expect(block('X-Spam-Score: 1\n\nText')).not.toBeNull();
    expect(readHeaderBlock(['Subject: s', 'ARC-Message-Signature: i=1', 'Plain text line'], 0, true)!.end).toBe(1);
    expect(readHeaderBlock(['Subject: s', 'X-Spam-Score: 1', 'Plain text line'], 0, true)!.end).toBe(1);
  });

  it('a known field of a mail app\'s block (From, Date, To, Cc, Subject) is one vote; an RFC field is two', () => {
    // Localized Date and From: two known fields.
    expect(block('Von: Hans\nDatum: Montag\n\nText')).not.toBeNull();
    // One English field without subject or address, and one unknown line: no block.
    expect(block('Date: Monday\nKeywords: x\n\nText')).toBeNull();
    expect(block('Keywords: x\nReply-To: r\n\nText')).not.toBeNull();
  });
});

describe('readHeaderBlock edges', () => {
  it('a first line that starts with a space is read as a field of its own (nothing to fold into)', () => {
    expect(block(' Subject: x\n\nText')).toEqual({ fields: { subject: 'x' }, end: 2 });
  });

  it('ended by text, a folded line holding a colon stays part of its field', () => {
    const b = readHeaderBlock(['From: j@x.org', 'Subject: a', ' b: c', 'Error: x', 'more'], 0, true)!;
    expect(b.end).toBe(3);
    expect([...b.fields.entries()]).toEqual([['from', 'j@x.org'], ['subject', 'a b: c']]);
  });

  it('ended by text, a repeated field keeps its first value', () => {
    const b = readHeaderBlock(['Subject: first', 'Subject: second', 'From: j@x.org', 'more text'], 0, true)!;
    expect([...b.fields.entries()]).toEqual([['subject', 'first'], ['from', 'j@x.org']]);
    expect(b.end).toBe(3);
  });

  it('a block read from a later line ends relative to that line', () => {
    const lines = ['Text', 'From: j@x.org', 'Date: Monday', 'more text'];
    expect(readHeaderBlock(lines, 1, false)).toEqual({ fields: new Map([['from', 'j@x.org'], ['date', 'Monday']]), end: 3 });
  });
});

describe('parseMailbox edges', () => {
  it('only the first 2048 characters are read', () => {
    expect(parseMailbox(`${'x'.repeat(2100)} <j@x.org>`).address).toBe('');
    expect(parseMailbox(`${'x'.repeat(2000)} <j@x.org>`).address).toBe('j@x.org');
  });

  it('[MAILTO:…] in any case, also with nothing before it', () => {
    expect(parseMailbox('Jane [MAILTO:J@x.org]')).toEqual({ name: 'Jane', address: 'j@x.org' });
    expect(parseMailbox('[mailto:j@x.org]')).toEqual({ name: '', address: 'j@x.org' });
  });

  it('a "[mailto:" never closed by "]" is no address', () => {
    expect(parseMailbox('Jane [mailto:j@x.org').address).toBe('');
  });

  it('spaces inside the brackets are ignored, also before "mailto:"', () => {
    expect(parseMailbox('Jane < mailto:j@x.org >')).toEqual({ name: 'Jane', address: 'j@x.org' });
    expect(parseMailbox('"a@y.org" < j@x.org >').address).toBe('j@x.org');
  });

  it('an address has a local part of 1-64 characters and a domain of 1-190', () => {
    expect(parseMailbox(`${'a'.repeat(64)}@x.org`).address).toBe(`${'a'.repeat(64)}@x.org`);
    expect(parseMailbox(`${'a'.repeat(65)}@x.org`).address).toBe('');
    expect(parseMailbox(`a@${'d'.repeat(190)}`).address).toBe(`a@${'d'.repeat(190)}`);
    expect(parseMailbox(`a@${'d'.repeat(191)}`).address).toBe('');
    expect(parseMailbox('a@b').address).toBe('a@b');
    expect(parseMailbox('@b').address).toBe('');
    expect(parseMailbox('a@').address).toBe('');
  });

  it('an address holds no colon and one "@"; a space or a quote splits it into words', () => {
    for (const bad of ['a:b@x.org', 'a@x:org', 'a@b@x.org']) expect(parseMailbox(`<${bad}>`).address).toBe('');
    expect(parseMailbox('<a b@x.org>').address).toBe('b@x.org');
    expect(parseMailbox('<a"b@x.org>').address).toBe('b@x.org');
  });

  it('at most three levels of quotes around a name are removed', () => {
    expect(parseMailbox(`"'"'Jane'"'" <j@x.org>`).name).toBe("'Jane'");
  });

  it('quotes and stars come off only in pairs, and the name inside is trimmed', () => {
    expect(parseMailbox('"Jane\' <j@x.org>').name).toBe('"Jane\'');
    expect(parseMailbox('"" <j@x.org>').name).toBe('');
    expect(parseMailbox("'' <j@x.org>").name).toBe('');
    expect(parseMailbox('** <j@x.org>').name).toBe('');
    expect(parseMailbox('* <j@x.org>').name).toBe('*');
    expect(parseMailbox('*Jane <j@x.org>').name).toBe('*Jane');
    expect(parseMailbox('" Jane " <j@x.org>').name).toBe('Jane');
    expect(parseMailbox('* Jane * <j@x.org>').name).toBe('Jane');
  });

  it('a ">" with no "<" before it is no bracket', () => {
    expect(parseMailbox('Jane> j@x.org')).toEqual({ name: 'Jane>', address: 'j@x.org' });
  });
});

describe('parseAddressList edges', () => {
  it('"<" and ">" inside quotes do not open or close brackets', () => {
    expect(parseAddressList('"a<b" x@y.org, c@x.org')).toEqual(['x@y.org', 'c@x.org']);
  });

  it('only the first 8192 characters of a list are read', () => {
    expect(parseAddressList(`a@x.org, ${' '.repeat(8200)}, b@x.org`)).toEqual(['a@x.org']);
  });
});

describe('stripSubjectPrefixes tables', () => {
  it.each([
    ['re', false], ['fw', true], ['fwd', true], ['aw', false], ['wg', true], ['sv', false], ['vs', false], ['antw', false], ['tr', true], ['rv', true],
    ['ref', false], ['réf', false], ['odp', false], ['pd', true], ['doorst', true], ['vl', true], ['enc', true], ['res', false], ['回复', false], ['答复', false], ['转发', true],
  ])('"%s:" is a prefix (forward: %s)', (prefix, forwarded) => {
    expect(stripSubjectPrefixes(`${prefix.toUpperCase()}: x`)).toEqual({ subject: 'x', forwarded });
  });

  it('the reply count "[n]" has 1-4 digits and sits at the end of the prefix', () => {
    expect(stripSubjectPrefixes('Re[1234]: x').subject).toBe('x');
    expect(stripSubjectPrefixes('Re[12345]: x').subject).toBe('Re[12345]: x');
    expect(stripSubjectPrefixes('Re[]: x').subject).toBe('Re[]: x');
    expect(stripSubjectPrefixes('R[1]e: x').subject).toBe('R[1]e: x');
    expect(stripSubjectPrefixes('Re:[2]: x').subject).toBe('[2]: x');
  });
});

describe('labels that are names of object properties', () => {
  it('"Constructor:" is a field like any other, kept under its own name', () => {
    expect(block('Constructor: x\nSubject: y\n\nText')).toEqual({ fields: { constructor: 'x', subject: 'y' }, end: 3 });
    expect(block('Constructor: x\n\nText')).toBeNull();
  });
});

describe('headers edges, continued', () => {
  it('"MAILTO:" in capitals inside brackets is dropped too', () => {
    expect(parseMailbox('Jane <MAILTO:J@x.org>')).toEqual({ name: 'Jane', address: 'j@x.org' });
  });

  it('a field with an empty value takes its folded line as the value', () => {
    expect(block('Subject:\n  CE down\nFrom: j@x.org\n\nText')!.fields.subject).toBe('CE down');
  });
});

describe('header blocks: where they end (mutation-tested rules)', () => {
  it('a line of only spaces ends the block like an empty line; a field after it is not read', () => {
    expect(block('From: j@x.org\nSubject: x\n   \nX-Later: y\n\nText')).toEqual({ fields: { from: 'j@x.org', subject: 'x' }, end: 3 });
    expect(block('From: j@x.org\nSubject: x\n\t\nTo: b@x.org\n\nText')).toEqual({ fields: { from: 'j@x.org', subject: 'x' }, end: 3 });
  });

  it('a field on the 501st line of a block is not read', () => {
    const lines = ['From: j@x.org', 'Subject: x', ...Array.from({ length: 498 }, (_, i) => `X-H${i}: v`), 'To: b@x.org', '', 'Text'];
    const b = readHeaderBlock(lines, 0, true)!;
    expect(b.fields.has('to')).toBe(false);
    expect(b.end).toBe(2);
    // One line fewer and the To: is the 500th line: read, and the block ends at the blank line.
    const shorter = ['From: j@x.org', 'Subject: x', ...Array.from({ length: 497 }, (_, i) => `X-H${i}: v`), 'To: b@x.org', '', 'Text'];
    const c = readHeaderBlock(shorter, 0, true)!;
    expect(c.fields.get('to')).toBe('b@x.org');
    expect(c.end).toBe(501);
  });

  it('ended by text, a folded line under an unknown field after the last known one is body text too', () => {
    expect(block('From: j@x.org\nSubject: s\nX-Note: a\n b\nbody text')).toEqual({ fields: { from: 'j@x.org', subject: 's' }, end: 2 });
  });
});

describe('parseMailbox: quotes, stars, brackets (mutation-tested rules)', () => {
  it('a quote or a star only at the end of a name is part of the name', () => {
    expect(parseMailbox('Jane" <j@x.org>').name).toBe('Jane"');
    expect(parseMailbox("Jane' <j@x.org>").name).toBe("Jane'");
    expect(parseMailbox('Jane* <j@x.org>').name).toBe('Jane*');
  });

  it('a quote only at the start of a name is part of the name', () => {
    expect(parseMailbox("'Jane <j@x.org>").name).toBe("'Jane");
  });

  it('leading spaces do not count as text before a "("', () => {
    expect(parseMailbox('  (Jane) j@x.org')).toEqual({ name: '(Jane)', address: 'j@x.org' });
  });

  it('only a "mailto:" at the start of the bracketed address is dropped', () => {
    expect(parseMailbox('Jane <x-mailto:j@x.org>')).toEqual({ name: 'Jane', address: '' });
  });

  it('square brackets without "mailto:" are no address form; the address is found in the text', () => {
    expect(parseMailbox('[Jane] j@x.org')).toEqual({ name: '[Jane]', address: 'j@x.org' });
  });

  it('an unclosed "(" after an address: the address is found in the text, the rest is the name', () => {
    expect(parseMailbox('j@x.org (Jane')).toEqual({ name: '(Jane', address: 'j@x.org' });
  });

  it('an apostrophe in the address is kept, in the "address (Name)" form too', () => {
    expect(parseMailbox("o'brien@x.org (Pat O'Brien)")).toEqual({ name: "Pat O'Brien", address: "o'brien@x.org" });
    expect(parseMailbox("Pat <o'brien@x.org>")).toEqual({ name: 'Pat', address: "o'brien@x.org" });
  });

  it('spaces around the address inside [mailto: … ] are ignored', () => {
    expect(parseMailbox('[mailto: j@x.org ]')).toEqual({ name: '', address: 'j@x.org' });
  });
});

describe('parseAddressList: entries (mutation-tested rules)', () => {
  it('each entry is read whole: an apostrophe address after a comma keeps its first part', () => {
    expect(parseAddressList("a@x.org, o'brien@x.org")).toEqual(['a@x.org', "o'brien@x.org"]);
    expect(parseAddressList("a@x.org;o'brien@x.org")).toEqual(['a@x.org', "o'brien@x.org"]);
  });
});

describe('stripSubjectPrefixes: plain subjects (mutation-tested rules)', () => {
  it('a subject without a prefix is trimmed', () => {
    expect(stripSubjectPrefixes('  CE down  ')).toEqual({ subject: 'CE down', forwarded: false });
  });

  it('a prefix word without its colon is no prefix, and no forward', () => {
    expect(stripSubjectPrefixes('FWD')).toEqual({ subject: 'FWD', forwarded: false });
    expect(stripSubjectPrefixes('Fwd update')).toEqual({ subject: 'Fwd update', forwarded: false });
  });
});
