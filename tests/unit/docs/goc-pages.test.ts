/**
 * docs/goc-pages.md is the project's own description of the GOC pages, and comments cite it as
 * `docs/goc-pages.md §n`. These checks keep that true: every cited section exists (its own
 * cross-references included), and nothing cites the reference notes outside the repository, which a
 * clone does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, repoFiles } from '../helpers/repo-files';

const DOC = 'docs/goc-pages.md';
const SCANNED = ['entrypoints', 'components', 'features', 'services', 'utils', 'tests', 'scripts', 'docs', '.ci', 'README.md', 'wxt.config.ts'];
const TEXT_FILE = /\.(?:ts|tsx|mts|mjs|js|cjs|md|css|html|json|sh)$/;
// Built from parts so this file does not name it itself.
const OUTSIDE_NOTES = ['DOM', 'md'].join('.');

const doc = fs.readFileSync(path.join(REPO_ROOT, DOC), 'utf8');
const sections = new Set(Array.from(doc.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm), (m) => m[1]));
// .ci's scripts have no extension.
const files = repoFiles(SCANNED, (name, folder) => TEXT_FILE.test(name) || folder === '.ci').map((rel) => ({ rel, text: fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8') }));

/** Every `docs/goc-pages.md §n` in a file (and, in the document itself, every bare `§n`). */
function citations(rel: string, text: string): string[] {
  const pattern = rel === DOC ? /§(\d+(?:\.\d+)?)/g : /goc-pages\.md §(\d+(?:\.\d+)?)/g;
  return Array.from(text.matchAll(pattern), (m) => m[1]);
}

describe('docs/goc-pages.md and the comments that cite it', () => {
  it('reads the numbered sections of the document', () => {
    expect(sections.has('7.1')).toBe(true);
    expect(sections.has('12')).toBe(true);
    expect(sections.size).toBeGreaterThanOrEqual(15);
  });

  it('finds citations in the tree (the check below has something to check)', () => {
    const cited = files.flatMap((f) => citations(f.rel, f.text));
    expect(cited.length).toBeGreaterThan(50);
  });

  it('every cited section exists', () => {
    const missing = files.flatMap((f) => citations(f.rel, f.text).filter((n) => !sections.has(n)).map((n) => `${f.rel}: §${n}`));
    expect(missing).toEqual([]);
  });

  it(`nothing cites ${OUTSIDE_NOTES}, which is outside the repository`, () => {
    const citing = files.filter((f) => f.text.includes(OUTSIDE_NOTES)).map((f) => f.rel);
    expect(citing).toEqual([]);
  });
});
