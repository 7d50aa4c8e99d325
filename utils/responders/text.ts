/**
 * The author's own text in an update body: quoted lines (`>`), quoted history after an e-mail
 * client's introduction ("On … wrote:", "Am … schrieb …:", Outlook's "From:/Sent:" block,
 * "-----Original Message-----", "Begin forwarded message:") and device footers are dropped.
 * Interleaved replies keep every unquoted part, split into segments at each quoted block, so the
 * signature after the last quoted block is found. Linear time: every test looks at one line, long
 * lines only through bounded slices.
 */
import { decodeFpEntities } from '../footprints';

/**
 * Longest body read whole. Past it only the first and the last BODY_WINDOW characters are read (the
 * quote structure starts at the top, the signature sits at the end), so any body costs the same
 * bounded work: a 1 MB paste cannot freeze the ticket page.
 */
export const BODY_WINDOW = 48 * 1024;

export function boundedBody(bodyText: string): string {
  const text = String(bodyText ?? '');
  if (text.length <= 2 * BODY_WINDOW) return text;
  return `${text.slice(0, BODY_WINDOW)}\n\n${text.slice(-BODY_WINDOW)}`;
}

/** Lines longer than this are never names, closings or markers: they are kept, not examined. */
const LONG_LINE = 4096;

export interface OwnLine {
  text: string;
  /** A blank line (or a quoted block) came before it: a new paragraph starts here. */
  blankBefore: boolean;
}

/** No-break, thin, em, ideographic and other Unicode spaces → space; zero-width characters dropped. */
export function cleanLine(raw: string): string {
  if (raw.length > LONG_LINE) return raw.slice(0, LONG_LINE).trim();
  if (/^[\x20-\x25\x27-\x7e]*$/.test(raw)) return raw.trim();
  const decoded = raw.includes('&') ? decodeFpEntities(raw) : raw;
  return decoded
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .trim();
}

export function isQuoted(line: string): boolean {
  return /^\s{0,8}(>|&#62;|&gt;)/.test(line);
}

/** Verbs that end an e-mail client's quote introduction, in the languages our users write. */
const QUOTE_VERB =
  /(?<!\p{L})(wrote|writes|a écrit|schrieb|skrev|escribió|escreveu|ha scritto|scrisse|schreef|napisał|pisze|kirjoitti|написал)(?!\p{L})/iu;
/** The tail of a line that introduces a quote ends with ":" (at most a short address tail after the verb). */
function isQuoteIntro(line: string): boolean {
  if (!line.endsWith(':') || line.length > 400) return false;
  return QUOTE_VERB.test(line.slice(-200));
}

/** First half of an introduction wrapped by the client ("… FootPrints <" / "osg@…> wrote:"). */
function isWrappedIntroStart(line: string, next: string | undefined): boolean {
  if (next === undefined || line.length > 300 || next.length > 120) return false;
  return (line.endsWith('<') || QUOTE_VERB.test(line)) && next.endsWith(':') && next.includes('@') && !isQuoted(next);
}

/** "-----Original Message-----", "---------- Forwarded message ---------", "-----Ursprüngliche Nachricht-----". */
function isDashedBanner(line: string): boolean {
  if (line.length > 80 || !line.startsWith('--') || !line.endsWith('--')) return false;
  return /\p{L}{3}/u.test(line);
}

const FORWARD_INTRO = /^(begin forwarded message|anfang der weitergeleiteten nachricht|début du message (réexpédié|transféré)|inizio messaggio inoltrato|comienzo del mensaje reenviado|início da mensagem reencaminhada)\s*:?$/i;

/** Outlook header labels: the block's first line, and the lines that confirm it. */
const FROM_LABELS = new Set(['from', 'von', 'de', 'da', 'van', 'fra', 'från', 'od', 'lähettäjä', 'expéditeur']);
const HEADER_LABELS = new Set([
  'sent', 'date', 'to', 'cc', 'subject', 'gesendet', 'an', 'betreff', 'datum', 'envoyé', 'à', 'objet', 'enviado', 'enviado el',
  'para', 'asunto', 'fecha', 'inviato', 'oggetto', 'data', 'a', 'verzonden', 'aan', 'onderwerp', 'sendt', 'til', 'emne', 'skickat',
  'till', 'ämne', 'wysłano', 'do', 'temat', 'assunto', 'kopie',
]);

function headerLabel(line: string): string | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 25) return null;
  const label = line.slice(0, colon).trim().toLowerCase();
  return /^[\p{L} ]+$/u.test(label) ? label : null;
}

