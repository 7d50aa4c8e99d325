/**
 * Unsigned-update guard (issue 3). When the signed-in user submits a New Update that lacks their
 * signature, an in-page prompt (`data-gta="unsigned-guard"`) offers "Sign and send" and "Send as is".
 *
 * The page's own submit stays in charge (docs/goc-pages.md §6.2, §15): the shared submit hold
 * (features/shared/submit-hold.ts) holds that one submit in the capture phase, asks this question
 * (beside the keep-Software guard's when both apply) and re-dispatches it with
 * `requestSubmit(updateButton)` after the choice. Never `form.submit()`.
 * Off with settings `features.unsignedGuard = false`.
 */
import type { Feature, FeatureEnv } from '../types';
import { planSignatureInsertion } from '../../utils/signature';
import { guardApplies, isUpdateSigned } from '../../utils/unsigned-guard';
import { createElement, removeOnInvalidated } from '../shared/dom';
import '../shared/styles/update.css';
import { myNames, mySignature } from '../shared/signature-values';
import { holdSubmit, type HoldChoice } from '../shared/submit-hold';
import { findUpdateBox, findUpdateForm, insertIntoBox } from '../shared/update-box';

export function installGuard(env: Pick<FeatureEnv, 'document' | 'settings' | 'page' | 'ctx'>): boolean {
  const doc = env.document;
  const found = findUpdateForm(doc);
  if (!found) return false;
  const { form } = found;
  const box = () => (form.contains(findUpdateBox(doc)) ? findUpdateBox(doc)! : found.box);

  const check = () => ({ signature: mySignature(env.settings, env.page, new Date()), names: myNames(env.settings, env.page) });

  const sign = () => {
    const signature = check().signature;
    if (!signature) return;
    const textarea = box();
    const plan = planSignatureInsertion(textarea.value, signature, null);
    insertIntoBox(textarea, plan.start, plan.end, plan.text);
  };

  const installed = holdSubmit(env, {
    id: 'unsigned-guard',
    ask() {
      if (env.settings.features?.unsignedGuard === false) return null;
      const c = check();
      const text = box().value;
      if (!guardApplies(text, c) || isUpdateSigned(text, c)) return null;
      const element = createElement(doc, 'div', {
        'data-gta': 'unsigned-guard',
        class: 'gta-unsigned-guard',
        role: 'alertdialog',
        'aria-label': 'Unsigned update',
      });
      element.append(
        createElement(doc, 'p', {}, 'This update is not signed. Users read it by e-mail and cannot see who answered.'),
      );
      const choices: HoldChoice[] = [
        { choice: 'sign', label: 'Sign and send', className: 'btn btn-primary btn-small', answer: 'go', apply: sign },
        { choice: 'as-is', label: 'Send as is', className: 'btn btn-small', answer: 'go' },
        { choice: 'cancel', label: 'Keep editing', className: 'btn btn-link btn-small', answer: 'edit' },
      ];
      return {
        element,
        choices: c.signature.length > 0 ? choices : choices.filter((x) => x.choice !== 'sign'),
        onEdit: () => box().focus(),
      };
    },
  });
  removeOnInvalidated(env.ctx, doc, 'unsigned-guard');
  return installed;
}

export const unsignedGuard: Feature = {
  id: 'unsigned-guard',
  pages: ['ticket'],
  // At DOM ready, not after the page's load event: the form and its own save work from DOM ready,
  // and a slow asset (CDN) can hold `load` back for long (issue 10; features/enter-guard).
  phase: 'ready',
  init(env) {
    if (env.settings.features?.unsignedGuard === false) return;
    installGuard(env);
  },
};
