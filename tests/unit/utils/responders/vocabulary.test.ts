/**
 * The word lists the responder reading relies on, one example per word: every closing, Outlook header
 * label, organisation word, name particle, title and special letter is recognised through the public
 * functions of utils/responders/*.
 */
import { describe, expect, it } from 'vitest';
import { compactKeys, isNameLike, isOrganisationLine, personName } from '../../../../utils/responders/names';
import { matchClosing, ownLines } from '../../../../utils/responders/text';

const nobody = () => false;
const cap = (w: string) => w.replace(/^\p{L}/u, (c) => c.toUpperCase());

describe('closings', () => {
  // As people type them (accents, ß, capitals); each folds to one entry of the list.
  const CLOSINGS = [
    'Many thanks', 'Thanks again', 'Thanks a lot', 'Thanks', 'Thank you', 'Thx', 'TY', 'Cheers', 'Best regards', 'Kind regards',
    'Warm regards', 'Warmest regards', 'Regards', 'Best wishes', 'All the best', 'Best', 'Sincerely', 'Yours truly', 'Yours',
    'Cordially', 'Greetings', 'Respectfully', 'Many thanks and best regards', 'Thanks and regards', 'With best regards',
    'Mit freundlichen Grüßen', 'Mit freundlichen Gruessen', 'Freundliche Grüße', 'Freundliche Gruesse', 'Viele Grüße', 'Viele Gruesse',
    'Beste Grüße', 'Beste Gruesse', 'Liebe Grüße', 'Liebe Gruesse', 'Herzliche Grüße', 'Gruß', 'Gruesse', 'Grüße',
    'MfG', 'LG', 'VG', 'BG', 'Danke', 'Vielen Dank', 'Danke und Gruß', 'Schöne Grüße', 'Schoene Gruesse',
    'Cordialement', 'Bien cordialement', 'Très cordialement', 'Bien à vous', 'Salutations', 'Meilleures salutations', 'Merci',
    'Merci beaucoup', 'Amicalement', 'Bonne journée', 'À bientôt',
    'Saludos', 'Un saludo', 'Saludos cordiales', 'Atentamente', 'Gracias', 'Muchas gracias', 'Atenciosamente', 'Abraços',
    'Abraço', 'Obrigado', 'Obrigada', 'Cumprimentos', 'Cordiali saluti', 'Distinti saluti', 'Saluti', 'Un saluto', 'Grazie',
    'Grazie mille', 'Buona giornata',
    'Met vriendelijke groet', 'Met vriendelijke groeten', 'Vriendelijke groet', 'Groeten', 'Groet', 'Hartelijke groet', 'MVG', 'Dank je', 'Bedankt',
    'Med vennlig hilsen', 'Vennlig hilsen', 'Med venlig hilsen', 'Venlig hilsen', 'Med vänlig hälsning', 'Med vänliga hälsningar',
    'Vänliga hälsningar', 'Vänlig hälsning', 'Hälsningar', 'Hilsen', 'Hilsner', 'Mvh', 'Takk', 'Tack', 'Tak',
    'Pozdrawiam', 'Z poważaniem', 'Pozdrowienia', 'Dziękuję',
  ];

  it.each(CLOSINGS)('"%s, Hans" is a closing followed by the name Hans', (closing) => {
    expect(matchClosing(`${closing}, Hans`)).toEqual({ rest: 'Hans' });
  });

  it.each(CLOSINGS)('"%s," alone is a closing with nothing after it', (closing) => {
    expect(matchClosing(`${closing},`)).toEqual({ rest: '' });
  });

  it('the longest closing wins: the words of the phrase are not left in the name', () => {
    expect(matchClosing('Many thanks and best regards -- Declan')).toEqual({ rest: 'Declan' });
    expect(matchClosing('Thanks again!')).toEqual({ rest: '' });
  });

  it('a word that only starts like a closing, or a closing later in the line, is not one', () => {
    expect(matchClosing('Thanksgiving was fun')).toBeNull();
    expect(matchClosing('I said thanks, Hans')).toBeNull();
    expect(matchClosing('Best effort only')).toEqual({ rest: 'effort only' });
  });
});

