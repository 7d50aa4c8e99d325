/**
 * Responder badges (issue 3): each `#updates > .update_description` gets, in its `.header`, one
 * badge naming who wrote it (`data-gta="responder-badge"`) and, for a staff-looking update nobody
 * signed, an `unsigned-flag`. History and META blocks are siblings, never matched. Idempotent:
 * re-running updates the existing badge instead of adding another.
 */
import type { Feature, FeatureEnv } from '../types';
import type { Responder, ResponderRole } from '../../utils/responders';
import { analyzeTicket } from '../shared/ticket-analysis';
import { createElement, observeChildren, removeOnInvalidated, setAttr, setText } from '../shared/dom';
import '../shared/styles/ticket.css';
import { timeSlicer } from '../shared/yield';
import { SELECTORS } from '../../utils/goc/selectors';

const ROLE_LABEL: Record<ResponderRole, string> = {
  software: 'Software',
  'osg-staff': 'OSG staff',
  submitter: 'Submitter',
  unknown: 'Unknown',
};

const SOURCE_LABEL: Record<Responder['source'], string> = {
  header: 'the "by" header',
  trailer: 'the author trailer',
  signature: 'the signature',
  roster: 'a known name at the end',
  none: 'nothing on the page',
};

/** Bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI) and the direction marks. */
const BIDI_CONTROL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** A name carrying bidi controls goes inside FSI…PDI, so an unclosed override cannot reverse the role after it. */
function isolated(name: string): string {
  return BIDI_CONTROL.test(name) ? `\u2068${name}\u2069` : name;
}

export function badgeText(r: Responder): string {
  return r.name ? `${isolated(r.name)} · ${ROLE_LABEL[r.role]}` : `${ROLE_LABEL[r.role]} responder`;
}

export function badgeTitle(r: Responder): string {
  return `Decided from ${SOURCE_LABEL[r.source]}: ${r.reason}`;
}

/** The badge's width cap (ticket.css `.gta-badge-clip`), in em of its 11px bold text. */
export const BADGE_CAP_EM = 24;

/**
 * Only a badge whose text may reach the cap gets the clipping box; every other badge stays a plain
 * inline box, which is what keeps 300 badges cheap to lay out before the page's load event. The
 * width is estimated, never measured (measuring would force a layout): up to U+2E7F (Latin, Greek,
 * Cyrillic, Hebrew, Arabic…) 0.65em a character, above it (CJK, and each half of a surrogate pair)
 * 1em. Reads at most as many characters as the cap allows.
 */
export function badgeNeedsClip(text: string): boolean {
  if (text.length <= BADGE_CAP_EM) return false; // fits even at 1em a character
  let hundredths = 0; // whole numbers: no rounding at the cap
  for (let i = 0; i < text.length; i += 1) {
    hundredths += text.charCodeAt(i) < 0x2e80 ? 65 : 100;
    if (hundredths > BADGE_CAP_EM * 100) return true;
  }
  return false;
}

export function badgeClass(r: Responder, text: string): string {
  return `gta-responder-badge gta-role-${r.role}${badgeNeedsClip(text) ? ' gta-badge-clip' : ''}`;
}

/** Our element directly inside `header` with this data-gta value, if any. */
function ownChild(header: Element, gta: string): HTMLElement | null {
  for (let child = header.firstElementChild; child; child = child.nextElementSibling) {
    if (child.getAttribute('data-gta') === gta) return child as HTMLElement;
  }
  return null;
}

