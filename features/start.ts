/**
 * What every content script does: read the published settings (one storage request, started at
 * document_start while the page is still parsing), run its 'ready' features at DOM ready and the
 * others after the page's load event, each in a task of its own.
 *
 * Several of our scripts run on one page (the banner beside the ticket or list features). Each
 * records its outcomes on <html> (`data-gta-script-<name>`); the one that finishes last writes
 * `data-gta-features` with every feature's outcome, which tests and bug reports read as "done".
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentScriptsFor, type ContentScriptName } from '../utils/goc/hosts';
import { detectPage } from '../utils/goc/page';
import { getItems, STORED } from '../utils/storage-items';
import { runFeatures, type FeatureOutcome } from './runner';
import { settingsFrom } from './shared/settings';
import { domReady, pageLoaded, timeSlicer } from './shared/yield';
import type { Feature } from './types';

export async function startFeatures(ctx: ContentScriptContext, script: ContentScriptName, features: readonly Feature[]): Promise<void> {
  const stored = getItems(browser.storage, { snapshot: STORED.settingsSnapshot, failFeatures: STORED.debugFailFeatures });
  await domReady(document);
  const { snapshot, failFeatures } = await stored;
  if (ctx.isInvalid) return;
  const url = new URL(location.href);
  const page = detectPage(document, url);
  // What the eye looks for first runs at DOM ready, in time slices (one covers a 300-update ticket;
  // a bigger one yields to the page between slices); the rest after the page's load event, so none
  // of it holds the page's own load back.
  const maybeYield = timeSlicer();
  const env = { page, settings: settingsFrom(snapshot), ctx, document, maybeYield };
  const early = await runFeatures(features.filter((f) => f.phase === 'ready'), env, failFeatures, maybeYield);
  await pageLoaded(window);
  if (ctx.isInvalid) return;
  const late = await runFeatures(features.filter((f) => f.phase !== 'ready'), env, failFeatures);
  if (ctx.isInvalid) return;
  const byId = new Map([...early, ...late].map((o) => [o.id, o]));
  const outcomes = features.map((f) => byId.get(f.id)!).filter(Boolean);
  recordOutcomes(document.documentElement, script, contentScriptsFor(url), outcomes);
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
