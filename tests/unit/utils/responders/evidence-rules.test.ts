/** Evidence in an update body (utils/responders/evidence.ts): trailer, signature, roster line. */
import { describe, expect, it } from 'vitest';
import { findRosterLine, findSignature, findTrailer, isRoleLine, isSeparator, isTrailerLine } from '../../../../utils/responders/evidence';
import { buildResponderIndex } from '../../../../utils/responders/roster';
import type { OwnLine } from '../../../../utils/responders/text';
import { contextFor } from '../../helpers/roster';

const index = buildResponderIndex(contextFor());
const empty = buildResponderIndex({ roster: [], submitter: { name: '', email: '', submitterName: '' } });

/** Own lines from text; a blank line in the text starts a paragraph. */
function seg(text: string): OwnLine[] {
  const out: OwnLine[] = [];
  let blank = false;
  for (const line of text.split('\n')) {
    if (!line) {
      blank = true;
      continue;
    }
    out.push({ text: line, blankBefore: blank });
    blank = false;
  }
  return out;
}

const sig = (text: string, idx = index) => findSignature(seg(text), idx);

describe('isRoleLine and isSeparator', () => {
  it('an OSG role line names the team, in at most 60 characters', () => {
    for (const line of ['OSG Software Support', 'Open Science Grid', 'Grid Operations Center', 'Grid Operations Centre', 'GOC', 'Security Team', 'the operations team']) {
      expect(isRoleLine(line), line).toBe(true);
    }
    expect(isRoleLine('GOCDB admin')).toBe(false);
    expect(isRoleLine('MyGOC')).toBe(false);
    expect(isRoleLine(`OSG ${'x'.repeat(57)}`)).toBe(false);
    expect(isRoleLine(`OSG ${'x'.repeat(56)}`)).toBe(true);
    expect(isRoleLine(undefined)).toBe(false);
    expect(isRoleLine('')).toBe(false);
  });

  it('a separator is two or more dashes, or five or more underscores or equals signs', () => {
    for (const line of ['--', '----------', '_____', '=====']) expect(isSeparator(line), line).toBe(true);
    for (const line of ['-', '____', '====', '-- x', ' --', '-_-_-', '-'.repeat(81)]) expect(isSeparator(line), line).toBe(false);
    expect(isSeparator('-'.repeat(80))).toBe(true);
  });
});

