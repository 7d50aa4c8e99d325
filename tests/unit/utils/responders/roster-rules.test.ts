/** Looking a written name or address up against the roster and the submitter (utils/responders/roster.ts). */
import { describe, expect, it } from 'vitest';
import { buildResponderIndex, lookup, normalizeEmail } from '../../../../utils/responders/roster';
import type { ResponderContext, RosterPerson } from '../../../../utils/responders/types';

const NO_SUBMITTER = { name: '', email: '', submitterName: '' };

function index(roster: RosterPerson[], submitter: Partial<ResponderContext['submitter']> = {}) {
  return buildResponderIndex({ roster, submitter: { ...NO_SUBMITTER, ...submitter } });
}

/** Who a text names, and how, or null. */
function who(idx: ReturnType<typeof index>, text: string, allowFirstName = false) {
  const hit = lookup(idx, text, allowFirstName);
  return hit ? `${hit.person.name} (${hit.person.role}) by ${hit.how}` : null;
}

const ALAIN: RosterPerson = { name: 'Alain Roy', role: 'software', emails: ['Alain.Roy@wisc.example.edu'], aliases: ['aroy', 'Alain R Roy', 'aroy@cs.example.edu'] };
const ROB: RosterPerson = { name: 'Rob Quick', role: 'osg-staff', emails: ['rquick@iu.example.edu'] };

describe('normalizeEmail', () => {
  it('trims, lower-cases and drops a mailto: prefix', () => {
    expect(normalizeEmail('  MAILTO:Jane@Example.org ')).toBe('jane@example.org');
    expect(normalizeEmail('x mailto:jane@example.org')).toBe('x mailto:jane@example.org');
    expect(normalizeEmail(undefined as unknown as string)).toBe('');
  });
});

