/**
 * Small DOM helpers for page features: every element we add carries `data-gta`, uses `gta-`
 * classes and gets its text through textContent (ticket text is untrusted).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

type Attrs = Record<string, string | null | undefined>;

export function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(name, value);
  }
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Sets an attribute only when it differs (no needless mutations for page observers). */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Removes everything with this `data-gta` value when the content script is torn down. */
export function removeOnInvalidated(ctx: ContentScriptContext, doc: Document, gta: string): void {
  ctx.onInvalidated(() => {
    doc.querySelectorAll(`[data-gta="${gta}"]`).forEach((el) => el.remove());
  });
}

/**
 * Calls `run` at most once per animation frame after changes to `target`'s direct children
 * (never its subtree: timeago rewrites every <time> text each 30 s).
 */
export function observeChildren(ctx: ContentScriptContext, target: Element, run: () => void): void {
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    // Our own insertions (elements with data-gta) are not a reason to re-render.
    const relevant = records.some((r) =>
      [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].some(
        (n) => n.nodeType === 1 && !(n as Element).hasAttribute('data-gta'),
      ),
    );
    if (!relevant || scheduled) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      run();
    });
  });
  observer.observe(target, { childList: true });
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * A small stylesheet a feature inserts itself (duty banner, update draft, list page, new-ticket
 * form). The ticket page's sheets are features/shared/styles/*.css, which the manifest injects at
 * document_start.
 */
export interface Sheet {
  /** The `data-gta` value of its `<style>` element (the page contract names it). */
  readonly marker: string;
  readonly css: string;
}

/** Inserts the sheet once per document. */
export function ensureStyles(doc: Document, sheet: Sheet): void {
  if (doc.querySelector(`style[data-gta="${sheet.marker}"]`)) return;
  const style = doc.createElement('style');
  style.setAttribute('data-gta', sheet.marker);
  style.textContent = sheet.css;
  (doc.head ?? doc.documentElement).appendChild(style);
}
