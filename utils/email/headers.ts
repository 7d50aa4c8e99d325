/**
 * Header blocks of a pasted e-mail: RFC 5322 headers ("show original", folded lines), the blocks
 * mail apps put above a message or a forwarded/quoted one (Outlook "From: … Sent: … To: …
 * Subject:", localized labels "Von:/Betreff:", "De :/Objet :"), addresses and subjects. Every line
 * is looked at through a bounded window. Pure.
 */

/** Localized and RFC labels → the field they mean; others are kept under their own lower-case name. */
const CANONICAL = new Map<string, string>(Object.entries({
  from: 'from', von: 'from', de: 'from', da: 'from', van: 'from', fra: 'from', 'från': 'from', od: 'from', 'expéditeur': 'from', 'lähettäjä': 'from',
  date: 'date', sent: 'date', gesendet: 'date', datum: 'date', 'envoyé': 'date', 'envoyé le': 'date', enviado: 'date', 'enviado el': 'date',
  fecha: 'date', inviato: 'date', data: 'date', verzonden: 'date', sendt: 'date', skickat: 'date', 'wysłano': 'date',
  to: 'to', an: 'to', 'à': 'to', a: 'to', para: 'to', aan: 'to', til: 'to', till: 'to', do: 'to',
  cc: 'cc', kopie: 'cc', cci: 'cc',
  subject: 'subject', betreff: 'subject', objet: 'subject', asunto: 'subject', oggetto: 'subject', onderwerp: 'subject', emne: 'subject',
  'ämne': 'subject', temat: 'subject', assunto: 'subject', aihe: 'subject',
}));

/**
 * English labels and RFC-only fields: one of them is enough to say "this is a header block" (Date
 * and Sent are not listed: alone they never are, and they count as known fields through REVERSE).
 */
const STRONG = new Set([
  'from', 'to', 'cc', 'subject', 'reply-to', 'message-id', 'received', 'return-path', 'mime-version', 'content-type',
  'content-transfer-encoding', 'delivered-to', 'dkim-signature', 'authentication-results', 'in-reply-to', 'references', 'sender',
  'thread-topic', 'thread-index', 'user-agent', 'x-mailer', 'importance', 'list-id', 'precedence', 'arc-seal', 'x-received',
]);

/** The fields a mail app's header block shows (canonical names). */
const REVERSE = new Set(['from', 'date', 'to', 'cc', 'subject']);

/** The longest header value kept (folded lines included): a header is never a place for megabytes. */
const VALUE_MAX = 8192;

export interface HeaderBlock {
  /** Canonical field → first value (unfolded, trimmed, not yet decoded). */
  fields: Map<string, string>;
  /** Index of the first line after the block (after its blank line when there is one). */
  end: number;
}

/** `Label: value` → [label as written (trimmed), value], with the label short and made of letters, digits and '-'. */
export function splitHeaderLine(line: string): [string, string] | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  const label = line.slice(0, colon).trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_-]*( [\p{L}]+)?$/u.test(label)) return null;
  const value = line.slice(colon + 1, colon + 1 + VALUE_MAX).trim();
  return [label, value];
}

function canonical(label: string): string {
  const lower = label.toLowerCase();
  return CANONICAL.get(lower) ?? lower;
}

/**
 * A message's top block: two known fields, or a field only sources have (Received, Message-ID,
 * X-…), or one English field that shows itself: a Subject, or an address in From/To/Cc. A text
 * that starts "To: the OSG team" is a letter, not a header block.
 */
function acceptTop(fields: Map<string, string>, strong: number, known: number): boolean {
  if (known >= 2 || strong >= 2) return true;
  if (strong === 0) return false;
  if (fields.has('subject')) return true;
  return ['from', 'to', 'cc'].some((f) => fields.get(f)?.includes('@'));
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/**
 * The header block starting at line `start`, or null when the lines there are not one. `strict`
 * (a message's top): the block must name an English/RFC field or two localized ones; a block not
 * ended by a blank line ends after its last known field (the rest is the body). Otherwise (a block
 * inside the body, after a forward banner) it must hold a From and one more known field.
 */
export function readHeaderBlock(lines: string[], start: number, strict: boolean): HeaderBlock | null {
  const fields = new Map<string, string>();
  let strong = 0;
  let known = 0;
  let lastKnownEnd = -1;
  let current = '';
  let i = start;
  // A header block is never longer than this many lines (a "show original" source has ~100).
  const limit = Math.min(lines.length, start + 500);
  for (; i < limit; i++) {
    const line = lines[i]!;
    if (isBlank(line)) break;
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && current) {
      // A folded line continues the field above it (a value already at VALUE_MAX stays as it is:
      // the slice drops what is added, and the value was trimmed).
      fields.set(current, `${fields.get(current)!} ${line.trim()}`.slice(0, VALUE_MAX).trim());
      if (lastKnownEnd === i) lastKnownEnd = i + 1;
      continue;
    }
    const split = splitHeaderLine(line);
    if (!split) break;
    const name = canonical(split[0]);
    current = name;
    if (!fields.has(name)) fields.set(name, split[1]);
    const lower = split[0].toLowerCase();
    if (STRONG.has(lower) || lower.startsWith('x-') || lower.startsWith('arc-')) strong += REVERSE.has(name) ? 1 : 2;
    if (REVERSE.has(name) || STRONG.has(lower)) {
      known++;
      lastKnownEnd = i + 1;
    }
  }
  if (strict ? !acceptTop(fields, strong, known) : !fields.has('from') || known < 2) return null;
  if (!isBlank(lines[i])) {
    // Ended by a line of text, not a blank line: fields after the last known one are body text.
    if (lastKnownEnd < 0) return null;
    const kept = new Map<string, string>();
    for (let j = start; j < lastKnownEnd; j++) {
      const split = lines[j]!.charCodeAt(0) > 32 ? splitHeaderLine(lines[j]!) : null;
      if (split) {
        const name = canonical(split[0]);
        kept.set(name, fields.get(name)!);
      }
    }
    return { fields: kept, end: lastKnownEnd };
  }
  return { fields, end: i < lines.length ? i + 1 : i };
}

