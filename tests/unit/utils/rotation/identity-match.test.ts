import { displayName, isMe, normalizeName, samePerson } from '../../../../utils/rotation';

describe('is it me?', () => {
  const identity = { name: 'Alain Roy', email: 'roy@cs.wisc.edu', aliases: ['aroy', 'A. Roy'] };
  const team = [
    { name: 'Alain Roy', emails: ['roy@cs.wisc.edu', 'alain.roy@opensciencegrid.org'], aliases: ['AlainRoy'] },
    { name: 'Mat Selmeci', emails: ['matyas@cs.wisc.edu'], aliases: [] },
  ];

  it.each([
    'Alain Roy',
    'alain roy',
    'ALAIN  ROY',
    'Aláin Röy',
    'AlainRoy',
    'Roy, Alain'.split(', ').reverse().join(' '),
    'roy@cs.wisc.edu',
    'ROY@CS.WISC.EDU',
    'aroy',
    'A. Roy',
    'alain.roy@opensciencegrid.org', // through the roster entry
  ])('"%s" is me', (person) => {
    expect(isMe(person, identity, team)).toBe(true);
  });

  it.each(['Mat Selmeci', 'Alain', 'Roy', 'Alain Royce', 'matyas@cs.wisc.edu', '', null])('"%s" is not me', (person) => {
    expect(isMe(person, identity, team)).toBe(false);
  });

  it('an empty identity is never on duty', () => {
    expect(isMe('Alain Roy', {}, team)).toBe(false);
  });

  it('matches by the e-mail carried next to a name', () => {
    expect(isMe('Dr. A. R.', { email: 'roy@cs.wisc.edu' }, [], 'Roy@cs.wisc.edu')).toBe(true);
  });

  it('normalises case, accents and punctuation', () => {
    expect(normalizeName('  Ñúñez-García, José  ')).toBe('nunez-garcia jose');
    expect(samePerson('Søren Kierkegaard', 'soren kierkegaard')).toBe(true);
  });

  it('shows roster names for e-mails and WikiNames', () => {
    expect(displayName('matyas@cs.wisc.edu', team)).toBe('Mat Selmeci');
    expect(displayName('AlainRoy', team)).toBe('Alain Roy');
    expect(displayName('Someone Else', team)).toBe('Someone Else');
  });
});
