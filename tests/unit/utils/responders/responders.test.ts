import { describe, expect, it } from 'vitest';
import {
  buildResponderIndex,
  identifyResponder,
  isNameLike,
  isUnsignedUpdate,
  localPartFitsName,
  nameFromDn,
  ownLines,
  type Responder,
} from '../../../../utils/responders';
import { contextFor } from '../../helpers/roster';

const index = buildResponderIndex(contextFor());

function who(bodyText: string, byHeader: string | null = null, idx = index): Responder {
  return identifyResponder({ byHeader, bodyText }, idx);
}

/** Hand-written edge cases: [title, header, body, expected {name, role, source}]. */
const CASES: [string, string | null, string, Pick<Responder, 'name' | 'role' | 'source'>][] = [
  ['header: software member', 'Alain Roy', 'Please try again.', { name: 'Alain Roy', role: 'software', source: 'header' }],
  ['header: OSG staff', 'Rob Quick', 'Assigning to Software.', { name: 'Rob Quick', role: 'osg-staff', source: 'header' }],
  ['header: the submitter (e-mail reply)', 'Jane Smith', 'It works now, thanks!', { name: 'Jane Smith', role: 'submitter', source: 'header' }],
  ['header: unknown person', 'Hans Mueller', 'Same problem here.', { name: 'Hans Mueller', role: 'unknown', source: 'header' }],
  ['header: roster e-mail', 'mat.selmeci@wisc.example.edu', 'ok', { name: 'Mat Selmeci', role: 'software', source: 'header' }],
  ['header: guest-masked roster e-mail', 'brian.lin@....', 'ok', { name: 'Brian Lin', role: 'software', source: 'header' }],
  ['header: header wins over a signature', 'Kyle Gross', 'Done.\n\n----\nAlain Roy\nOSG Software Support', { name: 'Kyle Gross', role: 'osg-staff', source: 'header' }],
  ['header: unknown header signed with an OSG role line', 'Marian Zvada', 'Fixed.\n--\nMarian Zvada\nOSG Operations', { name: 'Marian Zvada', role: 'osg-staff', source: 'header' }],
  ['trailer: -- by Name (pre-2012)', null, 'The CE is down again.\n\n-- by Alain Roy', { name: 'Alain Roy', role: 'software', source: 'trailer' }],
  ['trailer: DN of a software member (alias CN)', null, 'Fixed in 3.4.2.\n\nby /DC=org/DC=doegrids/OU=People/CN=Matyas Selmeci 702830', { name: 'Mat Selmeci', role: 'software', source: 'trailer' }],
  ['trailer: DigiCert DN', null, 'Looking.\n\nby /DC=com/DC=DigiCert-Grid/O=Open Science Grid/OU=People/CN=Brian Lin 2317', { name: 'Brian Lin', role: 'software', source: 'trailer' }],
  ['trailer: DN with a short-form first name', null, 'Reassigning.\n\nby /DC=org/DC=doegrids/OU=People/CN=Robert Quick 146204', { name: 'Rob Quick', role: 'osg-staff', source: 'trailer' }],
  ['trailer: DN of the submitter (CILogon)', null, 'Here is the log.\n\nby /DC=org/DC=cilogon/C=US/O=UWMadison Physics/CN=Jane Smith A1000', { name: 'Jane Smith', role: 'submitter', source: 'trailer' }],
  ['trailer: DN with proxy CN', null, 'x\n\nby /DC=org/DC=doegrids/OU=People/CN=Carl Edquist 870044/CN=proxy', { name: 'Carl Edquist', role: 'software', source: 'trailer' }],
  ['trailer: e-mail (SSO era)', null, 'Attached.\n\nby jane.smith@physics.wisc.example.edu', { name: 'Jane Smith', role: 'submitter', source: 'trailer' }],
  ['trailer: roster e-mail', null, 'Please retry.\n\nby tim.theisen@wisc.example.edu', { name: 'Tim Theisen', role: 'software', source: 'trailer' }],
  ['trailer: guest-masked e-mail', null, 'Please retry.\n\nby carl.edquist@....', { name: 'Carl Edquist', role: 'software', source: 'trailer' }],
  ['trailer: a broken address with spaces on the very last line', null, 'x\n\nby "><b x>@evil.example.com', { name: '"><b x>@evil.example.com', role: 'unknown', source: 'trailer' }],
  ['"by" + address with spaces above the last line is not a trailer', null, 'by the way mail a b@c.org\nthanks', { name: '', role: 'unknown', source: 'none' }],
  ['trailer: unknown e-mail', null, 'me too\n\nby someone@else.example.org', { name: 'someone@else.example.org', role: 'unknown', source: 'trailer' }],
  ['trailer: guest submitter', null, 'My jobs are held.\n\nby Jane Smith (guest)', { name: 'Jane Smith', role: 'submitter', source: 'trailer' }],
  ['trailer: GOC-TX import under OSG-GOC', 'OSG-GOC', 'GGUS ticket text\n-- by Rosa Garcia at 2014-03-01 10:00 UTC\nGOCTX Source: https://ggus.example.eu/ticket/1234', { name: 'Rosa Garcia', role: 'unknown', source: 'trailer' }],
  ['trailer wins over a signature', null, 'Done.\n\nThanks,\nMat\n\nby /DC=org/DC=doegrids/OU=People/CN=Carl Edquist 870044', { name: 'Carl Edquist', role: 'software', source: 'trailer' }],
  ['trailer after history lines', null, 'x\n\nby alain.roy@wisc.example.edu\nAppended a Description\nNotification mail sent: Customer: jane', { name: 'Alain Roy', role: 'software', source: 'trailer' }],
  ['OSG-GOC without trailer is the GOC account', 'OSG-GOC', 'Ticket opened on behalf of the user.', { name: 'OSG-GOC', role: 'osg-staff', source: 'header' }],
  ['signature: dashes, name, role, address', null, 'Please run the profiler.\n\n------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org', { name: 'Alain Roy', role: 'software', source: 'signature' }],
  ['signature: "-- " separator', null, 'Try this.\n-- \nBrian Lin\nOSG Software Support', { name: 'Brian Lin', role: 'software', source: 'signature' }],
  ['signature: unknown name with OSG role line', null, 'Resolved.\n--\nMarian Zvada\nOSG Operations\nhttps://opensciencegrid.org', { name: 'Marian Zvada', role: 'osg-staff', source: 'signature' }],
  ['signature: name over role line without separator', null, 'See the docs.\n\nSuchandra Thapa\nOSG Software Support\nsuchandra.thapa@uchicago.example.edu', { name: 'Suchandra Thapa', role: 'software', source: 'signature' }],
  ['signature: accents in the name (alias)', null, 'ok\n---\nMátyás Selmeci\nOSG Software Support', { name: 'Mat Selmeci', role: 'software', source: 'signature' }],
  ['signature: "Thanks,\\nAlias"', null, 'Could you attach the logs?\n\nThanks,\nMat', { name: 'Mat Selmeci', role: 'software', source: 'signature' }],
  ['signature: "Cheers, Name" on one line', null, 'Fixed upstream.\nCheers, Brian', { name: 'Brian Lin', role: 'software', source: 'signature' }],
  ['roster: "-- Alias" on one line', null, 'The RPM is in osg-testing.\n-- Carl', { name: 'Carl Edquist', role: 'software', source: 'roster' }],
  ['roster: "- BL" (alias) on one line', null, 'Fixed.\n\n- BL', { name: 'Brian Lin', role: 'software', source: 'roster' }],
  ['an unknown "- Name" line decides nothing', null, 'Fixed.\n\n- Bob Example', { name: '', role: 'unknown', source: 'none' }],
  ['signature: closing with unknown name', null, 'Still broken.\n\nBest regards,\nPiotr Kowalski', { name: 'Piotr Kowalski', role: 'unknown', source: 'signature' }],
  ['signature: closing with the submitter name', null, 'Here you go.\n\nThanks,\nJane', { name: 'Jane Smith', role: 'submitter', source: 'signature' }],
  ['signature: first name shared by two people stays as written', null, 'ok\n\nThanks,\nTimothy', { name: 'Timothy', role: 'unknown', source: 'signature' }],
  ['signature: long block with phone and URL', null, 'Reply.\n\n--\nKyle Gross\nOSG Operations Center\nIndiana University\nPhone: 812-555-0203\nhttps://opensciencegrid.org', { name: 'Kyle Gross', role: 'osg-staff', source: 'signature' }],
  ['signature: "Regards,\\nThe OSG team" role line', null, 'Maintenance done.\n\nRegards,\nOSG Software Team', { name: 'OSG Software Team', role: 'osg-staff', source: 'signature' }],
  ['signature before history lines', null, 'ok\n\nThanks,\nAlain\nAppended a Description', { name: 'Alain Roy', role: 'software', source: 'signature' }],
  ['roster: bare alias line', null, 'I rebuilt the package; please update.\nMat', { name: 'Mat Selmeci', role: 'software', source: 'roster' }],
  ['roster: e-mail line', null, 'Please retry.\ncarl.edquist@wisc.example.edu', { name: 'Carl Edquist', role: 'software', source: 'roster' }],
  ['roster: the submitter on a closing line', null, 'still failing\nJane Smith', { name: 'Jane Smith', role: 'submitter', source: 'roster' }],
  ['quoted signature never decides', null, 'It works now.\n\nOn Mon, Jan 5, 2015, Open Science Grid FootPrints <osg@tick.globalnoc.iu.edu> wrote:\n> ----\n> Alain Roy\n> OSG Software Support', { name: '', role: 'unknown', source: 'none' }],
  ['FP-encoded quote never decides', null, 'Thanks for the fix\n\n&#62; Thanks,\n&#62; Mat', { name: '', role: 'unknown', source: 'none' }],
  ['text after a "wrote:" line is a quote even without ">"', null, 'See below.\nOn Tue, Open Science Grid FootPrints &#60;osg@tick.globalnoc.iu.edu&#62; wrote&#58;\nThanks,\nMat', { name: '', role: 'unknown', source: 'none' }],
  ['a name mid-text is not a signature', null, 'I asked Alain Roy to look at this.\nPlease wait for his answer.', { name: '', role: 'unknown', source: 'none' }],
  ['greeting to a roster member is not a signature', null, 'Hi Mat,\nthe build fails on EL7.', { name: '', role: 'unknown', source: 'none' }],
  ['"Thank you for your help" is not a signature', null, 'The fix worked.\nThank you for your help', { name: '', role: 'unknown', source: 'none' }],
  ['a CLI option line is not a separator', null, 'Run:\nosg-system-profiler\n--\nhelp', { name: '', role: 'unknown', source: 'none' }],
  ['empty body, no header', null, '', { name: '', role: 'unknown', source: 'none' }],
  ['whitespace-only header is no header', '   ', 'Thanks,\nBrian', { name: 'Brian Lin', role: 'software', source: 'signature' }],
];

