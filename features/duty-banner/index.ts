/**
 * The triage-duty banner on every GOC page (issue 4): this week's person with the week's dates,
 * next week's person, "No triage today; Monday: X" on weekends, a highlighted "You are on triage
 * duty" with the untriaged count when the queue check knows it. Collapsible for the day; without a
 * rotation it explains how to set one up, dismissible for good.
 *
 * It sits in the normal flow right under the fixed navbar (the body's padding-top keeps it clear of
 * the navbar), so it never covers page controls; the page content, list toolbar included, moves down
 * by the banner's one line. Data comes from storage.local (the rotation service's published cache
 * and the queue's latest counts): content scripts cannot read the extension's IndexedDB.
 */
import { browser } from 'wxt/browser';
import { h, render } from 'preact';
import { ensureStyles } from '../shared/dom';
import type { Feature, FeatureEnv } from '../types';
import { sendMessage } from '../../utils/messages';
import type { RotationCache } from '../../utils/rotation/cache';
import { bannerModel, type BannerModel } from '../../utils/rotation/banner';
import { handoverAt, handoverWords, type HandoverSummary } from '../../utils/queue/handover';
import type { Settings } from '../../utils/settings/schema';
import { getItems, removeItem, setItem, STORED, touches } from '../../utils/storage-items';
import { watchPageSettings } from '../shared/settings';
import { BannerView } from './Banner';

export const BANNER_STYLE = `
.gta-duty-banner{position:relative;z-index:1;margin:0 0 8px;padding:4px 12px;background:#eef3f8;border-bottom:1px solid #c5d3e2;color:#1f2d3d;font:13px/20px "Helvetica Neue",Helvetica,Arial,sans-serif}
.gta-duty-banner[data-gta-you="true"]{background:#fff4d6;border-bottom-color:#e0b84a}
.gta-duty-banner[data-gta-collapsed="true"]{padding:0 12px;background:transparent;border-bottom:0;margin:0}
.gta-duty-inner{display:flex;flex-wrap:wrap;align-items:center;gap:4px 14px}
.gta-duty-headline{font-weight:600}
.gta-duty-you{color:#7a4a00}
.gta-duty-count{padding:0 7px;border-radius:9px;background:#d93025;color:#fff;font-size:12px;font-weight:600}
.gta-duty-next{color:#44546a}
.gta-duty-handover{color:#7a4a00}
.gta-duty-problem{color:#8a1c00}
.gta-duty-unsynced{color:#44546a;font-style:italic}
.gta-duty-btn{margin:0 0 0 auto;padding:0 8px;border:1px solid #9aa9b8;border-radius:3px;background:#fff;color:#1f2d3d;font:12px/18px "Helvetica Neue",Helvetica,Arial,sans-serif;cursor:pointer}
.gta-duty-expand{margin:0;border-top:0;border-radius:0 0 4px 4px;background:#eef3f8}
.gta-duty-btn:focus-visible,.gta-duty-link:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.gta-duty-link{color:#005a9e;text-decoration:underline}
`;

interface BannerState {
  settings: Settings;
  cache: RotationCache;
  untriaged: number | null;
  /** The queue's hand-over split, when the last good check made one. */
  handover: HandoverSummary | undefined;
  collapsedOn: string | null;
  setupDismissed: boolean;
  debugNow: number | null;
}

/** What the banner reads from storage (the rotation and queue services publish the first two). */
const BANNER_ITEMS = {
  cache: STORED.rotationCache,
  latest: STORED.queueLatest,
  collapsedOn: STORED.bannerCollapsedOn,
  setupDismissed: STORED.bannerSetupDismissed,
  debugNow: STORED.debugRotationNow,
};

async function readState(settings: Settings): Promise<BannerState> {
  const { latest, ...stored } = await getItems(browser.storage, BANNER_ITEMS);
  const n = latest.counts?.untriaged;
  return { settings, ...stored, untriaged: typeof n === 'number' && n >= 0 ? n : null, handover: latest.handover };
}

