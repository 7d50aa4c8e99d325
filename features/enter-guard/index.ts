/**
 * Enter guard (issue 10, finding 8). In the editor the form's FIRST submit button is an attachment's
 * × (`div.file-delete > button.button`, no type attribute: docs/goc-pages.md §9, §15), so the
 * browser's implicit submission on Enter in a single-line field "clicks" it: the attachment is
 * deleted and nothing is saved. One behaviour everywhere in the New Update form (editor and
 * read-only): Enter in a single-line field does nothing. Only the default action is cancelled; the
 * event still reaches the page's widgets (jQuery UI autocomplete and datepicker, select2), which
 * pick their item on Enter themselves. Buttons, the file input, selects and the text boxes keep
 * their Enter.
 *
 * The listener is installed at document_start by entrypoints/update.content.ts (the form and its
 * attachment rows can exist long before our features start) and decides per key press. This
 * feature, run at DOM ready after the guards, makes sure it is there and hands a submit held since
 * document_start over to the guards' hold (features/shared/submit-hold.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Feature } from '../types';
import { holdEarlySubmits, isUpdateForm, settleEarlySubmits } from '../shared/submit-hold';

/** Input types whose Enter is no implicit submission (buttons activate; the rest cannot take it). */
const KEEP_ENTER = new Set(['button', 'submit', 'reset', 'image', 'file', 'hidden']);

const guarded = new WeakSet<Document>();

/** True when Enter in `target` would submit the New Update form implicitly. */
export function submitsOnEnter(target: EventTarget | null): boolean {
  const input = target as HTMLInputElement | null;
  if (input?.localName !== 'input' || KEEP_ENTER.has(input.type)) return false;
  const form = input.form;
  return !!form && isUpdateForm(form);
}

export function installEnterGuard(ctx: ContentScriptContext, doc: Document): void {
  if (guarded.has(doc)) return;
  guarded.add(doc);
  ctx.onInvalidated(() => guarded.delete(doc));
  ctx.addEventListener(
    doc,
    'keydown',
    (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
      if (submitsOnEnter(event.target)) event.preventDefault();
    },
    { capture: true },
  );
}

/** Everything that must exist before the page's form can be used: the Enter guard and the early submit hold. */
export function guardSubmitPaths(ctx: ContentScriptContext, doc: Document): void {
  installEnterGuard(ctx, doc);
  holdEarlySubmits(ctx, doc);
}

export const enterGuard: Feature = {
  id: 'enter-guard',
  pages: ['ticket'],
  phase: 'ready',
  init(env) {
    installEnterGuard(env.ctx, env.document);
    // Listed after the guards: their hold is in place, so a submit held until now goes through it.
    settleEarlySubmits(env.document);
  },
};
