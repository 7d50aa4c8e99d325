/**
 * New Update drafts (issue 10, "Nothing lost"). What the user types in the New Update box is kept
 * in storage.local (item updateDraft.drafts) half a second after they stop typing, and at once on
 * submit. When the ticket opens again and a kept text was not saved (reload, crashed tab, expired
 * session, failed save), `data-gta="draft-restore"` offers it back with Restore and Discard; it is
 * never put back by itself. Restore fills an empty box, or adds the text below what the box already
 * holds (never replaces it). A kept text is dropped once the page shows an update, newer than the
 * ones its page showed, that contains it (the page's own save went through). Rules: utils/update-draft.ts.
 * In the banner script (features/banner-script.ts, injected after the load event): the ticket, update and triage scripts
 * have no room left under their 20 KiB budget.
 */
import { browser } from 'wxt/browser';
import type { Feature, FeatureEnv } from '../types';
import { SELECTORS } from '../../utils/goc/selectors';
import { bodyTextOf, updateElements } from '../../utils/goc/ticket';
import { changedValue, getItem, setItem, STORED, type StorageLike } from '../../utils/storage-items';
import { planDrafts, pruneDrafts, restorePlan, type UpdateDrafts } from '../../utils/update-draft';
import { createElement, ensureStyles } from '../shared/dom';
import { findUpdateBox, insertIntoBox } from '../shared/update-box';

// Bootstrap 2 page: gta- classes only, the page's own layout untouched.
const DRAFT_STYLE = `
.gta-draft-restore{margin:6px 0 10px;padding:8px 12px;border:1px solid #9fb7d6;border-radius:4px;background:#f4f8fd;color:#1f2d3d;font-size:13px}
.gta-draft-restore p{margin:0 0 4px}
.gta-draft-text{margin:4px 0 6px;padding:3px 6px;white-space:pre-wrap;max-height:15em;overflow:auto;border:1px solid #d5dde8;border-radius:3px;background:#fff}
.gta-draft-restore button{margin-right:6px}
.gta-draft-status{margin:4px 0;color:#8a1c00;font-weight:600}
`;

export async function mountUpdateDraft(
  env: Pick<FeatureEnv, 'document' | 'page' | 'ctx'>,
  store: StorageLike = browser.storage,
  now: () => number = Date.now,
): Promise<boolean> {
  const doc = env.document;
  const ticket = env.page.ticketId;
  const box = () => findUpdateBox(doc, { writableOnly: true });
  if (!ticket || !box()) return false;
  // One entry per page load: another tab or a reload never overwrites it. (Teardown: start.ts removes our UI.)
  const key = `${ticket}:${now()}:${Math.random().toString(36).slice(2, 6)}`;

  let drafts: UpdateDrafts = pruneDrafts(await getItem(store, STORED.updateDrafts), now());
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    drafts = changedValue(changes, area, STORED.updateDrafts)?.value ?? drafts;
  };
  store.onChanged.addListener(onChanged);
  env.ctx.onInvalidated(() => store.onChanged.removeListener(onChanged));

  // Server times (the anchor's unix seconds, docs/goc-pages.md §5.1); body text (without Show More)
  // only of updates newer than a kept draft of this ticket, so a long ticket costs nothing.
  const after = Math.min(...Object.values(drafts).filter((d) => d.ticket === ticket).map((d) => d.since));
  const updates = updateElements(doc).map((el) => {
    const time = Number(el.querySelector('a.anchor')?.getAttribute('name')) || 0;
    return { time, text: time > after ? bodyTextOf(el.querySelector(':scope > pre')) : '' };
  });
  const plan = planDrafts(drafts, ticket, updates, box()!.value);
  // A text the browser put back in the box (Firefox, on reload) carries on under this load.
  const since = plan.inBox?.since ?? Math.max(0, ...updates.map((u) => u.time));
  const status = createElement(doc, 'p', { 'data-gta': 'draft-status', class: 'gta-draft-status', role: 'status' });

  const write = (next: UpdateDrafts) =>
    setItem(store, STORED.updateDrafts, (drafts = pruneDrafts(next, now()))).then(
      () => status.remove(),
      (error: unknown) => {
        // Storage full or gone: say so; the text is still in the box.
        status.textContent = `Could not keep a copy of this update (${error}).`;
        box()?.before(status);
      },
    );
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes the box as this load's draft (none when empty), without the `drop` entries. */
  const keep = (drop: string[] = [], text = box()?.value ?? '') => {
    clearTimeout(timer);
    timer = undefined;
    const next = { ...drafts };
    for (const k of [key, ...drop]) delete next[k];
    if (text.trim()) next[key] = { ticket, text, savedAt: now(), since };
    return write(next);
  };
  env.ctx.onInvalidated(() => clearTimeout(timer));
  env.ctx.addEventListener(doc, 'input', (e) => {
    if (!(e.target as Element).matches?.(SELECTORS.updateBox)) return;
    clearTimeout(timer);
    timer = setTimeout(keep, 500);
  }, { capture: true });
  // On the window in the capture phase, before the submit guards: the text as sent is what is kept.
  const win = doc.defaultView!;
  env.ctx.addEventListener(win, 'submit', () => void keep(), { capture: true });
  env.ctx.addEventListener(win, 'pagehide', () => void (timer && keep()));

  // Only typing (or a restored draft) makes the box a draft: not the text a sent update left there.
  if (plan.drop.length) await keep(plan.drop, plan.inBox ? undefined : '');

  ensureStyles(doc, { marker: 'draft-style', css: DRAFT_STYLE });
  for (const k of plan.offer) {
    const d = drafts[k];
    const offer = createElement(doc, 'div', { 'data-gta': 'draft-restore', class: 'gta-draft-restore', role: 'region', 'aria-label': 'Unsent update' });
    offer.append(
      createElement(doc, 'p', {}, `Restore your unsent update (saved ${new Date(d.savedAt).toLocaleString()})? Restore adds it below any text already in the box.`),
      createElement(doc, 'div', { 'data-gta': 'draft-text', class: 'gta-draft-text' }, d.text),
    );
    const button = (choice: string, act: () => void) => {
      const b = createElement(doc, 'button', { type: 'button', class: 'btn btn-small', 'data-gta-choice': choice }, choice[0].toUpperCase() + choice.slice(1));
      b.addEventListener('click', () => {
        offer.remove();
        act();
      });
      offer.append(b);
    };
    button('restore', () => {
      const target = box()!;
      const p = restorePlan(target.value, d.text);
      insertIntoBox(target, p.start, p.end, p.text);
      target.focus();
      void keep([k]);
    });
    button('discard', () => {
      const next = { ...drafts };
      delete next[k];
      void write(next);
    });
    box()!.before(offer);
  }
  return true;
}

export const updateDraft: Feature = {
  id: 'update-draft',
  pages: ['ticket'],
  async init(env) {
    await mountUpdateDraft(env);
  },
};
