/**
 * The queue's published state and how each check outcome maps to it. Pure (no browser APIs), so the
 * popup, content scripts and tests share it with the background.
 *
 * Stored as `STORED.queueLatest` (utils/storage/items.ts, where every stored item is declared).
 */
import type { CheckIds } from '../db/queue-db';
import type { ListParseResult } from '../goc/list';
import { foldName, makeMatcher, type QueueCounts } from './classify';
import { otherAssignees } from './ticket-age';
import { asHandoverSummary, type HandoverSummary } from './handover';

export type QueueState = 'never' | 'ok' | 'signed-out' | 'error' | 'offline';

export interface QueueLatest {
  state: QueueState;
  /** What went wrong, in words for the user; null when ok. */
  message: string | null;
  /** The last check, whatever its outcome (ms). */
  checkedAt: number | null;
  /** The last check that produced a signed-in list (ms). */
  lastGoodAt: number | null;
  /** After this instant the last good data counts as stale (three intervals). */
  staleAt: number | null;
  /** From the last good check; kept through every later failure (never a false zero). */
  counts: QueueCounts | null;
  ids: CheckIds | null;
  /** Signed out but the public list was readable: its counts (Security tickets missing). */
  guestCounts: QueueCounts | null;
  /** Consecutive failed checks (drives the back-off). */
  failures: number;
  /** A check is running now (since `checkingSince`; a dead worker's flag is cleared on its next wake). */
  checking: boolean;
  checkingSince: number | null;
  nextCheckAt: number | null;
  gocBaseUrl: string;
  /**
   * From the last good check, kept through failures like the counts: display name (as the list's
   * Assigned To column shows it) → open Software tickets that person holds. Absent when unknown.
   */
  assigneeLoads?: Record<string, number>;
  /** The untriaged tickets of the last good check split at the duty week's start. Absent when unknown. */
  handover?: HandoverSummary;
}

export const EMPTY_LATEST: QueueLatest = {
  state: 'never',
  message: null,
  checkedAt: null,
  lastGoodAt: null,
  staleAt: null,
  counts: null,
  ids: null,
  guestCounts: null,
  failures: 0,
  checking: false,
  checkingSince: null,
  nextCheckAt: null,
  gocBaseUrl: '',
};

/** Reads a stored value defensively: anything malformed becomes the empty state. */
export function asLatest(value: unknown): QueueLatest {
  if (!value || typeof value !== 'object') return { ...EMPTY_LATEST };
  const v = value as Partial<QueueLatest>;
  const states: QueueState[] = ['never', 'ok', 'signed-out', 'error', 'offline'];
  const { assigneeLoads, handover, ...rest } = v;
  const latest: QueueLatest = {
    ...EMPTY_LATEST,
    ...rest,
    state: states.includes(v.state as QueueState) ? (v.state as QueueState) : 'never',
    failures: Number.isFinite(v.failures) ? (v.failures as number) : 0,
  };
  const loads = asAssigneeLoads(assigneeLoads);
  if (loads) latest.assigneeLoads = loads;
  const split = asHandoverSummary(handover);
  if (split) latest.handover = split;
  return latest;
}

/** A stored loads record, or undefined when it is not one (a malformed record is unknown, never zero). */
export function asAssigneeLoads(raw: unknown): Record<string, number> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const entries: [string, number][] = [];
  for (const [name, n] of Object.entries(raw)) {
    if (name.trim() === '' || typeof n !== 'number' || !Number.isInteger(n) || n < 1) return undefined;
    entries.push([name, n]);
  }
  // fromEntries defines own properties: a name such as "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}

/** The list fields the loads read (a `ClassifiedTicket` or a history record). */
export interface LoadTicket {
  assignees: readonly string[] | null;
  software: boolean;
}

/**
 * Open Software tickets per person: each assignee of a Software ticket other than the Software
 * pseudo-user (names or ids in `softwareAssignees`), counted once per ticket.
 */
export function assigneeLoads(tickets: readonly LoadTicket[], softwareAssignees: readonly string[]): Record<string, number> {
  const isSoftware = makeMatcher({ softwareAssignees });
  // One entry per person however the list spells them (case, spacing): the first spelling names it.
  const counts = new Map<string, { name: string; n: number }>();
  for (const t of tickets) {
    if (!t.software) continue;
    for (const name of otherAssignees(t.assignees, isSoftware)) {
      const key = foldName(name);
      const entry = counts.get(key);
      if (entry) entry.n += 1;
      else counts.set(key, { name, n: 1 });
    }
  }
  return Object.fromEntries([...counts.values()].map((e) => [e.name, e.n]));
}

/** A running check, unless its flag outlived any real check (the worker died mid-check). */
export function isCheckRunning(latest: QueueLatest, now: number, maxMs = 120_000): boolean {
  return latest.checking && latest.checkingSince !== null && now - latest.checkingSince < maxMs;
}

export function isStale(latest: QueueLatest, now: number): boolean {
  return latest.lastGoodAt !== null && latest.staleAt !== null && now > latest.staleAt;
}

/** What the fetch produced, before parsing. */
export type FetchOutcome =
  | { kind: 'response'; status: number; url: string; redirected: boolean; html: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'network'; message: string }
  /** The page passed the size cap; reading stopped there. */
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'offline' };

export type CheckVerdict =
  | { state: 'ok'; parse: Extract<ListParseResult, { status: 'list' }> }
  | { state: 'signed-out'; message: string; parse: Extract<ListParseResult, { status: 'list' }> | null }
  | { state: 'error'; message: string }
  | { state: 'offline'; message: string };

