/**
 * A vitest reporter for the `mutation` pass only (vitest.config.ts). Stryker's vitest runner builds a
 * mutant's verdict from the tests a file collected (stryker-js#6150): a mutant that makes a test file
 * fail to load (a throw at import or in a `describe` body) leaves no failed test, so it is scored
 * "survived" although `npm test` goes red on it. This adds one failed test to such a file, carrying
 * the file's own error, so the mutant scores as the suite sees it: killed. Files that loaded are
 * left as they are.
 */
import type { Reporter, Vitest } from 'vitest/node';

/** The part of vitest's task tree this reads and writes (a file is the root suite). */
export interface TaskLike {
  type: string;
  name: string;
  mode?: string;
  tasks?: TaskLike[];
  file?: unknown;
  suite?: unknown;
  result?: { state?: string; errors?: ReadonlyArray<{ message?: string }> };
  [more: string]: unknown;
}

export const LOAD_FAILURE_TEST = 'the test file loads';

function hasTest(task: TaskLike): boolean {
  return (task.tasks ?? []).some((child) => child.type === 'test' || hasTest(child));
}

/** Adds the failed "loads" test to a failed file that collected no test; says whether it did. */
export function markLoadFailure(file: TaskLike): boolean {
  if (file.result?.state !== 'fail' || hasTest(file)) return false;
  const errors = file.result.errors?.length ? file.result.errors : [{ message: 'the test file failed to load' }];
  const failed: TaskLike = {
    type: 'test',
    name: LOAD_FAILURE_TEST,
    mode: 'run',
    file,
    result: { state: 'fail', errors },
  };
  file.tasks = [...(file.tasks ?? []), failed];
  return true;
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | null = null;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  // The same file tasks Stryker's runner reads after the run (`state.getFiles()`).
  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) markLoadFailure(file as unknown as TaskLike);
  }
}
