/**
 * Expert suggestions (issue 3, issue 8): people from settings `experts` whose keywords occur in the title or
 * bodies (`data-gta="expert-suggestions"`, one item per person with the matched topics and, when the expert
 * entry names one, the person's team). In the editor a click assigns that person through the page's own
 * assignee lists (features/shared/assignees.ts): a box ticked in a checklist team, a row added in an
 * autocomplete (fblist) team, found by the roster's Footprints id or else by display name. It touches
 * nothing else and says when no list has the person.
 */
import type { Feature, FeatureEnv } from '../types';
import { sameDisplayName, suggestExperts, type ExpertSuggestion } from '../../utils/experts';
import { parseTicket } from '../../utils/goc/ticket';
import type { Settings } from '../../utils/settings';
import { createElement, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/update.css';
import { assignPerson, type AssignResult } from '../shared/assignees';
import { SELECTORS } from '../../utils/goc/selectors';

/** The team labels of the expert entries that brought this person up (issue 8: experts from other teams). */
export function expertTeams(experts: Settings['experts'], s: ExpertSuggestion): string[] {
  const topics = new Set(s.topics.map((t) => t.topic));
  const teams: string[] = [];
  for (const e of experts) {
    const team = (e.team ?? '').trim();
    if (team && topics.has(e.topic) && (e.people ?? []).some((p) => sameDisplayName(p, s.person)) && !teams.includes(team)) teams.push(team);
  }
  return teams;
}

/** The roster's Footprints id for a display name (name or alias), if the team file gives one. */
export function rosterFootprintsId(team: Settings['team'], person: string): string | undefined {
  const member = team.find((m) => sameDisplayName(m.name, person) || (m.aliases ?? []).some((a) => sameDisplayName(a, person)));
  return member?.footprintsId || undefined;
}

export function statusText(person: string, r: AssignResult): string {
  switch (r.state) {
    case 'ticked':
      return `Ticked ${person} in ${r.team}. Press Update to save.`;
    case 'added':
      return `Added ${person} to ${r.team}. Press Update to save.`;
    case 'already':
      return `${person} is already assigned (${r.team}).`;
    default:
      return `No assignee box for "${person}" on this page: add them by hand.`;
  }
}

function describe(s: ExpertSuggestion): string {
  return s.topics.map((t) => `${t.topic} (${t.keywords.join(', ')})`).join('; ');
}

export function mountExperts(env: Pick<FeatureEnv, 'document' | 'settings'>): HTMLElement | null {
  const doc = env.document;
  doc.querySelector('[data-gta="expert-suggestions"]')?.remove();
  const experts = env.settings.experts ?? [];
  if (experts.length === 0) return null; // nothing configured: stay out of the way
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
      const teams = expertTeams(experts, s);
      const label = (holder: HTMLElement) => {
        holder.append(s.person);
        if (teams.length) holder.append(createElement(doc, 'span', { class: 'gta-expert-team' }, ` (${teams.join(', ')})`));
        holder.append(`: ${describe(s)}`);
      };
      if (teams.length) li.setAttribute('data-gta-team', teams.join(', '));
      if (editor) {
        const button = createElement(doc, 'button', { type: 'button', class: 'gta-expert', title: `Assign ${s.person} in the assignee lists` });
        label(button);
        const status = createElement(doc, 'span', { class: 'gta-expert-status', 'aria-live': 'polite' });
        button.addEventListener('click', (e) => {
          e.preventDefault();
          const result = assignPerson(doc, { name: s.person, footprintsId: rosterFootprintsId(env.settings.team ?? [], s.person), team: teams[0] });
          li.setAttribute('data-gta-state', result.state);
          status.textContent = statusText(s.person, result);
        });
        li.append(button, status);
      } else {
        label(li);
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
