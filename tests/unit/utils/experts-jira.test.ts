import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordPattern, sameDisplayName, suggestExperts } from '../../../utils/experts';
import { createIssueUrl, findJiraKeys, issueUrl, jiraBase, NOT_PROJECTS } from '../../../utils/jira';
import { cleanText, decodeFpEntities, decodeFpIdentifier } from '../../../utils/footprints';

const EXPERTS = [
  { topic: 'HTCondor-CE', keywords: ['HTCondor-CE', 'condor_ce_trace', 'CE'], people: ['Brian Lin', 'Tim Theisen'] },
  { topic: 'Storage', keywords: ['xrootd', 'GridFTP', 'dCache'], people: ['Carl Edquist'] },
  { topic: 'Certificates', keywords: ['CILogon', 'voms-proxy-init', 'host cert'], people: ['Brian Lin'] },
  { topic: 'C++ builds', keywords: ['C++'], people: ['Mat Selmeci'] },
];

describe('suggestExperts', () => {
  it('matches whole words case-insensitively, one item per person with every topic', () => {
    const s = suggestExperts(EXPERTS, ['Jobs held at our ce', 'We also renewed the Host  Cert yesterday']);
    expect(s).toEqual([
      { person: 'Brian Lin', topics: [{ topic: 'HTCondor-CE', keywords: ['CE'] }, { topic: 'Certificates', keywords: ['host cert'] }] },
      { person: 'Tim Theisen', topics: [{ topic: 'HTCondor-CE', keywords: ['CE'] }] },
    ]);
  });

  it('does not match inside words', () => {
    expect(suggestExperts(EXPERTS, ['certificate expired; processes died; xrootdX'])).toEqual([]);
  });

  it('handles keywords with punctuation', () => {
    expect(suggestExperts(EXPERTS, ['compile error in C++ code']).map((s) => s.person)).toEqual(['Mat Selmeci']);
    expect(suggestExperts(EXPERTS, ['ran condor_ce_trace today'])[0].topics[0].keywords).toEqual(['condor_ce_trace']);
  });

  it('returns nothing for an empty or malformed experts list', () => {
    expect(suggestExperts([], ['xrootd'])).toEqual([]);
    expect(suggestExperts([{ topic: 'x', keywords: [''], people: ['A'] }], ['anything'])).toEqual([]);
    expect(suggestExperts([null as never, { topic: 'x' } as never], ['xrootd'])).toEqual([]);
  });

  it('keywordPattern escapes regex characters', () => {
    expect(keywordPattern('a.b')!.test('axb')).toBe(false);
    expect(keywordPattern('a.b')!.test('see a.b!')).toBe(true);
    expect(keywordPattern('  ')).toBeNull();
  });

  it('sameDisplayName ignores case, accents and NBSP', () => {
    expect(sameDisplayName('Mátyás\u00a0Selmeci', 'matyas selmeci')).toBe(true);
    expect(sameDisplayName('', '')).toBe(false);
    expect(sameDisplayName('Tim Theisen', 'Tim Cartwright')).toBe(false);
  });
});

describe('JIRA', () => {
  it('finds keys like SOFTWARE-1234 and skips look-alikes', () => {
    const text = 'See SOFTWARE-1234 and OPS-7, not UTF-8, RHEL-7, CVE-2014-0160, SHA-256 or foo-12 or X-1.2 or A-1';
    expect(findJiraKeys(text).map((m) => m.key)).toEqual(['SOFTWARE-1234', 'OPS-7']);
  });

  it('reports positions so text can be wrapped in place', () => {
    const [m] = findJiraKeys('(SOFTWARE-42)');
    expect(m).toEqual({ key: 'SOFTWARE-42', start: 1, end: 12 });
  });

  it('accepts a configured project key even if it looks like a standard', () => {
    expect(findJiraKeys('GOC-55 and GOC-56', ['GOC']).map((m) => m.key)).toEqual(['GOC-55', 'GOC-56']);
    expect(findJiraKeys('GOC-55')).toEqual([]);
  });

  it('builds browse and create URLs only for an http(s) base', () => {
    expect(jiraBase('')).toBeNull();
    expect(jiraBase('javascript:alert(1)')).toBeNull();
    expect(jiraBase('https://jira.example.org/')).toBe('https://jira.example.org');
    expect(issueUrl('https://jira.example.org/', 'SOFTWARE-1')).toBe('https://jira.example.org/browse/SOFTWARE-1');
    const url = new URL(
      createIssueUrl('https://jira.example.org/jira', {
        ticketId: 123,
        title: 'CE & "stuff"',
        ticketUrl: 'https://ticket.opensciencegrid.org/123',
        projectId: '10400',
      })!,
    );
    expect(url.pathname).toBe('/jira/secure/CreateIssueDetails!init.jspa');
    expect(url.searchParams.get('pid')).toBe('10400');
    expect(url.searchParams.get('summary')).toBe('GOC 123: CE & "stuff"');
    expect(url.searchParams.get('description')).toContain('https://ticket.opensciencegrid.org/123');
    expect(createIssueUrl('', { ticketId: 1, title: '', ticketUrl: '' })).toBeNull();
  });
});

