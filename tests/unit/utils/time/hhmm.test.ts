import { describe, expect, it } from 'vitest';
import { parseHhmm } from '../../../../utils/time';

describe('parseHhmm', () => {
  it.each([
    ['09:30', 570],
    ['9:30', 570],
    ['00:00', 0],
    ['23:59', 1439],
    [' 17:00 ', 1020],
  ])('%j → %i', (text, minutes) => {
    expect(parseHhmm(text)).toBe(minutes);
  });

  it.each(['24:00', '12:60', '12:5', '123:00', '12.30', '12:30:00', '', 'noon', '-1:00'])('%j → null', (text) => {
    expect(parseHhmm(text)).toBeNull();
  });

  it('non-strings give null instead of throwing', () => {
    expect(parseHhmm(undefined as unknown as string)).toBeNull();
    expect(parseHhmm(930 as unknown as string)).toBeNull();
  });
});
