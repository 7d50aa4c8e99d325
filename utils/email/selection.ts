/**
 * A context-menu selection as an e-mail (issue 9). Chrome hands `selectionText` over with every line
 * break collapsed to a space, so "From: … Subject: … Hi team, …" arrives as one line and a parser
 * would read the whole message as the sender's name. This puts line breaks back where an e-mail's
 * structure says they were: before each header label near the start, after the subject (at a
 * greeting, else at the first sentence end, else after a few words), and around the quoted history
 * (`On … wrote:`, `-----Original Message-----`). Text that already has line breaks (Firefox keeps
 * them) is returned unchanged. Pure and linear: bounded windows, no backtracking patterns.
 */

/** Header labels looked for, each at most once, in the first part of the text. */
const LABELS = ['From', 'Sent', 'Date', 'To', 'Cc', 'Subject'];
const HEAD_WINDOW = 3000;
const SUBJECT_WINDOW = 200;
const GREETINGS = ['Hi', 'Hello', 'Dear', 'Hey', 'Greetings', 'Good morning', 'Good afternoon', 'Good evening', 'Hallo', 'Bonjour'];

export interface Unflattened {
  text: string;
  /** True when line breaks were put back (the caller says so to the user). */
  changed: boolean;
}

/** Where `label:` starts as a word (at the start or after a space) at or after `from`, or -1. */
function findLabel(text: string, label: string, from: number, end: number): number {
  const needle = `${label}: `;
  for (let at = text.indexOf(needle, from); at !== -1 && at < end; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || text[at - 1] === ' ') return at;
  }
  return -1;
}

/** Where the subject that starts at `start` most likely ends (the body's first character). */
function subjectEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + SUBJECT_WINDOW);
  let best = -1;
  for (const word of GREETINGS) {
    const at = text.indexOf(` ${word}`, start);
    const next = text[at + word.length + 1];
    if (at !== -1 && at < limit && (next === ' ' || next === ',' || next === undefined) && (best === -1 || at < best)) best = at;
  }
  if (best !== -1) return best + 1;
  for (let i = start; i < limit - 1; i++) {
    if ((text[i] === '.' || text[i] === '?' || text[i] === '!') && text[i + 1] === ' ') return i + 2;
  }
  // No clue: the first eight words.
  let at = start;
  for (let words = 0; words < 8 && at !== -1 && at < limit; words++) at = text.indexOf(' ', at + 1);
  return at === -1 || at >= limit ? Math.min(text.length, limit) : at + 1;
}

export function unflattenSelection(input: string): Unflattened {
  if (input.includes('\n') || input.includes('\r')) return { text: input, changed: false };
  const text = input.trim();
  const breaks = new Map<number, string>();
  const head = Math.min(text.length, HEAD_WINDOW);
  let subjectAt = -1;
  for (const label of LABELS) {
    const at = findLabel(text, label, 0, head);
    if (at === -1) continue;
    breaks.set(at, '\n');
    if (label === 'Subject') subjectAt = at;
  }
  if (breaks.size === 0) return { text: input, changed: false };
  if (subjectAt !== -1) breaks.set(subjectEnd(text, subjectAt + 'Subject: '.length), '\n\n');
  else {
    // Headers without a subject: the body starts after the last header's first few words.
    const last = Math.max(...breaks.keys());
    breaks.set(subjectEnd(text, text.indexOf(' ', last) + 1), '\n\n');
  }
  // Quoted history after the writer's words: "On <date>, <name> wrote:" and Outlook's separator.
  const bodyStart = Math.max(...breaks.keys());
  for (let at = text.indexOf(' wrote: ', bodyStart); at !== -1; at = text.indexOf(' wrote: ', at + 1)) {
    // Looked for only in the 300 characters before (a long run of "wrote:" stays linear).
    const from = Math.max(bodyStart, at - 300);
    const found = text.slice(from, at).lastIndexOf(' On ');
    const on = found === -1 ? -1 : from + found;
    if (on !== -1) {
      breaks.set(on + 1, '\n\n');
      breaks.set(at + ' wrote: '.length, '\n');
    }
  }
  const separator = '-----Original Message-----';
  for (let at = text.indexOf(separator, bodyStart); at !== -1; at = text.indexOf(separator, at + 1)) {
    breaks.set(at, '\n\n');
    breaks.set(at + separator.length, '\n');
  }
  let out = '';
  let from = 0;
  for (const at of [...breaks.keys()].sort((a, b) => a - b)) {
    if (at < from) continue;
    const piece = text.slice(from, at).trimEnd();
    out += piece + (out || piece ? breaks.get(at) : '');
    from = at;
    while (text[from] === ' ') from++;
  }
  out += text.slice(from);
  return { text: out, changed: true };
}
