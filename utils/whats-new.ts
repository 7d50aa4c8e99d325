/**
 * "What's new": one line per release that changes what users see, and which lines an update from
 * an older version should show. Pure (no browser APIs): the background passes the versions in.
 *
 * Add a line only for a behaviour change a user would notice; a release without an entry shows
 * nothing after its update.
 */

export interface WhatsNewEntry {
  version: string;
  line: string;
}

/** Newest first. */
export const WHATS_NEW: readonly WhatsNewEntry[] = [
  {
    version: '0.2.0',
    line:
      'Triage in one step on Software tickets: a triage panel (owner, next action, note), a guard that keeps Software assigned, a checklist before closing, and hand-over counts (carried over / new this week) in the popup, banner and weekly report.',
  },
];

/** What an update stores for the options page and the popup to show until dismissed. */
export interface WhatsNewNotice {
  /** The version updated to. */
  version: string;
  /** Newest first. */
  lines: string[];
}

/** At most this many lines after a long jump (the README has the rest). */
export const WHATS_NEW_MAX_LINES = 3;

/**
 * A manifest version ("1", "1.2", "0.10.3", "1.2.3.4": one to four dot-separated integers), as
 * numbers; null for anything else (a pre-release tag, an empty string).
 */
export function parseVersion(version: string): number[] | null {
  if (typeof version !== 'string' || version.length > 64) return null;
  const parts = version.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,9}$/.test(part)) return null;
    numbers.push(Number(part));
  }
  return numbers;
}

/**
 * Negative when a < b, 0 when equal ("1.2" equals "1.2.0"), positive when a > b; null when either
 * is not a version.
 */
export function compareVersions(a: string, b: string): number | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return null;
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The lines an update from `previous` to `current` brings: entries newer than `previous` and not
 * newer than `current`, newest first. Null when there is nothing to say (a downgrade, a reload of
 * the same version, an unreadable version, no entry in the range).
 */
export function whatsNewSince(previous: string | undefined, current: string, table: readonly WhatsNewEntry[] = WHATS_NEW): WhatsNewNotice | null {
  if (previous === undefined) return null;
  const step = compareVersions(previous, current);
  if (step === null || step >= 0) return null;
  const lines = table
    .filter((e) => (compareVersions(e.version, previous) ?? 0) > 0 && (compareVersions(e.version, current) ?? 1) <= 0)
    .sort((a, b) => compareVersions(b.version, a.version) ?? 0)
    .map((e) => e.line)
    .slice(0, WHATS_NEW_MAX_LINES);
  return lines.length ? { version: current, lines } : null;
}
