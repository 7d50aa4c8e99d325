/**
 * Unsigned-update guard (issue 3). When the signed-in user submits a New Update that lacks their
 * signature, an in-page prompt (`data-gta="unsigned-guard"`) offers "Sign and send" and "Send as is".
 *
 * The page's own submit stays in charge (docs/goc-pages.md §6.2, §15): we listen for `submit` in the capture
 * phase on the document (before the jQuery handler on the form), hold that one submit, and after
 * the choice re-dispatch it with `requestSubmit(updateButton)` (or a click on Update) while a
 * one-shot bypass lets it through to the page's handler. Never `form.submit()`.
 * Off with settings `features.unsignedGuard = false`.
 */
import type { Feature, FeatureEnv } from '../types';
import { planSignatureInsertion } from '../../utils/signature';
import { guardApplies, isUpdateSigned } from '../../utils/unsigned-guard';
import { createElement, removeOnInvalidated } from '../shared/dom';
import { ensureTicketStyles } from '../shared/styles';
import { myNames, mySignature } from '../shared/signature-values';
import { findUpdateBox, findUpdateButton, findUpdateForm, insertIntoBox } from '../shared/update-box';

type Choice = 'sign' | 'as-is' | 'cancel';

export function installGuard(env: Pick<FeatureEnv, 'document' | 'settings' | 'page' | 'ctx'>): boolean {
  const doc = env.document;
  const found = findUpdateForm(doc);
  if (!found) return false;
  const { form } = found;
  const box = () => (form.contains(findUpdateBox(doc)) ? findUpdateBox(doc)! : found.box);
  ensureTicketStyles(doc);
  let bypass = false;
  let prompt: HTMLElement | null = null;

  const check = () => ({ signature: mySignature(env.settings, env.page, new Date()), names: myNames(env.settings, env.page) });

  const resubmit = () => {
    const button = findUpdateButton(form);
    bypass = true;
    try {
      if (typeof form.requestSubmit === 'function') form.requestSubmit(button ?? undefined);
      else button?.click();
    } finally {
      // requestSubmit dispatches synchronously; a blocked submit (validation) must not leave the bypass on.
      bypass = false;
    }
  };

  const closePrompt = () => {
    prompt?.remove();
    prompt = null;
  };

  const choose = (choice: Choice) => {
    closePrompt();
    const textarea = box();
    if (choice === 'cancel') {
      textarea.focus();
      return;
    }
    if (choice === 'sign') {
      const signature = check().signature;
      if (signature) {
        const plan = planSignatureInsertion(textarea.value, signature, null);
        insertIntoBox(textarea, plan.start, plan.end, plan.text);
      }
    }
    resubmit();
  };

  const showPrompt = () => {
    if (prompt?.isConnected) {
      prompt.querySelector<HTMLButtonElement>('button')?.focus();
      return;
    }
    const hasSignature = check().signature.length > 0;
    prompt = createElement(doc, 'div', {
      'data-gta': 'unsigned-guard',
      class: 'gta-unsigned-guard',
      role: 'alertdialog',
      'aria-label': 'Unsigned update',
    });
    prompt.append(
      createElement(doc, 'p', {}, 'This update is not signed. Users read it by e-mail and cannot see who answered.'),
    );
    const buttons: [Choice, string, string][] = [
      ['sign', 'Sign and send', 'btn btn-primary btn-small'],
      ['as-is', 'Send as is', 'btn btn-small'],
      ['cancel', 'Keep editing', 'btn btn-link btn-small'],
    ];
    for (const [choice, label, cls] of buttons) {
      if (choice === 'sign' && !hasSignature) continue;
      const b = createElement(doc, 'button', { type: 'button', class: cls, 'data-gta-choice': choice }, label);
      b.addEventListener('click', (e) => {
        e.preventDefault();
        e.stopPropagation();
        choose(choice);
      });
      prompt.append(b);
    }
    prompt.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') choose('cancel');
    });
    const actions = form.querySelector('.form-actions');
    if (actions?.parentNode) actions.parentNode.insertBefore(prompt, actions);
    else form.append(prompt);
    prompt.querySelector<HTMLButtonElement>('button')?.focus();
  };

  const onSubmit = (event: Event) => {
    if (event.target !== form) return;
    if (bypass) return; // our own re-dispatch: let the page's handler save
    if (env.settings.features?.unsignedGuard === false) return;
    // Only the New Update submit: an attachment's delete button is someone else's business.
    const submitter = (event as SubmitEvent).submitter ?? null;
    const update = findUpdateButton(form);
    if (submitter && update && submitter !== update) return;
    const c = check();
    const text = box().value;
    if (!guardApplies(text, c) || isUpdateSigned(text, c)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    showPrompt();
  };

  env.ctx.addEventListener(doc, 'submit', onSubmit, { capture: true });
  removeOnInvalidated(env.ctx, doc, 'unsigned-guard');
  return true;
}

export const unsignedGuard: Feature = {
  id: 'unsigned-guard',
  pages: ['ticket'],
  init(env) {
    if (env.settings.features?.unsignedGuard === false) return;
    installGuard(env);
  },
};
