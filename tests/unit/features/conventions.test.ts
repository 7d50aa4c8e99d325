/**
 * Conventions the tree relies on (Refined GitHub style): every folder in features/ is one feature
 * whose id is the folder name and that one content script lists; the scripts' match patterns say
 * the same as contentScriptsFor(), which decides when a page's features are all done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BANNER_SCRIPT_FEATURES, FEATURES, LIST_SCRIPT_FEATURES, SUBMIT_SCRIPT_FEATURES, TICKET_SCRIPT_FEATURES, TRIAGE_SCRIPT_FEATURES, UPDATE_SCRIPT_FEATURES } from '../../../features';
import type { Feature } from '../../../features/types';
import { AFTER_LOAD_SCRIPTS, afterLoadScriptsForPath, contentScriptsFor, type ManifestScriptName } from '../../../utils/goc/hosts';
import loaderScript from '../../../entrypoints/loader.content';
import ticketScript from '../../../entrypoints/ticket.content';
import updateScript from '../../../entrypoints/update.content';
import triageScript from '../../../entrypoints/triage.content';
import submitScript from '../../../entrypoints/submit.content';

const FEATURES_DIR = path.resolve(__dirname, '../../../features');
const folders = fs
  .readdirSync(FEATURES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name)
  .sort();

describe('features/<name>/ convention', () => {
  it('finds the feature folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });

  it.each(folders)('features/%s/index.ts exports one feature whose id is the folder name, listed in exactly one script', async (folder) => {
    const mod = (await import(`../../../features/${folder}/index.ts`)) as Record<string, unknown>;
    const exported = Object.values(mod).filter(
      (v): v is Feature => !!v && typeof v === 'object' && 'id' in v && 'pages' in v && typeof (v as Feature).init === 'function',
    );
    expect(exported.map((f) => f.id)).toEqual([folder]);
    const lists = [BANNER_SCRIPT_FEATURES, TICKET_SCRIPT_FEATURES, UPDATE_SCRIPT_FEATURES, TRIAGE_SCRIPT_FEATURES, LIST_SCRIPT_FEATURES, SUBMIT_SCRIPT_FEATURES];
    expect(lists.filter((list) => list.includes(exported[0])).length).toBe(1);
  });

  it('lists no feature that has no folder, and none twice', () => {
    expect(FEATURES.map((f) => f.id).sort()).toEqual(folders);
  });
});

/** A match pattern as a regular expression (https scheme, exact host, path glob). */
function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function runsOn(script: { matches?: string[]; excludeMatches?: string[] }, url: string): boolean {
  const hit = (patterns: string[] | undefined) => (patterns ?? []).some((p) => patternToRegExp(p).test(url));
  return hit(script.matches) && !hit(script.excludeMatches);
}

describe('content scripts and contentScriptsFor()', () => {
  type Patterns = { matches?: string[]; excludeMatches?: string[]; runAt?: string };
  // Our definitions use plain arrays (no per-browser maps).
  const scripts = { loader: loaderScript, ticket: ticketScript, update: updateScript, triage: triageScript, submit: submitScript } as unknown as Record<
    ManifestScriptName,
    Patterns
  >;
  const urls = [
    'https://ticket.opensciencegrid.org/37208',
    'https://ticket.opensciencegrid.org/goc/37208',
    'https://ticket.grid.iu.edu/viewer?id=37208',
    'https://ticket.opensciencegrid.org/list/open',
    'https://ticket.opensciencegrid.org/goc/list/recentclose',
    'https://ticket.grid.iu.edu/list/open?x=1',
    'https://ticket.opensciencegrid.org/search?q=condor',
    'https://ticket.opensciencegrid.org/',
    'https://ticket.opensciencegrid.org/listing',
    'https://example.org/list/open',
    'https://ticket.opensciencegrid.org/submit',
    'https://ticket.opensciencegrid.org/submit/submit?',
    'https://ticket.grid.iu.edu/goc/submit/?',
    'https://example.org/submit',
  ];

  it.each(urls)('%s: the manifest patterns (the loader standing for the after-load scripts it asks for) and contentScriptsFor agree', (url) => {
    const byPattern = (Object.keys(scripts) as ManifestScriptName[])
      .filter((name) => runsOn(scripts[name], url))
      .flatMap((name) => (name === 'loader' ? afterLoadScriptsForPath(new URL(url).pathname) : [name]))
      .sort();
    expect(contentScriptsFor(new URL(url)).sort()).toEqual(byPattern);
  });

  it('every script starts at document_start (the cheapest injection; see README Performance)', () => {
    for (const script of Object.values(scripts)) expect(script.runAt).toBe('document_start');
  });
});

describe('after-load scripts (injected by the background, not in the manifest)', () => {
  const ENTRYPOINTS_DIR = path.resolve(__dirname, '../../../entrypoints');
  it.each(AFTER_LOAD_SCRIPTS)('%s: entrypoints/%s.ts is an unlisted script that starts under its own name; no manifest entry of that name', (name) => {
    const source = fs.readFileSync(path.join(ENTRYPOINTS_DIR, `${name}.ts`), 'utf8');
    expect(source).toContain('defineUnlistedScript');
    expect(source).toContain(`startAfterLoadScript('${name}',`);
    expect(fs.existsSync(path.join(ENTRYPOINTS_DIR, `${name}.content.ts`))).toBe(false);
  });
});