describe('identifyResponder: hand-written cases', () => {
  it.each(CASES)('%s', (_title, header, body, expected) => {
    const result = who(body, header);
    expect({ name: result.name, role: result.role, source: result.source }).toEqual(expected);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it('reads FP-encoded text the same as decoded text', () => {
    const encoded = who('Please retry.\n\nby /DC=org/DC=doegrids/OU=People/CN=Alain Roy 424511'.replace(/:/g, '&#58;'));
    expect(encoded).toMatchObject({ name: 'Alain Roy', source: 'trailer' });
  });

  it('says in the reason which evidence decided', () => {
    expect(who('x\n\nby /DC=org/DC=doegrids/OU=People/CN=Alain Roy 424511').reason).toMatch(/Author trailer.*CN=Alain Roy/);
    expect(who('ok', 'Rob Quick').reason).toMatch(/Header.*Rob Quick.*OSG staff/);
    expect(who('').reason).toMatch(/No header/);
  });

  it('uses the roster role even when the roster person is also the submitter', () => {
    const idx = buildResponderIndex(contextFor({ name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', submitterName: '' }));
    expect(who('x', 'Alain Roy', idx).role).toBe('software');
  });

  it('falls back to the submitter e-mail when the name is missing', () => {
    const idx = buildResponderIndex(contextFor({ name: '', submitterName: '', email: 'dkim@uchicago.example.edu' }));
    expect(who('x\n\nby dkim@uchicago.example.edu', null, idx)).toMatchObject({ role: 'submitter', source: 'trailer' });
  });

  it('works with an empty roster and no submitter', () => {
    const idx = buildResponderIndex({ roster: [], submitter: { name: '', email: '', submitterName: '' } });
    expect(who('ok\n--\nAlain Roy\nOSG Software Support', null, idx)).toMatchObject({ name: 'Alain Roy', role: 'osg-staff', source: 'signature' });
    expect(who('ok', 'Alain Roy', idx)).toMatchObject({ role: 'unknown', source: 'header' });
  });
});

describe('helpers', () => {
  it('nameFromDn strips numeric ids, proxies and parentheses', () => {
    expect(nameFromDn('/DC=org/DC=doegrids/OU=People/CN=Alain Roy 424511')).toBe('Alain Roy');
    expect(nameFromDn('/DC=org/DC=cilogon/C=US/O=Fermilab/CN=Hans Mueller A1222')).toBe('Hans Mueller');
    expect(nameFromDn('/DC=org/DC=doegrids/OU=People/CN=Brian Lin 2317/CN=1234567/CN=proxy')).toBe('Brian Lin');
    expect(nameFromDn('/O=Grid/CN=Jane Doe (jdoe)')).toBe('Jane Doe');
    expect(nameFromDn('/DC=org/OU=People')).toBe('');
  });

  it('isNameLike accepts names and refuses phrases', () => {
    for (const name of ['Alain Roy', "Declan O'Keefe", 'J. Smith', 'José Morales', 'Jean-Luc Picard', 'Mat']) {
      expect(isNameLike(name), name).toBe(true);
    }
    for (const text of ['please let me know', 'Thank You', 'The Team', 'R2 D2', 'a@b.c', 'One Two Three Four Five', '']) {
      expect(isNameLike(text), text).toBe(false);
    }
  });

  it('ownLines drops quotes, the quoted part after "wrote:" and trailing history', () => {
    const body = 'Top reply\n> quoted\n&#62; encoded quote\nmore\nOn Mon, X wrote:\nold text\n';
    expect(ownLines(body)).toEqual(['Top reply', 'more']);
    expect(ownLines('text\nAppended a Description\nNotification mail sent: Customer: a@b')).toEqual(['text']);
  });

  it('flags only staff-looking updates with no evidence, never the opening description', () => {
    const none = who('Please attach the logs.');
    expect(isUnsignedUpdate(none, false)).toBe(true);
    expect(isUnsignedUpdate(none, true)).toBe(false);
    expect(isUnsignedUpdate(who('ok', 'Alain Roy'), false)).toBe(false);
    expect(isUnsignedUpdate(who('ok\nThanks,\nMat'), false)).toBe(false);
  });
});


describe('guest-masked e-mails against the submitter name', () => {
  it.each([
    ['jane.smith', 'Jane Smith', true],
    ['jsmith', 'Jane Smith', true],
    ['dokeefe', "Declan O'Keefe", true],
    ['smith', 'Jane Smith', true],
    ['jane', 'Jane Smith', false],
    ['bob.smith', 'Jane Smith', false],
    ['js', 'Jane Smith', false],
  ])('%s fits %s: %s', (local, name, fits) => {
    expect(localPartFitsName(local, name)).toBe(fits);
  });
});
