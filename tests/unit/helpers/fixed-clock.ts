/**
 * A fixed "now" for a test file: Date (and only Date: IndexedDB, Preact and the testing library
 * keep their real timers) reads this instant in every test, so "today", "this week" and "an hour
 * ago" mean the same on any day the suite runs, and no midnight or Monday falls between the test
 * computing a date and the code under test computing it.
 */
import { afterEach, beforeEach, vi } from 'vitest';

/** Call at the top of a test file; returns the instant. */
export function fixedClock(iso: string): number {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) throw new Error(`fixedClock: not an instant: ${iso}`);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return at;
}

/** Wednesday 11 February 2026, 11:00 in Chicago: a working day, mid-week, mid-morning. */
export const WEDNESDAY_MORNING = '2026-02-11T17:00:00Z';
