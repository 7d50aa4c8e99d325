/**
 * Where a message's own words end and its quoted history starts. The quote introductions ("On …
 * wrote:", "Am … schrieb …:", "Le … a écrit :", Outlook's "From:/Sent:" block, "-----Original
 * Message-----", "Begin forwarded message:") are recognised by the ticket-update reader
 * (utils/responders/text.ts quoteStart), reused here; this file adds what a pasted e-mail needs on
 * top: raw lines are kept (never reflowed), a `>` block at the end is history while `>` lines
 * followed by more own words stay (interleaved answers, shell continuation lines), and a few false
 * alarms are refused (a log banner "---- TEST FAILED ----", a "From: /var/log" line). Linear: each
 * line is looked at once through bounded windows.
 */
import { cleanLine, isQuoted, quoteStart } from '../responders/text';
import { readHeaderBlock, splitHeaderLine } from './headers';

export interface HistorySplit {
  /** Index of the first history line (lines.length when there is none). */
  cut: number;
  /** What starts the history: a forward banner, another introduction or header block, a trailing `>` block. */
  kind: 'none' | 'forward' | 'reply' | 'quote';
}

/** Words of the banners mail apps put above an original or forwarded message. */
const BANNER_WORDS = /message|nachricht|mensaje|messaggio|mensagem|bericht|meddelande|melding|wiadomo|forward|original|weitergeleitet|transf[ée]r|r[ée]exp[ée]di/i;
const FORWARD_WORDS = /forward|weitergeleitet|transf[ée]r|r[ée]exp[ée]di|inoltrat|reenviad|reencaminhad|doorgestuurd|videresend|vidarebefordra|przekazan/i;
/** How a quote introduction starts when the client wrapped its "wrote:" onto the next line. */
const INTRO_OPENER = /^(on|am|le|el|em|il|op|den|dnia|w dniu|в) /i;

const VERB_START = /^(wrote|schrieb|a écrit|escribió|escreveu|ha scritto|scrisse|schreef|skrev|napisał|pisze|kirjoitti|написал)/i;

/** `line` is the second half of a wrapped introduction whose first half is `prev`. */
function isIntroTail(line: string, prev: string | undefined): boolean {
  if (!prev || line.length > 80 || prev.length > 300 || !INTRO_OPENER.test(prev)) return false;
  return VERB_START.test(line) || line.includes('@') || prev.includes('@');
}

/** A line quoteStart flags that is not one: a dashed log banner, a "From:" line that starts no header block. */
function isFalseAlarm(cleaned: string[], raw: string[], i: number): boolean {
  const line = cleaned[i]!;
  if (line.startsWith('--') && line.endsWith('--')) return !BANNER_WORDS.test(line);
  const split = splitHeaderLine(line);
  if (split && !/@/.test(split[1]) && /^(from|von|de|da|van|fra|från|od)$/i.test(split[0])) return readHeaderBlock(raw, i, false) === null;
  return false;
}

/** The first history line of `lines` (raw lines of a body, no header block above them). */
export function splitHistory(lines: string[]): HistorySplit {
  const cleaned = lines.map(cleanLine);
  let own = 0;
  let pendingQuote = -1;
  let pendingKind: HistorySplit['kind'] = 'quote';
  for (let i = 0; i < cleaned.length; i++) {
    const line = cleaned[i]!;
    if (!line) continue;
    if (isQuoted(line)) {
      if (pendingQuote < 0) {
        pendingQuote = i;
        pendingKind = 'quote';
      }
      continue;
    }
    const start = quoteStart(cleaned, i, own);
    if (start && !isFalseAlarm(cleaned, lines, i)) {
      let at = i;
      // Gmail wraps "On Mon, … Jane Doe <jane@x.edu>" / "wrote:" over two lines.
      if (isIntroTail(line, cleaned[i - 1])) at = i - 1;
      if (start.kind === 'stop') {
        if (pendingQuote >= 0) return { cut: pendingQuote, kind: pendingKind };
        return { cut: at, kind: FORWARD_WORDS.test(line.slice(0, 120)) ? 'forward' : 'reply' };
      }
      if (pendingQuote < 0) {
        pendingQuote = at;
        pendingKind = 'reply';
      }
      i += start.drop;
      continue;
    }
    pendingQuote = -1;
    own++;
  }
  return pendingQuote >= 0 ? { cut: pendingQuote, kind: pendingKind } : { cut: lines.length, kind: 'none' };
}

/** Lines without the blank lines at both ends, joined. */
export function joinTrimmed(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b).join('\n');
}
