/**
 * A pasted e-mail → sender, subject, date, recipients, the writer's own words and the quoted
 * history (issue 9 part 1). Reads what users paste: a message with or without its headers, as
 * Thunderbird, Outlook, Gmail or Apple Mail copy it, or the full source ("show original": folded
 * headers, encoded-words, quoted-printable/base64, multipart). Never throws; the input is capped
 * and every step is a line-by-line scan with bounded windows. Pure.
 */
import type { ParsedEmail } from './types';
import { decodeBase64, decodeBytes, decodeEncodedWords, decodeQuotedPrintable, htmlToText, parseContentType } from './mime';
import { parseAddressList, parseMailbox, readHeaderBlock, stripSubjectPrefixes, type HeaderBlock } from './headers';
import { joinTrimmed, splitHistory } from './history';
import { findPhone } from './phone';

/** The longest paste read (UTF-16 units); the rest is cut and the user told. */
export const INPUT_MAX = 256 * 1024;
/** The quoted history kept in `earlier`; past it the note is cut with a "[…]" mark. */
export const EARLIER_MAX = 4 * 1024;

const KB = (n: number) => `${Math.round(n / 1024)} KB`;

/** CR LF and CR → LF; control characters other than tab and LF dropped (binary junk). */
function normalize(text: string): { text: string; removed: number } {
  const lf = text.replace(/\r\n?/g, '\n');
  const clean = lf.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]+/g, '');
  return { text: clean, removed: lf.length - clean.length };
}

function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 2048).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  if (!/^<(body|div|p|table|span|meta|head)[\s>]/.test(head)) return false;
  // Text that merely starts with a tag ("<div> is not closed") is not a page: closing tags too.
  let closing = 0;
  for (let at = head.indexOf('</'); at >= 0 && closing < 2; at = head.indexOf('</', at + 2)) closing++;
  return closing >= 2;
}

/** Quoted-printable without a header saying so: soft breaks and byte escapes both present. */
function looksQuotedPrintable(text: string): boolean {
  let soft = 0;
  let escapes = 0;
  for (let at = text.indexOf('='); at >= 0 && soft + escapes < 50; at = text.indexOf('=', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 10 && text.charCodeAt(at - 1) !== 61) soft++;
    else if (/^=(3D|20|09|[C-E][0-9A-F]=[89AB][0-9A-F])/.test(text.slice(at, at + 6))) escapes++;
  }
  return soft >= 1 && escapes >= 1 && soft + escapes >= 3;
}

interface Entity {
  text: string;
  kind: 'plain' | 'html' | 'none';
}

/** The readable text of a MIME entity: text/plain preferred over text/html, attachments skipped. */
function decodeEntity(fields: Map<string, string>, body: string, depth: number, problems: Set<string>): Entity {
  const unknown = (cs: string) => problems.add(`Unknown character set "${cs.slice(0, 40)}": read as UTF-8; check accented letters.`);
  const type = parseContentType(fields.get('content-type') ?? '');
  if (type.type.startsWith('multipart/')) {
    if (!type.boundary || depth >= 5) return { text: '', kind: 'none' };
    let html: Entity | null = null;
    for (const part of splitMultipart(body, type.boundary)) {
      const lines = part.split('\n');
      const block = lines[0]!.trim() === '' ? null : readHeaderBlock(lines, 0, true);
      const partFields = block?.fields ?? new Map<string, string>();
      const start = block ? block.end : lines[0]!.trim() === '' ? 1 : 0;
      if (/^\s*attachment/i.test(partFields.get('content-disposition') ?? '')) continue;
      const entity = decodeEntity(partFields, lines.slice(start).join('\n'), depth + 1, problems);
      if (entity.kind === 'plain') return entity;
      if (entity.kind === 'html' && !html) html = entity;
    }
    return html ?? { text: '', kind: 'none' };
  }
  // Header values come trimmed from readHeaderBlock.
  const cte = (fields.get('content-transfer-encoding') ?? '').toLowerCase();
  let text = body;
  if (cte === 'quoted-printable') text = decodeQuotedPrintable(body, type.charset, unknown);
  else if (cte === 'base64') text = normalize(decodeBytes(decodeBase64(body), type.charset, unknown)).text;
  if (type.type === 'text/html') return { text: htmlToText(text), kind: 'html' };
  if (type.type === 'text/plain' || type.type === 'text' || type.type === 'message/rfc822') return { text, kind: 'plain' };
  return { text: '', kind: 'none' };
}

