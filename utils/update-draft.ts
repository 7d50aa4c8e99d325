/**
 * New Update drafts (issue 10, "Nothing lost"): what the user typed in a ticket's New Update box,
 * kept in storage.local until the page shows it saved. Pure: no browser APIs, `now` passed in.
 *
 * Each page load writes its own entry (key `<ticket>:<load stamp>`), so a second tab or a reload
 * never overwrites text an earlier load kept. An entry is dropped when an update newer than the
 * newest one its page showed contains its text (the page's own save succeeded), when the box
 * already holds it (Firefox restores form text on reload), when the user discards it, or when it
 * expires (30 days; at most 50 entries and about 1 M characters, oldest dropped first).
 */

export interface UpdateDraft {
  ticket: number;
  text: string;
  /** When it was last saved (local clock, ms). */
  savedAt: number;
  /** The newest update on the page when the draft started (server time, unix seconds; 0: none). */
  since: number;
}

export type UpdateDrafts = Record<string, UpdateDraft>;

/** An update on the page: its server time (unix seconds) and its body text. */
export interface PageUpdate {
  time: number;
  text: string;
}

export const DRAFT_MAX_AGE_MS = 30 * 86_400_000;
export const DRAFT_MAX_COUNT = 50;
/** About 2 MB of storage.local (10 MB in Chrome, shared with the settings). */
export const DRAFT_MAX_CHARS = 1_000_000;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored map, read defensively: malformed entries are left out. */
export function asUpdateDrafts(raw: unknown): UpdateDrafts | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: UpdateDrafts = {};
  for (const [key, d] of Object.entries(raw as Record<string, UpdateDraft>)) {
    if (typeof d?.text === 'string' && Number.isSafeInteger(d.ticket) && d.ticket > 0 && finite(d.savedAt)) out[key] = { ticket: d.ticket, text: d.text, savedAt: d.savedAt, since: finite(d.since) ? d.since : 0 };
  }
  return out;
}

/** Newest first, without expired entries, within the count and size caps (the newest is always kept). */
export function pruneDrafts(drafts: UpdateDrafts, now: number): UpdateDrafts {
  const out: UpdateDrafts = {};
  let chars = 0;
  let count = 0;
  for (const [key, d] of Object.entries(drafts).sort((a, b) => b[1].savedAt - a[1].savedAt)) {
    if (now - d.savedAt > DRAFT_MAX_AGE_MS || count >= DRAFT_MAX_COUNT) continue;
    if (count > 0 && chars + d.text.length > DRAFT_MAX_CHARS) continue;
    chars += d.text.length;
    count += 1;
    out[key] = d;
  }
  return out;
}

/**
 * The text with every whitespace character removed: the site trims each line, re-wraps nothing
 * else, and splits long bodies around a "Show More" block, so only the other characters compare.
 */
export function matchKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether an update newer than the draft's start holds its text (the page's own save went through). */
export function wasSent(draft: UpdateDraft, updates: readonly PageUpdate[]): boolean {
  const key = matchKey(draft.text);
  if (!key) return true;
  return updates.some((u) => u.time > draft.since && matchKey(u.text).includes(key));
}

export interface DraftPlan {
  /** Entries of this ticket to offer back, newest first. */
  offer: string[];
  /** Entries to delete: sent, or already in the box. */
  drop: string[];
  /** The newest entry the box already holds (the browser put the text back): this load carries it on. */
  inBox: UpdateDraft | null;
}

/** What to do with the stored drafts of `ticket` when its page loads. */
export function planDrafts(drafts: UpdateDrafts, ticket: number, updates: readonly PageUpdate[], boxValue: string): DraftPlan {
  const plan: DraftPlan = { offer: [], drop: [], inBox: null };
  const boxKey = matchKey(boxValue);
  const mine = Object.entries(drafts)
    .filter(([, d]) => d.ticket === ticket)
    .sort((a, b) => b[1].savedAt - a[1].savedAt);
  for (const [key, d] of mine) {
    if (wasSent(d, updates)) plan.drop.push(key);
    else if (boxKey && boxKey.includes(matchKey(d.text))) {
      plan.drop.push(key);
      plan.inBox ??= d;
    } else plan.offer.push(key);
  }
  return plan;
}

/**
 * How Restore puts a draft into the box: into an empty (or blank) box as it is; after text already
 * there, below it with a blank line between, never replacing it.
 */
export function restorePlan(boxValue: string, draft: string): { start: number; end: number; text: string } {
  const end = boxValue.length;
  if (!boxValue.trim()) return { start: 0, end, text: draft };
  const gap = boxValue.endsWith('\n\n') ? '' : boxValue.endsWith('\n') ? '\n' : '\n\n';
  return { start: end, end, text: gap + draft };
}