describe('findTrailer', () => {
  it('reads "-- by Name", with or without the date', () => {
    expect(findTrailer('Fixed.\n\n-- by Alain Roy')).toEqual({ name: 'Alain Roy', evidence: '-- by Alain Roy' });
    expect(findTrailer('Fixed.\n--by Alain Roy at 2014-03-01 10:00 UTC')?.name).toBe('Alain Roy');
    expect(findTrailer('Fixed.\n-- by Alain Roy at home')?.name).toBe('Alain Roy at home');
    expect(findTrailer('Fixed.\n-- by ')).toBeNull();
    expect(findTrailer('Fixed.\n-- bye Alain')).toBeNull();
    expect(findTrailer('Fixed.\n-- Alain Roy')).toBeNull();
  });

  it('reads "by <DN>" as the DN\'s CN', () => {
    expect(findTrailer('x\nby /DC=org/OU=People/CN=Alain Roy 424511')?.name).toBe('Alain Roy');
    expect(findTrailer('x\nby /DC=org/OU=People/CN=12345')).toBeNull();
    expect(findTrailer('x\nby /DC=org/OU=People')).toBeNull();
    expect(findTrailer('x\nby /home/jane@example.org')?.name).toBe('/home/jane@example.org');
  });

  it('reads "by address": any address on the very last line, higher up only a known or guest-masked one', () => {
    expect(findTrailer('x\nby jane@example.org')?.name).toBe('jane@example.org');
    expect(findTrailer('x\nby "Jane x"@example.org')?.name).toBe('"Jane x"@example.org');
    expect(findTrailer('x\nby "Jane x"@example.org\nmore text')).toBeNull();
    expect(findTrailer('x\nby "Rob x"@iu.example.edu\nmore text')).toBeNull();
    expect(findTrailer('x\nby rob quick@....\nmore text')?.name).toBe('rob quick@....');
    expect(findTrailer('x\nby jane@exa mple.org')).toBeNull();
  });

  it('reads "by Name (guest)"', () => {
    expect(findTrailer('x\nby Jane Doe (guest)')?.name).toBe('Jane Doe');
    expect(findTrailer('x\nby (guest)')).toBeNull();
    expect(findTrailer('x\nby Jane Doe')).toBeNull();
  });

  it('skips quoted, FP history and GOCTX lines after the trailer, but looks only three other lines back', () => {
    expect(findTrailer('x\nby jane@example.org\n> quoted\nStatus changed\nGOCTX Source: email')?.name).toBe('jane@example.org');
    expect(findTrailer('x\n-- by Alain Roy\na\nb')?.name).toBe('Alain Roy');
    expect(findTrailer('x\n-- by Alain Roy\na\nb\nc')).toBeNull();
    expect(findTrailer('x\nby jane@example.org\nGOCTX Source: email\nGOCTX Source : web\ngoctx source:\n> q')?.name).toBe('jane@example.org');
    expect(findTrailer('x\nby jane@example.org\nSee GOCTX Source: email\nGOCTX Source? web\nGOCTX Sources: x')).toBeNull();
  });

  it('a line over 2000 characters is no trailer; isTrailerLine says whether a line is one', () => {
    expect(findTrailer(`x\n-- by Alain ${'x'.repeat(2000)}`)).toBeNull();
    expect(isTrailerLine('-- by Alain Roy')).toBe(true);
    expect(isTrailerLine('by jane@example.org')).toBe(true);
    expect(isTrailerLine('Bye now')).toBe(false);
    expect(isTrailerLine('by the way')).toBe(false);
  });

  it('a known address with spaces before it counts higher up', () => {
    const spaced = buildResponderIndex({ roster: [{ name: 'Rob Quick', role: 'osg-staff', emails: ['rob quick@iu.example.edu'] }], submitter: { name: '', email: '', submitterName: '' } });
    expect(findTrailer('x\nby rob quick@iu.example.edu\nmore', spaced)?.name).toBe('rob quick@iu.example.edu');
    expect(findTrailer('x\nby rob quick@iu.example.edu\nmore', empty)).toBeNull();
    expect(findTrailer('x\nby rob quick@iu.example.edu\nmore')).toBeNull();
    const idx = buildResponderIndex(contextFor());
    expect(findTrailer('x\nby Rob <rob.quick@iu.example.edu>\nmore', idx)).toBeNull();
    expect(findTrailer('x\nby rob.quick@iu.example.edu\nmore', idx)?.name).toBe('rob.quick@iu.example.edu');
  });
});

describe('findSignature: separator, then a name', () => {
  it('a name under a separator, with the role line noted', () => {
    expect(sig('Done.\n--\nAlain Roy\nOSG Software Support')).toEqual({ name: 'Alain Roy', evidence: '-- / Alain Roy / OSG Software Support', roleLine: true });
    expect(sig('Done.\n----\nHans Mueller')).toEqual({ name: 'Hans Mueller', evidence: '---- / Hans Mueller', roleLine: false });
  });

  it('between a separator and a role line, any line is the name', () => {
    expect(sig('Done.\n--\nmarian z.\nOSG Operations')).toEqual({ name: 'marian z.', evidence: '-- / marian z. / OSG Operations', roleLine: true });
    expect(sig('Done.\n--\nOSG Team\nOSG Operations')).toEqual({ name: 'OSG Team', evidence: '-- / OSG Team', roleLine: true });
    expect(sig('Done.\n--\n----\nOSG Operations')).toEqual({ name: 'OSG Operations', evidence: '---- / OSG Operations', roleLine: true });
    expect(sig('Done.\n--\nDr. Hans Mueller\nOSG Operations')).toEqual({ name: 'Hans Mueller', evidence: '-- / Dr. Hans Mueller / OSG Operations', roleLine: true });
    expect(sig(`Done.\n--\n${'x'.repeat(200)}\nOSG Operations`)?.name).toBe('x'.repeat(200));
    expect(sig(`Done.\n--\n${'x'.repeat(201)}\nOSG Operations`)).toBeNull();
  });

  it('a separator followed by the role line alone names the team', () => {
    expect(sig('Done.\n--\nOSG Software Support')).toEqual({ name: 'OSG Software Support', evidence: '-- / OSG Software Support', roleLine: true });
  });

  it('a separator followed by something else names nobody', () => {
    expect(sig('Done.\n--\nsee the logs')).toBeNull();
  });
});