/** Dropped from own text: what mail apps append, not what the writer typed. */
const DEVICE_FOOTER =
  /^(sent from my|sent from yahoo mail|sent from outlook|get outlook for|von meinem .* gesendet|envoyé de mon|enviado desde mi|enviado do meu|inviato da|verzonden met|sendt fra min|skickat från min)/i;

/** FP history actions that the server may append inside a body (docs/goc-pages.md §5.1). */
const HISTORY_LINE =
  /^(Appended a Description|Notification mail sent|Assignee(s)? (changed|added|removed)|Status (changed|set)|Priority (changed|set)|Title changed|Next Action (changed|set)|Next Action Deadline|Ticket (type )?changed|CC (changed|added|removed)|Attached a file|Field \S.{0,80} changed)/i;

export function isHistoryLine(line: string): boolean {
  return line.length <= 400 && HISTORY_LINE.test(line);
}

/**
 * Where quoted history starts at line i (lines are cleaned, blanks included):
 * 'stop' = everything after is history; 'skip' = an introduction whose quote is `>`-prefixed (the
 * writer may answer between the quoted parts); null = an ordinary line.
 */
export function quoteStart(lines: string[], i: number, ownSoFar: number): { kind: 'stop' | 'skip'; drop: number } | null {
  const line = lines[i];
  if (!line || line.length > 400) return null;
  const nextIndex = (from: number) => {
    for (let j = from; j < lines.length && j < from + 4; j += 1) if (lines[j]) return j;
    return -1;
  };
  const afterIntro = (at: number) => {
    const n = nextIndex(at + 1);
    return n >= 0 && isQuoted(lines[n]) ? 'skip' : 'stop';
  };
  if (isQuoteIntro(line)) return { kind: afterIntro(i), drop: 0 };
  const n1 = nextIndex(i + 1);
  if (n1 === i + 1 && isWrappedIntroStart(line, lines[n1]) && isQuoteIntro(`${line} ${lines[n1]}`)) return { kind: afterIntro(n1), drop: 1 };
  if (isDashedBanner(line) || FORWARD_INTRO.test(line)) return { kind: 'stop', drop: 0 };
  // Outlook's line of underscores starts a quote only when a header block follows it.
  if (/^_{10,}$/.test(line)) {
    const n = nextIndex(i + 1);
    const label = n >= 0 ? headerLabel(lines[n]) : null;
    return label && (FROM_LABELS.has(label) || HEADER_LABELS.has(label)) ? { kind: 'stop', drop: 0 } : null;
  }
  const label = headerLabel(line);
  if (label && FROM_LABELS.has(label)) {
    if (label === 'from' && ownSoFar > 0) return { kind: 'stop', drop: 0 };
    const n = nextIndex(i + 1);
    const nextLabel = n >= 0 ? headerLabel(lines[n]) : null;
    if (nextLabel && HEADER_LABELS.has(nextLabel)) return { kind: 'stop', drop: 0 };
  }
  return null;
}

/**
 * The author's own lines, split into segments at each quoted block (interleaved replies), without
 * the history after a quote introduction, device footers, or FP history lines at the end.
 */
export function ownSegments(bodyText: string): OwnLine[][] {
  const lines = boundedBody(bodyText).split('\n').map(cleanLine);
  const segments: OwnLine[][] = [[]];
  let blank = false;
  let own = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line) {
      blank = true;
      continue;
    }
    if (isQuoted(line)) {
      if (segments[segments.length - 1].length > 0) segments.push([]);
      blank = true;
      continue;
    }
    const start = quoteStart(lines, i, own);
    if (start) {
      if (start.kind === 'stop') break;
      const current = segments[segments.length - 1];
      if (current.length > 0) segments.push([]);
      i += start.drop;
      blank = true;
      continue;
    }
    if (DEVICE_FOOTER.test(line.slice(0, 60))) {
      blank = true;
      continue;
    }
    segments[segments.length - 1].push({ text: line, blankBefore: blank });
    own += 1;
    blank = false;
  }
  const out = segments.filter((s) => s.length > 0);
  const last = out[out.length - 1];
  while (last && last.length > 0 && isHistoryLine(last[last.length - 1].text)) last.pop();
  return out.filter((s) => s.length > 0);
}

