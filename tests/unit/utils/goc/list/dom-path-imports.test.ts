/**
 * The list parser has two halves: the htmlparser2 string path for the background, and the DOM path
 * that the list content script runs. This reads the import graph from the source (relative value
 * imports followed, packages recorded) and checks that htmlparser2 stays on the background side.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
// Type-only imports are left out: the bundler erases them.
const IMPORT = /(?:^|\n)\s*(?:import|export)(?!\s+type\b)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function resolveRelative(fromFile: string, spec: string): string {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.tsx?$/.test(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${fromFile}`);
}

/** Every package imported (statically) by `entry` and the project files it reaches. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (spec.startsWith('.')) queue.push(resolveRelative(file, spec));
      else packages.add(spec);
    }
  }
  return packages;
}

describe('list parser import graph', () => {
  it('the background entry (the index) reaches htmlparser2, so the walk sees it', () => {
    expect(packagesReachedFrom('utils/goc/list/index.ts')).toContain('htmlparser2');
  });

  it('the DOM path does not import htmlparser2', () => {
    expect(packagesReachedFrom('utils/goc/list/from-document.ts')).not.toContain('htmlparser2');
  });

  it('the list script does not import htmlparser2', () => {
    expect(packagesReachedFrom('entrypoints/list.ts')).not.toContain('htmlparser2');
  });
});
