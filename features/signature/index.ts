/**
 * One-click signature (issue 2 §5). Next to the New Update box (`textarea.description`, editor or
 * read-only form) a button inserts the signature rendered from the template, at the cursor, or at
 * the end when the box was not focused; the keyboard command (`insert-signature`, Alt+Shift+S)
 * does the same. Inserting twice never duplicates it. With no name configured it says what to set
 * and opens the options page, inserting nothing. The page's form and submit are never touched.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../../utils/messages';
import type { Settings } from '../../utils/settings/schema';
import { watchPageSettings } from '../shared/settings';
import { mySignature } from '../shared/signature-values';
import { caretFor, findUpdateBox, insertIntoBox, rememberCaret } from '../shared/update-box';
import { containsSignature, describeUnknownPlaceholders, planSignatureInsertion } from '../../utils/signature';
import type { Feature, FeatureEnv } from '../types';
import './signature.css';

export type InsertOutcome =
  | { inserted: true }
  | { inserted: false; reason: 'no-update-box' | 'no-identity' | 'invalid-template' | 'already-present' };

/** What the feature needs from the extension; replaced by fakes in unit tests. */
export interface SignatureDeps {
  openOptions: (section: string) => Promise<unknown>;
  onInsertCommand: (handler: () => InsertOutcome) => () => void;
  watchSettings: (callback: (settings: Settings) => void) => () => void;
  now: () => Date;
}

const defaultDeps: SignatureDeps = {
  openOptions: (section) => sendMessage('openOptions', { section }),
  onInsertCommand: (handler) => onMessage('insertSignature', () => handler()),
  watchSettings: watchPageSettings,
  now: () => new Date(),
};

export interface SignatureController {
  insert(source: 'button' | 'command'): InsertOutcome;
  destroy(): void;
}

/** The mounted instance in this content-script context (there is one New Update box per page). */
let active: SignatureController | null = null;

export function mountSignature(
  env: Pick<FeatureEnv, 'document' | 'page' | 'settings'> & { ctx: Pick<ContentScriptContext, 'onInvalidated'> },
  deps: SignatureDeps = defaultDeps,
): SignatureController | null {
  const doc = env.document;
  const box = findUpdateBox(doc, { writableOnly: true });
  // Guests have no New Update box; nothing to sign.
  if (!box) return null;

  // Idempotent: a second mount (re-run, or an orphan left by an old extension version) replaces the first.
  active?.destroy();
  doc.querySelectorAll('[data-gta="signature"], [data-gta="signature-setup"]').forEach((el) => el.remove());

  let settings = env.settings;
  const cleanups: (() => void)[] = [];

  const bar = doc.createElement('div');
  bar.className = 'gta-signature-bar';
  bar.setAttribute('data-gta', 'signature');

  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-small gta-signature-button';
  button.setAttribute('data-gta', 'signature-button');
  button.title = 'Insert your signature at the cursor (keyboard: Alt+Shift+S)';
  button.textContent = 'Insert signature';

  const status = doc.createElement('span');
  status.className = 'gta-signature-status';
  status.setAttribute('data-gta', 'signature-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  bar.append(button, status);
  box.insertAdjacentElement('afterend', bar);

  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    status.textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => (status.textContent = ''), 4000);
  };
  cleanups.push(() => clearTimeout(statusTimer));

  // Where the cursor was when focus moved from the box to our button (keyboard users).
  rememberCaret(doc, env.ctx);
  // A mouse click on the button must not move focus (and the caret) out of the box at all.
  const onMouseDown = (event: MouseEvent) => {
    if (doc.activeElement === findUpdateBox(doc)) event.preventDefault();
  };
  button.addEventListener('mousedown', onMouseDown);

  // --- No name yet: say what to set, and open the options ---------------------------------------
  const showSetup = () => {
    let note = doc.querySelector<HTMLElement>('[data-gta="signature-setup"]');
    if (!note) {
      note = doc.createElement('div');
      note.className = 'gta-signature-setup';
      note.setAttribute('data-gta', 'signature-setup');
      note.setAttribute('role', 'alert');
      const text = doc.createElement('span');
      text.textContent =
        'To insert your signature, set your name in GOC Ticket Assistant options → Identity (the options page is opening in a new tab). ';
      const open = doc.createElement('button');
      open.type = 'button';
      open.className = 'btn btn-mini gta-signature-setup-open';
      open.setAttribute('data-gta', 'signature-setup-open');
      open.textContent = 'Open options';
      open.addEventListener('click', () => void deps.openOptions('identity').catch(() => undefined));
      note.append(text, open);
      bar.insertAdjacentElement('afterend', note);
    }
    void deps.openOptions('identity').catch(() => undefined);
  };
  const hideSetup = () => doc.querySelector('[data-gta="signature-setup"]')?.remove();

  // --- The insertion itself ---------------------------------------------------------------------
  const insert = (source: 'button' | 'command'): InsertOutcome => {
    const name = settings.identity.name.trim();
    if (!name) {
      showSetup();
      return { inserted: false, reason: 'no-identity' };
    }
    const templateProblem = describeUnknownPlaceholders(settings.signature);
    if (templateProblem) {
      say(`The signature template has an ${templateProblem}; fix it in the options.`);
      return { inserted: false, reason: 'invalid-template' };
    }
    const target = findUpdateBox(doc, { writableOnly: true });
    if (!target) return { inserted: false, reason: 'no-update-box' };

    const signature = mySignature(settings, env.page, deps.now(), name);
    if (containsSignature(target.value, signature)) {
      say('Your signature is already in this update.');
      return { inserted: false, reason: 'already-present' };
    }
    // The keyboard command inserts at the caret only when the user is in the box.
    const selection = caretFor(doc, target, source === 'button' ? button : null);
    const plan = planSignatureInsertion(target.value, signature, selection);
    insertIntoBox(target, plan.start, plan.end, plan.text);
    say('Signature inserted.');
    return { inserted: true };
  };

  button.addEventListener('click', () => void insert('button'));

  cleanups.push(deps.onInsertCommand(() => insert('command')));
  cleanups.push(
    deps.watchSettings((next) => {
      settings = next;
      if (next.identity.name.trim()) hideSetup();
    }),
  );

  const destroy = () => {
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // Tearing down must never throw into the page.
      }
    }
    bar.remove();
    hideSetup();
    if (active === controller) active = null;
  };
  env.ctx.onInvalidated(destroy);
  const controller: SignatureController = { insert, destroy };
  active = controller;
  return controller;
}

export const signatureFeature: Feature = {
  id: 'signature',
  pages: ['ticket'],
  init(env) {
    mountSignature(env);
  },
};