/** Non-empty, trimmed lines of the author's own text (all segments, in order). */
export function ownLines(bodyText: string): string[] {
  return ownSegments(bodyText).flatMap((s) => s.map((l) => l.text));
}

/** The last `count` non-empty cleaned lines, quoted or not, last first (the author trailer is read from these). */
export function lastLines(bodyText: string, count: number): string[] {
  const text = boundedBody(bodyText);
  const out: string[] = [];
  let end = text.length;
  // Blank lines count towards a bound too (a million newlines is not a reason to read them all).
  for (let visited = 0; out.length < count && visited < count * 20; visited += 1) {
    // Index of the newline before this line, or -1 for the first line.
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
    const line = cleanLine(text.slice(start + 1, end));
    if (line) out.push(line);
    if (start < 0) break;
    end = start;
  }
  return out;
}

// ---- closings ---------------------------------------------------------------------------------

/** Closing phrases, folded (lower case, accents dropped, ß → ss), in the languages our users write. */
const CLOSINGS = new Set([
  'many thanks', 'thanks again', 'thanks a lot', 'thanks', 'thank you', 'thx', 'ty', 'cheers', 'best regards', 'kind regards',
  'warm regards', 'warmest regards', 'regards', 'best wishes', 'all the best', 'best', 'sincerely', 'yours truly', 'yours',
  'cordially', 'greetings', 'respectfully', 'many thanks and best regards', 'thanks and regards', 'with best regards',
  // German
  'mit freundlichen grussen', 'mit freundlichen gruessen', 'freundliche grusse', 'freundliche gruesse', 'viele grusse', 'viele gruesse',
  'beste grusse', 'beste gruesse', 'liebe grusse', 'liebe gruesse', 'herzliche grusse', 'gruss', 'gruesse', 'grusse',
  'mfg', 'lg', 'vg', 'bg', 'danke', 'vielen dank', 'danke und gruss', 'schone grusse', 'schoene gruesse',
  // French
  'cordialement', 'bien cordialement', 'tres cordialement', 'bien a vous', 'salutations', 'meilleures salutations', 'merci',
  'merci beaucoup', 'amicalement', 'bonne journee', 'a bientot',
  // Spanish, Portuguese, Italian
  'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'gracias', 'muchas gracias', 'atenciosamente', 'abracos',
  'abraco', 'obrigado', 'obrigada', 'cumprimentos', 'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto', 'grazie',
  'grazie mille', 'buona giornata',
  // Dutch
  'met vriendelijke groet', 'met vriendelijke groeten', 'vriendelijke groet', 'groeten', 'groet', 'hartelijke groet', 'mvg', 'dank je', 'bedankt',
  // Scandinavian
  'med vennlig hilsen', 'vennlig hilsen', 'med venlig hilsen', 'venlig hilsen', 'med vanlig halsning', 'med vanliga halsningar',
  'vanliga halsningar', 'vanlig halsning', 'halsningar', 'hilsen', 'hilsner', 'mvh', 'takk', 'tack', 'tak',
  // Polish
  'pozdrawiam', 'z powazaniem', 'pozdrowienia', 'dziekuje',
]);

/** First words of the closings: most lines are ruled out by their first word alone. */
const CLOSING_FIRST_WORDS = new Set([...CLOSINGS].map((c) => c.split(' ')[0]));

function foldWord(word: string): string {
  if (/^[A-Za-z]+[,.!:;]*$/.test(word)) return word.replace(/[,.!:;]+$/, '').toLowerCase();
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/**
 * A closing at the start of the line: { rest } with what follows it ('' for "Thanks," alone),
 * or null. "Cheers -- Declan" → "Declan"; "Beste Grüße, Hans" → "Hans".
 */
export function matchClosing(line: string): { rest: string } | null {
  if (line.length > 120) return null;
  const tokens = line.split(' ').filter(Boolean);
  if (tokens.length === 0 || !CLOSING_FIRST_WORDS.has(foldWord(tokens[0]))) return null;
  const folded = tokens.slice(0, 6).map(foldWord);
  for (let k = Math.min(5, folded.length); k >= 1; k -= 1) {
    if (!CLOSINGS.has(folded.slice(0, k).join(' '))) continue;
    const rest = tokens.slice(k);
    while (rest.length > 0 && !/[\p{L}\p{N}]/u.test(rest[0])) rest.shift();
    return { rest: rest.join(' ').replace(/[.!]+$/, '').trim() };
  }
  return null;
}
