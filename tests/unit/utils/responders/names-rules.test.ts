/** Names as people write them (utils/responders/names.ts): each rule with an example and its near miss. */
import { describe, expect, it } from 'vitest';
import {
  compactKey,
  compactKeys,
  isNameLike,
  isOrganisationLine,
  localPartFitsName,
  nameFromDn,
  nameKey,
  normalizeName,
  personName,
} from '../../../../utils/responders/names';

const nobody = () => false;

describe('normalizeName', () => {
  it('lower-cases, drops accents and turns punctuation into spaces, keeping @ . + _ - inside words', () => {
    expect(normalizeName('Sélmeci, Mat.')).toBe('selmeci mat');
    expect(normalizeName("O'Keefe,  Declan")).toBe('o keefe declan');
    expect(normalizeName('Jane.Smith+osg@Example.org')).toBe('jane.smith+osg@example.org');
    expect(normalizeName('Zoë (Ops) #2')).toBe('zoe ops 2');
    expect(normalizeName('-Jane_ _Smith-')).toBe('jane smith');
    expect(normalizeName('Jane . Smith')).toBe('jane smith');
    expect(normalizeName('Jané . Smith')).toBe('jane smith');
  });

  it('reads at most 4096 characters, and a missing text is empty', () => {
    expect(normalizeName(`${'a'.repeat(4096)}b`)).toBe('a'.repeat(4096));
    expect(normalizeName(`${'é'.repeat(4096)}b`)).toBe('e'.repeat(4096));
    expect(normalizeName(null as unknown as string)).toBe('');
  });
});

describe('nameKey', () => {
  it('folds plain names loosely (case, accents, punctuation, spaces)', () => {
    expect(nameKey('  Selmeci,   Mat ')).toBe('selmeci mat');
    expect(nameKey('José Morales')).toBe('jose morales');
    expect(nameKey("Declan O'Keefe")).toBe('declan o keefe');
  });

  it('keeps anything else as typed, only case- and space-folded, marked with "="', () => {
    expect(nameKey('jsmith@Example.org')).toBe('=jsmith@example.org');
    expect(nameKey('R2  D2')).toBe('=r2 d2');
    expect(nameKey('Zoë_Ops')).toBe('=zoë_ops');
    expect(nameKey('   ')).toBe('');
    expect(nameKey(undefined as unknown as string)).toBe('');
  });
});

describe('compactKeys', () => {
  it('ignores spaces, hyphens, apostrophes and digits stay', () => {
    expect(compactKeys("Marie-Claire O'Dubois 2")).toEqual(['marieclaireodubois2']);
    expect(compactKeys('Émile Zola')).toEqual(['emilezola']);
    expect(compactKey('Émile Zola')).toBe('emilezola');
  });

  it('a name over 120 characters has no key', () => {
    expect(compactKeys('a'.repeat(121))).toEqual([]);
    expect(compactKey('a'.repeat(121))).toBe('');
    expect(compactKeys('a'.repeat(120))).toEqual(['a'.repeat(120)]);
    expect(compactKeys(undefined as unknown as string)).toEqual(['']);
  });
});

describe('isOrganisationLine', () => {
  it('an acronym of 3 to 8 capitals names an organisation', () => {
    expect(isOrganisationLine('Wei Zhang CHTC')).toBe(true);
    expect(isOrganisationLine('FNAL')).toBe(true);
    expect(isOrganisationLine('ABCDEFGH')).toBe(true);
    expect(isOrganisationLine('ABCDEFGHI')).toBe(false);
    expect(isOrganisationLine('BL')).toBe(false);
    expect(isOrganisationLine('Fnal')).toBe(false);
    expect(isOrganisationLine('FNAL2')).toBe(false);
  });

  it('words are split at spaces, commas, slashes, parentheses and dashes', () => {
    expect(isOrganisationLine('Jane/Physics')).toBe(true);
    expect(isOrganisationLine('Jane(Physics)')).toBe(true);
    expect(isOrganisationLine('Jane–Physics')).toBe(true);
    expect(isOrganisationLine('Jane-Physics')).toBe(true);
    expect(isOrganisationLine('Jane,Physics')).toBe(true);
    expect(isOrganisationLine('JanePhysics')).toBe(false);
    expect(isOrganisationLine('Physics:')).toBe(true);
  });

  it('a line over 200 characters is not read', () => {
    expect(isOrganisationLine(`Physics ${'x'.repeat(192)}`)).toBe(true);
    expect(isOrganisationLine(`Physics ${'x'.repeat(193)}`)).toBe(false);
  });
});