/** Badges for updates [from, to) of the analysed page; returns how many were placed. */
function renderRange(doc: Document, analysis: ReturnType<typeof analyzeTicket>, from: number, to: number, fresh: boolean): number {
  const { nodes, responders, unsigned } = analysis;
  let count = 0;
  // Cloning one prepared span is cheaper than 300 createElement calls on a cold page.
  let prototype: HTMLElement | null = null;
  for (let i = from; i < to; i += 1) {
    const header = nodes.updates[i]?.header;
    const r = responders[i];
    if (!header || !r) continue;
    let badge = fresh ? null : ownChild(header, 'responder-badge');
    const text = badgeText(r);
    const attrs: [string, string][] = [
      ['class', badgeClass(r, text)],
      ['data-gta-responder', r.name],
      ['data-gta-role', r.role],
      ['data-gta-source', r.source],
      ['title', badgeTitle(r)],
    ];
    if (!badge) {
      prototype ??= createElement(doc, 'span', { 'data-gta': 'responder-badge' });
      badge = prototype.cloneNode(false) as HTMLElement;
      for (const [name, value] of attrs) badge.setAttribute(name, value);
      badge.textContent = text;
      // After the time and the "by" name, before the permalink anchor, so it reads as part of the header.
      const last = header.lastElementChild;
      header.insertBefore(badge, last && last.matches('a.anchor') ? last : header.querySelector(':scope > a.anchor'));
    } else {
      // Re-render: touch only what changed (no needless mutations for page observers).
      for (const [name, value] of attrs) setAttr(badge, name, value);
      setText(badge, text);
    }
    count += 1;

    let flag = fresh ? null : ownChild(header, 'unsigned-flag');
    if (unsigned[i]) {
      if (!flag) {
        flag = createElement(doc, 'span', { 'data-gta': 'unsigned-flag', class: 'gta-unsigned-flag' }, 'unsigned');
        flag.title = 'No "by" header, author trailer or signature names who wrote this update. Staff should sign every update.';
        badge.after(flag);
      }
    } else {
      flag?.remove();
    }
  }
  return count;
}

function hasOurMarks(doc: Document): boolean {
  return doc.querySelector('#updates [data-gta="responder-badge"], #updates [data-gta="unsigned-flag"]') !== null;
}

/** Every badge at once (re-renders after the page changes its update list, and tests). */
export function renderBadges(doc: Document, env: Pick<FeatureEnv, 'settings'>): number {
  const analysis = analyzeTicket(doc, env.settings);
  // First render on a page with none of our marks yet: no need to look for existing ones per update.
  return renderRange(doc, analysis, 0, analysis.nodes.updates.length, !hasOurMarks(doc));
}

/** Updates between two chances to yield (a fraction of a millisecond of work). */
export const BADGES_PER_STEP = 20;

/**
 * The first render: the page is read once, then badges go in steps, top of the page (the newest
 * updates, what is on screen) first; between steps `maybeYield` may give the page a turn (see
 * timeSlicer: only once a slice has used its time budget).
 */
export async function renderBadgesInSlices(
  doc: Document,
  env: Pick<FeatureEnv, 'settings'>,
  maybeYield: () => Promise<void> = timeSlicer(),
  isInvalid: () => boolean = () => false,
): Promise<number> {
  const analysis = analyzeTicket(doc, env.settings);
  const fresh = !hasOurMarks(doc);
  let count = 0;
  for (let from = 0; from < analysis.nodes.updates.length; from += BADGES_PER_STEP) {
    if (from > 0) {
      await maybeYield();
      if (isInvalid()) return count;
      // The page replaced its updates meanwhile: the observer re-renders them all.
      if (analyzeTicket(doc, env.settings) !== analysis) return count;
    }
    count += renderRange(doc, analysis, from, Math.min(from + BADGES_PER_STEP, analysis.nodes.updates.length), fresh);
  }
  return count;
}

/** Performance marks let scripts/bench/ticket-badges.mjs split the time (no-op where unsupported). */
function mark(name: string) {
  try {
    performance.mark(name);
  } catch {
    // Marks are diagnostics only.
  }
}

export const responderBadges: Feature = {
  id: 'responder-badges',
  pages: ['ticket'],
  phase: 'ready',
  async init(env) {
    const doc = env.document;
    const updates = doc.querySelector(SELECTORS.updates);
    if (!updates) return;
    // The runner marks gta:responder-badges:start; these split the time for the bench.
    analyzeTicket(doc, env.settings);
    mark('gta:responder-badges:analyzed');
    await renderBadgesInSlices(doc, env, env.maybeYield ?? timeSlicer(), () => env.ctx.isInvalid);
    mark('gta:responder-badges:done');
    removeOnInvalidated(env.ctx, doc, 'responder-badge');
    removeOnInvalidated(env.ctx, doc, 'unsigned-flag');
    observeChildren(env.ctx, updates, () => renderBadges(doc, env));
  },
};
