/** Other GOC sites (issue 9): what an extra origin may be, its pattern, and which pages count as GOC pages. */
import { describe, expect, it } from 'vitest';
import { checkGocOrigin, listMatchesFor, matchesFor, MAX_EXTRA_ORIGINS, originPattern, validOrigins } from '../../../../utils/goc/origins';
import { contentScriptsFor, GOC_LIST_MATCHES, GOC_MATCHES, GOC_ORIGINS, GOC_SUBMIT_MATCHES, scriptsForPath, submitMatchesFor } from '../../../../utils/goc/hosts';

describe('checkGocOrigin', () => {
  it.each([
    ['https://ticket-itb.example.org', 'https://ticket-itb.example.org'],
    ['  HTTPS://Ticket-ITB.Example.ORG/  ', 'https://ticket-itb.example.org'],
    ['https://goc.example.org:8443', 'https://goc.example.org:8443'],
    ['https://goc.example.org:443/', 'https://goc.example.org'],
  ])('%s → %s', (input, origin) => {
    expect(checkGocOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['not a url', /expected an address such as/],
    ['http://ticket-itb.example.org', /only https: sites are accepted \(this one is http:\)/],
    ['javascript:alert(1)', /only https:/],
    ['https://ticket-itb.example.org/goc', /without a path/],
    ['https://ticket-itb.example.org/?x=1', /without a path/],
    ['https://ticket-itb.example.org#top', /without a path/],
    ['https://ticket-itb.example.org/?', /without a path/],
    ['https://user:pw@ticket-itb.example.org', /user name or password/],
    ['https://ticket.opensciencegrid.org', /built in/],
    ['https://TICKET.grid.iu.edu:8443/', /built in/],
  ])('refuses %s', (input, problem) => {
    const check = checkGocOrigin(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(problem);
  });
});

describe('patterns of an extra origin', () => {
  it('host only (Firefox patterns carry no port; Chrome host/* covers every port)', () => {
    expect(originPattern('https://goc.example.org:8443')).toBe('https://goc.example.org/*');
    expect(matchesFor(['https://goc.example.org:8443'])).toEqual(['https://goc.example.org/*']);
    expect(listMatchesFor(['https://goc.example.org'])).toEqual(['https://goc.example.org/list/*', 'https://goc.example.org/goc/list/*']);
    expect(submitMatchesFor(['https://goc.example.org:8443'])).toEqual(['https://goc.example.org/submit*', 'https://goc.example.org/goc/submit*']);
  });

  it('the built-in hosts\' new-ticket patterns (written out for the bundles) are submitMatchesFor\'s', () => {
    expect(GOC_SUBMIT_MATCHES).toEqual(submitMatchesFor(GOC_ORIGINS));
    expect(GOC_SUBMIT_MATCHES).toHaveLength(2 * GOC_ORIGINS.length);
  });

  it('validOrigins keeps valid ones, normalised, first occurrence, at most the maximum', () => {
    expect(validOrigins(['https://A.example.org/', 'nope', 42, 'https://a.example.org', 'https://ticket.opensciencegrid.org', 'https://b.example.org'])).toEqual([
      'https://a.example.org',
      'https://b.example.org',
    ]);
    const many = Array.from({ length: 30 }, (_, i) => `https://s${i}.example.org`);
    expect(validOrigins(many)).toHaveLength(MAX_EXTRA_ORIGINS);
    expect(validOrigins(undefined)).toEqual([]);
  });
});

describe('contentScriptsFor with extra origins (what a page expects to finish)', () => {
  const extra = ['https://ticket-itb.example.org:8443'];
  it('an added site runs the same scripts as a built-in host', () => {
    expect(contentScriptsFor(new URL('https://ticket-itb.example.org/37208'), extra)).toEqual(['banner', 'ticket', 'update', 'triage']);
    expect(contentScriptsFor(new URL('https://ticket-itb.example.org/goc/list/open'), extra)).toEqual(['banner', 'list']);
    expect(contentScriptsFor(new URL('https://ticket-itb.example.org/submit'), extra)).toEqual(['banner', 'submit']);
  });
  it('a site not added, or not https, runs none', () => {
    expect(contentScriptsFor(new URL('https://ticket-itb.example.org/37208'))).toEqual([]);
    expect(contentScriptsFor(new URL('https://other.example.org/37208'), extra)).toEqual([]);
    expect(contentScriptsFor(new URL('http://ticket-itb.example.org/37208'), extra)).toEqual([]);
  });
  it('built-in hosts always; an added one on any port', () => {
    expect(contentScriptsFor(new URL('https://ticket.opensciencegrid.org/1'))).toHaveLength(4);
    expect(contentScriptsFor(new URL('https://TICKET-ITB.example.org:9000/1'), extra)).toHaveLength(4);
  });
  it('scriptsForPath (what a running script expects) = contentScriptsFor on any GOC host', () => {
    for (const p of ['/37208', '/goc/list/open', '/list/recentclose', '/submit', '/goc/submit/submit', '/']) {
      expect(scriptsForPath(p)).toEqual(contentScriptsFor(new URL(`https://ticket.grid.iu.edu${p}`)));
      expect(scriptsForPath(p)).toEqual(contentScriptsFor(new URL(`https://ticket-itb.example.org${p}`), extra));
    }
  });
  it('the built-in patterns follow the same rules as any origin', () => {
    expect(matchesFor(GOC_ORIGINS)).toEqual(GOC_MATCHES);
    expect(listMatchesFor(GOC_ORIGINS)).toEqual(GOC_LIST_MATCHES);
  });
});
