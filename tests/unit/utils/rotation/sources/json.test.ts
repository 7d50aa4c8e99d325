import { parseJsonRotation } from '../../../../../utils/rotation/sources/json';
import { weekMap } from '../helpers';

const TWO_WEEKS = { '2012-02-13': 'Alain Roy', '2012-02-20': 'Mat Selmeci' };

describe('JSON rotation files', () => {
  it('reads the documented shape', () => {
    const text = JSON.stringify([
      { week: '2012-02-13', person: 'Alain Roy' },
      { week: '2012-02-20', person: 'Mat Selmeci' },
    ]);
    const result = parseJsonRotation(text);
    expect(weekMap(result)).toEqual(TWO_WEEKS);
    expect(result.ok && result.format).toBe('json');
  });

  it.each([
    ['wrapped in { rotation: [...] }', { rotation: [{ week: '2012-02-13', person: 'Alain Roy' }, { week: '2012-02-20', person: 'Mat Selmeci' }] }],
    ['wrapped with metadata', { team: 'OSG Software', updated: '2012-02-01', weeks: [{ week: '2012-02-13', person: 'Alain Roy' }, { week: '2012-02-20', person: 'Mat Selmeci' }] }],
    ['date/name keys', [{ date: '2012-02-13', name: 'Alain Roy' }, { date: '2012-02-20', name: 'Mat Selmeci' }]],
    ['start/who keys in other case', [{ Start: '2012-02-13', Who: 'Alain Roy' }, { START: '2012-02-20', WHO: 'Mat Selmeci' }]],
    ['person objects', [{ week: '2012-02-13', person: { name: 'Alain Roy', email: 'roy@cs.wisc.edu' } }, { week: '2012-02-20', person: { name: 'Mat Selmeci' } }]],
    ['a date → person map', { '2012-02-13': 'Alain Roy', '2012-02-20': 'Mat Selmeci' }],
    ['tuples', [['2012-02-13', 'Alain Roy'], ['2012-02-20', 'Mat Selmeci']]],
    ['TWiki-style dates', [{ week: '13-Feb-2012', person: 'Alain Roy' }, { week: '20 Feb 2012', person: 'Mat Selmeci' }]],
    ['ISO date-times (their own date part)', [{ week: '2012-02-13T00:00:00-06:00', person: 'Alain Roy' }, { week: '2012-02-20T09:00:00Z', person: 'Mat Selmeci' }]],
    ['mid-week and Sunday dates', [{ week: '2012-02-15', person: 'Alain Roy' }, { week: '2012-02-19', person: 'Mat Selmeci' }]],
    ['nested under data.entries', { data: { entries: [{ week: '2012-02-13', person: 'Alain Roy' }, { week: '2012-02-20', person: 'Mat Selmeci' }] } }],
  ])('reads %s', (_label, data) => {
    expect(weekMap(parseJsonRotation(JSON.stringify(data)))).toEqual(TWO_WEEKS);
  });

  it('keeps the e-mail when one is given', () => {
    const result = parseJsonRotation(JSON.stringify([{ week: '2012-02-13', person: 'Alain Roy', email: 'Roy@CS.wisc.edu' }]));
    expect(result.ok && result.weeks[0]).toEqual({ week: '2012-02-13', person: 'Alain Roy', email: 'roy@cs.wisc.edu' });
  });

  it('skips unreadable entries with a warning and keeps the good ones', () => {
    const result = parseJsonRotation(
      JSON.stringify([
        { week: '2012-02-13', person: 'Alain Roy' },
        { week: 'next week', person: 'Nobody' },
        { week: '2012-02-20' },
        null,
        42,
        { week: '2012-02-20', person: 'Mat Selmeci' },
      ]),
    );
    expect(weekMap(result)).toEqual(TWO_WEEKS);
    expect(result.ok && result.warnings.join(' ')).toMatch(/4 entries were skipped/);
  });

  it.each([
    ['invalid JSON', '{"week": "2012-02-13", ', /not valid JSON/],
    ['an empty list', '[]', /empty/],
    ['no list at all', '{"hello": "world"}', /no rotation list/],
    ['entries without people', '[{"week":"2012-02-13"}]', /No entry has both/],
  ])('%s is an error', (_label, text, message) => {
    const result = parseJsonRotation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
