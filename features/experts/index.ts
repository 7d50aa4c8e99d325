/**
 * Expert suggestions (issue 3): people from settings `experts` whose keywords occur in the title or
 * bodies (`data-gta="expert-suggestions"`, one item per person with the matched topics). In the
 * editor a click ticks that person's assignee checkbox, found by display name in the
 * `#team_N__list` labels (docs/goc-pages.md §7.1; ids contain brackets, so never built into selectors), and
 * touches no other box. When no box matches, it says so.
 */
import type { Feature, FeatureEnv } from '../types';
import { sameDisplayName, suggestExperts, type ExpertSuggestion } from '../../utils/experts';
import { parseTicket } from '../../utils/goc/ticket';
import { createElement, removeOnInvalidated } from '../shared/dom';
import { ensureTicketStyles } from '../shared/styles';
import { SELECTORS } from '../../utils/goc/selectors';

export type TickResult =
  | { state: 'ticked'; team: string }
  | { state: 'already'; team: string }
  | { state: 'missing' };

function teamName(list: Element): string {
  // `b.teamname` heads each list (it precedes the list in its column).
  let prev = list.previousElementSibling;
  while (prev && !prev.matches('b.teamname')) prev = prev.previousElementSibling;
  return (prev?.textContent ?? list.id).trim();
}

/** Ticks the person's box in the first checklist that has them; never touches another box. */
export function tickAssignee(doc: Document, person: string): TickResult {
  const lists = Array.from(doc.querySelectorAll('[id^="team_"][id$="__list"]'));
  // Already assigned anywhere (a checked box, or a selected fblist entry)?
  for (const list of lists) {
    for (const input of Array.from(list.querySelectorAll<HTMLInputElement>('input[name^="team_"]'))) {
      const holder = input.closest('.item') ?? input.parentElement;
      const label = holder?.querySelector('label')?.textContent ?? (input.type === 'hidden' ? holder?.textContent ?? '' : '');
      if (!sameDisplayName(label, person)) continue;
      if (input.type === 'hidden' || input.checked) return { state: 'already', team: teamName(list) };
    }
  }
  for (const list of lists) {
    for (const item of Array.from(list.querySelectorAll('.item'))) {
      const input = item.querySelector<HTMLInputElement>('input[type="checkbox"][name^="team_"]');
      const label = item.querySelector('label');
      if (!input || !label || !sameDisplayName(label.textContent ?? '', person)) continue;
      input.checked = true;
      item.classList.add('checked');
      // `change` (not `click`): the page toggles the box on item clicks, which would undo ours.
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return { state: 'ticked', team: teamName(list) };
    }
  }
  return { state: 'missing' };
}

function describe(s: ExpertSuggestion): string {
  return s.topics.map((t) => `${t.topic} (${t.keywords.join(', ')})`).join('; ');
}

export function mountExperts(env: Pick<FeatureEnv, 'document' | 'settings'>): HTMLElement | null {
  const doc = env.document;
  doc.querySelector('[data-gta="expert-suggestions"]')?.remove();
  const experts = env.settings.experts ?? [];
  if (experts.length === 0) return null; // nothing configured: stay out of the way
  ensureTicketStyles(doc);
  const ticket = parseTicket(doc);
  const suggestions = suggestExperts(experts, [ticket.title, ...ticket.updates.map((u) => u.bodyText)]);
  const editor = ticket.mode === 'editor';

  const box = createElement(doc, 'div', {
    'data-gta': 'expert-suggestions',
    class: 'gta-expert-suggestions',
    'data-gta-count': String(suggestions.length),
  });
  box.append(createElement(doc, 'strong', {}, 'Suggested experts'));
  if (suggestions.length === 0) {
    box.append(createElement(doc, 'div', { class: 'gta-expert-none' }, 'No expert topic matches this ticket.'));
  } else {
    const list = createElement(doc, 'ul');
    for (const s of suggestions) {
      const li = createElement(doc, 'li', { 'data-gta-person': s.person, 'data-gta-topics': s.topics.map((t) => t.topic).join(', ') });
      const text = `${s.person}: ${describe(s)}`;
      if (editor) {
        const button = createElement(doc, 'button', { type: 'button', class: 'gta-expert', title: `Tick ${s.person} in the assignee lists` }, text);
        const status = createElement(doc, 'span', { class: 'gta-expert-status', 'aria-live': 'polite' });
        button.addEventListener('click', (e) => {
          e.preventDefault();
          const result = tickAssignee(doc, s.person);
          li.setAttribute('data-gta-state', result.state);
          status.textContent =
            result.state === 'ticked'
              ? `Ticked ${s.person} in ${result.team}. Press Update to save.`
              : result.state === 'already'
                ? `${s.person} is already assigned (${result.team}).`
                : `No assignee box for "${s.person}" on this page: add them by hand.`;
        });
        li.append(button, status);
      } else {
        li.textContent = text;
      }
      list.append(li);
    }
    box.append(list);
  }
  // Beside the assignees: after the first "Assignees" legend's block, else above Past Updates.
  const assignees = Array.from(doc.querySelectorAll('div.assignee'));
  const anchor = doc.querySelector('form#ticket_form .row-fluid.control-group') ?? assignees[assignees.length - 1] ?? null;
  if (anchor?.parentNode) anchor.parentNode.insertBefore(box, anchor.nextSibling);
  else {
    const updates = doc.querySelector(SELECTORS.updates);
    if (updates?.parentNode) updates.parentNode.insertBefore(box, updates);
    else return null;
  }
  return box;
}

export const expertSuggestions: Feature = {
  id: 'experts',
  pages: ['ticket'],
  init(env) {
    mountExperts(env);
    removeOnInvalidated(env.ctx, env.document, 'expert-suggestions');
  },
};