describe('buildResponderIndex', () => {
  it('skips members without a name and treats any role other than osg-staff as software', () => {
    const idx = index([
      null as unknown as RosterPerson,
      { name: '  ', role: 'software' },
      { name: 42 as unknown as string, role: 'software' },
      { name: ' Zed Alpha ', role: 'admin' as unknown as 'software' },
      ROB,
    ]);
    expect(who(idx, 'Zed Alpha')).toBe('Zed Alpha (software) by name');
    expect(who(idx, 'Rob Quick')).toBe('Rob Quick (osg-staff) by name');
  });

  it('a roster that is not a list is an empty roster', () => {
    const idx = buildResponderIndex({ roster: 'x' as unknown as RosterPerson[], submitter: NO_SUBMITTER });
    expect(who(idx, 'Alain Roy')).toBeNull();
    expect(buildResponderIndex(undefined as unknown as ResponderContext).submitter).toBeNull();
  });

  it('aliases are names, or e-mails when they hold "@"; non-strings are ignored', () => {
    const idx = index([{ ...ALAIN, aliases: [...(ALAIN.aliases ?? []), 7 as unknown as string, '  '], emails: [...(ALAIN.emails ?? []), 9 as unknown as string, 'no-at-sign'] }]);
    expect(who(idx, 'aroy')).toBe('Alain Roy (software) by name');
    expect(who(idx, 'aroy@cs.example.edu')).toBe('Alain Roy (software) by e-mail');
    expect(who(idx, 'alain.roy@WISC.example.edu')).toBe('Alain Roy (software) by e-mail');
    expect(who(idx, 'no-at-sign')).toBeNull();
    expect(who(idx, 'Alain R. Roy')).toBe('Alain Roy (software) by name');
    expect(who(idx, 'AlainR Roy')).toBe('Alain Roy (software) by name (other spelling)');
    expect(who(idx, 'A Roy')).toBeNull();
  });

  it('the first member keeps a shared name', () => {
    const idx = index([ALAIN, { name: 'Alain Roy', role: 'osg-staff' }, { name: 'Bob Ray', role: 'osg-staff', aliases: ['aroy'] }]);
    expect(who(idx, 'Alain Roy')).toBe('Alain Roy (software) by name');
    expect(who(idx, 'aroy')).toBe('Alain Roy (software) by name');
  });

  it('the submitter is known by name, display name and e-mail; "OSG-GOC" is not a name', () => {
    const idx = index([ROB], { name: 'Jane Smith', email: 'Jane.Smith@physics.example.edu', submitterName: 'J. Smith' });
    expect(idx.submitter).toEqual({ name: 'Jane Smith', role: 'submitter' });
    expect(who(idx, 'jane smith')).toBe('Jane Smith (submitter) by name');
    expect(who(idx, 'J. Smith')).toBe('Jane Smith (submitter) by name');
    expect(who(idx, 'jane.smith@physics.example.edu')).toBe('Jane Smith (submitter) by e-mail');
    expect(who(idx, 'jane.smith@....')).toBe('Jane Smith (submitter) by masked e-mail');
    expect(who(idx, 'Jane', true)).toBe('Jane Smith (submitter) by first name');
    expect(who(idx, 'Janet Smith')).toBe('Jane Smith (submitter) by name (short form)');

    const goc = index([], { name: 'OSG-GOC', email: 'goc@example.org', submitterName: '' });
    expect(goc.submitter).toEqual({ name: 'goc@example.org', role: 'submitter' });
    expect(who(goc, 'OSG-GOC')).toBeNull();
    expect(who(goc, 'Osg', true)).toBeNull();
    const gocOnly = index([], { name: 'osg-goc' });
    expect(gocOnly.submitter).toEqual({ name: 'osg-goc', role: 'submitter' });
  });

  it('the submitter display name falls back to the submitter name, then the e-mail', () => {
    expect(index([], { submitterName: ' Jane Smith ' }).submitter?.name).toBe('Jane Smith');
    expect(index([], { email: 'jane@example.org' }).submitter?.name).toBe('jane@example.org');
    expect(index([], { email: 'not an address' }).submitter).toBeNull();
    expect(index([], {}).submitter).toBeNull();
  });

  it('a roster e-mail wins over the same submitter e-mail, and the roster role stays', () => {
    const idx = index([ALAIN], { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' });
    expect(who(idx, 'alain.roy@wisc.example.edu')).toBe('Alain Roy (software) by e-mail');
    expect(who(idx, 'Alain Roy')).toBe('Alain Roy (software) by name');
    expect(who(idx, 'Alain', true)).toBe('Alain Roy (software) by first name');
  });

  it('a one-word submitter name is found only as written, not by other spellings', () => {
    const idx = index([], { name: 'Jörg', email: 'j@example.org' });
    expect(who(idx, 'Jörg')).toBe('Jörg (submitter) by name');
    expect(who(idx, 'Joerg')).toBeNull();
    const twoWords = index([], { name: 'Jörg Müller', email: 'j@example.org' });
    expect(who(twoWords, 'Joerg Mueller')).toBe('Jörg Müller (submitter) by name (other spelling)');
  });
});

describe('lookup by e-mail', () => {
  const idx = index([ALAIN, ROB, { name: 'Tim Theisen', role: 'software', emails: ['tim@a.example.edu'] }, { name: 'Tim Cartwright', role: 'software', emails: ['tim@b.example.edu'] }], {
    name: 'Jane Smith',
    email: '',
  });

  it('a guest-masked address ("local@....") is found by its local part', () => {
    expect(who(idx, 'rquick@....')).toBe('Rob Quick (osg-staff) by masked e-mail');
    expect(who(idx, 'rquick@..')).toBe('Rob Quick (osg-staff) by masked e-mail');
    expect(who(idx, 'rquick@.........')).toBeNull();
    expect(who(idx, 'rquick@.')).toBeNull();
    expect(who(idx, 'rquick@x....')).toBeNull();
  });

  it('a local part two people share names nobody', () => {
    expect(who(idx, 'tim@....')).toBeNull();
  });

  it('a masked address that fits the submitter\'s name is the submitter', () => {
    expect(who(idx, 'jsmith@....')).toBe("Jane Smith (submitter) by masked e-mail (fits the submitter's name)");
    expect(who(idx, 'jdoe@....')).toBeNull();
    expect(who(index([]), 'jsmith@....')).toBeNull();
  });

  it('an unknown full address names nobody, and is not read as a name', () => {
    expect(who(idx, 'rob.quick@elsewhere.org')).toBeNull();
    expect(who(idx, 'Rob Quick <x@y.org>')).toBeNull();
  });
});

describe('lookup by name', () => {
  const idx = index([
    ALAIN,
    ROB,
    { name: 'Robert Quickly', role: 'software' },
    { name: 'Tim Theisen', role: 'software' },
    { name: 'Tim Cartwright', role: 'software' },
    { name: 'Mátyás Selmeci', role: 'software' },
    { name: 'Jörg Müller', role: 'osg-staff' },
    { name: 'Declan O\'Keefe', role: 'software' },
    { name: 'Marie-Claire Dubois', role: 'software' },
    { name: 'Smith, John', role: 'software' },
    { name: 'Jo Ann Lee', role: 'software' },
    { name: 'Ann Berg', role: 'software' },
    { name: 'Ann Bell', role: 'software' },
  ]);

  it('empty, blank or over-long text names nobody', () => {
    expect(who(idx, '')).toBeNull();
    expect(who(idx, '   ')).toBeNull();
    const long = index([{ name: `Jane ${'Q'.repeat(115)}`, role: 'software' }, { name: `Jane ${'Q'.repeat(116)}`, role: 'software' }]);
    expect(who(long, `Jane ${'Q'.repeat(115)}`)).not.toBeNull();
    expect(who(long, `Jane ${'Q'.repeat(116)}`)).toBeNull();
    expect(who(idx, `${'x'.repeat(300)}@example.org`)).toBeNull();
    expect(who(idx, null as unknown as string)).toBeNull();
  });

  it('"Last, First" is the person First Last', () => {
    expect(who(idx, 'Roy, Alain')).toBe('Alain Roy (software) by name');
    expect(who(idx, 'Roy,Alain')).toBe('Alain Roy (software) by name');
  });

  it('a first name alone counts only where allowed (signatures), and only when one person has it', () => {
    expect(who(idx, 'Alain', true)).toBe('Alain Roy (software) by first name');
    expect(who(idx, 'Alain', false)).toBeNull();
    expect(who(idx, 'Tim', true)).toBeNull();
    expect(who(idx, 'John', true)).toBe('Smith, John (software) by first name');
  });

  it('spellings without accents, hyphens or apostrophes, or transliterated, find the person', () => {
    expect(who(idx, 'Matyas Selmeci')).toBe('Mátyás Selmeci (software) by name');
    expect(who(idx, 'Joerg Mueller')).toBe('Jörg Müller (osg-staff) by name (other spelling)');
    expect(who(idx, 'Declan OKeefe')).toBe("Declan O'Keefe (software) by name (other spelling)");
    expect(who(idx, 'MarieClaire Dubois')).toBe('Marie-Claire Dubois (software) by name (other spelling)');
    expect(who(idx, 'JoAnnLee')).toBeNull();
    expect(who(idx, 'MarieClaire', true)).toBe('Marie-Claire Dubois (software) by first name (other spelling)');
    expect(who(idx, 'MarieClaire', false)).toBeNull();
    expect(who(idx, 'Mar ieclaire', true)).toBe('Marie-Claire Dubois (software) by first name (other spelling)');
    expect(who(idx, 'M a rieclaire', true)).toBeNull();
  });

  it('a short form of the first name with the same last name finds the one person that fits', () => {
    expect(who(idx, 'Alai Roy')).toBe('Alain Roy (software) by name (short form)');
    expect(who(idx, 'Al Roy')).toBeNull();
    expect(who(idx, 'Ala Roy')).toBe('Alain Roy (software) by name (short form)');
    expect(who(idx, 'Alain X Y Roy')).toBe('Alain Roy (software) by name (short form)');
    const two = index([{ name: 'Anna Berg', role: 'software' }, { name: 'Annabel Berg', role: 'software' }]);
    expect(who(two, 'Ann Berg')).toBeNull();
    expect(who(idx, 'Timothy Theisen')).toBe('Tim Theisen (software) by name (short form)');
    expect(who(idx, 'Robert Quick')).toBe('Rob Quick (osg-staff) by name (short form)');
    expect(who(idx, 'Ro Quick')).toBeNull();
    expect(who(idx, 'Alain X Y Z Roy')).toBeNull();
    expect(who(idx, 'Alain Q Roy')).toBe('Alain Roy (software) by name (short form)');
  });

  it('a first name and the initial of the last name find the one person that fits, in signatures', () => {
    expect(who(idx, 'Tim C.', true)).toBe('Tim Cartwright (software) by first name and initial');
    expect(who(idx, 'Tim C', true)).toBe('Tim Cartwright (software) by first name and initial');
    expect(who(idx, 'Tim C.', false)).toBeNull();
    expect(who(idx, 'Tim X.', true)).toBeNull();
    expect(who(idx, 'Ann B.', true)).toBeNull();
    expect(who(idx, 'Ann Be', true)).toBeNull();
    expect(who(idx, 'Tim Ca', true)).toBeNull();
  });

  it('a name typed with digits or symbols is only found as typed', () => {
    const typed = index([{ name: 'R2 D2', role: 'software' }]);
    expect(who(typed, 'r2  d2')).toBe('R2 D2 (software) by name');
    expect(who(typed, 'R2-D2')).toBeNull();
  });
});

describe('lookup memo', () => {
  it('answers a repeated lookup the same, per allowFirstName', () => {
    const idx = index([ALAIN]);
    expect(who(idx, 'Alain', true)).toBe('Alain Roy (software) by first name');
    expect(who(idx, 'Alain', false)).toBeNull();
    expect(who(idx, 'Alain', true)).toBe('Alain Roy (software) by first name');
    expect(idx.memo.size).toBe(2);
  });

  it('keeps at most 5000 answers and never a text over 1024 characters', () => {
    const idx = index([ALAIN]);
    for (let i = 0; i < 5100; i += 1) lookup(idx, `x${i}`, false);
    expect(idx.memo.size).toBe(5000);
    expect(who(idx, 'Alain Roy')).toBe('Alain Roy (software) by name');
    const other = index([ALAIN]);
    lookup(other, 'a'.repeat(1025), false);
    lookup(other, 'a'.repeat(1024), false);
    expect(other.memo.size).toBe(1);
  });

  it('works on an index without a memo', () => {
    const idx = { ...index([ALAIN]), memo: undefined as unknown as Map<string, null> };
    expect(who(idx, 'Alain Roy')).toBe('Alain Roy (software) by name');
  });
});

describe('lookup: bounds and shapes found by mutation testing', () => {
  it('a third person sharing an already ambiguous first name keeps it ambiguous', () => {
    const idx = index([{ name: 'Tim A', role: 'software' }, { name: 'Tim B', role: 'software' }, { name: 'Tim C', role: 'software' }]);
    expect(who(idx, 'Tim', true)).toBeNull();
  });

  it('a member is also found by the last name of a multi-word alias', () => {
    const idx = index([{ name: 'Bob Smith', role: 'software', aliases: ['Robert Jones', 'rj@example.org'] }]);
    expect(who(idx, 'Rob Jones')).toBe('Bob Smith (software) by name (short form)');
  });

  it('an address is read up to 320 characters', () => {
    const at320 = `${'a'.repeat(308)}@example.org`;
    const at321 = `${'a'.repeat(309)}@example.org`;
    const idx = index([{ name: 'Long Mail', role: 'software', emails: [at320, at321] }]);
    expect(who(idx, at320)).toBe('Long Mail (software) by e-mail');
    expect(who(idx, at321)).toBeNull();
  });

  it('a masked address is the whole text, and an e-mail without "@" is no e-mail', () => {
    const idx = index([ROB, { name: 'No Mail', role: 'software', emails: ['no-at-sign'] }]);
    expect(who(idx, 'x rquick@....')).toBeNull();
    expect(who(idx, 'no-at-sign@....')).toBeNull();
  });

  it('a short form needs one first name to start the other', () => {
    const idx = index([ALAIN]);
    expect(who(idx, 'Bob Roy')).toBeNull();
  });

  it('a first name and an initial is two words only', () => {
    const idx = index([{ name: 'Tim Cartwright', role: 'software' }]);
    expect(who(idx, 'Tim Van C', true)).toBeNull();
  });

  it('other spellings need at least three letters', () => {
    const idx = index([{ name: 'A-B', role: 'software' }, { name: 'Al-B', role: 'software' }, { name: 'E-F Smith', role: 'software' }, { name: 'Ed-F Jones', role: 'software' }]);
    expect(who(idx, 'A B')).toBeNull();
    expect(who(idx, 'Al B')).toBe('Al-B (software) by name (other spelling)');
    expect(who(idx, 'E F', true)).toBeNull();
    expect(who(idx, 'Ed F', true)).toBe('Ed-F Jones (software) by first name (other spelling)');
  });

  it('only a submitter named exactly "OSG-GOC" is the GOC account', () => {
    expect(index([], { name: 'the osg-goc', email: 'x@example.org' }).submitter?.name).toBe('the osg-goc');
    expect(index([], { name: 'osg-goc team', email: 'x@example.org' }).submitter?.name).toBe('osg-goc team');
  });

  it('an index built without the spelling tables still answers', () => {
    const idx = { ...index([ALAIN]), byCompact: undefined, byCompactFirst: undefined };
    expect(who(idx, 'Xy Zz', true)).toBeNull();
    expect(who(idx, 'Alain Roy')).toBe('Alain Roy (software) by name');
  });
});

describe('buildResponderIndex: edges of the roster and the submitter', () => {
  it('a member with a blank name is left out with their addresses and aliases', () => {
    const idx = index([{ name: '   ', role: 'software', emails: ['ghost@example.org'], aliases: ['Ghost Writer'] }]);
    expect(who(idx, 'ghost@example.org')).toBeNull();
    expect(who(idx, 'Ghost Writer')).toBeNull();
  });

  it('"Last," with nothing after the comma: the first word is the first name', () => {
    const idx = index([{ name: 'Doe Jane,', role: 'software' }]);
    expect(who(idx, 'Doe', true)).toBe('Doe Jane, (software) by first name');
  });

  it('a one-word name is nobody\'s last name: "Mad Madonna" is not Madonna', () => {
    const idx = index([{ name: 'Madonna', role: 'software' }]);
    expect(who(idx, 'Madonna')).toBe('Madonna (software) by name');
    expect(who(idx, 'Mad Madonna')).toBeNull();
    // A two-word name is, with a short form of its first name.
    expect(who(index([{ name: 'Madeleine Madonna', role: 'software' }]), 'Mad Madonna')).toBe('Madeleine Madonna (software) by name (short form)');
  });

  it('a last name alone is not a name: "Jackson" is not Jack Jackson (a first name is, in a signature)', () => {
    const idx = index([{ name: 'Jack Jackson', role: 'software' }]);
    expect(who(idx, 'Jackson')).toBeNull();
    expect(who(idx, 'Jackson', true)).toBeNull();
    expect(who(idx, 'Jack', true)).toBe('Jack Jackson (software) by first name');
  });

  it('a one-word alias with stray spaces is no full-name spelling', () => {
    const idx = index([{ name: 'Robert Smithers', role: 'software', aliases: [' Bobby '] }]);
    expect(who(idx, 'Bobby')).toBe('Robert Smithers (software) by name');
    expect(who(idx, 'Bob By')).toBeNull();
  });

  it('one-word submitter names, stray spaces or not, have no other spellings; two-word ones do', () => {
    for (const name of ['Jörgen', ' Jörgen ']) {
      const idx = index([], { name });
      expect(who(idx, 'Jörgen')).toBe('Jörgen (submitter) by name');
      expect(who(idx, 'Jor Gen')).toBeNull();
    }
    expect(who(index([], { name: 'Jörgen Sørensen' }), 'Jorgen Sorensen')).toBe('Jörgen Sørensen (submitter) by name (other spelling)');
  });

  it('OSG-GOC as the submitter (a ticket Operations opened): shown as OSG-GOC, never matched by that name', () => {
    const idx = index([], { name: 'OSG-GOC' });
    expect(idx.submitter?.name).toBe('OSG-GOC');
    // A submitter record without an address field at all reads the same.
    const noField = buildResponderIndex({ roster: [], submitter: { name: 'OSG-GOC' } as ResponderContext['submitter'] });
    expect(noField.submitter?.name).toBe('OSG-GOC');
    for (const text of ['OSG-GOC', 'OSG GOC', 'osg goc']) {
      expect(who(idx, text), text).toBeNull();
      expect(who(idx, text, true), `${text} (signature)`).toBeNull();
    }
    // With an address, the address names the submitter instead.
    const withMail = index([], { name: 'OSG-GOC', email: 'goc@opensciencegrid.example.org' });
    expect(withMail.submitter?.name).toBe('goc@opensciencegrid.example.org');
    expect(who(withMail, 'goc@opensciencegrid.example.org')).toBe('goc@opensciencegrid.example.org (submitter) by e-mail');
  });

  it('a submitter "address" without @ is no address: its masked form finds nobody', () => {
    const idx = index([], { name: 'Pat Example', email: 'helpdesk' });
    expect(who(idx, 'helpdesk@....')).toBeNull();
    expect(who(idx, 'helpdesk')).toBeNull();
  });
});