const LOGIN_URL = /(^|\/)(sso|login|logon|signin)(\/|$|\?)|cilogon\.org/i;

/**
 * Maps a fetch outcome (and the parse of its body) to a state. The one rule: nothing but a
 * recognised, signed-in list page is "ok" — everything else is an error or signed-out state.
 */
export function verdictFor(outcome: FetchOutcome, parse: (html: string) => ListParseResult): CheckVerdict {
  switch (outcome.kind) {
    case 'offline':
      return { state: 'offline', message: 'The browser is offline: nothing was fetched.' };
    case 'timeout':
      return { state: 'error', message: `GOC Ticket did not answer within ${outcome.seconds} s.` };
    case 'network':
      return { state: 'error', message: `GOC Ticket could not be reached (${outcome.message}).` };
    case 'too-large':
      return { state: 'error', message: `GOC Ticket sent more than ${Math.round(outcome.maxBytes / 1_048_576)} MB: the list was not read.` };
    case 'response':
      break;
  }
  const { status, url, redirected, html } = outcome;
  let path = '';
  try {
    const u = new URL(url);
    path = u.hostname.endsWith('cilogon.org') ? 'cilogon.org' : u.pathname + u.search;
  } catch {
    path = url;
  }
  if (status === 401 || status === 403) {
    return { state: 'signed-out', message: `GOC Ticket refused the list (HTTP ${status}): sign in to GOC Ticket.`, parse: null };
  }
  if (status < 200 || status >= 300) return { state: 'error', message: `GOC Ticket answered HTTP ${status}.` };
  const result = parse(html);
  if (result.status === 'list') {
    if (result.signedIn) return { state: 'ok', parse: result };
    return {
      state: 'signed-out',
      message: 'You are not signed in to GOC Ticket: the public list lacks some tickets. Sign in for full data.',
      parse: result,
    };
  }
  if (result.status === 'login' || (redirected && LOGIN_URL.test(path))) {
    return { state: 'signed-out', message: 'GOC Ticket sent its login page: sign in to GOC Ticket.', parse: null };
  }
  return { state: 'error', message: `The list page changed and could not be read. ${result.reason}` };
}

// ---------------------------------------------------------------------------------------------
// Toolbar badge

export const BADGE_COLOURS = {
  normal: '#1a73e8',
  onDuty: '#d93025',
  stale: '#80868b',
  error: '#e37400',
  signedOut: '#8430ce',
} as const;

export interface BadgeLook {
  text: string;
  colour: string;
  title: string;
}

export interface BadgeContext {
  now: number;
  onDuty: boolean;
  /** The browser just started: show the old numbers as stale until a fresh check lands. */
  forceStale?: boolean;
  /** Formats an instant for the tooltip (defaults to the browser's locale and zone). */
  formatTime?: (ms: number) => string;
}

function defaultFormatTime(ms: number): string {
  try {
    return new Date(ms).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  } catch {
    return new Date(ms).toISOString();
  }
}

export function describeCounts(c: QueueCounts): string {
  return `${c.untriaged} untriaged, ${c.stale} stale, ${c.overdue} overdue (${c.software} in the Software queue)`;
}

/** Badge text, colour and tooltip for a state. */
export function badgeFor(latest: QueueLatest, ctx: BadgeContext): BadgeLook {
  const fmt = ctx.formatTime ?? defaultFormatTime;
  const name = 'GOC Ticket Assistant';
  const lastGood = latest.counts && latest.lastGoodAt !== null ? `Last good check ${fmt(latest.lastGoodAt)}: ${describeCounts(latest.counts)}.` : 'No good check yet.';
  const count = latest.counts ? latest.counts.untriaged : 0;
  const countText = latest.counts && count > 0 ? String(count) : '';
  switch (latest.state) {
    case 'never':
      return { text: '', colour: BADGE_COLOURS.stale, title: `${name}\nThe Software queue has not been checked yet.` };
    case 'error':
      return { text: '!', colour: BADGE_COLOURS.error, title: `${name}\nQueue check failed: ${latest.message ?? 'unknown error'}\n${lastGood}` };
    case 'signed-out': {
      const guest = latest.guestCounts ? `\nThe public list shows ${latest.guestCounts.untriaged} untriaged.` : '';
      return { text: '?', colour: BADGE_COLOURS.signedOut, title: `${name}\nSigned out: ${latest.message ?? 'sign in to GOC Ticket.'}${guest}\n${lastGood}` };
    }
    case 'offline':
      return { text: countText, colour: BADGE_COLOURS.stale, title: `${name}\nOffline: not checked since ${latest.checkedAt ? fmt(latest.checkedAt) : 'never'}.\n${lastGood}` };
    case 'ok':
      if (ctx.forceStale || isStale(latest, ctx.now)) {
        return { text: countText, colour: BADGE_COLOURS.stale, title: `${name}\nStale data (waiting for a fresh check).\n${lastGood}` };
      }
      return {
        text: countText,
        colour: ctx.onDuty && count > 0 ? BADGE_COLOURS.onDuty : BADGE_COLOURS.normal,
        title: `${name}\nSoftware queue: ${latest.counts ? describeCounts(latest.counts) : 'no data'}.\nChecked ${latest.checkedAt ? fmt(latest.checkedAt) : 'never'}.${ctx.onDuty ? '\nYou are on triage duty.' : ''}`,
      };
  }
}

/** The list URL under the configured base (which may carry a /goc prefix). */
export function gocUrl(base: string, path: string): string {
  const root = /\/$/.test(base) ? base : `${base}/`;
  try {
    return new URL(path.replace(/^\//, ''), root).toString();
  } catch {
    return `${root}${path.replace(/^\//, '')}`;
  }
}
