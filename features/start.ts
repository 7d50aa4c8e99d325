/**
 * What every content script does: read the published settings (one storage request: at
 * document_start while the page still parses when the script has work at DOM ready, after the page's
 * load event otherwise), run its 'ready' features at DOM ready and the others after the load event,
 * each in a task of its own.
 *
 * Several of our scripts run on one page (the banner beside the ticket or list features). Each
 * records its outcomes on <html> (`data-gta-script-<name>`); the one that finishes last writes
 * `data-gta-features` with every feature's outcome, which tests and bug reports read as "done".
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scriptsForPath, type AfterLoadScriptName, type ContentScriptName } from '../utils/goc/hosts';
import { detectPage } from '../utils/goc/page';
import { getItems, STORED } from '../utils/storage-items';
import { runFeatures, type FeatureOutcome } from './runner';
import { settingsFrom } from './shared/settings';
import { domReady, pageLoaded, timeSlicer } from './shared/yield';
import type { Feature } from './types';

export async function startFeatures(ctx: ContentScriptContext, script: ContentScriptName, features: readonly Feature[]): Promise<void> {
  try {
    await start(ctx, script, features);
  } catch (error) {
    // An orphaned script (extension reloaded or updated meanwhile: "Extension context invalidated")
    // stops quietly; anything else is a real fault.
    if (!ctx.isInvalid) throw error;
  }
}

/**
 * An after-load script (injected by the background, not run by WXT's content-script wrapper) makes its
 * own context, as that wrapper does for the manifest's scripts.
 */
export function startAfterLoadScript(script: AfterLoadScriptName, features: readonly Feature[]): void {
  void startFeatures(new ContentScriptContext(script), script, features);
}

async function start(ctx: ContentScriptContext, script: ContentScriptName, features: readonly Feature[]): Promise<void> {
  const atDomReady = features.filter((f) => f.phase === 'ready');
  const afterLoad = features.filter((f) => f.phase !== 'ready');
  const read = () => getItems(browser.storage, { snapshot: STORED.settingsSnapshot, failFeatures: STORED.debugFailFeatures });
  // A script with work at DOM ready asks at document_start, while the page still parses. One whose
  // features all wait for the load event asks after it, so its storage request and reply stay off the
  // page's own load path (the banner and list scripts are injected after that event in any case).
  const stored = atDomReady.length > 0 ? read() : pageLoaded(window).then(read);
  stored.catch(() => undefined); // awaited below; an orphaned script may return before that
  await domReady(document);
  if (ctx.isInvalid) return;
  claimPage(document, INSTANCE, ctx);
  watchForOrphaning(ctx, window);
  const { snapshot, failFeatures } = await stored;
  if (ctx.isInvalid) return;
  const url = new URL(location.href);
  const page = detectPage(document, url);
  // What the eye looks for first runs at DOM ready, in time slices (one covers a 300-update ticket;
  // a bigger one yields to the page between slices); the rest after the page's load event, so none
  // of it holds the page's own load back.
  const maybeYield = timeSlicer();
  const env = { page, settings: settingsFrom(snapshot), ctx, document, maybeYield };
  const early = await runFeatures(atDomReady, env, failFeatures, maybeYield);
  await pageLoaded(window);
  if (ctx.isInvalid) return;
  const late = await runFeatures(afterLoad, env, failFeatures);
  if (ctx.isInvalid) return;
  const byId = new Map([...early, ...late].map((o) => [o.id, o]));
  const outcomes = features.map((f) => byId.get(f.id)!).filter(Boolean);
  // By path: this script runs only where its patterns matched (a built-in host or another GOC site
  // the user added), so the host needs no second check here.
  recordOutcomes(document.documentElement, script, scriptsForPath(url.pathname), outcomes);
}

export function recordOutcomes(
  html: HTMLElement,
  script: ContentScriptName,
  expected: readonly ContentScriptName[],
  outcomes: readonly FeatureOutcome[],
): void {
  const ran = outcomes.filter((o) => o.status !== 'skipped').map((o) => `${o.id}:${o.status}`);
  html.setAttribute(`data-gta-script-${script}`, ran.join(' '));
  const all = expected.includes(script) ? expected : [...expected, script];
  if (!all.every((name) => html.hasAttribute(`data-gta-script-${name}`))) return;
  html.setAttribute(
    'data-gta-features',
    all
      .map((name) => html.getAttribute(`data-gta-script-${name}`) ?? '')
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * One token per extension instance: the content scripts of one instance share their global scope in
 * a page (Chrome's isolated world, Firefox's sandbox); a reloaded or updated extension starts anew.
 */
const INSTANCE: string = ((globalThis as { __gtaInstance?: string }).__gtaInstance ??= Math.random().toString(36).slice(2));

/** Rows we added to the page's own assignee list hold the user's pending choice (shared/assignees ADDED_GTA): kept. */
export const KEEP_ON_TEARDOWN = '[data-gta="assignee-added"]';

/**
 * Extension update or reload while a GOC page is open. Firefox injects the new instance's scripts
 * into the open page beside the old instance's UI (whose sandbox is gone, so it cannot remove it);
 * Chrome leaves the old scripts running with dead APIs. The first script of a new instance removes
 * every element an older one left, so the page never shows our UI twice; the page's own content
 * (and the rows we added to its assignee list) stays. Returns whether an older instance was found.
 */
export function claimPage(doc: Document, instance: string, ctx?: Pick<ContentScriptContext, 'onInvalidated'>): boolean {
  const html = doc.documentElement;
  const owner = html.getAttribute('data-gta-instance');
  if (owner === instance) return false;
  html.setAttribute('data-gta-instance', instance);
  // When this instance is torn down while it still owns the page, it removes what it added.
  ctx?.onInvalidated(() => {
    if (html.getAttribute('data-gta-instance') === instance) clearOurUi(doc);
  });
  const older = owner !== null || Array.from(html.attributes).some((a) => a.name.startsWith('data-gta-script-') || a.name === 'data-gta-features');
  if (older) clearOurUi(doc);
  return older;
}

function clearOurUi(doc: Document): void {
  doc.querySelectorAll('[data-gta]').forEach((el) => {
    if (!el.matches(KEEP_ON_TEARDOWN)) el.remove();
  });
  const html = doc.documentElement;
  for (const a of Array.from(html.attributes)) {
    if (a.name === 'data-gta-features' || a.name.startsWith('data-gta-script-')) html.removeAttribute(a.name);
  }
}

/**
 * An orphaned script notices at the user's next interaction (WXT's isInvalid looks at runtime.id and
 * fires onInvalidated), before any of our handlers could call a dead API, and its UI goes away.
 */
export function watchForOrphaning(ctx: Pick<ContentScriptContext, 'addEventListener' | 'isInvalid'>, win: Window): void {
  const check = () => void ctx.isInvalid;
  for (const type of ['pointerdown', 'keydown', 'focusin'] as const) ctx.addEventListener(win, type, check, { capture: true });
}
