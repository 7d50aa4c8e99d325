/** Dates as people write them in wiki tables and JSON rotation files. */
import { isoFromParts, type IsoDate } from '../../time';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month number (1–12) from an English month name or its 3-letter (or "Sept") abbreviation. */
export function monthFromName(name: string): number | null {
  const key = name.trim().toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = MONTHS.findIndex((m) => key.startsWith(m));
  if (index < 0) return null;
  // "marchXYZ" must not pass: allow the abbreviation, "sept", or the full English name.
  const full = [
    'january', 'february', 'march', 'april', 'may', 'june',
    'july', 'august', 'september', 'october', 'november', 'december',
  ][index];
  return key === MONTHS[index] || key === 'sept' || key === full ? index + 1 : null;
}

/**
 * Dates as people write them in wiki tables and JSON files: `2012-02-13`, `2012/02/13`,
 * `13-Feb-2012`, `13 Feb 2012`, `13-Feb-12`, `Feb 13, 2012`, `Mon 13 Feb 2012`, ISO date-times
 * (their own date part is taken as written). Leading text such as a weekday is skipped; only the
 * first date of a range ("13-Feb-2012 - 17-Feb-2012") is used. Returns null when no date leads.
 */
export function parseLooseDate(text: string): IsoDate | null {
  // A date leads the text: its first few hundred characters (after blanks) are all that is read.
  const lead = text.length > 400 ? text.trimStart().slice(0, 400) : text;
  const s = lead
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-\s/.]+([A-Za-z]{3,9})\.?[-\s/.,]+(\d{4}|\d{2})(?![\d])/.exec(s);
  if (m) {
    const month = monthFromName(m[2]);
    if (month === null) return null;
    return isoFromParts(expandYear(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])/.exec(s);
  if (m) {
    const month = monthFromName(m[1]);
    if (month === null) return null;
    return isoFromParts(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

function expandYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}
