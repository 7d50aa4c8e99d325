import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMED_FILES } from '../passes';

const ROOT = path.resolve(__dirname, '../../..');
/** This file names the shapes it looks for, so it would find itself. */
const SELF = 'tests/unit/harness/timed-files.test.ts';

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(rel);
    return /\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** A file that reads the clock and compares it against a bound: the shapes the timed files use. */
function assertsElapsedTime(source: string): boolean {
  return source.includes('performance.now()') && /toBeLessThan\(|BUDGET_MS|budget \$\{/.test(source);
}

describe('timed unit test files (run alone by npm test)', () => {
  it('every listed file exists and asserts elapsed time', () => {
    for (const file of TIMED_FILES) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      expect(assertsElapsedTime(source), file).toBe(true);
    }
  });

  it('every test file that asserts elapsed time is listed', () => {
    const timed = testFiles('tests/unit').filter((file) => file !== SELF && assertsElapsedTime(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(timed.length).toBeGreaterThan(0);
    expect(timed.filter((file) => !TIMED_FILES.includes(file))).toEqual([]);
  });
});