describe('Outlook header blocks', () => {
  const FROM = ['From', 'Von', 'De', 'Da', 'Van', 'Fra', 'Från', 'Od', 'Lähettäjä', 'Expéditeur'];
  const HEADERS = [
    'Sent', 'Date', 'To', 'Cc', 'Subject', 'Gesendet', 'An', 'Betreff', 'Datum', 'Envoyé', 'À', 'Objet', 'Enviado', 'Enviado el',
    'Para', 'Asunto', 'Fecha', 'Inviato', 'Oggetto', 'Data', 'A', 'Verzonden', 'Aan', 'Onderwerp', 'Sendt', 'Til', 'Emne', 'Skickat',
    'Till', 'Ämne', 'Wysłano', 'Do', 'Temat', 'Assunto', 'Kopie',
  ];

  it.each(FROM)('"%s:" followed by a header line starts the quoted history', (from) => {
    const body = `Fixed now.\n\n${from}: Jane Smith <jane@example.org>\nSubject: Re: job held\n\nOld text`;
    expect(ownLines(body)).toEqual(['Fixed now.']);
  });

  it.each(HEADERS)('"Von:" followed by "%s:" starts the quoted history', (label) => {
    const body = `Fixed now.\n\nVon: Jane Smith <jane@example.org>\n${label}: Monday\n\nOld text`;
    expect(ownLines(body)).toEqual(['Fixed now.']);
  });

  it.each(HEADERS)('a line of underscores followed by "%s:" starts the quoted history', (label) => {
    const body = `Fixed now.\n________________________________\n${label}: Monday\n\nOld text`;
    expect(ownLines(body)).toEqual(['Fixed now.']);
  });

  it('ten or more underscores followed by "Von:" start the quoted history; followed by anything else they are kept', () => {
    expect(ownLines('Fixed now.\n__________\nVon: Jane\n\nOld text')).toEqual(['Fixed now.']);
    expect(ownLines('Fixed now.\n__________\n\n\nVon: Jane\n\nOld text')).toEqual(['Fixed now.']);
    expect(ownLines('Fixed now.\n__________\nOld text')).toEqual(['Fixed now.', '__________', 'Old text']);
    expect(ownLines('Fixed now.\n_________\nVon: Jane\n\nOld text')).toEqual(['Fixed now.', '_________', 'Von: Jane', 'Old text']);
  });

  it('a "Von:" line followed by an ordinary line is the writer\'s own text', () => {
    expect(ownLines('Von: Montag an geht es.\nDanke')).toEqual(['Von: Montag an geht es.', 'Danke']);
  });
});

describe('organisation words', () => {
  const ORG_WORDS = [
    'university', 'universiteit', 'universitat', 'universitet', 'universitetet', 'universite', 'universita', 'universidad', 'universidade', 'uniwersytet',
    'institute', 'institut', 'instituto', 'istituto', 'institutet', 'laboratory', 'laboratories', 'lab', 'labs', 'laboratorio', 'laboratoire',
    'division', 'department', 'dept', 'departement', 'center', 'centre', 'centro', 'computing', 'computation', 'group', 'team', 'support',
    'operations', 'services', 'service', 'facility', 'college', 'school', 'physics', 'collaboration', 'project', 'office', 'inc', 'llc',
    'ltd', 'corp', 'corporation', 'gmbh', 'desk', 'helpdesk', 'admin', 'admins', 'administrator', 'systems', 'research', 'science',
    'sciences', 'scientific', 'engineering', 'engineer', 'network', 'networks', 'grid', 'cluster', 'hpc', 'infrastructure', 'national',
    'technologies', 'technology', 'sector', 'section', 'sezione', 'seksjon', 'manager', 'director', 'professor', 'analyst', 'developer',
    'coordinator', 'administration', 'storage', 'data', 'prosupport', 'foundation', 'council', 'agency', 'nucleo', 'osg', 'goc', 'cern',
  ];

  it.each(ORG_WORDS)('a line with the word "%s" names an organisation, not a person', (word) => {
    expect(isOrganisationLine(`Jane ${cap(word)}`)).toBe(true);
    expect(personName(`Jane ${cap(word)}`, nobody)).toBe('');
  });

  it('accents and trailing punctuation do not hide an organisation word; a plain name has none', () => {
    expect(isOrganisationLine('Université de Montréal')).toBe(true);
    expect(isOrganisationLine('Physics Dept.')).toBe(true);
    expect(isOrganisationLine('Jane Smith')).toBe(false);
  });
});

