/** TEMPORARY stand-in for utils/email (E1's parser) until it lands; deleted then. */
import type { NewTicketDraft, ParsedEmail } from '../utils/email/types';

export function parseEmail(text: string): ParsedEmail {
  const lines = text.slice(0, 200_000).split(/\r?\n/);
  const header = (name: string) => lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim() ?? '';
  const from = header('From');
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /\S+@\S+/.exec(from)?.[0] ?? '';
  const fromName = from.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  const blank = lines.findIndex((l) => l.trim() === '');
  const body = blank === -1 ? text : lines.slice(blank + 1).join('\n').trim();
  const problems: string[] = [];
  if (!address) problems.push('No sender address found: fill in the e-mail.');
  return {
    fromName: fromName === address ? '' : fromName,
    fromAddress: address.toLowerCase(),
    subject: header('Subject').replace(/^((re|fwd?|aw)\s*:\s*)+/i, ''),
    date: header('Date') || header('Sent'),
    to: [],
    cc: [],
    body,
    earlier: '',
    problems,
  };
}

export function newTicketDraft(parsed: ParsedEmail, me: { name: string; email: string }, now: number): NewTicketDraft {
  return {
    name: parsed.fromName,
    email: parsed.fromAddress,
    title: parsed.subject,
    detail: `${parsed.body}\n\n(Sent by e-mail to ${me.name || 'me'}${parsed.date ? ` on ${parsed.date}` : ''}.)`,
    cc: me.email ? [me.email] : [],
    hints: [...parsed.problems],
    createdAt: now,
  };
}
