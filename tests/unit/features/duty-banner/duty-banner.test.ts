// @vitest-environment happy-dom
/**
 * The duty banner on a GOC-shaped page: placement under the fixed navbar, data attributes, words,
 * collapse for the day, the set-up variant, kept data on sync errors, idempotent mounting.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initDutyBanner } from '../../../../features/duty-banner';
import type { FeatureEnv } from '../../../../features/types';
import { EMPTY_CACHE, type RotationCache } from '../../../../utils/rotation';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { detectPage } from '../../../../utils/goc/page';
import { STORED } from '../../../../utils/storage-items';

const TUE = '2026-02-10T15:00:00Z';
const SAT = '2026-02-14T15:00:00Z';

function page() {
  document.body.innerHTML = `
    <div class="navbar navbar-inverse navbar-fixed-top"><div class="navbar-inner"><a class="brand">GOC Ticket</a></div></div>
    <div class="container-fluid ticket-list"><div class="toolbar">toolbar</div><table id="tickets"></table></div>`;
}

function cache(weeks: RotationCache['weeks'], status: Partial<RotationCache['status']> = {}): RotationCache {
  return { ...EMPTY_CACHE, weeks, status: { ...EMPTY_CACHE.status, lastGoodAt: Date.parse('2026-02-10T12:00:00Z'), ...status } };
}

const WEEKS = [
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Mat Selmeci' },
];

function settingsFor(name: string, source = 'https://ticket.opensciencegrid.org/rotation/triage.ics'): Settings {
  const s = defaultSettings();
  s.identity.name = name;
  s.rotation.source = source;
  return s;
}

const invalidators: (() => void)[] = [];
function env(settings: Settings): FeatureEnv {
  const ctx = {
    isInvalid: false,
    onInvalidated: (cb: () => void) => {
      invalidators.push(cb);
      return () => undefined;
    },
    setInterval: () => 0,
  };
  return { document, settings, page: detectPage(document, new URL('https://ticket.opensciencegrid.org/list/open')), ctx: ctx as never };
}

const banner = () => document.querySelector<HTMLElement>('[data-gta="duty-banner"]')!;
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  fakeBrowser.reset();
  // The test clock (debug.rotationNow) counts: a development install.
  await browser.storage.local.set({ [STORED.debugHooksAllowed.key]: true });
  invalidators.length = 0;
  page();
});
afterEach(() => invalidators.forEach((cb) => cb()));

describe('duty banner', () => {
  it('sits right under the fixed navbar, before the page content, with the duty attributes', async () => {
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS), [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    const b = banner();
    expect(b.previousElementSibling?.classList.contains('navbar-fixed-top')).toBe(true);
    expect(b.nextElementSibling?.classList.contains('container-fluid')).toBe(true);
    expect(getComputedStyle(b).position).not.toBe('fixed');
    expect(b.dataset).toMatchObject({ gtaDuty: 'Alain Roy', gtaNext: 'Mat Selmeci', gtaYou: 'false', gtaState: 'duty' });
    expect(b.textContent).toContain('Triage duty this week (Mon 9 – Fri 13 Feb): Alain Roy');
    expect(b.textContent).toContain('Next week: Mat Selmeci');
  });

  it('on a weekend: no triage today, who takes over on Monday', async () => {
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS), [STORED.debugRotationNow.key]: SAT });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(banner().getAttribute('data-gta-duty')).toBe('');
    expect(banner().dataset).toMatchObject({ gtaNext: 'Mat Selmeci', gtaYou: 'false', gtaState: 'weekend' });
    expect(banner().textContent).toContain('No triage today; Monday: Mat Selmeci');
  });

  it('highlights "You are on triage duty" with the queue’s untriaged count', async () => {
    await browser.storage.local.set({
      [STORED.rotationCache.key]: cache(WEEKS),
      [STORED.debugRotationNow.key]: TUE,
      'queue.latest': { state: 'ok', counts: { open: 9, software: 5, untriaged: 3, stale: 0, overdue: 0 } },
    });
    await initDutyBanner(env(settingsFor('alain roy')));
    expect(banner().dataset.gtaYou).toBe('true');
    expect(banner().textContent).toContain('You are on triage duty this week');
    expect(banner().querySelector('[data-gta-part="untriaged"]')?.textContent).toBe('3 untriaged tickets');
  });

  it('without queue counts it simply leaves the count out', async () => {
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS), [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Alain Roy')));
    expect(banner().querySelector('[data-gta-part="untriaged"]')).toBeNull();
  });

  it('collapses for the day and expands again', async () => {
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS), [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    banner().querySelector<HTMLButtonElement>('[data-gta-action="collapse"]')!.click();
    await settle();
    expect((await browser.storage.local.get(STORED.bannerCollapsedOn.key))[STORED.bannerCollapsedOn.key]).toBe('2026-02-10');
    expect(banner().dataset.gtaCollapsed).toBe('true');
    expect(banner().dataset.gtaDuty).toBe('Alain Roy');
    // The next day it is back.
    await browser.storage.local.set({ [STORED.debugRotationNow.key]: '2026-02-11T15:00:00Z' });
    await settle();
    expect(banner().dataset.gtaCollapsed).toBe('false');
    await browser.storage.local.set({ [STORED.debugRotationNow.key]: TUE });
    await settle();
    banner().querySelector<HTMLButtonElement>('[data-gta-action="expand"]')!.click();
    await settle();
    expect(banner().dataset.gtaCollapsed).toBe('false');
  });

  it('without a rotation: explains how to set one up, dismissible for good', async () => {
    await initDutyBanner(env(settingsFor('Alain Roy', '')));
    expect(banner().dataset.gtaState).toBe('setup');
    expect(banner().textContent).toMatch(/No triage rotation is set up/);
    expect(banner().querySelector('[data-gta-action="setup"]')).not.toBeNull();
    banner().querySelector<HTMLButtonElement>('[data-gta-action="dismiss"]')!.click();
    await settle();
    expect(banner().hidden).toBe(true);
    expect(banner().dataset.gtaState).toBe('hidden');
    // A new page stays quiet.
    invalidators.forEach((cb) => cb());
    page();
    await initDutyBanner(env(settingsFor('Alain Roy', '')));
    expect(banner().hidden).toBe(true);
  });

  it('a failed sync keeps the last good rotation and says so', async () => {
    await browser.storage.local.set({
      [STORED.rotationCache.key]: cache(WEEKS, { error: 'ticket.opensciencegrid.org answered HTTP 500: the server failed.', errorAt: Date.parse(TUE) }),
      [STORED.debugRotationNow.key]: TUE,
    });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(banner().dataset).toMatchObject({ gtaDuty: 'Alain Roy', gtaSyncError: 'true' });
    expect(banner().querySelector('[data-gta-part="problem"]')?.textContent).toMatch(/sync failed; showing the rotation synced 3 hours ago/);
  });

  it('updates live when a sync publishes a new rotation', async () => {
    await browser.storage.local.set({ [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(banner().dataset.gtaState).toBe('unsynced');
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS) });
    await settle();
    expect(banner().dataset.gtaDuty).toBe('Alain Roy');
  });

  it('renders names as text, never markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache([{ week: '2026-02-09', person: evil }]), [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(banner().querySelector('img')).toBeNull();
    expect(banner().dataset.gtaDuty).toBe(evil);
  });

  it('mounting twice leaves one banner', async () => {
    await browser.storage.local.set({ [STORED.rotationCache.key]: cache(WEEKS), [STORED.debugRotationNow.key]: TUE });
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(document.querySelectorAll('[data-gta="duty-banner"]')).toHaveLength(1);
    expect(document.querySelectorAll('style[data-gta="duty-banner-style"]')).toHaveLength(1);
  });
});
