/**
 * E-mail to ticket, on the GOC new-ticket form (issue 9; docs/goc-pages.md §12). The
 * background kept a draft (`emailTicket.drafts`) and opened this form; here it goes into the page's
 * own fields, with the events the page listens to:
 * - name and e-mail = the sender (the ticket's contact: replies go to them), title, description;
 * - "Software or Service" ticked by a click (its inline onclick shows the area) and "OSG Software
 *   Stack" (`vdt`) chosen with a change event (the page's onchange runs change_app()): the Software queue;
 * - the user's own address added as CC through the page's "Add CC" (signed in: the form has `div.ccarea`);
 * - phone: the one the e-mail's signature gives, else emptied (signed in, the page puts the user's
 *   own there), with a hint beside it.
 * A notice says it was filled and offers Undo (every field back as it was). The draft is deleted
 * once used. It never submits: the page's own Submit and its required-field checks stay the user's.
 * No usable draft (none, older than a day, another site's): nothing happens.
 */
import { browser } from 'wxt/browser';
import type { Feature, FeatureEnv } from '../types';
import { getItem, setItem, STORED, type StorageLike } from '../../utils/storage-items';
import type { EmailTicketEntry } from '../../utils/storage/items';
import { createElement, ensureStyles } from '../shared/dom';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PHONE_HINT = 'The e-mail gives no phone number: enter the sender\'s (the form requires one).';
export const NOTICE_TEXT = 'Filled from an e-mail — review and press Submit.';

const FILL_STYLE = `
.gta-email-fill{margin:0 0 12px;padding:8px 12px;border:1px solid #9fb7d6;border-radius:4px;background:#f4f8fd;color:#1f2d3d;font-size:13px}
.gta-email-fill p{margin:0}
.gta-email-fill ul{margin:4px 0 0 18px}
.gta-email-fill button{margin-left:8px}
.gta-email-fill-hint{display:block;margin:2px 0 6px;color:#8a4b00;font-size:12px}
`;

/** The draft for this page: the newest one made for this origin within the last day. */
export function pickDraft(entries: readonly EmailTicketEntry[], origin: string, now: number): EmailTicketEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.origin === origin && e.draft.createdAt <= now + 60_000 && now - e.draft.createdAt < DAY_MS) return e;
  }
  return null;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Sets a field the way typing would end: the value, then input and change (bubbling). */
function setField(el: Field, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The page's "Add CC" button beside the CC area. */
function addCcButton(area: Element): HTMLElement | null {
  const around = area.parentElement ? Array.from(area.parentElement.children) : [];
  return (around.find((el) => el !== area && /add cc/i.test(el.textContent ?? '')) as HTMLElement | undefined) ?? null;
}

/** Adds `address` as a CC row through the page's own "Add CC"; returns the row it filled, or null. */
function addCc(area: Element, address: string): Element | null {
  const inputs = () => Array.from(area.querySelectorAll<HTMLInputElement>('input[name="cc[]"]'));
  if (inputs().some((i) => i.value.trim().toLowerCase() === address.toLowerCase())) return null;
  let input = inputs().find((i) => !i.value.trim());
  let added: Element | null = null;
  if (!input) {
    const before = inputs().length;
    addCcButton(area)?.click();
    if (inputs().length <= before) return null;
    input = inputs()[inputs().length - 1];
    added = input.closest('.cc') ?? input;
  }
  setField(input, address);
  return added ?? input;
}

export async function fillFromEmail(
  env: Pick<FeatureEnv, 'document' | 'ctx' | 'page'>,
  store: StorageLike = browser.storage,
  now: () => number = Date.now,
): Promise<boolean> {
  const doc = env.document;
  const form = doc.querySelector<HTMLFormElement>('form#submit_form');
  if (!form) return false;
  const entries = await getItem(store, STORED.emailTicketDrafts);
  const entry = pickDraft(entries, env.page.url.origin, now());
  if (!entry || env.ctx.isInvalid) return false;
  const { draft } = entry;
  const field = <T extends Field>(selector: string) => form.querySelector<T>(selector);

  // What undo puts back.
  const restore: Array<() => void> = [];
  const fill = (selector: string, value: string) => {
    const el = field<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!el) return;
    const old = el.value;
    setField(el, value);
    restore.push(() => setField(el, old));
  };
  fill('#name', draft.name);
  fill('#email', draft.email);
  fill('#phone', draft.phone ?? ''); // signed in, the page put the user's own number there
  fill('#title', draft.title);
  fill('#detail', draft.detail);

  const check = field<HTMLInputElement>('#app_issue_check');
  if (check && !check.checked) {
    check.click(); // the page's onclick shows the area
    restore.push(() => check.checked && check.click());
  }
  const type = field<HTMLSelectElement>('#app_issue_type');
  if (type && Array.from(type.options).some((o) => o.value === 'vdt')) {
    const old = type.value;
    setField(type, 'vdt');
    restore.push(() => setField(type, old));
  }
  const area = form.querySelector('div.ccarea');
  if (area) {
    for (const address of draft.cc) {
      const row = addCc(area, address);
      if (!row) continue;
      if (row.localName === 'input') restore.push(() => setField(row as HTMLInputElement, ''));
      else restore.push(() => (row.querySelector<HTMLElement>('.icon-remove')?.click(), row.isConnected && row.remove()));
    }
  }

  ensureStyles(doc, { marker: 'email-fill-style', css: FILL_STYLE });
  const added: Element[] = [];
  const phone = field<HTMLInputElement>('#phone');
  if (phone) {
    const text = draft.hints.find((h) => /phone/i.test(h)) ?? PHONE_HINT;
    const hint = createElement(doc, 'span', { 'data-gta': 'email-fill-hint', class: 'gta-email-fill-hint', 'data-gta-field': 'phone' }, text);
    phone.after(hint);
    added.push(hint);
  }
  const notice = createElement(doc, 'div', { 'data-gta': 'email-fill', class: 'gta-email-fill', role: 'status', 'data-gta-state': 'filled' });
  const line = createElement(doc, 'p', {}, NOTICE_TEXT);
  const undo = createElement(doc, 'button', { type: 'button', class: 'btn btn-small', 'data-gta': 'email-fill-undo' }, 'Undo');
  line.append(undo);
  notice.append(line);
  const hints = draft.hints.filter((h) => !/phone/i.test(h));
  if (hints.length) {
    const list = createElement(doc, 'ul', { 'data-gta-part': 'hints' });
    for (const h of hints) list.append(createElement(doc, 'li', {}, h));
    notice.append(list);
  }
  form.prepend(notice);
  undo.addEventListener('click', () => {
    for (const step of restore.reverse()) step();
    added.forEach((el) => el.remove());
    notice.setAttribute('data-gta-state', 'undone');
    line.textContent = 'The e-mail\'s values were taken out again; the form is as it was.';
  });

  // Used: gone from storage (another draft, made meanwhile, stays).
  const rest = (await getItem(store, STORED.emailTicketDrafts)).filter((e) => e.id !== entry.id && now() - e.draft.createdAt < DAY_MS);
  await setItem(store, STORED.emailTicketDrafts, rest);
  return true;
}

export const emailFill: Feature = {
  id: 'email-fill',
  // The new-ticket form is no ticket, list or search page (utils/goc/page.ts); this script runs only on /submit.
  pages: ['other'],
  async init(env) {
    await fillFromEmail(env);
  },
};