/** The parts between `--boundary` lines (the preamble and epilogue dropped); at most 200 parts. */
function splitMultipart(body: string, boundary: string): string[] {
  const open = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split('\n')) {
    if (line.length <= open.length + 8 && line.startsWith(open)) {
      const rest = line.slice(open.length).trimEnd();
      if (rest === '' || rest === '--') {
        if (current) parts.push(current.join('\n'));
        current = rest === '' && parts.length < 200 ? [] : null;
        if (rest === '--') break;
        continue;
      }
    }
    current?.push(line);
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

/** Gmail's web view copies as "Jane Doe <jane@x.edu>", a date line, "to me", then the text. */
function webViewSender(lines: string[], start: number): { from: string; end: number } | null {
  const first = lines[start]!.trim();
  if (first.length > 200 || !/^[^<>]{1,120}<[^\s<>@]{1,64}@[^\s<>]{1,190}>$/.test(first)) return null;
  let i = start + 1;
  while (i < lines.length && i <= start + 3) {
    const line = lines[i]!.trim();
    if (line.length > 100) break;
    if (!(/^(to|an|à|para|cc) /i.test(line) || (/\d/.test(line) && /\b(AM|PM|ago)\b|\d:\d\d/.test(line)))) break;
    i++;
  }
  return { from: first, end: i };
}

/** The history note: at most EARLIER_MAX characters, cut at a line end with a "[…]" mark. */
function boundEarlier(text: string, problems: Set<string>): string {
  if (text.length <= EARLIER_MAX) return text;
  const cutAt = text.lastIndexOf('\n', EARLIER_MAX);
  const head = text.slice(0, cutAt > EARLIER_MAX / 2 ? cutAt : EARLIER_MAX);
  problems.add(`The earlier messages quoted in the e-mail were shortened to ${KB(EARLIER_MAX)}.`);
  return `${head}\n[…] (${text.length - head.length} more characters of earlier messages not shown)`;
}

export function parseEmail(input: string): ParsedEmail {
  const problems = new Set<string>();
  const result: ParsedEmail = { fromName: '', fromAddress: '', subject: '', date: '', to: [], cc: [], body: '', earlier: '', problems: [] };
  try {
    parseInto(typeof input === 'string' ? input : '', result, problems);
  } catch {
    // Defensive: a parser bug must not reach the user as an exception.
    problems.add('The e-mail could not be read completely: check every field.');
  }
  result.problems = [...problems];
  return result;
}

function parseInto(input: string, result: ParsedEmail, problems: Set<string>): void {
  let raw = input;
  if (raw.length > INPUT_MAX) {
    const cut = (raw.charCodeAt(INPUT_MAX - 1) & 0xfc00) === 0xd800 ? INPUT_MAX - 1 : INPUT_MAX;
    problems.add(`The pasted text is ${KB(raw.length)} long; only its first ${KB(INPUT_MAX)} were read.`);
    raw = raw.slice(0, cut);
  }
  const { text, removed } = normalize(raw);
  if (removed > 0) {
    problems.add(removed * 10 > raw.length
      ? 'The pasted text looks like binary data, not an e-mail: paste the message text.'
      : `${removed} control characters (not text) were removed from the pasted text.`);
  }
  if (text.trim() === '') {
    problems.add('Nothing to read: paste the whole e-mail, with its From: and Subject: lines if you can.');
    return;
  }
  const lines = text.split('\n');
  let start = 0;
  // The text is not blank, so a non-blank line comes.
  while (lines[start]!.trim() === '') start++;
  const top: HeaderBlock | null = readHeaderBlock(lines, start, true);
  const fields = top?.fields ?? new Map<string, string>();
  let bodyStart = top ? top.end : start;
  if (!top) {
    const web = webViewSender(lines, start);
    if (web) {
      fields.set('from', web.from);
      bodyStart = web.end;
    }
  }
  let body = lines.slice(bodyStart).join('\n');
  if (fields.has('content-type') || fields.has('content-transfer-encoding')) {
    const entity = decodeEntity(fields, body, 0, problems);
    body = entity.text;
    if (entity.kind === 'html') problems.add('The e-mail has only an HTML version: its text was extracted without layout; check it.');
    if (entity.kind === 'none') problems.add('The e-mail has no text part (only attachments?): write the description yourself.');
  } else if (looksLikeHtml(body)) {
    body = htmlToText(body);
    problems.add('The pasted text is HTML source: its text was extracted without layout; check it.');
  } else if (looksQuotedPrintable(body)) body = decodeQuotedPrintable(body);

  const unknown = (cs: string) => problems.add(`Unknown character set "${cs.slice(0, 40)}": read as UTF-8; check accented letters.`);
  // Decoded words may hold line breaks or control characters: a title or a name is one plain line.
  const oneLine = (text: string) => text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  const header = (name: string, f = fields) => oneLine(decodeEncodedWords(f.get(name) ?? '', unknown));
  const mailbox = (value: string) => {
    const mb = parseMailbox(value);
    return { name: oneLine(decodeEncodedWords(mb.name, unknown)), address: mb.address };
  };
  let sender = mailbox(fields.get('from') ?? '');
  const subjectInfo = stripSubjectPrefixes(header('subject'));
  let subject = subjectInfo.subject;
  let date = header('date');
  let to = parseAddressList(fields.get('to') ?? '');
  let cc = parseAddressList(fields.get('cc') ?? '');

  const bodyLines = body.split('\n');
  const split = splitHistory(bodyLines);
  let own = joinTrimmed(bodyLines.slice(0, split.cut));
  let earlier = joinTrimmed(bodyLines.slice(split.cut));

  // A forward: "---------- Forwarded message ---------", "Begin forwarded message:", or a Fwd:/FW:
  // subject over an Outlook block. Chosen: when the forwarder added nothing, is unknown (no From), or
  // sent it to themselves (From is also a To/Cc), the ticket is the forwarded message's: its sender,
  // subject, date and own words; a note the forwarder wrote is kept at the top of `earlier`. When
  // someone else forwarded it with a note, they are the sender and the forwarded text stays in the body.
  if (split.kind === 'forward' || (split.kind === 'reply' && subjectInfo.forwarded)) {
    let j = split.cut;
    if (!readHeaderBlock(bodyLines, j, false)) j++;
    while (j < bodyLines.length && j < split.cut + 5 && bodyLines[j]!.trim() === '') j++;
    const inner = readHeaderBlock(bodyLines, j, false);
    const innerSender = inner ? mailbox(inner.fields.get('from') ?? '') : null;
    if (inner && innerSender?.address) {
      const innerLines = bodyLines.slice(inner.end);
      const innerSplit = splitHistory(innerLines);
      const innerEarlier = joinTrimmed(innerLines.slice(innerSplit.cut));
      const self = own === '' || !sender.address || to.includes(sender.address) || cc.includes(sender.address);
      if (self) {
        const note = own ? `Forwarded with this note${sender.address ? ` by ${sender.address}` : ''}:\n${own}` : '';
        sender = innerSender;
        subject = stripSubjectPrefixes(header('subject', inner.fields)).subject || subject;
        date = header('date', inner.fields) || date;
        to = parseAddressList(inner.fields.get('to') ?? '');
        cc = parseAddressList(inner.fields.get('cc') ?? '');
        own = joinTrimmed(innerLines.slice(0, innerSplit.cut));
        earlier = [note, innerEarlier].filter(Boolean).join('\n\n');
      } else {
        own = joinTrimmed(bodyLines.slice(0, inner.end + innerSplit.cut));
        earlier = innerEarlier;
      }
    }
  }
  if (own === '' && earlier !== '') {
    own = earlier;
    earlier = '';
    problems.add('No new text above the quoted history: the whole e-mail is in the description.');
  }

  result.fromName = sender.name.slice(0, 200);
  result.fromAddress = sender.address;
  result.subject = subject.slice(0, 1000);
  result.date = date.slice(0, 200);
  result.to = to.slice(0, 100);
  result.cc = cc.slice(0, 100);
  result.body = own;
  result.earlier = boundEarlier(earlier, problems);
  const phone = findPhone(own);
  if (phone) result.phone = phone;
  if (!result.fromAddress) problems.add('No sender address found: fill in the name and e-mail in the form (or paste the e-mail with its From: line).');
  if (!result.subject) problems.add('No subject found: check the title.');
  if (!own) problems.add('The e-mail has no text: write the description yourself.');
}
