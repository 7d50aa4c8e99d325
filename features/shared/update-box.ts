/**
 * The New Update box, in one place for every feature that writes into it (signature, snippets, the
 * unsigned-update guard): finding it, remembering where the caret was when focus moved to one of
 * our controls, and inserting text the way typing does (one Ctrl+Z undoes it; the page's own
 * scripts see an `input` event). docs/goc-pages.md §6.1 describes the box.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SELECTORS } from '../../utils/goc/selectors';
import { insertTextAt, revealCaret } from '../../utils/text-insert';

export interface Caret {
  start: number;
  end: number;
}

/** The New Update box, looked up each time (the editor's template picker may replace it). */
export function findUpdateBox(doc: Document, { writableOnly = false } = {}): HTMLTextAreaElement | null {
  const box = doc.querySelector<HTMLTextAreaElement>(SELECTORS.updateBox);
  if (!box || (writableOnly && (box.disabled || box.readOnly))) return null;
  return box;
}

/** The form that sends the New Update: the editor's #ticket_form, or the read-only form holding the box. */
export function findUpdateForm(doc: Document): { form: HTMLFormElement; box: HTMLTextAreaElement } | null {
  const box = findUpdateBox(doc);
  const form = doc.querySelector<HTMLFormElement>(SELECTORS.ticketForm) ?? box?.closest('form') ?? null;
  if (!form || !box || !form.contains(box)) return null;
  return { form, box };
}

/** The page's own Update button (not an attachment's delete button, which comes first in the form). */
export function findUpdateButton(form: HTMLFormElement): HTMLButtonElement | null {
  return form.querySelector<HTMLButtonElement>('.form-actions button[type="submit"], .form-actions button:not([type])');
}

interface CaretMemory {
  /** The box's selection when focus left it, and the element focus went to. */
  last: { box: HTMLTextAreaElement; caret: Caret; to: EventTarget | null } | null;
  users: number;
  stop: () => void;
}

const memories = new WeakMap<Document, CaretMemory>();

/**
 * Starts remembering the caret (one listener per document, shared by the features that use it;
 * removed when the content script is torn down).
 */
export function rememberCaret(doc: Document, ctx: Pick<ContentScriptContext, 'onInvalidated'>): void {
  let memory = memories.get(doc);
  if (!memory) {
    const onFocusOut = (event: FocusEvent) => {
      const target = event.target as Element | null;
      if (!target?.matches?.(SELECTORS.updateBox)) return;
      const box = target as HTMLTextAreaElement;
      memory!.last = { box, caret: { start: box.selectionStart, end: box.selectionEnd }, to: event.relatedTarget };
    };
    doc.addEventListener('focusout', onFocusOut, true);
    memory = { last: null, users: 0, stop: () => doc.removeEventListener('focusout', onFocusOut, true) };
    memories.set(doc, memory);
  }
  const m = memory;
  m.users += 1;
  ctx.onInvalidated(() => {
    m.users -= 1;
    if (m.users === 0) {
      m.stop();
      memories.delete(doc);
    }
  });
}

/**
 * Where to insert for a click on `control`: the caret in the box when the box has focus, or where
 * it was when focus moved from the box straight to `control`; null when the user was elsewhere
 * (then the caller inserts at the end).
 */
export function caretFor(doc: Document, box: HTMLTextAreaElement, control: Element | null): Caret | null {
  if (doc.activeElement === box) return { start: box.selectionStart, end: box.selectionEnd };
  const last = memories.get(doc)?.last;
  if (control && last && last.box === box && last.to === control) return last.caret;
  return null;
}

/** Replaces box[start, end) with `text` like typing; scrolls the caret into view when asked. */
export function insertIntoBox(box: HTMLTextAreaElement, start: number, end: number, text: string, reveal = true): void {
  insertTextAt(box, start, end, text);
  if (reveal) revealCaret(box);
}