describe('isNameLike', () => {
  it('takes 2 to 50 characters without digits or markup characters', () => {
    expect(isNameLike('Al')).toBe(true);
    expect(isNameLike('A')).toBe(false);
    expect(isNameLike(`Jane ${'A'.repeat(45)}`)).toBe(true);
    expect(isNameLike(`Jane ${'A'.repeat(46)}`)).toBe(false);
    for (const c of ['1', '@', ':', '/', '\\', '<', '>', '(', ')', '[', ']', '{', '}', '|', '=', '+', '*', '#', '$', '%', '^', '&', '"']) {
      expect(isNameLike(`Jane ${c}Smith`), c).toBe(false);
    }
  });

  it('at most four capitalised words, a fifth only as a particle', () => {
    expect(isNameLike('Anna Maria Lisa Berg')).toBe(true);
    expect(isNameLike('Anna Maria Lisa Berg Olsen')).toBe(false);
    expect(isNameLike('Anna Maria van Berg Olsen')).toBe(true);
    expect(isNameLike('Anna Maria van der Berg Olsen')).toBe(false);
  });

  it('each word starts with a letter and holds only letters, apostrophes, dots and hyphens, a comma at its end', () => {
    expect(isNameLike("D'Arcy O’Neil-Smith")).toBe(true);
    expect(isNameLike('Smith, J.')).toBe(true);
    expect(isNameLike('Smith ,J')).toBe(false);
    expect(isNameLike('-Jane Smith')).toBe(false);
    expect(isNameLike('Jane Smith!')).toBe(false);
  });

  it('the first word must be capitalised; stock words are refused even with a comma or dot', () => {
    expect(isNameLike('jane Smith')).toBe(false);
    expect(isNameLike('Jane smith')).toBe(false);
    expect(isNameLike('Thanks, Jane')).toBe(false);
    expect(isNameLike('Jane Team.')).toBe(false);
    expect(isNameLike('  Jane Smith  ')).toBe(true);
  });
});

describe('personName', () => {
  it('a greeting line is no name', () => {
    expect(personName('Hi Jane', nobody)).toBe('');
    expect(personName('Hello', nobody)).toBe('');
    expect(personName('Hilda Smith', nobody)).toBe('Hilda Smith');
  });

  it('drops leading dashes or tildes and trailing punctuation', () => {
    expect(personName('-- Jane Smith', nobody)).toBe('Jane Smith');
    expect(personName('~Jane Smith!', nobody)).toBe('Jane Smith');
    expect(personName('—Jane Smith;', nobody)).toBe('Jane Smith');
    expect(personName('---', nobody)).toBe('');
    expect(personName('   ', nobody)).toBe('');
    expect(personName(`Jane ${'x'.repeat(116)}`, nobody)).toBe('');
  });

  it('reads a line of at most 120 characters', () => {
    const known = (t: string) => t.startsWith('Jane ');
    expect(personName(`Jane ${'x'.repeat(115)}`, known)).toBe(`Jane ${'x'.repeat(115)}`);
    expect(personName(`Jane ${'x'.repeat(116)}`, known)).toBe('');
  });

  it('drops a parenthesis at the end ("(she/her)", "(Fermilab)")', () => {
    expect(personName('Jane Smith, (Fermilab)', nobody)).toBe('Jane Smith');
    expect(personName('Emily Carter-Jones (she/her)', nobody)).toBe('Emily Carter-Jones');
    expect(personName('Emily Carter (x) Jones', nobody)).toBe('');
  });

  it('takes the name before " | ", " – ", " — ", " - " or ", " when it looks like a person', () => {
    expect(personName('Wei Zhang | RACF', nobody)).toBe('Wei Zhang');
    expect(personName('Wei Zhang – BNL SDCC', nobody)).toBe('Wei Zhang');
    expect(personName('Wei Zhang — BNL SDCC', nobody)).toBe('Wei Zhang');
    expect(personName('Wei Zhang - BNL SDCC', nobody)).toBe('Wei Zhang');
    expect(personName('Hans Müller, Ph.D.', nobody)).toBe('Hans Müller');
    expect(personName('Physics Dept, Jane Smith', nobody)).toBe('');
    expect(personName('CHTC | Jane', nobody)).toBe('');
  });

  it('a known person is taken as written, before any rule', () => {
    const known = (t: string) => t === 'Smith, Jane' || t === 'jsmith' || t === 'Dr. Who';
    expect(personName('Smith, Jane', known)).toBe('Smith, Jane');
    expect(personName('-- jsmith.', known)).toBe('jsmith');
    expect(personName('jsmith | RACF', known)).toBe('jsmith');
    expect(personName('Dr. Who', known)).toBe('Dr. Who');
  });

  it('a known person found after the title is dropped is taken as written', () => {
    const known = (t: string) => t === 'Jo 7';
    expect(personName('Dr. Jo 7', known)).toBe('Jo 7');
    expect(personName('Jo 7', nobody)).toBe('');
  });

  it('a trailing comma of the name is dropped; a title before a single name stays', () => {
    expect(personName('Dr. Maria Dimou', nobody)).toBe('Maria Dimou');
    expect(personName('Jane Smith,', nobody)).toBe('Jane Smith');
  });
});