export interface Mailbox {
  name: string;
  address: string;
}

const ADDRESS = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]{1,190}$/;

function cleanName(raw: string): string {
  let name = raw.trim();
  for (let k = 0; k < 3; k++) {
    if (name.length >= 2 && ((name.startsWith('"') && name.endsWith('"')) || (name.startsWith("'") && name.endsWith("'")))) {
      name = name.slice(1, -1).replace(/\\(.)/g, '$1').trim();
    }
    // Gmail's plain-text forward marks the name bold: *Jane Doe*.
    if (name.length >= 2 && name.startsWith('*') && name.endsWith('*')) name = name.slice(1, -1).trim();
  }
  return name;
}

/** One mailbox: `Name <a@b>`, `"Doe, Jane" <a@b>`, `a@b (Name)`, `Name [mailto:a@b]`, `a@b`. */
export function parseMailbox(raw: string): Mailbox {
  const value = raw.slice(0, 2048).trim();
  let name = '';
  let address: string;
  const lt = value.lastIndexOf('<');
  const gt = lt >= 0 ? value.indexOf('>', lt) : -1;
  const mailto = value.toLowerCase().lastIndexOf('[mailto:');
  if (gt > lt) {
    address = value.slice(lt + 1, gt).trim().replace(/^mailto:/i, '');
    name = value.slice(0, lt);
  } else if (mailto >= 0 && value.indexOf(']', mailto) > mailto) {
    address = value.slice(mailto + 8, value.indexOf(']', mailto));
    name = value.slice(0, mailto);
  } else {
    const paren = value.indexOf('(');
    const close = value.lastIndexOf(')');
    if (paren > 0 && close > paren) {
      address = value.slice(0, paren);
      name = value.slice(paren + 1, close);
    } else address = value;
  }
  address = address.trim().toLowerCase();
  if (!ADDRESS.test(address)) {
    // "Jane Doe jane@x.edu" and other loose forms: the first token that is an address.
    const token = value.split(/[\s<>()[\],;"']/).find((t) => ADDRESS.test(t));
    address = token ? token.toLowerCase() : '';
    name = name || (token ? value.replace(token, '') : value);
  }
  name = cleanName(name);
  if (name.toLowerCase() === address || name.toLowerCase() === `<${address}>`) name = '';
  return { name, address };
}

/** A To/Cc value split at commas and semicolons outside quotes and angle brackets → the addresses. */
export function parseAddressList(value: string): string[] {
  const out: string[] = [];
  let quote = false;
  let angle = false;
  let from = 0;
  const text = value.slice(0, VALUE_MAX);
  const take = (to: number) => {
    const mb = parseMailbox(text.slice(from, to));
    if (mb.address && !out.includes(mb.address)) out.push(mb.address);
    from = to + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quote = !quote;
    else if (c === '<' && !quote) angle = true;
    else if (c === '>' && !quote) angle = false;
    else if ((c === ',' || c === ';') && !quote && !angle) take(i);
  }
  take(text.length);
  return out;
}

/** Reply and forward prefixes of many mail apps and languages (compared lower-case). */
const PREFIXES = new Set(['re', 'fw', 'fwd', 'aw', 'wg', 'sv', 'vs', 'antw', 'tr', 'rv', 'ref', 'réf', 'odp', 'pd', 'doorst', 'vl', 'enc', 'res', '回复', '答复', '转发']);
const FORWARD_PREFIXES = new Set(['fw', 'fwd', 'wg', 'tr', 'rv', 'doorst', 'vl', 'enc', 'pd', '转发']);

/** The subject without leading Re:/Fwd:/AW:/… prefixes (also "Re[2]:", "RE :"); `forwarded` when the first one is a forward. */
export function stripSubjectPrefixes(subject: string): { subject: string; forwarded: boolean } {
  let s = subject.trim();
  let forwarded = false;
  for (let k = 0; k < 50; k++) {
    // The prefix's colon is within the first 12 characters.
    const colon = s.slice(0, 13).search(/[:：]/);
    if (colon <= 0) break;
    const word = s.slice(0, colon).trim().replace(/\s*\[\d{1,4}\]$/, '').toLowerCase();
    if (!PREFIXES.has(word)) break;
    // Only the outermost prefix says what this message is ("AW: WG: …" is a reply to a forward).
    if (k === 0) forwarded = FORWARD_PREFIXES.has(word);
    s = s.slice(colon + 1).trim();
  }
  return { subject: s, forwarded };
}
