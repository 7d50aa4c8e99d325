/**
 * Who wrote a ticket update (issues 3 and 14). Evidence, in order of trust:
 *   1. the `by <b>NAME</b>` header (absent when FP's author was `goc`);
 *   2. the author trailer the GOC app appends (`-- by Name`, `by /DC=…/CN=First Last 12345`,
 *      `by email`, `by Name (guest)`; docs/goc-pages.md §5.3);
 *   3. a signature at the end of the author's own text: after a separator, after a closing in any
 *      of our users' languages ("Thanks,", "Mit freundlichen Grüßen", "Cordialement", "Mvh"), or a
 *      name over organisation, role, address or phone lines;
 *   4. a line near the end that is just a known person's name, alias or e-mail, optionally after a
 *      dash ("- BL"): team roster from settings, then the ticket's submitter.
 * Quoted text never decides: `>` lines, and the history after an e-mail client's introduction
 * (utils/responders/text.ts). When the header or trailer is only an address nobody knows and the
 * writer signed with a full name, the name is shown. Pure, total (never throws), linear time.
 *
 * Modules: responders/text.ts (own text, closings), names.ts (normalisation, name-likeness),
 * roster.ts (index and lookup), evidence.ts (trailer, signature, roster line).
 */
import { isNameLike, isOrganisationLine, nameKey } from './responders/names';
import { findRosterLine, findSignature, findTrailer, isTrailerLine } from './responders/evidence';
import { lookup, type ResponderIndex } from './responders/roster';
import { ownSegments, type OwnLine } from './responders/text';
import type { Found, Responder, ResponderContext, ResponderRole, ResponderSource, UpdateText } from './responders/types';

export type { Responder, ResponderContext, ResponderRole, ResponderSource, RosterPerson, UpdateText } from './responders/types';
export type { ResponderIndex } from './responders/roster';
export { buildResponderIndex } from './responders/roster';
export { isNameLike, localPartFitsName, nameFromDn, nameKey, normalizeName } from './responders/names';
export { ownLines } from './responders/text';

import { buildResponderIndex } from './responders/roster';

/** Segments searched for a signature, from the last one back (inline replies sign at the very end). */
const SEGMENTS_SEARCHED = 4;

const ROLE_WORD: Record<ResponderRole, string> = {
  software: 'Software team',
  'osg-staff': 'OSG staff',
  submitter: 'ticket submitter',
  unknown: 'not a known person',
};

const GOC_ACCOUNT = /^(osg-goc|goc)$/i;

function quote(text: string): string {
  const t = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `“${t}”`;
}

function decide(found: Found, source: Exclude<ResponderSource, 'none'>, index: ResponderIndex, what: string): Responder {
  const hit = lookup(index, found.name, source === 'signature' || source === 'roster');
  if (hit) {
    const role = hit.person.role;
    return {
      name: hit.person.name,
      role,
      source,
      reason: `${what} ${quote(found.evidence)}; ${hit.how} matches ${hit.person.name} (${ROLE_WORD[role]})`,
    };
  }
  const osgAccount = /^osg-goc$/i.test(found.name.trim());
  const role: ResponderRole = found.roleLine || osgAccount ? 'osg-staff' : 'unknown';
  const why = osgAccount
    ? 'the GOC operations account'
    : found.roleLine
      ? 'signed with an OSG role line'
      : 'not in the team roster and not the submitter';
  return { name: found.name, role, source, reason: `${what} ${quote(found.evidence)}; ${why} (${ROLE_WORD[role]})` };
}

/** Own text without the author trailer lines at its end (they are evidence of their own). */
function segmentsOf(body: string): OwnLine[][] {
  const segments = ownSegments(body);
  const last = segments[segments.length - 1];
  while (last && last.length > 0 && isTrailerLine(last[last.length - 1].text)) last.pop();
  return segments.filter((s) => s.length > 0);
}

/** The writer's signature or known name, from the last segment of own text back. */
function bodyEvidence(segments: OwnLine[][], index: ResponderIndex): Responder | null {
  for (let s = segments.length - 1; s >= Math.max(0, segments.length - SEGMENTS_SEARCHED); s -= 1) {
    const signature = findSignature(segments[s], index);
    if (signature) return decide(signature, 'signature', index, 'Signature');
    const rosterLine = findRosterLine(segments[s], index);
    if (rosterLine) return decide(rosterLine.found, 'roster', index, 'Known person on a closing line');
  }
  return null;
}

