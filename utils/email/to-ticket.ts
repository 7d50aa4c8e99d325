/**
 * A parsed e-mail → what the GOC new-ticket form gets (issue 9 part 1): the sender as the contact
 * (so replies go to them), the subject as the title, the body plus a line saying how it arrived,
 * the quoted history as a short note at the end, the user as CC, and hints for what the e-mail did
 * not give. Bounded: the description never exceeds DETAIL_MAX. Pure.
 */
import type { NewTicketDraft, ParsedEmail } from './types';

/** The longest description filled in; past it the body is cut with a mark and a hint. */
export const DETAIL_MAX = 60 * 1024;
/** The longest title made from the first line of the body when the e-mail has no subject. */
const TITLE_FROM_BODY_MAX = 80;

function ymd(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first non-empty line of the body, cut at a word near TITLE_FROM_BODY_MAX characters. */
function titleFromBody(body: string): string {
  let first = '';
  // Past the last line, indexOf gives -1 and the empty rest ends the loop.
  for (let from = 0; from < 64 * 1024; ) {
    const nl = body.indexOf('\n', from);
    const line = body.slice(from, nl < 0 ? body.length : nl).trim();
    if (line) {
      first = line;
      break;
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  if (first.length <= TITLE_FROM_BODY_MAX) return first;
  const space = first.lastIndexOf(' ', TITLE_FROM_BODY_MAX);
  return `${first.slice(0, space > TITLE_FROM_BODY_MAX / 2 ? space : TITLE_FROM_BODY_MAX).trimEnd()}…`;
}

function mailbox(name: string, email: string): string {
  const n = name.trim();
  const e = email.trim();
  if (n && e) return `${n} <${e}>`;
  return n || e;
}

export function newTicketDraft(email: ParsedEmail, me: { name: string; email: string }, now: Date): NewTicketDraft {
  const hints: string[] = [];
  const body = String(email.body ?? '');
  const earlier = String(email.earlier ?? '');
  const myEmail = String(me?.email ?? '').trim();
  const recipient = mailbox(String(me?.name ?? ''), myEmail);

  let title = String(email.subject ?? '').trim();
  if (!title) {
    title = titleFromBody(body);
    hints.push(title
      ? 'Title: the e-mail has no subject, so the title is the first line of the message; edit it.'
      : 'Title: the e-mail has no subject and no text; write a title.');
  }

  const date = String(email.date ?? '').trim();
  const footer = `Sent by e-mail${recipient ? ` to ${recipient}` : ''}${date ? ` (Date: ${date})` : ''}; moved to a ticket by the OSG Software Team on ${ymd(now)}.`;
  const earlierNote = earlier ? `\n\nEarlier messages (quoted in the e-mail):\n${earlier}` : '';

  // The body gives way when the whole would be too long: the footer and the short note always fit.
  const room = DETAIL_MAX - footer.length - earlierNote.length - 2;
  let text = body;
  if (text.length > room) {
    const mark = (n: number) => `\n[…] (the e-mail was longer: ${n} more characters not shown)`;
    let cut = Math.max(0, room - mark(text.length).length);
    // At 0, charCodeAt(-1) is NaN and the test is false: no separate check for an empty cut.
    if ((text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
    text = text.slice(0, cut) + mark(body.length - cut);
    hints.push(`Description: the e-mail was longer than ${DETAIL_MAX / 1024} KB and was shortened; check the end of the text.`);
  }
  const detail = `${text ? `${text}\n\n` : ''}${footer}${earlierNote}`;

  const phone = String(email.phone ?? '').trim();
  if (phone) hints.push(`Phone number: ${phone} is from the e-mail's signature; check it.`);
  else hints.push('Phone number: the e-mail does not give one; the form requires it.');
  for (const problem of email.problems ?? []) hints.push(problem);

  const draft: NewTicketDraft = {
    name: String(email.fromName ?? ''),
    email: String(email.fromAddress ?? ''),
    title,
    detail,
    cc: myEmail ? [myEmail] : [],
    hints,
    createdAt: now.getTime(),
  };
  if (phone) draft.phone = phone;
  return draft;
}