describe('words that are never a name', () => {
  const NOT_NAME = [
    'the', 'team', 'support', 'thanks', 'thank', 'regards', 'cheers', 'best', 'hi', 'hello', 'dear', 'please',
    'sent', 'from', 'to', 'subject', 'date', 'cc', 'on', 'wrote', 'ticket', 'update', 'note', 'ps', 'p.s.',
    'and', 'or', 'for', 'with', 'you', 'your', 'we', 'i', 'it', 'is', 'this', 'that', 'let', 'me', 'know',
  ];

  it.each(NOT_NAME)('"Jane %s" is not a name (capitalised or not)', (word) => {
    expect(isNameLike(`Jane ${cap(word)}`)).toBe(false);
    expect(isNameLike(`${cap(word)} Jane`)).toBe(false);
  });

  it('"P.S." alone is not a name', () => {
    expect(isNameLike('P.S.')).toBe(false);
  });
});

describe('name particles', () => {
  const PARTICLES = ['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'du', 'la', 'le', 'y', 'ter', 'ten', 'zu', 'bin', 'al'];

  it.each(PARTICLES)('"Pieter %s Berg" is a name: "%s" is a particle', (particle) => {
    expect(isNameLike(`Pieter ${particle} Berg`)).toBe(true);
  });

  it('a particle counts only between names, and another lower-case word never', () => {
    expect(isNameLike('van Berg')).toBe(false);
    expect(isNameLike('Pieter van')).toBe(false);
    expect(isNameLike('Pieter und Berg')).toBe(false);
    expect(isNameLike('Pieter van den Berg')).toBe(true);
  });
});

describe('titles before a name', () => {
  const TITLES = ['Dr', 'Dr.', 'Prof', 'Prof.', 'Dott', 'Dott.', 'Dott.ssa', 'Ing', 'Ing.', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Mgr', 'Mgr.', 'Herr', 'Frau'];

  it.each(TITLES)('"%s Maria Dimou" signs as Maria Dimou', (title) => {
    expect(personName(`${title} Maria Dimou`, nobody)).toBe('Maria Dimou');
  });

  it('a title is dropped only before a two-word name', () => {
    expect(personName('Dr. Dimou', nobody)).toBe('Dr. Dimou');
    expect(personName('Dr. Prof. Maria Dimou', nobody)).toBe('Maria Dimou');
  });
});

describe('letters spelled out in compact keys', () => {
  it.each([
    ['Sørensen', ['sorensen', 'soerensen']],
    ['Cæsar', ['caesar']],
    ['Strauß', ['strauss']],
    ['Łukasz', ['lukasz']],
    ['Đorđe', ['dorde']],
    ['Þór', ['thor']],
    ['Œuvre', ['oeuvre']],
    ['Yıldız', ['yildiz']],
    ['Guðrún', ['gudrun']],
    ['Müller', ['muller', 'mueller']],
    ['Jäger', ['jager', 'jaeger']],
    ['Höß', ['hoss', 'hoess']],
    ['Ångström', ['angstrom', 'aangstroem']],
    ['Æbelø', ['aebelo', 'aebeloe']],
  ])('"%s" is also found as %j', (name, keys) => {
    expect(compactKeys(name)).toEqual(keys);
  });
});
