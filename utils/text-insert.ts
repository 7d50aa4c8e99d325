/**
 * Inserting text into a page's textarea the way typing does, so one Ctrl+Z undoes exactly the
 * insertion and the page's own scripts (and serialisation on submit) see the new value.
 * DOM only, no extension APIs.
 */

export type InsertMethod = 'execCommand' | 'fallback';

/**
 * Replaces textarea.value[start, end) with `text` and leaves the caret after it.
 * First through the browser's editing path (`execCommand('insertText')`: undoable, fires `input`
 * itself); when that is unavailable or did nothing, sets the value and fires `input` so frameworks
 * and the page notice.
 */
export function insertTextAt(
  textarea: HTMLTextAreaElement,
  start: number,
  end: number,
  text: string,
): InsertMethod {
  const before = textarea.value;
  const expected = before.slice(0, start) + text + before.slice(end);
  const doc = textarea.ownerDocument;

  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end);

  let done = false;
  try {
    done = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  // execCommand can report success yet change nothing (e.g. some engines with a detached range);
  // a changed value means the browser did insert (a page listener may have adjusted it since).
  if (done && textarea.value !== before) return 'execCommand';
  if (textarea.value !== before && textarea.value === expected) return 'execCommand';

  textarea.value = expected;
  const caret = start + text.length;
  textarea.setSelectionRange(caret, caret);
  textarea.dispatchEvent(
    new (doc.defaultView?.InputEvent ?? InputEvent)('input', {
      bubbles: true,
      inputType: 'insertText',
      data: text,
    }),
  );
  return 'fallback';
}

/** Scrolls a textarea so its caret line is visible (after inserting at the end of a long text). */
export function revealCaret(textarea: HTMLTextAreaElement): void {
  if (textarea.selectionEnd >= textarea.value.length) textarea.scrollTop = textarea.scrollHeight;
}
