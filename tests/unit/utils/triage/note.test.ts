import { describe, expect, it } from 'vitest';
import { joinNames, triageNote, triageNoteLine } from '../../../../utils/triage/note';

describe('the triage note', () => {
  it('joins names in English', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', ' B '])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('names the owners and the matched topics once each', () => {
    expect(triageNoteLine(['Brian Lin', 'Kelly Fong'], ['HTCondor-CE', 'Glidein factory', 'HTCondor-CE'])).toBe(
      'Assigning to Brian Lin and Kelly Fong (HTCondor-CE, Glidein factory).',
    );
    expect(triageNoteLine(['Rob Quick'])).toBe('Assigning to Rob Quick.');
    expect(triageNoteLine([])).toBe('');
  });

  it('puts the signature under a blank line; no signature, just the line', () => {
    expect(triageNote(['Brian Lin'], [], '\n--\nAlain Roy\n')).toBe('Assigning to Brian Lin.\n\n--\nAlain Roy');
    expect(triageNote(['Brian Lin'], [], '  ')).toBe('Assigning to Brian Lin.');
    expect(triageNote([], ['x'], '--\nAlain')).toBe('');
  });
});
