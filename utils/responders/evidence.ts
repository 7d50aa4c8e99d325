/**
 * Evidence in an update body: the author trailer the GOC app appends (docs/goc-pages.md §5.3), the signature
 * at the end of the author's own text, and a closing line that names a known person. Only the
 * last lines are read, each through bounded string operations (linear on any input).
 */
import { isNameLike, isOrganisationLine, nameFromDn, personName } from './names';
import { lookup, type ResponderIndex } from './roster';
import { isHistoryLine, lastLines, isQuoted, matchClosing, type OwnLine } from './text';
import type { Found, Lookup } from './types';

/** How many non-empty lines at the end of a segment may hold a signature. */
const SIGNATURE_WINDOW = 10;
const TRAILER_WINDOW = 3;
/** Longest signature paragraph read as a block (name + organisation, role, address, phone lines). */
const BLOCK_LINES = 7;

export const ROLE_LINE =
  /\b(OSG|Open Science Grid|GOC|Grid Operations Cent(?:er|re)|Software Support|Software Team|Operations Team|Support Team|Security Team)\b/i;

export function isRoleLine(line: string | undefined): boolean {
  return !!line && line.length <= 60 && ROLE_LINE.test(line);
}

export function isSeparator(line: string): boolean {
  if (line.length > 80) return false;
  return /^(?:-{2,}|_{5,}|={5,})$/.test(line);
}

const GOCTX_SOURCE = /^GOCTX Source\s*:/i;

/** `-- by Name [at <date>]`, `by /DC=…/CN=…`, `by address`, `by Name (guest)`: the name, or null. */
function trailerName(line: string, seen: number, index?: ResponderIndex): string | null {
  if (line.length > 2000) return null;
  if (line.startsWith('--')) {
    const rest = line.slice(2).trimStart();
    if (!/^by\s/i.test(rest)) return null;
    let name = rest.slice(3).trim();
    // "-- by Rosa Garcia at 2014-03-01 10:00 UTC"
    const at = name.lastIndexOf(' at ');
    if (at > 0 && /\d/.test(name.slice(at))) name = name.slice(0, at).trim();
    return name || null;
  }
  if (!/^by\s/i.test(line)) return null;
  const rest = line.slice(3).trim();
  if (rest.startsWith('/') && rest.includes('CN=')) return nameFromDn(rest) || null;
  if (rest.includes('@')) {
    if (!/\s/.test(rest)) return rest;
    // The server appends `by <address>` as the very last line; there even a broken or hostile
    // address with spaces counts. Higher up only a known address or a guest-masked `local@....`.
    const lastWord = rest.slice(rest.lastIndexOf('@'));
    if (!/\s/.test(lastWord) && (seen === 0 || (index && lookup(index, rest, false)) || rest.endsWith('@....'))) return rest;
  }
  if (rest.endsWith('(guest)')) {
    const name = rest.slice(0, -'(guest)'.length).trim();
    return name || null;
  }
  return null;
}

export function isTrailerLine(line: string): boolean {
  return trailerName(line, 0) !== null;
}

export function findTrailer(bodyText: string, index?: ResponderIndex): Found | null {
  // FP history and GOCTX lines may follow the trailer; a few dozen lines back is plenty.
  const lines = lastLines(bodyText, 40);
  for (let i = 0, seen = 0; i < lines.length && seen < TRAILER_WINDOW; i += 1) {
    const line = lines[i];
    if (isQuoted(line) || isHistoryLine(line) || GOCTX_SOURCE.test(line.slice(0, 20))) continue;
    const name = trailerName(line, seen, index);
    if (name) return { name, evidence: line };
    seen += 1;
  }
  return null;
}

/** Short lines under a name: organisation, role, address, phone, e-mail, URL; never a sentence. */
function isContactLine(line: string): boolean {
  if (line.length > 90 || matchClosing(line) || /[?!:]$/.test(line)) return false;
  const words = line.split(' ').length;
  if (line.endsWith('.') && words > 3) return false;
  if (isOrganisationLine(line) || /@|https?:\/\/|www\.|\d{3}/.test(line)) return true;
  return words <= 8 && !line.endsWith('.') && !/\b(I|we|you|please|is|are|was)\b/i.test(line);
}

