/**
 * Responder summary above Past Updates (issue 3): who answered and how often, who answered last and
 * how long ago, time from creation to the first staff answer, and whose turn it is.
 * Shares the page reading with the badges (features/shared/ticket-analysis) but fails alone.
 */
import type { Feature, FeatureEnv } from '../types';
import {
  formatDuration,
  STATE_LABEL,
  summarizeResponders,
  type ResponderSummary,
} from '../../utils/responder-summary';
import { analyzeTicket } from '../shared/ticket-analysis';
import { observeChildren, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/ticket.css';
import { summaryView } from './SummaryView';
import { SELECTORS } from '../../utils/goc/selectors';

export function computeSummary(doc: Document, env: Pick<FeatureEnv, 'settings'>, now: number): ResponderSummary {
  const { ticket, responders, unsigned } = analyzeTicket(doc, env.settings);
  return summarizeResponders(
    ticket.updates.map((u, i) => ({ timeMs: u.timeMs, responder: responders[i], unsigned: unsigned[i] })),
    now,
  );
}

/** The container, created once right before `#updates` (its "Past Updates" legend is inside). */
function mountPoint(doc: Document, updates: Element): HTMLElement {
  const existing = doc.querySelector<HTMLElement>('[data-gta="responder-summary"]');
  if (existing) return existing;
  const box = doc.createElement('div');
  box.setAttribute('data-gta', 'responder-summary');
  box.className = 'gta-responder-summary';
  box.setAttribute('role', 'status');
  updates.parentNode?.insertBefore(box, updates);
  return box;
}

export function renderSummary(doc: Document, env: Pick<FeatureEnv, 'settings'>, now = Date.now()): HTMLElement | null {
  const updates = doc.querySelector(SELECTORS.updates);
  if (!updates) return null;
  const box = mountPoint(doc, updates);
  const summary = computeSummary(doc, env, now);
  box.setAttribute('data-gta-state', summary.state);
  box.replaceChildren(summaryView(doc, summary));
  return box;
}

export const responderSummary: Feature = {
  id: 'responder-summary',
  pages: ['ticket'],
  phase: 'ready',
  init(env) {
    const doc = env.document;
    const updates = doc.querySelector(SELECTORS.updates);
    if (!updates) return;
    renderSummary(doc, env);
    try {
      performance.mark('gta:responder-summary:done');
    } catch {
      // Diagnostics only (scripts/bench/ticket-badges.mjs).
    }
    removeOnInvalidated(env.ctx, doc, 'responder-summary');
    observeChildren(env.ctx, updates, () => renderSummary(doc, env));
    // "2 h ago" grows old: refresh once a minute (cheap: the page reading is cached).
    env.ctx.setInterval(() => renderSummary(doc, env), 60_000);
  },
};

export { formatDuration, STATE_LABEL };
