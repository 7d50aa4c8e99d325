import { detectFormat, parseRotationSource } from '../../../../utils/rotation';
import { fixture, OPTIONS } from './helpers';

describe('detecting the source type from content', () => {
  it.each([
    ['an iCal feed', fixture('ics/google-weekly-rrule.ics'), '', 'ics'],
    ['an iCal feed with a BOM and leading blank lines', '\uFEFF\n\nBEGIN:VCALENDAR\nEND:VCALENDAR', '', 'ics'],
    ['iCal served as text/plain', fixture('ics/outlook-windows-zone.ics'), 'text/plain', 'ics'],
    ['JSON served as text/html', '[{"week":"2012-02-13","person":"Alain Roy"}]', 'text/html', 'json'],
    ['a JSON object', '{"rotation":[]}', 'application/json', 'json'],
    ['raw TWiki text', fixture('twiki/header-extra-columns.txt'), 'text/plain', 'twiki-tml'],
    ['a rendered TWiki page', fixture('twiki/rendered.html'), 'text/html', 'twiki-html'],
    ['TWiki text served as text/html', '| 13-Feb-2012 | Alain Roy |', 'text/html', 'twiki-tml'],
    ['TWiki text starting with an HTML comment', fixture('twiki/continuation-and-comments.txt'), 'text/plain', 'twiki-tml'],
    ['an HTML page starting with a comment', '<!-- generated --><!DOCTYPE html><html><body><table></table></body></html>', '', 'twiki-html'],
  ])('%s', (_label, body, contentType, format) => {
    expect(detectFormat(body, contentType)).toEqual({ ok: true, format });
  });

  it.each([
    ['an empty body', '', /empty/],
    ['only whitespace', '  \n\t ', /empty/],
    ['a CILogon login page', '<!DOCTYPE html><html><head><title>CILogon</title></head><body><form><input type="password" name="p"></form></body></html>', /login page/],
    ['a TWiki login page', '<html><head><title>(TWiki login)</title></head><body><form name="loginform" action="/twiki/bin/login"></form></body></html>', /login page/],
    ['plain garbage', '\u0000\u0001garbage bytes ~~~', /not an iCal feed, a TWiki table or JSON/],
  ])('%s is an error', (_label, body, message) => {
    const result = detectFormat(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parseRotationSource', () => {
  it('parses each format end to end', () => {
    expect(parseRotationSource(fixture('ics/google-weekly-rrule.ics'), OPTIONS)).toMatchObject({ ok: true, format: 'ics' });
    expect(parseRotationSource(fixture('twiki/simple-three-formats.txt'), OPTIONS)).toMatchObject({ ok: true, format: 'twiki-tml' });
    expect(parseRotationSource(fixture('twiki/rendered.html'), OPTIONS)).toMatchObject({ ok: true, format: 'twiki-html' });
    expect(parseRotationSource('[{"week":"2012-02-13","person":"A B"}]', OPTIONS)).toMatchObject({ ok: true, format: 'json' });
  });

  it.each([
    ['an empty calendar', fixture('ics/empty.ics'), /empty/],
    ['an HTML error page', '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>', /HTML page without a rotation table/],
    ['a file with no recognisable rows', '| just | a | table |\n| with | no | dates |', /No rotation found/],
    ['an oversized body', 'BEGIN:VCALENDAR\n' + 'X'.repeat(5_000_001), /too large/],
  ])('%s is an error', (_label, body, message) => {
    const result = parseRotationSource(body, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses an unknown team time zone instead of guessing', () => {
    const result = parseRotationSource(fixture('ics/google-weekly-rrule.ics'), { ...OPTIONS, timeZone: 'Mars/Base' });
    expect(result.ok).toBe(false);
  });
});
