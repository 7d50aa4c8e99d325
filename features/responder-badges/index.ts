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
import { ensureTicketStyles } from '../shared/styles';

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

export function badgeText(r: Responder): string {
  return r.name ? `${r.name} · ${ROLE_LABEL[r.role]}` : `${ROLE_LABEL[r.role]} responder`;
}

export function badgeTitle(r: Responder): string {
  return `Decided from ${SOURCE_LABEL[r.source]}: ${r.reason}`;
}

/** Our element directly inside `header` with this data-gta value, if any. */
function ownChild(header: Element, gta: string): HTMLElement | null {
  for (let child = header.firstElementChild; child; child = child.nextElementSibling) {
    if (child.getAttribute('data-gta') === gta) return child as HTMLElement;
  }
  return null;
}

export function renderBadges(doc: Document, env: Pick<FeatureEnv, 'settings'>): number {
  const { nodes, responders, unsigned } = analyzeTicket(doc, env.settings);
  // First render on a page with none of our marks yet: no need to look for existing ones per update.
  const fresh = !doc.querySelector('#updates [data-gta="responder-badge"], #updates [data-gta="unsigned-flag"]');
  let count = 0;
  // Cloning one prepared span is cheaper than 300 createElement calls on a cold page.
  let prototype: HTMLElement | null = null;
  nodes.updates.forEach((node, i) => {
    const header = node.header;
    const r = responders[i];
    if (!header || !r) return;
    let badge = fresh ? null : ownChild(header, 'responder-badge');
    const attrs: [string, string][] = [
      ['class', `gta-responder-badge gta-role-${r.role}`],
      ['data-gta-responder', r.name],
      ['data-gta-role', r.role],
      ['data-gta-source', r.source],
      ['title', badgeTitle(r)],
    ];
    if (!badge) {
      prototype ??= createElement(doc, 'span', { 'data-gta': 'responder-badge' });
      badge = prototype.cloneNode(false) as HTMLElement;
      for (const [name, value] of attrs) badge.setAttribute(name, value);
      badge.textContent = badgeText(r);
      // After the time and the "by" name, before the permalink anchor, so it reads as part of the header.
      const last = header.lastElementChild;
      header.insertBefore(badge, last && last.matches('a.anchor') ? last : header.querySelector(':scope > a.anchor'));
    } else {
      // Re-render: touch only what changed (no needless mutations for page observers).
      for (const [name, value] of attrs) setAttr(badge, name, value);
      setText(badge, badgeText(r));
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
  });
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
  init(env) {
    const doc = env.document;
    const updates = doc.querySelector('#updates');
    if (!updates) return;
    ensureTicketStyles(doc);
    mark('gta:responder-badges:start');
    analyzeTicket(doc, env.settings);
    mark('gta:responder-badges:analyzed');
    renderBadges(doc, env);
    mark('gta:responder-badges:done');
    removeOnInvalidated(env.ctx, doc, 'responder-badge');
    removeOnInvalidated(env.ctx, doc, 'unsigned-flag');
    observeChildren(env.ctx, updates, () => renderBadges(doc, env));
  },
};
