import type { ResponderSummary } from '../../utils/responder-summary';
import { formatDuration, STATE_LABEL } from '../../utils/responder-summary';
import { createElement } from '../shared/dom';

const ROLE_WORD = { software: 'Software', 'osg-staff': 'OSG staff', submitter: 'submitter', unknown: 'unknown' } as const;

/**
 * The summary's content. Built with DOM calls (no UI library in the ticket script: it stays small);
 * every name comes from the page and goes in as text.
 */
export function summaryView(doc: Document, summary: ResponderSummary): HTMLElement {
  if (summary.total === 0) return createElement(doc, 'span', { class: 'gta-summary-empty' }, 'No updates yet.');
  const root = doc.createElement('div');
  root.append(createElement(doc, 'span', { class: 'gta-summary-state', 'data-gta-state': summary.state }, STATE_LABEL[summary.state]));
  const last = summary.last;
  if (last) {
    const ago = last.agoMs !== null ? `, ${formatDuration(last.agoMs)} ago` : '';
    root.append(
      createElement(doc, 'span', { class: 'gta-summary-last', 'data-gta-last': last.name }, `Last answer: ${last.name} (${ROLE_WORD[last.role]})${ago}.`),
    );
  }
  root.append(' ');
  const first = summary.firstStaffAnswer;
  root.append(
    createElement(
      doc,
      'span',
      { class: 'gta-summary-first-answer' },
      first
        ? `First staff answer ${formatDuration(first.afterMs)} after the ticket was opened (${first.name || 'unsigned'}).`
        : 'No staff answer yet.',
    ),
  );
  if (summary.unsignedCount > 0) {
    const n = summary.unsignedCount;
    root.append(createElement(doc, 'span', { class: 'gta-summary-unsigned' }, ` ${n} unsigned update${n > 1 ? 's' : ''}.`));
  }
  const list = createElement(doc, 'ul', { class: 'gta-summary-responders', 'aria-label': 'Responders' });
  for (const r of summary.responders) {
    const item = createElement(doc, 'li', { 'data-gta-responder': r.name, 'data-gta-role': r.role, 'data-gta-count': String(r.count) });
    item.append(createElement(doc, 'span', { class: `gta-summary-chip gta-role-${r.role}` }, r.name), ` × ${r.count}`);
    list.append(item);
  }
  root.append(list);
  return root;
}
