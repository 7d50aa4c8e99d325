// @vitest-environment happy-dom
/**
 * The banner's hand-over phrase: for the viewer on duty, "N carried over (oldest …), M new this
 * week" from the queue's published split; nobody else sees it; it rolls over when the next duty
 * week begins before a new check.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initDutyBanner } from '../../../../features/duty-banner';
import type { FeatureEnv } from '../../../../features/types';
import { detectPage } from '../../../../utils/goc/page';
import type { HandoverSummary } from '../../../../utils/queue/handover';
import { EMPTY_CACHE, type RotationCache } from '../../../../utils/rotation';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { STORED } from '../../../../utils/storage-items';

const DAY = 86_400_000;
const TUE = '2026-02-10T15:00:00Z';
const NEXT_TUE = '2026-02-17T15:00:00Z';
const MONDAY = Date.parse('2026-02-09T06:00:00Z');
const WEEKS = [
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Alain Roy' },
];

const SPLIT: HandoverSummary = {
  weekStart: '2026-02-09',
  weekStartAt: MONDAY,
  nextWeekStartAt: MONDAY + 7 * DAY,
  carriedOver: 2,
  newThisWeek: 1,
  oldestCarriedSince: Date.parse(TUE) - 5 * DAY,
  oldestCarriedAtLeast: false,
  oldestNewSince: Date.parse(TUE) - 2 * 3_600_000,
  oldestNewAtLeast: false,
};

const cache = (): RotationCache => ({ ...EMPTY_CACHE, weeks: WEEKS, status: { ...EMPTY_CACHE.status, lastGoodAt: Date.parse(TUE) } });

function settingsFor(name: string): Settings {
  const s = defaultSettings();
  s.identity.name = name;
  s.rotation.source = 'https://ticket.opensciencegrid.org/rotation/triage.ics';
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

const phrase = () => document.querySelector('[data-gta="duty-banner"] [data-gta-part="handover"]')?.textContent ?? null;

async function store(now: string, handover?: HandoverSummary) {
  await browser.storage.local.set({
    [STORED.rotationCache.key]: cache(),
    [STORED.debugRotationNow.key]: now,
    [STORED.debugHooksAllowed.key]: true, // the test clock counts: a development install
    [STORED.queueLatest.key]: { state: 'ok', counts: { open: 9, software: 5, untriaged: 3, stale: 0, overdue: 0 }, ...(handover ? { handover } : {}) },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  invalidators.length = 0;
  document.body.innerHTML = '<div class="navbar navbar-fixed-top"></div><div class="container-fluid"></div>';
});
afterEach(() => invalidators.forEach((cb) => cb()));

describe('duty banner: carried over', () => {
  it('the viewer on duty sees the two counts apart, with the oldest age', async () => {
    await store(TUE, SPLIT);
    await initDutyBanner(env(settingsFor('Alain Roy')));
    expect(phrase()).toBe('2 carried over (oldest 5 d), 1 new this week');
    expect(document.querySelector('[data-gta-part="untriaged"]')?.textContent).toBe('3 untriaged tickets');
  });

  it('someone else does not; nor does anyone without a split', async () => {
    await store(TUE, SPLIT);
    await initDutyBanner(env(settingsFor('Mat Selmeci')));
    expect(document.querySelector('[data-gta="duty-banner"]')?.getAttribute('data-gta-state')).toBe('duty');
    expect(phrase()).toBeNull();
    invalidators.forEach((cb) => cb());

    await store(TUE);
    await initDutyBanner(env(settingsFor('Alain Roy')));
    expect(document.querySelector('[data-gta-part="untriaged"]')?.textContent).toBe('3 untriaged tickets');
    expect(phrase()).toBeNull();
  });

  it('a new week without a new check: everything from the last check is carried over', async () => {
    await store(NEXT_TUE, SPLIT);
    await initDutyBanner(env(settingsFor('Alain Roy')));
    expect(phrase()).toBe('3 carried over (oldest 12 d), 0 new this week');
  });

  it('follows a newly published check', async () => {
    await store(TUE, SPLIT);
    await initDutyBanner(env(settingsFor('Alain Roy')));
    await browser.storage.local.set({
      [STORED.queueLatest.key]: { state: 'ok', counts: { open: 9, software: 5, untriaged: 1, stale: 0, overdue: 0 }, handover: { ...SPLIT, carriedOver: 0, newThisWeek: 1, oldestCarriedSince: null } },
    });
    await vi.waitFor(() => expect(phrase()).toBe('none carried over, 1 new this week'));
  });
});