/** The banner's host: one per page, right after the fixed navbar (or first in the body). */
function mountPoint(doc: Document): HTMLElement {
  // A host left by an earlier (reloaded) instance of the content script is replaced, not doubled.
  doc.querySelectorAll('[data-gta="duty-banner"]').forEach((old) => old.remove());
  const host = doc.createElement('div');
  host.setAttribute('data-gta', 'duty-banner');
  host.className = 'gta-duty-banner';
  host.setAttribute('role', 'status');
  host.setAttribute('aria-label', 'Triage duty');
  const body = doc.body;
  const navbar = Array.from(body.children).find((el) => el.classList.contains('navbar-fixed-top'));
  if (navbar) navbar.after(host);
  else body.prepend(host);
  return host;
}

function applyAttributes(host: HTMLElement, model: BannerModel): void {
  const set = (name: string, value: string) => {
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  };
  const duty = model.kind === 'duty' && !model.unsynced ? model.view : null;
  set('data-gta-duty', duty?.duty ?? '');
  set('data-gta-next', duty?.next ?? '');
  set('data-gta-you', String(duty?.you ?? false));
  set('data-gta-state', model.kind === 'duty' ? (model.unsynced ? 'unsynced' : model.view.kind) : model.kind);
  set('data-gta-collapsed', String(model.kind === 'duty' && model.collapsed));
  set('data-gta-sync-error', model.kind === 'duty' && (model.problem || model.unsynced) ? 'true' : 'false');
  host.hidden = model.kind === 'hidden';
}

export async function initDutyBanner(env: FeatureEnv): Promise<void> {
  const { document: doc, ctx } = env;
  if (!doc.body) return;
  ensureStyles(doc, { marker: 'duty-banner-style', css: BANNER_STYLE });
  const host = mountPoint(doc);
  let state = await readState(env.settings);
  if (ctx.isInvalid) {
    host.remove();
    return;
  }

  const paint = () => {
    const now = state.debugNow ?? Date.now();
    const model = bannerModel({
      now,
      settings: state.settings,
      cache: state.cache,
      untriaged: state.untriaged,
      collapsedOn: state.collapsedOn,
      setupDismissed: state.setupDismissed,
    });
    applyAttributes(host, model);
    const today = model.today;
    const handover = model.kind === 'duty' && model.view.you && state.handover ? handoverText(state.handover, now) : null;
    render(
      h(BannerView, {
        model,
        handover,
        actions: {
          openOptions: () => void sendMessage('openOptions', { section: 'rotation' }).catch(() => undefined),
          dismissSetup: () => void setItem(browser.storage, STORED.bannerSetupDismissed, true),
          collapse: () => void setItem(browser.storage, STORED.bannerCollapsedOn, today),
          expand: () => void removeItem(browser.storage, STORED.bannerCollapsedOn),
        },
      }),
      host,
    );
  };

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (!touches(changes, area, Object.values(BANNER_ITEMS))) return;
    void readState(state.settings).then((next) => {
      state = { ...next, settings: state.settings };
      paint();
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  const stopSettings = watchPageSettings((settings) => {
    state = { ...state, settings };
    paint();
  });
  // The day (and with it the duty) changes while a page stays open.
  ctx.setInterval(paint, 5 * 60_000);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    stopSettings();
    render(null, host);
    host.remove();
  });
  paint();
}

/** For the person on duty: "2 carried over (oldest 4 d), 1 new this week". */
function handoverText(summary: HandoverSummary, now: number): string {
  const words = handoverWords(handoverAt(summary, now), now);
  return `${words.carried}, ${words.fresh}`;
}

export const dutyBanner: Feature = {
  id: 'duty-banner',
  pages: ['ticket', 'list', 'search', 'other'],
  init: initDutyBanner,
};
