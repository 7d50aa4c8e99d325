import { describe, expect, it } from 'vitest';
import { guardApplies, isUpdateSigned, SIGNED_WINDOW } from '../../../utils/unsigned-guard';

/** The guard's rules one by one, on plain updates (the property test beside this file compares with a reference). */
const names = (...list: string[]) => ({ signature: '', names: list });

describe('isUpdateSigned: which lines may carry the name', () => {
  it(`the name counts on the ${SIGNED_WINDOW}th own line from the end, not on the one above it`, () => {
    expect(SIGNED_WINDOW).toBe(5);
    expect(isUpdateSigned('Alain Roy\nline 1\nline 2\nline 3\nline 4', names('Alain Roy'))).toBe(true);
    expect(isUpdateSigned('Alain Roy\nline 1\nline 2\nline 3\nline 4\nline 5', names('Alain Roy'))).toBe(false);
  });

  it('blank, space-only and quoted lines do not use up the window of own lines', () => {
    const body = 'Alain Roy\n\nline 1\n   \nline 2\n> quoted\n&#62; FP quote\nline 3\n\t\nline 4\n\n\n';
    expect(isUpdateSigned(body, names('Alain Roy'))).toBe(true);
  });

  it('a name in a quoted line never signs, even in a short update whose own lines are few', () => {
    expect(isUpdateSigned('Hi\n> Alain Roy wrote:\nok', names('Alain Roy'))).toBe(false);
    expect(isUpdateSigned('Hi\n&#62; Alain Roy wrote:\nok', names('Alain Roy'))).toBe(false);
    expect(isUpdateSigned('Hi\n   > Alain Roy wrote:\nok', names('Alain Roy'))).toBe(false);
  });

  it('the name must stand on one line: broken over two lines it does not sign', () => {
    expect(isUpdateSigned('Thanks,\nAlain\nRoy', names('Alain Roy'))).toBe(false);
    expect(isUpdateSigned('Thanks,\nAlain Roy', names('Alain Roy'))).toBe(true);
  });

  it('spaces around the signing line do not matter', () => {
    expect(isUpdateSigned('Fixed.\n\t  Alain Roy  \u00a0\n \n', names('Alain Roy'))).toBe(true);
  });

  it('a name on an earlier line of the window signs too, not only on the last line', () => {
    expect(isUpdateSigned('Fixed.\nAlain Roy\nOSG Software Support', names('Alain Roy'))).toBe(true);
  });
});

describe('isUpdateSigned: which names count', () => {
  it('a one-letter name (an initial) never signs, even where it stands as a word', () => {
    expect(isUpdateSigned('Try plan B, then plan A', names('A'))).toBe(false);
  });

  it('a two-letter name signs as a whole word', () => {
    expect(isUpdateSigned('Thanks,\nLi', names('Li'))).toBe(true);
    expect(isUpdateSigned('Thanks,\nLily', names('Li'))).toBe(false);
  });

  it('any one of the names is enough', () => {
    expect(isUpdateSigned('Thanks,\nAl', names('Alain Roy', 'Al'))).toBe(true);
  });

  it('a missing update or signature is simply not signed (no throw)', () => {
    const missing = null as unknown as string;
    expect(isUpdateSigned(missing, names('Alain Roy'))).toBe(false);
    expect(isUpdateSigned('Thanks,\nAlain Roy', { signature: missing, names: ['Alain Roy'] })).toBe(true);
    expect(isUpdateSigned('Thanks,\nBob', { signature: missing, names: ['Alain Roy'] })).toBe(false);
  });
});

describe('guardApplies: is there anything to check?', () => {
  it('a name alone (no signature template) is enough', () => {
    expect(guardApplies('Fixed.', names('Alain Roy'))).toBe(true);
  });

  it('a signature alone (no name) is enough', () => {
    expect(guardApplies('Fixed.', { signature: 'Alain Roy\nOSG Software Support', names: [] })).toBe(true);
  });

  it('a two-letter name is enough; one letter, blanks and a space-only signature are not', () => {
    expect(guardApplies('Fixed.', names('Li'))).toBe(true);
    expect(guardApplies('Fixed.', { signature: ' \n\t ', names: ['A', ' B ', '', '   '] })).toBe(false);
  });

  it('a missing or blank update has nothing to check', () => {
    expect(guardApplies(null as unknown as string, names('Alain Roy'))).toBe(false);
    expect(guardApplies(undefined as unknown as string, names('Alain Roy'))).toBe(false);
    expect(guardApplies(' \n\t', names('Alain Roy'))).toBe(false);
  });
});
