import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseResult, RotationWeek } from '../../../../utils/rotation';

export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), 'utf8');
}

/** "Tue 10 Feb 2026, 09:00 Chicago" — the fixed clock every fixture is written against. */
export const NOW = Date.UTC(2026, 1, 10, 15, 0, 0);
export const OPTIONS = { timeZone: 'America/Chicago', now: NOW };

/** week → person, for compact expectations. */
export function weekMap(result: ParseResult): Record<string, string> {
  if (!result.ok) throw new Error(`expected a rotation, got error: ${result.error}`);
  return Object.fromEntries(result.weeks.map((w: RotationWeek) => [w.week, w.person]));
}