describe('nameFromDn', () => {
  it('takes the first usable CN, without its numeric id or a parenthesis', () => {
    expect(nameFromDn('/DC=org/OU=People/CN=Alain Roy 424511')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/CN=1234567/CN=Alain Roy')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/CN=limited proxy/CN=Alain Roy')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/CN=Proxy/CN=Alain Roy')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/cn=Alain Roy UID:aroy123')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/CN=Alain Roy 12')).toBe('Alain Roy 12');
    expect(nameFromDn('/DC=org/CN=/CN=Alain Roy')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/CN=Alain Roy (aroy) ')).toBe('Alain Roy');
  });

  it('splits only where a new attribute starts: a CN may hold a "/"', () => {
    expect(nameFromDn('/DC=org/CN=host/ce.example.org')).toBe('host/ce.example.org');
    expect(nameFromDn('/DC=org/CN=Jane Smith/OU=Grid')).toBe('Jane Smith');
  });

  it('a CN over 200 characters is skipped; no CN gives ""', () => {
    expect(nameFromDn(`/CN=${'a'.repeat(201)}/CN=Alain Roy`)).toBe('Alain Roy');
    expect(nameFromDn(`/CN=${'a'.repeat(200)}`)).toBe('a'.repeat(200));
    expect(nameFromDn('/DC=org/OU=People')).toBe('');
    expect(nameFromDn(null as unknown as string)).toBe('');
  });
});

describe('localPartFitsName', () => {
  it.each([
    ['jane.smith', 'Jane Smith', true],
    ['jane_smith42', 'Jane Smith', true],
    ['jane-m-smith', 'Jane Smith', true],
    ['smith.jane', 'Jane Smith', false],
    ['jsmith', 'Jane Smith', true],
    ['janesmith', 'Jane Smith', true],
    ['janes', 'Jane Smith', true],
    ['smithj', 'Jane Smith', true],
    ['smith', 'Jane Smith', true],
    ['jane', 'Jane Smith', false],
    ['dkim', 'Daniel Kim', true],
    ['kim', 'Daniel Kim', true],
    ['km', 'K M', false],
    ['jsmith', 'Smith', false],
    ['doconnor', "Declan O'Connor", true],
    ['JSmith7', 'Jane Smith', true],
  ])('%s fits %s: %s', (local, name, fits) => {
    expect(localPartFitsName(local, name)).toBe(fits);
  });

  it('refuses a local part over 100 or a name over 200 characters', () => {
    expect(localPartFitsName(`${'j'.repeat(96)}smith`, 'Jane Smith')).toBe(false);
    expect(localPartFitsName('smith', `Jane ${'x'.repeat(190)} Smith`)).toBe(false);
    expect(localPartFitsName('smith', `Jane ${'x'.repeat(189)} Smith`)).toBe(true);
  });
});

describe('names: spacing, punctuation and bounds', () => {
  it('runs of spaces and punctuation between words fold to one space', () => {
    expect(normalizeName('Jane,  Smith')).toBe('jane smith');
    expect(normalizeName('Jörg,  Smith')).toBe('jorg smith');
    expect(nameKey('  Jane   Smith ')).toBe(nameKey('Jane Smith'));
  });

  it('a three-letter acronym (BNL) names an organisation as a longer one does', () => {
    expect(isOrganisationLine('BNL')).toBe(true);
    expect(isOrganisationLine('BL')).toBe(false);
  });

  it('name words: two spaces between them are fine; an underscore makes a user name, not a name', () => {
    expect(isNameLike('Jane  Smith')).toBe(true);
    expect(isNameLike('Jane_Smith')).toBe(false);
  });

  it('personName trims what its cuts leave: trailing punctuation, a title, a parenthesis, a separator', () => {
    expect(personName('Jane Smith ,', nobody)).toBe('Jane Smith');
    expect(personName('Jane Smith!!', nobody)).toBe('Jane Smith');
    expect(personName('Dr.  Jane Smith', nobody)).toBe('Jane Smith');
    expect(personName('Jane Smith  (she/her)', nobody)).toBe('Jane Smith');
    expect(personName('Jane Smith  | RACF', nobody)).toBe('Jane Smith');
  });

  it('a closing parenthesis without its opening one is no "(…)" to cut: not a name', () => {
    expect(personName('Jane Smith)', nobody)).toBe('');
  });

  it('nameFromDn skips an empty CN and reads the next one', () => {
    expect(nameFromDn('/DC=org/CN= /CN=Alain Roy 424511')).toBe('Alain Roy');
  });
});

describe('localPartFitsName: more rules', () => {
  it('the local part may be up to 100 characters (trailing digits count)', () => {
    expect(localPartFitsName(`jane.smith${'1'.repeat(90)}`, 'Jane Smith')).toBe(true);
    expect(localPartFitsName(`jane.smith${'1'.repeat(91)}`, 'Jane Smith')).toBe(false);
  });

  it('a word with digits ("3rd") is not the last name; a one-word name fits nothing', () => {
    expect(localPartFitsName('jane.smith', 'Jane Smith 3rd')).toBe(true);
    expect(localPartFitsName('madonna', 'Madonna')).toBe(false);
  });

  it('only trailing digits are dropped, empty parts are ignored, and both first and last must match', () => {
    expect(localPartFitsName('jane2.smith', 'Jane Smith')).toBe(false);
    expect(localPartFitsName('jane.smith.', 'Jane Smith')).toBe(true);
    expect(localPartFitsName('jane.doe', 'Jane Smith')).toBe(false);
  });
});
