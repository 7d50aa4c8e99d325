/**
 * The mutation pass's reporter: a test file that failed to load gets one failed test, read by
 * Stryker's own helpers as a failure (so the mutant that broke the file scores killed).
 */
import { describe, expect, it } from 'vitest';
import { LOAD_FAILURE_TEST, markLoadFailure, type TaskLike } from './load-failure-reporter';
// Stryker's runner does not export these; read from its files so a runner upgrade that changes how
// it reads results fails here rather than silently bringing the false survivors back.
import { collectTestsFromSuite, convertTestToTestResult } from '../../../node_modules/@stryker-mutator/vitest-runner/dist/src/vitest-helpers.js';

function file(state: string | undefined, tasks: TaskLike[] = [], message = 'Cannot convert undefined or null to object'): TaskLike {
  return { type: 'suite', name: 'tests/unit/x.test.ts', filepath: '/repo/tests/unit/x.test.ts', tasks, result: { state, errors: [{ message }] } };
}

describe('markLoadFailure', () => {
  it('a failed file with no test gets one failed test carrying the file error, which Stryker counts as failed', () => {
    const broken = file('fail');
    expect(markLoadFailure(broken)).toBe(true);
    const tests = collectTestsFromSuite(broken as never);
    expect(tests).toHaveLength(1);
    const result = convertTestToTestResult(tests[0] as never) as { status: number; name: string; failureMessage?: string };
    expect(result.name).toBe(LOAD_FAILURE_TEST);
    expect(result.failureMessage).toBe('Cannot convert undefined or null to object');
    expect(result.status).toBe(convertTestToTestResult({ name: 'x', mode: 'run', result: { state: 'fail' } } as never).status);
    expect(result.status).not.toBe(convertTestToTestResult({ name: 'x', mode: 'run', result: { state: 'pass' } } as never).status);
  });

  it('an error-less failed file still gets a failure message', () => {
    const broken: TaskLike = { type: 'suite', name: 'f', tasks: [], result: { state: 'fail' } };
    markLoadFailure(broken);
    expect(broken.tasks?.[0]?.result).toEqual({ state: 'fail', errors: [{ message: 'the test file failed to load' }] });
  });

  it('leaves alone a file that passed, one that collected tests (even nested ones), and an empty describe that failed around a test', () => {
    const passed = file('pass');
    const withTest = file('fail', [{ type: 'test', name: 't', mode: 'run', result: { state: 'fail' } }]);
    const nested = file('fail', [{ type: 'suite', name: 'd', tasks: [{ type: 'test', name: 't', mode: 'run', result: { state: 'pass' } }] }]);
    for (const f of [passed, withTest, nested]) {
      const before = JSON.stringify(f.tasks);
      expect(markLoadFailure(f)).toBe(false);
      expect(JSON.stringify(f.tasks)).toBe(before);
    }
    // A failed file whose only suite collected nothing (the throw was in its describe body) is a load failure too.
    const emptySuite = file('fail', [{ type: 'suite', name: 'overrides', tasks: [] }]);
    expect(markLoadFailure(emptySuite)).toBe(true);
  });
});
