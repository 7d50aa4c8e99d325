/**
 * Request snippets: templates with placeholders, rendered from a ticket. Pure; `now` is passed in.
 *   {submitter}          first name of the ticket's submitter
 *   {ticket}             ticket id
 *   {title}              ticket title
 *   {me}                 your name (identity.name, else the signed-in name)
 *   {owner}              first assignee who is not the Software pseudo-user
 *   {days_since_update}  whole days since the newest update
 */
import type { TicketModel } from './goc/ticket';

export const SNIPPET_PLACEHOLDERS = ['submitter', 'ticket', 'title', 'me', 'owner', 'days_since_update'] as const;
export type SnippetPlaceholder = (typeof SNIPPET_PLACEHOLDERS)[number];
export type SnippetValues = Record<SnippetPlaceholder, string>;

/**
 * `{word}`, not `${word}` (shell variables in commands stay as typed). A lookbehind, not a consumed
 * character before the brace: `{ticket}{title}` fills both.
 */
const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Placeholder names in `text` that this version does not know, in order, without repeats. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(SNIPPET_PLACEHOLDERS);
  const out: string[] = [];
  for (const m of String(text ?? '').matchAll(PLACEHOLDER)) {
    if (!known.has(m[1]) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** Fills known placeholders; unknown ones stay as typed. */
export function renderSnippet(text: string, values: Partial<SnippetValues>): string {
  return String(text ?? '').replace(PLACEHOLDER, (whole, name: string) => {
    if (!(SNIPPET_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    return values[name as SnippetPlaceholder] ?? '';
  });
}

/** First name for a greeting: "Jane Smith" → Jane, "Smith, Jane" → Jane, "jane.smith@x" → jane. */
export function greetingName(fullName: string, email = ''): string {
  const name = String(fullName ?? '').trim();
  if (name && !/^osg-goc$/i.test(name) && !name.includes('@')) {
    // "Smith, Jane": the word after the comma; names and `after` are trimmed, so one space splits.
    const after = name.split(',')[1]?.trim();
    if (after) return after.split(/\s/)[0];
    return name.split(/\s/)[0];
  }
  const mail = (name.includes('@') ? name : email).trim();
  if (mail.includes('@')) return mail.split('@')[0].split(/[._+-]/)[0];
  return '';
}

function isSoftwareAssignee(a: { name: string; fpid: string | null }, softwareAssignees: readonly string[]): boolean {
  const names = softwareAssignees.map((s) => s.trim().toLowerCase()).filter(Boolean);
  return names.includes(a.name.trim().toLowerCase()) || (a.fpid !== null && names.includes(a.fpid.toLowerCase()));
}

export interface SnippetOptions {
  me: string;
  softwareAssignees: readonly string[];
  now: number;
}

/** Placeholder values for one ticket; empty names fall back to a neutral "there" ("Hi there,"). */
export function snippetValues(ticket: TicketModel, options: SnippetOptions): SnippetValues {
  const owner = ticket.assignees.find((a) => !isSoftwareAssignee(a, options.softwareAssignees));
  const times = ticket.updates.map((u) => u.timeMs).filter((t): t is number => t !== null);
  const newest = times.length > 0 ? Math.max(...times) : null;
  const days = newest === null ? '' : String(Math.max(0, Math.floor((options.now - newest) / 86_400_000)));
  const submitter =
    greetingName(ticket.submitter.name, ticket.submitter.email) || greetingName(ticket.submitter.submitterName);
  return {
    submitter: submitter || 'there',
    ticket: ticket.id === null ? '' : String(ticket.id),
    title: ticket.title,
    me: options.me.trim(),
    owner: owner ? owner.name || owner.fpid || '' : 'there',
    days_since_update: days,
  };
}

/**
 * Where text lands when inserted "at the cursor": a line break is added before it when the cursor is
 * mid-line, and after it when text follows on the same line, so it never glues onto a word.
 */
export function padForInsertion(before: string, snippet: string, after: string): string {
  let text = snippet;
  if (before.length > 0 && !before.endsWith('\n')) text = `\n${text}`;
  if (after.length > 0 && !after.startsWith('\n') && !text.endsWith('\n')) text = `${text}\n`;
  return text;
}
