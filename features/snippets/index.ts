/**
 * Request snippets (issue 3): a picker (`data-gta="snippet-picker"`) next to the New Update box
 * inserts the chosen snippet at the cursor, like typing (one Ctrl+Z undoes it), without replacing
 * what is there; unlike the site's own template select, which overwrites the box.
 * Placeholders are filled from the ticket at the moment of insertion (utils/snippets.ts).
 */
import type { Feature, FeatureEnv } from '../types';
import { parseTicket } from '../../utils/goc/ticket';
import { padForInsertion, renderSnippet, snippetValues } from '../../utils/snippets';
import { createElement, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/update.css';
import { myName } from '../shared/signature-values';
import { caretFor, findUpdateBox, insertIntoBox, rememberCaret } from '../shared/update-box';

/** Inserts `text` at the caret (end of the box when it was never focused), padded onto its own lines. */
export function insertSnippet(textarea: HTMLTextAreaElement, text: string, wasFocused: boolean): void {
  const value = textarea.value;
  // The caret stays where the user left it; a selection is kept, not overwritten (insert after it).
  const at = wasFocused ? Math.min(Math.max(textarea.selectionEnd ?? value.length, 0), value.length) : value.length;
  const padded = padForInsertion(value.slice(0, at), text, value.slice(at));
  insertIntoBox(textarea, at, at, padded, !wasFocused);
}

export function mountSnippetPicker(env: Pick<FeatureEnv, 'document' | 'settings' | 'page'>, now: () => number = Date.now): HTMLElement | null {
  const doc = env.document;
  const textarea = findUpdateBox(doc);
  if (!textarea) return null; // guests have no New Update box
  const snippets = (env.settings.snippets ?? []).filter((s) => s && typeof s.text === 'string');
  const existing = doc.querySelector<HTMLElement>('[data-gta="snippet-picker"]');
  existing?.remove();
  if (snippets.length === 0) return null;


  const picker = createElement(doc, 'div', { 'data-gta': 'snippet-picker', class: 'gta-snippet-picker' });
  const select = createElement(doc, 'select', { class: 'gta-snippet-select', 'aria-label': 'Insert a request snippet' });
  select.append(createElement(doc, 'option', { value: '' }, 'Insert snippet…'));
  snippets.forEach((s, i) => select.append(createElement(doc, 'option', { value: String(i) }, s.name)));
  select.addEventListener('change', () => {
    const snippet = snippets[Number(select.value)];
    select.value = '';
    if (!snippet || select.selectedIndex < 0) return;
    const ticket = parseTicket(doc);
    const values = snippetValues(ticket, {
      me: myName(env.settings, env.page),
      softwareAssignees: env.settings.queue?.softwareAssignees ?? [],
      now: now(),
    });
    const box = findUpdateBox(doc) ?? textarea;
    // At the caret when the user came from the box (focus moved from it to the picker), else at the end.
    insertSnippet(box, renderSnippet(snippet.text, values), caretFor(doc, box, select) !== null);
  });
  picker.append(select);
  textarea.parentNode?.insertBefore(picker, textarea);
  return picker;
}

export const snippetPicker: Feature = {
  id: 'snippets',
  pages: ['ticket'],
  init(env) {
    rememberCaret(env.document, env.ctx);
    mountSnippetPicker(env);
    removeOnInvalidated(env.ctx, env.document, 'snippet-picker');
  },
};
