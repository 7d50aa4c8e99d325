/** Every storage key is declared once (utils/storage/items.ts); no other product file names one. */
import fs from 'node:fs';
import path from 'node:path';
import { declaredKeys } from '../../../utils/storage-items';
import { REPO_ROOT as ROOT, repoFiles } from '../helpers/repo-files';

const DIRS = ['entrypoints', 'features', 'services', 'components', 'utils'];
const DECLARATIONS = 'utils/storage/items.ts';

describe('storage keys', () => {
  const keys = declaredKeys();
  const files = repoFiles(DIRS, (name) => /\.(ts|tsx)$/.test(name)).filter((f) => f !== DECLARATIONS);

  it('are declared', () => {
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(files.length).toBeGreaterThan(50);
  });

  /** The code of a file without its comments (line comments, and block comments line by line). */
  const code = (file: string) =>
    fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
      .map((line) => line.replace(/\s\/\/\s.*$/, ''))
      .join('\n');

  it('appear as string literals only where they are declared', () => {
    // Namespaced keys ('queue.latest') cannot mean anything else; the two bare ones ('settings',
    // 'identity') are also ordinary words, so for those only storage calls and change checks count.
    const namespaced = keys.filter((k) => k.includes('.'));
    const bare = keys.filter((k) => !k.includes('.'));
    const offenders: string[] = [];
    for (const file of files) {
      const text = code(file);
      for (const key of namespaced) {
        if ([`'${key}'`, `"${key}"`, `\`${key}\``].some((literal) => text.includes(literal))) offenders.push(`${file}: ${key}`);
      }
      for (const key of bare) {
        const use = new RegExp(`(get|set|remove)\\(\\s*['"\`]${key}['"\`]|['"\`]${key}['"\`]\\s+in\\s|\\[\\s*['"\`]${key}['"\`]\\s*\\]`);
        if (use.test(text)) offenders.push(`${file}: ${key}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a raw key (the check itself works)', () => {
    const sample = "await browser.storage.local.get('queue.latest'); if ('settings' in changes) {}";
    expect(sample.includes("'queue.latest'")).toBe(true);
    expect(/['"`]settings['"`]\s+in\s/.test(sample)).toBe(true);
  });
});