/** The signature block in one segment of own text, closest to the end. */
export function findSignature(segment: OwnLine[], index: ResponderIndex): Found | null {
  const lines = segment.map((l) => l.text);
  const known = (t: string) => lookup(index, t, true) !== null;
  // Past either end lines[i] is undefined, and personName reads that as no name.
  const nameAt = (i: number) => personName(lines[i], known);
  const start = Math.max(0, lines.length - SIGNATURE_WINDOW);
  for (let i = lines.length - 1; i >= start; i -= 1) {
    const line = lines[i];
    // 1. Separator, then a name (optionally a role line after it).
    if (isSeparator(line)) {
      const next = lines[i + 1];
      // Separator, a line, an OSG role line: that line is the name whatever it looks like.
      if (next && isRoleLine(lines[i + 2]) && !ROLE_LINE.test(next) && next.length <= 200 && !isSeparator(next)) {
        const name = personName(next, known) || next;
        return { name, evidence: lines.slice(i, i + 3).join(' / '), roleLine: true };
      }
      const name = nameAt(i + 1);
      if (name) return { name, evidence: lines.slice(i, i + 3).join(' / '), roleLine: isRoleLine(lines[i + 2]) };
      if (isRoleLine(next)) return { name: next, evidence: lines.slice(i, i + 2).join(' / '), roleLine: true };
    }
    // 2. A closing, with the name on the same line ("Cheers, Mat") or the next ("Thanks,\nMat").
    const closing = matchClosing(line);
    if (closing) {
      if (closing.rest) {
        const name = personName(closing.rest, known);
        if (name) return { name, evidence: line };
      } else {
        const name = nameAt(i + 1);
        if (name) return { name, evidence: `${line} ${lines[i + 1]}`, roleLine: isRoleLine(lines[i + 2]) };
        const next = lines[i + 1];
        if (isRoleLine(next) && i + 2 >= lines.length) return { name: next, evidence: `${line} ${next}`, roleLine: true };
      }
    }
  }
  // 3. The last paragraph is a signature block: a name over (or under) organisation/contact lines.
  let p = lines.length - 1;
  while (p > 0 && !segment[p].blankBefore) p -= 1;
  const block = lines.slice(p);
  // Only a paragraph of its own (after a blank line or a quote): "Please retry.\nJane Smith" is not a block.
  if (block.length >= 2 && block.length <= BLOCK_LINES && segment[p].blankBefore) {
    const first = personName(block[0], known);
    if (first && block.slice(1).every(isContactLine)) {
      return { name: first, evidence: block.slice(0, 3).join(' / '), roleLine: block.slice(1).some(isRoleLine) };
    }
    const last = personName(block[block.length - 1], known);
    if (last && block.slice(0, -1).every(isContactLine) && !block.slice(0, -1).some((l) => personName(l, known))) {
      return { name: last, evidence: block.slice(-3).join(' / '), roleLine: block.slice(0, -1).some(isRoleLine) };
    }
  }
  // 4. A name directly above an OSG role line, without a separator.
  for (let i = lines.length - 1; i >= Math.max(1, start); i -= 1) {
    if (isRoleLine(lines[i])) {
      const name = nameAt(i - 1);
      // (A separator line is never a name: personName drops dashes, and = or _ are not name characters.)
      if (name) return { name, evidence: `${lines[i - 1]} / ${lines[i]}`, roleLine: true };
    }
  }
  // 5. One line "Name, organisation" / "Name | organisation" closing the text.
  const lastLine = lines[lines.length - 1];
  // (personName refuses a line over 120 characters, so a separator further right never names anyone.)
  if (lastLine && /( \| | - | – |, )/.test(lastLine)) {
    const name = personName(lastLine, known);
    if (name && name !== lastLine && isNameLike(name) && name.includes(' ')) return { name, evidence: lastLine };
  }
  return null;
}

/** A line near the end that is only a known person's name, alias or e-mail. */
export function findRosterLine(segment: OwnLine[], index: ResponderIndex): { found: Found; hit: Lookup } | null {
  const lines = segment.map((l) => l.text);
  const start = Math.max(0, lines.length - SIGNATURE_WINDOW);
  for (let i = lines.length - 1; i >= start; i -= 1) {
    const raw = lines[i];
    if (raw.length > 200) continue;
    const line = raw.replace(/^[-–—~]+\s*/, '').replace(/[,.!]$/, '');
    if (/^(hi|hello|dear|hey)\b/i.test(line)) continue;
    const hit = lookup(index, line, true);
    if (hit) return { found: { name: line, evidence: raw }, hit };
    for (const [email] of line.matchAll(/[\w.+-]{1,64}@[\w.-]{1,100}\.[a-z]{2,10}/gi)) {
      const byEmail = lookup(index, email, false);
      if (byEmail) return { found: { name: email, evidence: raw }, hit: byEmail };
    }
  }
  return null;
}
