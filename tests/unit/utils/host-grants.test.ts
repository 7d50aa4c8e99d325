import { describe, expect, it } from 'vitest';
import { grantsToDrop, originsInUse, patternFor, requiredOrigins } from '../../../utils/host-grants';

const GOC = ['https://ticket.opensciencegrid.org/*', 'https://ticket.grid.iu.edu/*'];
const settings = (source: string, gocBaseUrl = 'https://ticket.opensciencegrid.org') => ({ rotation: { source }, queue: { gocBaseUrl } });

describe('originsInUse', () => {
  it('the rotation source, the GOC address and extra addresses, as match patterns without ports', () => {
    expect(originsInUse(settings('https://twiki.example.org:8443/bin/view/Rota?x=1', 'https://goc.example.edu:444/goc'), ['http://team.example.net/team.json'])).toEqual([
      'https://twiki.example.org/*',
      'https://goc.example.edu/*',
      'http://team.example.net/*',
    ]);
  });

  it('an empty or unusable address uses nothing', () => {
    expect(originsInUse(settings('', 'javascript:alert(1)'), ['', 'not a url', 'file:///etc/passwd'])).toEqual([]);
    expect(patternFor('ftp://x.example/')).toBeNull();
  });
});

describe('requiredOrigins', () => {
  it('host permissions (MV3), host patterns among MV2 permissions, content-script matches', () => {
    expect(requiredOrigins({ host_permissions: GOC })).toEqual(GOC);
    expect(requiredOrigins({ permissions: ['storage', 'alarms', ...GOC] })).toEqual(GOC);
    expect(requiredOrigins({ content_scripts: [{ matches: ['https://ticket.grid.iu.edu/list/*'] }] })).toEqual(['https://ticket.grid.iu.edu/list/*']);
  });
});

describe('grantsToDrop', () => {
  it('changing the rotation source drops the old origin and keeps the new one', () => {
    const granted = [...GOC, 'https://old-twiki.example.org/*', 'https://twiki.example.org/*'];
    const inUse = originsInUse(settings('https://twiki.example.org/Rota'));
    expect(grantsToDrop({ granted, inUse, required: GOC })).toEqual(['https://old-twiki.example.org/*']);
  });

  it('never drops what the manifest requires, even when no setting uses it', () => {
    const granted = [...GOC, 'https://ticket.grid.iu.edu/list/*', 'https://ticket.opensciencegrid.org/goc/*'];
    expect(grantsToDrop({ granted, inUse: [], required: GOC })).toEqual([]);
  });

  it('a cleared source drops its grant; a GOC address outside the built-in hosts keeps its own', () => {
    const granted = [...GOC, 'https://twiki.example.org/*', 'https://goc.example.edu/*'];
    expect(grantsToDrop({ granted, inUse: originsInUse(settings('', 'https://goc.example.edu')), required: GOC })).toEqual(['https://twiki.example.org/*']);
    expect(grantsToDrop({ granted, inUse: originsInUse(settings('')), required: GOC })).toEqual(['https://twiki.example.org/*', 'https://goc.example.edu/*']);
  });

  it('compares scheme and host name: ports and paths do not matter, http and https do', () => {
    const granted = ['https://goc.example.edu:8443/*', 'http://twiki.example.org/*', 'https://twiki.example.org/*'];
    const inUse = originsInUse(settings('http://twiki.example.org/Rota', 'https://goc.example.edu:8443'));
    expect(grantsToDrop({ granted, inUse, required: GOC })).toEqual(['https://twiki.example.org/*']);
  });

  it('a broad grant stays while it covers an origin in use, and goes when none', () => {
    const granted = ['*://*.example.org/*', 'https://*/*'];
    expect(grantsToDrop({ granted, inUse: originsInUse(settings('https://twiki.example.org/R')), required: GOC })).toEqual([]);
    expect(grantsToDrop({ granted, inUse: [], required: GOC })).toEqual(granted);
    // A wildcard host does not cover a lookalike.
    expect(grantsToDrop({ granted: ['https://*.example.org/*'], inUse: ['https://evil-example.org/*'], required: [] })).toEqual(['https://*.example.org/*']);
  });

  it('leaves forms it does not understand alone, and lists each drop once', () => {
    expect(grantsToDrop({ granted: ['weird', '', 'https://a.example/*', 'https://a.example/*'], inUse: [], required: [] })).toEqual(['https://a.example/*']);
  });
});
