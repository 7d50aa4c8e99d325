import { describe, expect, it } from 'vitest';
import { describeUnknownTriagePlaceholders, fillNextAction, firstName } from '../../../../utils/triage/presets';

describe('Next Action presets', () => {
  it('{owner} is the first chosen owner\'s first name, {me} the user\'s', () => {
    expect(fillNextAction('{owner}: investigate', { owner: 'Brian Lin', me: 'Alain Roy' })).toBe('Brian: investigate');
    expect(fillNextAction('{me} to follow up with {owner}', { owner: 'Lin, Brian', me: 'Alain Roy' })).toBe('Alain to follow up with Brian');
  });

  it('a placeholder without a value goes with its separator', () => {
    expect(fillNextAction('{owner}: investigate', {})).toBe('investigate');
    expect(fillNextAction('{owner}: investigate', { owner: '   ' })).toBe('investigate');
  });

  it('presets without placeholders stay as written (spacing tidied)', () => {
    expect(fillNextAction('Waiting  on user ', { owner: 'Brian Lin' })).toBe('Waiting on user');
  });

  it('names are text: markup in a name is kept literally', () => {
    expect(fillNextAction('{owner}: review', { owner: '<img> Lin' })).toBe('<img>: review');
  });

  it('firstName handles "Last, First", single names and blanks', () => {
    expect(firstName('Roy, Alain')).toBe('Alain');
    expect(firstName('Alain Roy')).toBe('Alain');
    expect(firstName('Madonna')).toBe('Madonna');
    expect(firstName('  ')).toBe('');
  });

  it('unknown placeholders are reported', () => {
    expect(describeUnknownTriagePlaceholders('{owner}: {when}')).toMatch(/\{when\}/);
    expect(describeUnknownTriagePlaceholders('{owner}: {me}')).toBeNull();
  });
});
