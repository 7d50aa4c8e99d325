/**
 * One hold for the page's own submit, shared by the guards that ask before an update is saved
 * (the unsigned-update guard, the keep-Software guard). docs/goc-pages.md §6.2: the editor saves
 * through a jQuery handler on the form, so we listen for `submit` in the capture phase on the
 * document (before it), ask every question that applies in ONE prompt, and once each is answered
 * run the chosen actions and re-dispatch with `requestSubmit(updateButton)` while a one-shot bypass
 * lets it through to the page's handler. Never `form.submit()`. "Edit" on any question returns to
 * the form and nothing is sent.
 *
 * One question alone shows its own block (e.g. `data-gta="unsigned-guard"`); several share a
 * container (`data-gta="submit-questions"`) holding each block with its buttons.
 */
import type { FeatureEnv } from '../types';
import { SELECTORS } from '../../utils/goc/selectors';
import { createElement, removeOnInvalidated } from './dom';
import { findUpdateButton, findUpdateForm } from './update-box';

export interface HoldChoice {
  /** `data-gta-choice` of its button. */
  choice: string;
  label: string;
  className: string;
  /** 'go': this question lets the submit go on; 'edit': back to the form, nothing sent. */
  answer: 'go' | 'edit';
  /** Runs just before the page's own submit goes on (all questions answered 'go'). */
  apply?: () => void;
}

export interface HoldBlock {
  /** The question (with its `data-gta`, class and text); the hold appends the buttons. */
  element: HTMLElement;
  choices: HoldChoice[];
  /** Where "edit" (or Escape) leaves the user. */
  onEdit(): void;
}

export interface HoldQuestion {
  id: string;
  /** Asked on every submit by the Update button (not our own re-dispatch); null: nothing to ask. */
  ask(): HoldBlock | null;
}

interface Hold {
  ctx: FeatureEnv['ctx'];
  form: HTMLFormElement;
  questions: HoldQuestion[];
}

const holds = new WeakMap<Document, Hold>();

function install(env: Pick<FeatureEnv, 'document' | 'ctx'>, form: HTMLFormElement): Hold {
  const doc = env.document;
  const hold: Hold = { ctx: env.ctx, form, questions: [] };
  let bypass = false;
  let prompt: HTMLElement | null = null;

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

  const firstButton = (el: Element) => el.querySelector<HTMLButtonElement>('button');

  const showPrompt = (blocks: HoldBlock[]) => {
    closePrompt();
    const chosen = new Map<HoldBlock, HoldChoice>();
    const edit = (block: HoldBlock) => {
      closePrompt();
      block.onEdit();
    };
    const choose = (block: HoldBlock, choice: HoldChoice, button: HTMLButtonElement) => {
      if (choice.answer === 'edit') return edit(block);
      chosen.set(block, choice);
      block.element.setAttribute('data-gta-answer', choice.choice);
      block.element.querySelectorAll('button[data-gta-choice]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
      const next = blocks.find((b) => !chosen.has(b));
      if (next) {
        firstButton(next.element)?.focus();
        return;
      }
      closePrompt();
      for (const b of blocks) chosen.get(b)?.apply?.();
      resubmit();
    };
    for (const block of blocks) {
      for (const choice of block.choices) {
        const button = createElement(doc, 'button', { type: 'button', class: choice.className, 'data-gta-choice': choice.choice }, choice.label);
        button.addEventListener('click', (e) => {
          e.preventDefault();
          e.stopPropagation();
          choose(block, choice, button);
        });
        block.element.append(button);
      }
    }
    let root: HTMLElement;
    if (blocks.length === 1) {
      root = blocks[0].element;
    } else {
      root = createElement(doc, 'div', {
        'data-gta': 'submit-questions',
        class: 'gta-submit-questions',
        role: 'alertdialog',
        'aria-label': 'Before this update is saved',
      });
      root.append(createElement(doc, 'p', { class: 'gta-submit-questions-title' }, 'Before this update is saved:'));
      for (const block of blocks) {
        block.element.setAttribute('role', 'group');
        root.append(block.element);
      }
    }
    root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key !== 'Escape') return;
      const target = e.target as Node | null;
      edit(blocks.find((b) => target && b.element.contains(target)) ?? blocks[0]);
    });
    prompt = root;
    const actions = form.querySelector('.form-actions');
    if (actions?.parentNode) actions.parentNode.insertBefore(root, actions);
    else form.append(root);
    firstButton(root)?.focus();
  };

  const onSubmit = (event: Event) => {
    if (event.target !== form) return;
    if (bypass) return; // our own re-dispatch: let the page's handler save
    // Only the New Update submit: an attachment's delete button is someone else's business.
    const submitter = (event as SubmitEvent).submitter ?? null;
    const update = findUpdateButton(form);
    if (submitter && update && submitter !== update) return;
    // Asked afresh each time: what the user changed since the last prompt counts.
    const blocks = hold.questions.map((q) => q.ask()).filter((b): b is HoldBlock => b !== null);
    if (blocks.length === 0) {
      closePrompt();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    showPrompt(blocks);
  };

  env.ctx.addEventListener(doc, 'submit', onSubmit, { capture: true });
  env.ctx.onInvalidated(() => {
    closePrompt();
    if (holds.get(doc) === hold) holds.delete(doc);
  });
  removeOnInvalidated(env.ctx, doc, 'submit-questions');
  return hold;
}