describe('Footprints decoding', () => {
  it('decodes numeric and named references and keeps a bare &', () => {
    expect(decodeFpEntities('a&#58;b &#62; &#x3C; &amp; &nbsp;x ?a=1&b=2 &unknown; &copy')).toBe(
      'a:b > < & \u00a0x ?a=1&b=2 &unknown; &copy',
    );
    expect(decodeFpEntities('&#0; &#xD800; &#99999999;')).toBe('\ufffd \ufffd \ufffd');
  });

  it('decodes long text exactly, across the blocks the result is read back in, unpaired surrogates kept', () => {
    // Pieces of odd lengths, so references and surrogate pairs fall on every side of 8192-unit block edges.
    const pieces = ['x'.repeat(8187), '&amp;', '\ud83d\ude00', '&#x1F600;', 'y'.repeat(4093), '\ud800', '&lt;', ' &bogus; ', 'z'.repeat(9001), '&#62;'];
    const decoded = ['x'.repeat(8187), '&', '\ud83d\ude00', '\ud83d\ude00', 'y'.repeat(4093), '\ud800', '<', ' &bogus; ', 'z'.repeat(9001), '>'];
    const text = pieces.join('').repeat(3);
    const out = decodeFpEntities(text);
    expect(out.length).toBe(decoded.join('').length * 3);
    expect(out === decoded.join('').repeat(3)).toBe(true);
  });

  it('decodes FP identifier escapes', () => {
    expect(decodeFpIdentifier('OSG__bGOC__bSupport__bTeam')).toBe('OSG GOC Support Team');
    expect(decodeFpIdentifier('Problem__fRequest')).toBe('Problem/Request');
  });

  it('cleanText collapses whitespace and NBSP', () => {
    expect(cleanText('  a\u00a0\u00a0b \n c ')).toBe('a b c');
  });
});

describe('findJiraKeys matches exactly what the key regex it replaced matched (linear scan)', () => {
  // The regex the scan replaced (issue 10, finding 1): kept here as the reference.
  const KEY = /(?<![\p{L}\p{N}_\-/.])([A-Z][A-Z0-9_]{1,19})-([1-9]\d{0,6})(?![\p{L}\p{N}_]|-\d|\.\d)/gu;
  const reference = (text: string, projects: readonly string[]) =>
    [...text.matchAll(KEY)]
      .filter((m) => projects.includes(m[1]!) || !NOT_PROJECTS.has(m[1]!))
      .map((m) => ({ key: m[0], start: m.index!, end: m.index! + m[0].length }));
  const piece = fc.constantFrom('A', 'B', 'Z', 'SOFTWARE', 'UTF', 'RHEL', 'X509', '_', '-', '.', '/', '0', '1', '7', '12345678', 'a', 'é', '\u{1d400}', '\u{1d7ce}', '٣', ' ', '\n', '(', ')');
  it('on random mixes of letters, digits, dashes, dots and astral characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.constantFrom([], ['UTF'], ['RHEL', 'X509']), (text, projects) => {
        return JSON.stringify(findJiraKeys(text, projects)) === JSON.stringify(reference(text, projects));
      }),
      { numRuns: 5000 },
    );
  });
  it('on a key with a 20-character project, a 7-digit number and their one-longer neighbours', () => {
    const p20 = 'A'.repeat(20);
    const text = `${p20}-1234567 ${p20}B-1 AB-12345678 AB-0 AB-1.2 AB-1-2 x${p20}-1`;
    expect(findJiraKeys(text).map((m) => m.key)).toEqual([`${p20}-1234567`]);
    expect(findJiraKeys(text)).toEqual(reference(text, []));
  });
});

describe('footprints decodeFpEntities / cleanText match the regex versions they replaced (one-pass scan)', () => {
  const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', eacute: 'é' };
  const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,9}));/g;
  const cp = (n: number) => (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n));
  const reference = (t: string) =>
    t.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) =>
      dec !== undefined ? cp(Number.parseInt(dec, 10)) : hex !== undefined ? cp(Number.parseInt(hex, 16)) : (name !== undefined && Object.hasOwn(NAMED, name) ? NAMED[name]! : whole));
  const piece = fc.constantFrom('&', '#', 'x', 'X', ';', '0', '5', '8', '9', 'a', 'F', 'amp', 'lt', 'nbsp', 'eacute', 'unknownname', ' ', '\n', '\u00a0', '&#', '&#x', '12345678', '\ud800');
  it('on random mixes of references, near-references and whitespace', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (t) =>
        decodeFpEntities(t) === reference(t) && cleanText(t) === reference(t).replace(/[\s\u00a0]+/g, ' ').trim()),
      { numRuns: 5000 },
    );
  });
});
