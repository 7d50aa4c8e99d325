/**
 * Time lives in utils/time/ only: no other source file may define its own mondayOf, parseHhmm or
 * addDays, or correct for DST by hand. Imports and re-exports are fine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT, repoFiles } from '../../helpers/repo-files';

const SCANNED = ['utils', 'features', 'components', 'services', 'entrypoints'];
const HOME = 'utils/time/';

const NAMES = 'mondayOf|parseHhmm|addDays';
const DEFINITIONS = [
  new RegExp(`\\bfunction\\s*\\*?\\s*(${NAMES})\\s*[<(]`), // function addDays(
  new RegExp(`\\b(?:const|let|var)\\s+(${NAMES})\\s*[:=]`), // const addDays = …
  new RegExp(`(?:^|[{,\\s])(${NAMES})\\s*:\\s*(?:function\\b|\\([^)]*\\)\\s*=>|\\w+\\s*=>)`, 'm'), // { addDays: (d) => … }
  new RegExp(`^\\s*(?:(?:public|private|static|export)\\s+)*(${NAMES})\\s*\\([^)]*\\)\\s*(?::[^{;]+)?\\{`, 'm'), // method addDays(d) {
];

/** What in `source` looks like its own time helper or DST correction; empty when it only uses utils/time. */
export function ownTimeCode(source: string): string[] {
  const found: string[] = [];
  for (const re of DEFINITIONS) {
    for (const m of source.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      if (!found.includes(`defines ${m[1]}`)) found.push(`defines ${m[1]}`);
    }
  }
  if (/\.getTimezoneOffset\s*\(/.test(source)) found.push('DST correction: getTimezoneOffset');
  // A zone's offset worked out by formatting an instant in the zone and reading it back as UTC.
  if (/\bformatToParts\s*\(/.test(source) && /\bDate\.UTC\s*\(/.test(source)) found.push('DST correction: formatToParts + Date.UTC');
  if (/\bnew\s+TZDate\w*\b|from\s+['"]@date-fns\/tz(?:\/[\w/]+)?['"]/.test(source)) found.push('zone conversion outside utils/time (@date-fns/tz)');
  return found;
}

describe('the detector', () => {
  it('finds definitions and hand-written DST corrections', () => {
    expect(ownTimeCode('export function mondayOf(date: string): string {')).toEqual(['defines mondayOf']);
    expect(ownTimeCode('function addDays<T>(d: T) {}')).toEqual(['defines addDays']);
    expect(ownTimeCode('const parseHhmm = (s: string) => 1;')).toEqual(['defines parseHhmm']);
    expect(ownTimeCode('export const addDays: (d: string) => string = impl;')).toEqual(['defines addDays']);
    expect(ownTimeCode('const helpers = { mondayOf: (d) => d };')).toEqual(['defines mondayOf']);
    expect(ownTimeCode('class C {\n  parseHhmm(value: string): number | null {\n')).toEqual(['defines parseHhmm']);
    expect(ownTimeCode('const off = new Date(ms).getTimezoneOffset();')).toEqual(['DST correction: getTimezoneOffset']);
    expect(ownTimeCode('for (const p of f.formatToParts(ms)) x[p.type] = p.value;\nguess += wall - Date.UTC(y, m, d);')).toEqual([
      'DST correction: formatToParts + Date.UTC',
    ]);
    expect(ownTimeCode("import { TZDate } from '@date-fns/tz';")).toEqual(['zone conversion outside utils/time (@date-fns/tz)']);
    expect(ownTimeCode("import { tzOffset } from '@date-fns/tz/tzOffset';")).toEqual(['zone conversion outside utils/time (@date-fns/tz)']);
  });

  it('lets imports, re-exports and calls through', () => {
    const source = [
      "import { addDays, mondayOf, parseHhmm } from '../time';",
      "export { addDays as plusDays, mondayOf } from '../time';",
      'const next = addDays(mondayOf(today), 7);',
      'const start = parseHhmm(s.workStart) ?? 540;',
      '  if (x) addDays(d, 1);',
      'return { week: mondayOf(d), at: parseHhmm(t) };',
    ].join('\n');
    expect(ownTimeCode(source)).toEqual([]);
  });
});

describe('one place for time', () => {
  const files = repoFiles(SCANNED, (name) => /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts'));

  it('scans the source tree', () => {
    expect(files).toContain('utils/time/calendar.ts');
    expect(files.filter((f) => f.startsWith('services/')).length).toBeGreaterThan(0);
  });

  it('no source file outside utils/time/ has its own date helpers or DST correction', () => {
    const offenders = files
      .filter((f) => !f.startsWith(HOME))
      .flatMap((f) => ownTimeCode(readFileSync(join(ROOT, f), 'utf8')).map((what) => `${f}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('only utils/time/instant.ts loads TZDateMini, and the index leaves it out (content scripts import the index)', () => {
    const loaders = files.filter((f) => /from\s+['"]@date-fns\/tz(?:\/date[\w/]*)?['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(loaders).toEqual(['utils/time/instant.ts']);
    expect(readFileSync(join(ROOT, HOME, 'index.ts'), 'utf8')).not.toMatch(/^\s*(?:export|import)\b[^;]*from\s+['"]\.\/instant['"]/m);
  });

  it('utils/time/ itself defines each helper (the detector sees them there)', () => {
    const found = files.filter((f) => f.startsWith(HOME)).flatMap((f) => ownTimeCode(readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual(expect.arrayContaining(['defines mondayOf', 'defines parseHhmm', 'defines addDays']));
  });
});