/**
 * Adds a question to the document's submit hold (installed on first use). False when the page has
 * no form that sends a New Update.
 */
export function holdSubmit(env: Pick<FeatureEnv, 'document' | 'ctx'>, question: HoldQuestion): boolean {
  const doc = env.document;
  const found = findUpdateForm(doc);
  if (!found) return false;
  let hold = holds.get(doc);
  if (!hold || hold.ctx !== env.ctx || hold.ctx.isInvalid || hold.form !== found.form) {
    hold = install(env, found.form);
    holds.set(doc, hold);
  }
  hold.questions = [...hold.questions.filter((q) => q.id !== question.id), question];
  return true;
}

/** The form that sends a New Update, also while the page is still parsing it (its box may not exist yet). */
export function isUpdateForm(form: HTMLFormElement): boolean {
  return form.matches(SELECTORS.ticketForm) || form.querySelector(SELECTORS.updateBox) !== null;
}

interface Early {
  settled: boolean;
  held: { form: HTMLFormElement; submitter: HTMLElement | null } | null;
}

const early = new WeakMap<Document, Early>();

/**
 * From document_start, before any feature has run: a submit of the New Update form by its Update
 * button waits (held in the capture phase, nothing sent) until the guards have been set up
 * (`settleEarlySubmits`), then goes on through the hold they installed, which asks its questions or
 * lets the page save. The form exists, with the page's own handler, from DOM ready (and in part
 * while the page is still parsing) while our features start later, so without this a quick (or
 * slow-page) Update would skip the guards.
 */
export function holdEarlySubmits(ctx: FeatureEnv['ctx'], doc: Document): void {
  if (early.has(doc)) return;
  const state: Early = { settled: false, held: null };
  early.set(doc, state);
  ctx.addEventListener(
    doc,
    'submit',
    (event: Event) => {
      if (state.settled) return;
      const form = event.target as HTMLFormElement | null;
      if (form?.localName !== 'form' || !isUpdateForm(form)) return;
      const submitter = (event as SubmitEvent).submitter ?? null;
      if (submitter && submitter !== findUpdateButton(form)) return; // not the Update button: not ours to hold
      event.preventDefault();
      event.stopImmediatePropagation();
      state.held = { form, submitter };
    },
    { capture: true },
  );
  // Torn down before the guards were ready: the held submit goes to the page as it was.
  ctx.onInvalidated(() => {
    settleEarlySubmits(doc);
    if (early.get(doc) === state) early.delete(doc);
  });
}

/** The guards are set up (or never will be): a submit held since document_start goes on now. */
export function settleEarlySubmits(doc: Document): void {
  const state = early.get(doc);
  if (!state || state.settled) return;
  state.settled = true;
  const held = state.held;
  state.held = null;
  if (!held || !held.form.isConnected) return;
  const button = held.submitter as HTMLButtonElement | null;
  try {
    if (typeof held.form.requestSubmit === 'function') held.form.requestSubmit(button?.form === held.form ? button : undefined);
    else (button ?? findUpdateButton(held.form))?.click();
  } catch {
    findUpdateButton(held.form)?.click();
  }
}