/**
 * Header or trailer evidence that is only an address nobody knows: a full name signed in the body
 * (or a known person) is shown instead, the address kept in the reason.
 */
function preferSignedName(byAddress: Responder, segments: OwnLine[][], index: ResponderIndex): Responder {
  if (byAddress.role !== 'unknown' || !byAddress.name.includes('@')) return byAddress;
  let signed = bodyEvidence(segments, index);
  if (!signed) {
    // A full name alone on the last line signs the text here (the address says who posted it).
    const lastSegment = segments[segments.length - 1] ?? [];
    const last = lastSegment[lastSegment.length - 1]?.text ?? '';
    if (isNameLike(last) && last.includes(' ') && !isOrganisationLine(last)) {
      signed = decide({ name: last.replace(/[,.]$/, ''), evidence: last }, 'signature', index, 'Signature');
    }
  }
  if (!signed || !signed.name) return byAddress;
  const fullName = signed.role !== 'unknown' || (signed.name.includes(' ') && !signed.name.includes('@'));
  if (!fullName || signed.role === 'osg-staff' && !lookup(index, signed.name, true)) return byAddress;
  return { ...signed, reason: `${signed.reason}; posted as ${byAddress.name}` };
}

/** Who wrote one update. Build the index once per ticket with buildResponderIndex(). */
export function identifyResponder(update: UpdateText, index: ResponderIndex): Responder {
  try {
    const header = typeof update?.byHeader === 'string' ? update.byHeader.trim() : '';
    // A known person in the header decides without reading the body (the common, cheap case)...
    if (header && !GOC_ACCOUNT.test(header)) {
      const known = lookup(index, header, false);
      if (known) return decide({ name: header, evidence: `by ${header}` }, 'header', index, 'Header');
    }
    const body = typeof update?.bodyText === 'string' ? update.bodyText : '';
    const trailer = findTrailer(body, index);
    const segments = segmentsOf(body);
    if (header && !GOC_ACCOUNT.test(header)) {
      const byHeader = decide({ name: header, evidence: `by ${header}` }, 'header', index, 'Header');
      if (byHeader.name.includes('@')) return preferSignedName(byHeader, segments, index);
      // Not a known person: their own signature may still carry an OSG role line.
      const signed = segments.length ? findSignature(segments[segments.length - 1], index) : null;
      if (signed?.roleLine && nameKey(signed.name) === nameKey(header)) {
        return { ...byHeader, role: 'osg-staff', reason: `${byHeader.reason.replace(/; .*$/, '')}; signed with an OSG role line (OSG staff)` };
      }
      return byHeader;
    }
    // OSG-GOC (new tickets, GOC-TX imports) and goc stamp the update for someone the trailer names.
    if (trailer) return preferSignedName(decide(trailer, 'trailer', index, 'Author trailer'), segments, index);
    const fromBody = bodyEvidence(segments, index);
    if (fromBody) return fromBody;
    if (header) return decide({ name: header, evidence: `by ${header}` }, 'header', index, 'Header');
    return { name: '', role: 'unknown', source: 'none', reason: 'No header, author trailer, signature or known name at the end' };
  } catch (error) {
    return { name: '', role: 'unknown', source: 'none', reason: `Could not read this update (${String(error)})` };
  }
}

export function identifyResponders(updates: readonly UpdateText[], ctx: ResponderContext): Responder[] {
  const index = buildResponderIndex(ctx);
  return updates.map((u) => identifyResponder(u, index));
}

/**
 * A staff-looking update nobody signed: no header, no trailer, no signature, no known name, and it is
 * not the ticket's opening description (that one is the submitter's request).
 */
export function isUnsignedUpdate(responder: Responder, isOpening: boolean): boolean {
  return responder.source === 'none' && !isOpening;
}

export function isStaffRole(role: ResponderRole): boolean {
  return role === 'software' || role === 'osg-staff';
}

