/**
 * The triage panel's elements (plain DOM: the triage script carries no UI library). Every text goes
 * in through textContent or an attribute, never as HTML: names, topics and team labels come from the
 * page and from settings. Buttons are `type="button"` and inputs have no `name`, so nothing of ours is
 * ever submitted with the page's form.
 */
import { describeLoad, type OwnerCandidate } from '../../utils/triage/owners';
import type { DeadlinePreset } from '../../utils/triage/deadline';
import { createElement } from '../shared/dom';

export interface PanelParts {
  root: HTMLElement;
  summary: HTMLElement;
  toggle: HTMLButtonElement;
  body: HTMLElement;
  search: HTMLInputElement;
  owners: HTMLUListElement;
  empty: HTMLElement;
  chosen: HTMLElement;
  nextAction: HTMLInputElement;
  presets: HTMLElement;
  nad: HTMLInputElement;
  nadPresets: HTMLElement;
  note: HTMLInputElement;
  apply: HTMLButtonElement;
  undo: HTMLButtonElement;
  status: HTMLElement;
}

const BODY_ID = 'gta-triage-body';

export function buildPanel(doc: Document, nextActions: readonly string[]): PanelParts {
  const el = createElement;
  const root = el(doc, 'div', { 'data-gta': 'triage-panel', class: 'gta-triage', role: 'region', 'aria-label': 'Triage' });
  const head = el(doc, 'div', { class: 'gta-triage-head' });
  const summary = el(doc, 'span', { class: 'gta-triage-summary' });
  const toggle = el(doc, 'button', { type: 'button', class: 'btn btn-mini gta-triage-toggle', 'data-gta': 'triage-toggle', 'aria-controls': BODY_ID });
  head.append(el(doc, 'strong', {}, 'Triage'), summary, toggle);

  const body = el(doc, 'div', { class: 'gta-triage-body', id: BODY_ID });
  const search = el(doc, 'input', {
    type: 'search',
    'data-gta': 'triage-owner-search',
    class: 'gta-triage-search',
    placeholder: 'Search people, topics, teams',
    'aria-label': 'Search owners',
    autocomplete: 'off',
  });
  const owners = el(doc, 'ul', { class: 'gta-triage-owners', 'aria-label': 'Owners' });
  const empty = el(doc, 'p', { class: 'gta-triage-empty', hidden: '' }, 'Nobody matches.');
  const chosen = el(doc, 'p', { class: 'gta-triage-chosen' });
  const ownersRow = el(doc, 'div', { class: 'gta-triage-row' });
  ownersRow.append(el(doc, 'span', { class: 'gta-triage-label' }, 'Owners'), search);

  const nextAction = el(doc, 'input', {
    type: 'text',
    'data-gta': 'triage-next-action',
    class: 'gta-triage-input',
    list: 'gta-triage-next-actions',
    'aria-label': 'Next Action',
    autocomplete: 'off',
  });
  const datalist = el(doc, 'datalist', { id: 'gta-triage-next-actions' });
  const presets = el(doc, 'span', { class: 'gta-triage-presets' });
  for (const preset of nextActions) {
    datalist.append(el(doc, 'option', { value: preset }));
    presets.append(el(doc, 'button', { type: 'button', class: 'btn btn-mini', 'data-gta': 'triage-next-action-preset', 'data-gta-preset': preset }, preset));
  }
  const naRow = el(doc, 'div', { class: 'gta-triage-row' });
  naRow.append(el(doc, 'span', { class: 'gta-triage-label' }, 'Next Action'), nextAction, datalist, presets);

  const nad = el(doc, 'input', { type: 'text', 'data-gta': 'triage-nad', class: 'gta-triage-input gta-triage-date', placeholder: 'YYYY-MM-DD', 'aria-label': 'Next Action Deadline', autocomplete: 'off' });
  const nadPresets = el(doc, 'span', { class: 'gta-triage-presets' });
  const nadRow = el(doc, 'div', { class: 'gta-triage-row' });
  nadRow.append(el(doc, 'span', { class: 'gta-triage-label' }, 'Deadline'), nad, nadPresets);

  const note = el(doc, 'input', { type: 'checkbox', 'data-gta': 'triage-note' });
  const noteLabel = el(doc, 'label', { class: 'gta-triage-note' });
  noteLabel.append(note, doc.createTextNode(' Add a signed note to the New Update ("Assigning to …")'));

  const apply = el(doc, 'button', { type: 'button', class: 'btn btn-small btn-primary', 'data-gta': 'triage-apply' }, 'Apply');
  const undo = el(doc, 'button', { type: 'button', class: 'btn btn-small', 'data-gta': 'triage-undo', disabled: '' }, 'Undo');
  const status = el(doc, 'p', { class: 'gta-triage-status', 'data-gta': 'triage-status', role: 'status', 'aria-live': 'polite' });
  const actions = el(doc, 'div', { class: 'gta-triage-actions' });
  actions.append(apply, undo);

  body.append(ownersRow, owners, empty, chosen, naRow, nadRow, noteLabel, actions, status);
  root.append(head, body);
  return { root, summary, toggle, body, search, owners, empty, chosen, nextAction, presets, nad, nadPresets, note, apply, undo, status };
}