describe('findSignature: closings', () => {
  it('"Cheers, Name" on one line', () => {
    expect(sig('Done.\nCheers, Hans Mueller')).toEqual({ name: 'Hans Mueller', evidence: 'Cheers, Hans Mueller' });
    expect(sig('Done.\nThanks, see you')).toBeNull();
  });

  it('"Thanks," then the name on the next line', () => {
    expect(sig('Done.\nThanks,\nHans Mueller')).toEqual({ name: 'Hans Mueller', evidence: 'Thanks, Hans Mueller', roleLine: false });
    expect(sig('Done.\nThanks,\nHans Mueller\nOSG Operations')).toEqual({ name: 'Hans Mueller', evidence: 'Thanks, Hans Mueller', roleLine: true });
  });

  it('"Thanks," then only a role line at the very end names the team', () => {
    expect(sig('Done.\nThanks,\nOSG Software Team')).toEqual({ name: 'OSG Software Team', evidence: 'Thanks, OSG Software Team', roleLine: true });
    expect(sig('Done.\nThanks,\nOSG Software Team\nsee below')).toBeNull();
  });

  it('only the last ten lines are read', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `line number ${i} here.`).join('\n');
    expect(sig(`Done.\nCheers, Hans Mueller\n${filler}`)).toBeNull();
    const nine = Array.from({ length: 9 }, (_, i) => `line number ${i} here.`).join('\n');
    expect(sig(`Done.\nCheers, Hans Mueller\n${nine}`)?.name).toBe('Hans Mueller');
  });
});

describe('findSignature: a signature block', () => {
  it('a name over contact lines, as a paragraph of its own', () => {
    expect(sig('Done.\n\nHans Mueller\nFermilab\nhans@fnal.gov')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller / Fermilab / hans@fnal.gov', roleLine: false });
    expect(sig('Done.\n\nHans Mueller\nOSG Security Team')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller / OSG Security Team', roleLine: true });
  });

  it('a name under contact lines', () => {
    expect(sig('Done.\n\nFermi National Laboratory\nScientific Computing\nHans Mueller')).toEqual({ name: 'Hans Mueller', evidence: 'Fermi National Laboratory / Scientific Computing / Hans Mueller', roleLine: false });
  });

  it('not when the paragraph is not its own, too long, or holds a sentence', () => {
    expect(sig('Done.\n\nHans Mueller')).toBeNull();
    expect(sig('Please retry.\nHans Mueller\nFermilab')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nI will check it tomorrow')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nThis is what we saw.')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nWhat now?')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nThanks')).toBeNull();
    expect(sig(`Done.\n\nHans Mueller\n${'Fermilab '.repeat(11)}`)).toBeNull();
    expect(sig('Done.\n\nHans Mueller\none two three four five six seven eight nine')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nPhone 630 555 1234\nFermilab\nBatavia\nIllinois\nUSA\nEarth\nSolar System')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nFermilab\nBatavia\nIllinois\nUSA\nEarth')).toEqual(expect.objectContaining({ name: 'Hans Mueller' }));
  });

  it('a contact line may be short, or hold an address, a URL, www or a number', () => {
    expect(sig('Done.\n\nHans Mueller\nsee https://fnal.gov/about-the-lab-and-its-people now.')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nRoom 123, Wilson Hall')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nRoom 123, the big building here.')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nComputing Division.')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nWilson Hall.')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nwww.fnal.gov')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nMail me at hans@fnal.gov, please')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nVisit www.fnal.gov if you like')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nCall 630 555 1234 if you need me')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nCall me if you need me')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nScientific Computing Division.')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nthe big building on the hill.')).toBeNull();
  });

  it('two names in the block: the upper one is the person', () => {
    expect(sig('Done.\n\nHans Mueller\nJane Doe')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nFermi National Laboratory\nJane Doe\nHans Mueller')).toBeNull();
  });
});

