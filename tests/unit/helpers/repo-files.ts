/**
 * The repository's files, for the tests that read the tree as text (one place for time, storage keys
 * declared once, comments that cite docs/goc-pages.md).
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * Paths, relative to the repository root and `/`-separated, of the files below `roots` (folders, or
 * files taken as they are) whose name `keep` accepts; `folder` is the file's folder, relative too.
 * node_modules is skipped; a root that does not exist gives nothing.
 */
export function repoFiles(roots: readonly string[], keep: (name: string, folder: string) => boolean): string[] {
  const walk = (rel: string): string[] => {
    const full = path.join(REPO_ROOT, rel);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [rel];
    return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => {
      const child = `${rel}/${d.name}`;
      if (d.isDirectory()) return d.name === 'node_modules' ? [] : walk(child);
      return keep(d.name, rel) ? [child] : [];
    });
  };
  return roots.flatMap(walk);
}