export function setExpanded(parts: PanelParts, expanded: boolean): void {
  parts.root.setAttribute('data-gta-state', expanded ? 'expanded' : 'collapsed');
  parts.body.hidden = !expanded;
  parts.toggle.setAttribute('aria-expanded', String(expanded));
  parts.toggle.textContent = expanded ? 'Hide' : 'Triage…';
}

/** The +N buttons; with dates once known (the date is counted again at each click). */
export function renderDeadlinePresets(doc: Document, parts: PanelParts, presets: readonly (DeadlinePreset | number)[]): void {
  parts.nadPresets.replaceChildren(
    ...presets.map((p) => {
      const days = typeof p === 'number' ? p : p.days;
      const date = typeof p === 'number' ? undefined : p.date;
      const title = `${days} working day${days === 1 ? '' : 's'}${date ? `: ${date}` : ''}`;
      return createElement(doc, 'button', { type: 'button', class: 'btn btn-mini', 'data-gta': 'triage-nad-preset', 'data-gta-days': String(days), 'data-gta-date': date, title }, `+${days}`);
    }),
  );
}

function tag(doc: Document, kind: string, text: string, title?: string): HTMLElement {
  return createElement(doc, 'span', { class: `gta-triage-tag gta-triage-${kind}`, title }, text);
}

/** One candidate: a toggle button (aria-pressed) with its topics, team, load, duty and away state. */
export function ownerItem(doc: Document, c: OwnerCandidate, pressed: boolean, assigned: boolean): HTMLLIElement {
  const button = createElement(doc, 'button', {
    type: 'button',
    class: 'gta-triage-owner',
    'data-gta': 'triage-owner',
    'data-gta-person': c.name,
    'data-gta-source': c.source,
    'data-gta-load': c.load === null ? '?' : String(c.load),
    'data-gta-duty': String(c.onDuty),
    'data-gta-away': c.away ?? '',
    'aria-pressed': String(pressed),
  });
  button.append(createElement(doc, 'span', { class: 'gta-triage-name' }, c.name));
  if (c.topics.length) button.append(tag(doc, 'topic', c.topics.join(', '), 'Expert topics that match this ticket'));
  for (const team of c.teams) button.append(tag(doc, 'team', team, 'Team'));
  button.append(tag(doc, 'load', describeLoad(c.load), 'Open Software tickets held at the latest queue check'));
  if (c.onDuty) button.append(tag(doc, 'duty', 'on duty'));
  if (c.away) button.append(tag(doc, 'away', c.away === 'holiday' ? 'away (holiday)' : 'away (duty moved)'));
  if (assigned) button.append(tag(doc, 'assigned', 'assigned'));
  if (!c.onPage) button.append(tag(doc, 'missing', 'not on this page', 'No assignee entry for this person on this page'));
  const li = createElement(doc, 'li');
  li.append(button);
  return li;
}