describe('findSignature: a name above a role line; "Name, organisation"', () => {
  it('a name directly above an OSG role line', () => {
    expect(sig('Done, I restarted it.\nHans Mueller\nOSG Operations')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller / OSG Operations', roleLine: true });
    expect(sig('OSG Operations')).toBeNull();
    expect(sig('Hans Mueller\nOSG Operations')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller / OSG Operations', roleLine: true });
  });

  it('one closing line "Name | organisation" or "Name, organisation"', () => {
    expect(sig('Done, I restarted it.\nHans Mueller | Fermilab')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller | Fermilab' });
    expect(sig('Done, I restarted it.\nHans Mueller, Fermilab')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller, Fermilab' });
    expect(sig('Done, I restarted it.\nHans, Fermilab')).toBeNull();
    expect(sig('Done, I restarted it.\nRoy, Alain')).toBeNull();
    expect(sig('Done, I restarted it.\nHans Mueller Fermilab')).toBeNull();
  });

  it('an empty segment has no signature', () => {
    expect(findSignature([], index)).toBeNull();
  });
});

describe('findRosterLine', () => {
  const roster = (text: string) => findRosterLine(seg(text), index);

  it('a line that is only a known name, alias or address, near the end', () => {
    expect(roster('Done.\nAlain')?.found).toEqual({ name: 'Alain', evidence: 'Alain' });
    expect(roster('Done.\n-- Rob.')?.found).toEqual({ name: 'Rob', evidence: '-- Rob.' });
    expect(roster('Done.\n~Rob Quick!')?.hit.person.name).toBe('Rob Quick');
    expect(roster('Done.\nmail rob.quick@iu.example.edu please')?.found).toEqual({ name: 'rob.quick@iu.example.edu', evidence: 'mail rob.quick@iu.example.edu please' });
  });

  it('not a greeting, not an unknown address, not a line over 200 characters, not further than ten lines up', () => {
    expect(roster('Hi Rob')).toBeNull();
    expect(roster('Dear Rob')).toBeNull();
    expect(roster('Done.\nmail x@example.org')).toBeNull();
    expect(roster(`Done.\nrob.quick@iu.example.edu ${'x'.repeat(180)}`)).toBeNull();
    const filler = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n');
    expect(roster(`Rob\n${filler}`)).toBeNull();
    expect(roster(`Rob\n${filler.split('\n').slice(1).join('\n')}`)?.hit.person.name).toBe('Rob Quick');
    expect(findRosterLine(seg('Rob'), empty)).toBeNull();
  });
});

describe('findTrailer: the exact shape of a trailer line', () => {
  it('a trailer line may be 2000 characters long, not one more', () => {
    const line = `-- by Alain ${'x'.repeat(1988)}`;
    expect(line).toHaveLength(2000);
    expect(isTrailerLine(line)).toBe(true);
    expect(isTrailerLine(`${line}x`)).toBe(false);
  });

  it('"by" must start the line, or follow the dashes directly', () => {
    expect(isTrailerLine('-- see by Alain Roy')).toBe(false);
    expect(isTrailerLine('sent by jane@example.org')).toBe(false);
    expect(findTrailer('x\nStand by jane@example.org')).toBeNull();
  });

  it('spaces after "by" are not part of the name', () => {
    expect(findTrailer('Fixed.\n-- by   Alain Roy')?.name).toBe('Alain Roy');
    expect(findTrailer('x\nby   jane@example.org')?.name).toBe('jane@example.org');
  });

  it('only an " at <date>" tail is cut from the name, with the spaces before it', () => {
    expect(findTrailer('Fixed.\n-- by user42')?.name).toBe('user42');
    expect(findTrailer('Fixed.\n-- by Agent 007 at home')?.name).toBe('Agent 007 at home');
    expect(findTrailer('Fixed.\n-- by Alain Roy   at 2014-03-01')?.name).toBe('Alain Roy');
  });

  it('a DN must start with "/": "by CN=…" is no trailer', () => {
    expect(isTrailerLine('by CN=Alain Roy')).toBe(false);
    expect(findTrailer('x\nby CN=Alain Roy')).toBeNull();
  });

  it('an address without spaces counts higher up too', () => {
    expect(findTrailer('x\nby jane@example.org\nmore text')).toEqual({ name: 'jane@example.org', evidence: 'by jane@example.org' });
    expect(findTrailer('x\nby jane@example.org\na\nb')?.name).toBe('jane@example.org');
  });

  it('quoted and FP history lines after the trailer do not count towards the three lines', () => {
    expect(findTrailer('x\n-- by Alain Roy\n> q1\n> q2\n> q3\nStatus changed\nTitle changed\nPriority set')?.name).toBe('Alain Roy');
    expect(findTrailer('x\n-- by Alain Roy\n> q1\n> q2\n> q3')?.name).toBe('Alain Roy');
    expect(findTrailer('x\n-- by Alain Roy\nStatus changed\nTitle changed\nPriority set')?.name).toBe('Alain Roy');
  });

  it('a GOCTX source line may have spaces before its colon, only within its first 20 characters', () => {
    expect(findTrailer('x\n-- by Alain Roy\nGOCTX Source: email\nGOCTX Source:web\ngoctx source:')?.name).toBe('Alain Roy');
    expect(findTrailer('x\n-- by Alain Roy\na\nb\nGOCTX Source       : email')?.name).toBe('Alain Roy');
    expect(findTrailer('x\n-- by Alain Roy\na\nb\nGOCTX Source        : email')).toBeNull();
  });
});

describe('findSignature: contact lines under (or over) a name', () => {
  it('a contact line is at most 90 characters long', () => {
    const url = `https://example.org/${'x'.repeat(70)}`;
    expect(url).toHaveLength(90);
    expect(sig(`Done.\n\nHans Mueller\n${url}`)?.name).toBe('Hans Mueller');
    expect(sig(`Done.\n\nHans Mueller\n${url}x`)).toBeNull();
  });

  it('an http:// link or three digits make a sentence-like line a contact line; one or two digits do not', () => {
    expect(sig('Done.\n\nHans Mueller\nsee http://fnal.gov it is the place')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nsee fnal.gov it is the place')).toBeNull();
    expect(sig('Done.\n\nHans Mueller\nRoom 123, we are upstairs')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nRoom 12, we are upstairs')).toBeNull();
  });

  it('a plain contact line has at most eight words', () => {
    expect(sig('Done.\n\nHans Mueller\none two three four five six seven eight')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\none two three four five six seven eight nine')).toBeNull();
  });

  it('a block has at most seven lines', () => {
    expect(sig('Done.\n\nHans Mueller\nFermilab\nBatavia\nIllinois\nUSA\nEarth\nMilky Way')?.name).toBe('Hans Mueller');
    expect(sig('Done.\n\nHans Mueller\nFermilab\nBatavia\nIllinois\nUSA\nEarth\nMilky Way\nUniverse')).toBeNull();
  });

  it('every line under the name must be a contact line, but the name line itself need not be one', () => {
    expect(sig('Done.\n\nHans Mueller\nFermilab\nI will check it tomorrow')).toBeNull();
    expect(sig('Done.\n\nProf. Dr. Hans Mueller.\nFermilab')?.name).toBe('Hans Mueller');
  });

  it('every line over a name at the bottom must be a contact line, but the name line itself need not be one', () => {
    expect(sig('Done.\n\nFermi National Laboratory\nI will check it tomorrow\nHans Mueller')).toBeNull();
    expect(sig('Done.\n\nFermi National Laboratory\nProf. Dr. Hans Mueller.')?.name).toBe('Hans Mueller');
  });

  it('the evidence of a block is its first three lines, or its last three when the name is at the bottom', () => {
    expect(sig('Done.\n\nHans Mueller\nFermilab\nBatavia\nIllinois')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller / Fermilab / Batavia', roleLine: false });
    expect(sig('Done.\n\nFermi National Laboratory\nScientific Computing\nPO Box 500\nHans Mueller')).toEqual({
      name: 'Hans Mueller',
      evidence: 'Scientific Computing / PO Box 500 / Hans Mueller',
      roleLine: false,
    });
  });

  it('a block notes a role line when any line besides the name is one', () => {
    expect(sig('Done.\n\nHans Mueller\nOSG Security Team\nhans@fnal.gov')?.roleLine).toBe(true);
    expect(sig('Done.\n\nHans Mueller (GOC)\nFermilab')).toEqual({ name: 'Hans Mueller', evidence: 'Hans Mueller (GOC) / Fermilab', roleLine: false });
    expect(sig('Done.\n\nFermi National Laboratory\nOSG Security Team\nHans Mueller')).toEqual({
      name: 'Hans Mueller',
      evidence: 'Fermi National Laboratory / OSG Security Team / Hans Mueller',
      roleLine: true,
    });
    expect(sig('Done.\n\nFermi National Laboratory\nHans Mueller (GOC)')).toEqual({ name: 'Hans Mueller', evidence: 'Fermi National Laboratory / Hans Mueller (GOC)', roleLine: false });
  });
});

describe('findSignature: names known from the roster', () => {
  it('a roster alias or a known first name counts even when it does not look like a name', () => {
    expect(sig('Done.\nThanks,\naroy')).toEqual({ name: 'aroy', evidence: 'Thanks, aroy', roleLine: false });
    expect(sig('Done.\nThanks,\njane')).toEqual({ name: 'jane', evidence: 'Thanks, jane', roleLine: false });
    expect(sig('Done.\nThanks,\njane', empty)).toBeNull();
  });

  it('after a separator, the role line noted is the one under the name, not one above the separator', () => {
    expect(sig('OSG Operations\nDone.\n--\nHans Mueller')).toEqual({ name: 'Hans Mueller', evidence: '-- / Hans Mueller', roleLine: false });
  });

  it('a name above a role line is read only within the last ten lines', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `line number ${i} here.`).join('\n');
    expect(sig(`Hans Mueller\nOSG Operations\n${filler}`)).toBeNull();
    const nine = filler.split('\n').slice(1).join('\n');
    expect(sig(`Hans Mueller\nOSG Operations\n${nine}`)?.name).toBe('Hans Mueller');
  });
});

describe('findRosterLine: bounds', () => {
  const roster = (text: string) => findRosterLine(seg(text), index);

  it('a line of exactly 200 characters is still read', () => {
    const line = `rob.quick@iu.example.edu ${'x'.repeat(175)}`;
    expect(line).toHaveLength(200);
    expect(roster(`Done.\n${line}`)?.hit.person.name).toBe('Rob Quick');
    expect(roster(`Done.\n${line}x`)).toBeNull();
  });

  it('a greeting naming a known address is no signature', () => {
    expect(roster('Dear rob.quick@iu.example.edu,')).toBeNull();
    expect(roster('Hello rob.quick@iu.example.edu')).toBeNull();
    expect(roster('Thanks rob.quick@iu.example.edu')?.hit.person.name).toBe('Rob Quick');
  });
});
