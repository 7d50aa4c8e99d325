/**
 * Pulling a person out of the text calendars and wiki tables use: "Triage: Alain Roy",
 * "Alain Roy (triage)", "Main.AlainRoy", "Alain Roy <roy@example.org>". Pure string work.
 */

export interface PersonRef {
  person: string;
  email?: string;
}

/**
 * Longest summary or cell read for a person: names, even with an e-mail and a duty label, are far
 * shorter; longer text (a pasted page, a hostile feed) names nobody and is not scanned at all.
 */
export const MAX_PERSON_TEXT = 500;

/** Words that mark an event or a column as being about the triage rotation. */
const DUTY_WORDS = String.raw`(?:software\s+)?(?:support\s+)?(?:triage|on[-\s]?call|duty|rotation)(?:\s+(?:duty|rotation|shift|week))?`;
const SEP = String.raw`\s*(?:[:|/–—-]|\s-\s)\s*`;
const LEADING = new RegExp(String.raw`^${DUTY_WORDS}${SEP}(.+)$`, 'i');
const TRAILING = new RegExp(String.raw`^(.+?)${SEP}${DUTY_WORDS}$`, 'i');
const PAREN_AFTER = new RegExp(String.raw`^(.+?)\s*[([]\s*${DUTY_WORDS}\s*[)\]]$`, 'i');
const PAREN_INSIDE = new RegExp(String.raw`^${DUTY_WORDS}\s*[([]\s*(.+?)\s*[)\]]$`, 'i');
const ON_DUTY = new RegExp(String.raw`^(.+?)\s+(?:is\s+)?on\s+${DUTY_WORDS}$`, 'i');
const ONLY_DUTY = new RegExp(String.raw`^${DUTY_WORDS}$`, 'i');
const MENTIONS_DUTY = /\b(triage|on[-\s]?call|duty|rotation)\b/i;

export function mentionsDuty(text: string): boolean {
  return MENTIONS_DUTY.test(text);
}

/** True when the text is only a duty label ("Triage", "Triage duty") with no person in it. */
export function isDutyLabelOnly(text: string): boolean {
  return ONLY_DUTY.test(text.trim());
}

/**
 * The person named in an event summary. `dedicated` = the calendar holds only rotation events, so a
 * bare summary ("Alain Roy") is the person. Returns null when no person can be read.
 */
export function personFromSummary(summary: string, dedicated: boolean): PersonRef | null {
  if (summary.length > MAX_PERSON_TEXT) return null;
  const text = summary.replace(/\s+/g, ' ').trim();
  if (!text || isDutyLabelOnly(text)) return null;
  for (const pattern of [PAREN_INSIDE, PAREN_AFTER, LEADING, TRAILING, ON_DUTY]) {
    const m = pattern.exec(text);
    if (m && !isDutyLabelOnly(m[1])) return cleanPerson(m[1]);
  }
  return dedicated ? cleanPerson(text) : null;
}

/** "Alain Roy <roy@x.org>", "mailto:roy@x.org", '"Roy, Alain"' → {person, email}. */
export function cleanPerson(raw: string): PersonRef | null {
  if (raw.length > MAX_PERSON_TEXT) return null;
  let text = raw.replace(/\s+/g, ' ').trim().replace(/^mailto:/i, '');
  let email: string | undefined;
  const angle = /^(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(text);
  if (angle) {
    email = angle[2].toLowerCase();
    text = angle[1];
  } else {
    const paren = /^(.*?)\s*\(\s*([^()\s]+@[^()\s]+)\s*\)\s*$/.exec(text);
    if (paren) {
      email = paren[2].toLowerCase();
      text = paren[1];
    }
  }
  text = trimTrailing(text.replace(/^["“‘'](.*)["”’']$/, '$1')).trim();
  if (!text && email) text = email;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    email = email ?? text.toLowerCase();
    text = text.toLowerCase();
  }
  // "Roy, Alain" (directory order) → "Alain Roy"
  const comma = /^([\p{L}'’-]+),\s*([\p{L}'’.-]+(?: [\p{L}'’.-]+)?)$/u.exec(text);
  if (comma) text = `${comma[2]} ${comma[1]}`;
  if (!text || isPlaceholder(text)) return null;
  return email ? { person: text, email } : { person: text };
}

/** `[\s,;:]+$` as a loop: the regex retries from every character of a long run. */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s,;:]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** Cells that mean "nobody yet". */
export function isPlaceholder(text: string): boolean {
  return /^(tbd|tba|n\/?a|none|nobody|-+|–|—|\?+|x|…|\.\.\.)$/i.test(text.trim());
}

/** "AlainRoy" → "Alain Roy"; "MatSelmeci2" → "Mat Selmeci2". Leaves other text alone. */
export function splitWikiName(word: string): string {
  if (!/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(word)) return word;
  return word.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}
