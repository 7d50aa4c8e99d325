/**
 * Queue watch end to end (issue 5), in both browsers against the simulator: the toolbar badge and
 * the popup count equal the simulator's untriaged count; a new untriaged ticket and a triaged one
 * are followed after "Check now" (with a notification); every fault state (500, timeout, login
 * page, changed markup, offline) shows itself and keeps the last good snapshot; a background killed
 * mid-check recovers; the list page flags Software rows and filters them without breaking
 * DataTables' sorting or column toggles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { DAY_MS, mondayOf, notifyingClockOffsetMs } from './queue-clock';
import { STORED } from '../../utils/storage-items';

/** Notifications at any hour of the test run, and no midday nudge to muddle the log. */
const QUEUE_CONFIG = {
  notifications: { newTicket: 'always', middayNudge: false },
  schedule: { workStart: '00:00', workEnd: '23:59' },
  queue: { timeoutSeconds: 3 },
};
const GREY = [0x80, 0x86, 0x8b, 255];

/** The queue clock's shift for the running test, set once by freshQueue (see queue-clock.ts). */
let clockOffset = 0;

interface Latest {
  state: string;
  checking: boolean;
  checkedAt: number | null;
  counts: { untriaged: number; stale: number; overdue: number; software: number } | null;
  message: string | null;
}

async function latest(ext: ExtDriver): Promise<Latest> {
  return (await ext.getStorage('queue.latest'))['queue.latest'];
}

async function badge(ext: ExtDriver): Promise<{ text: string; colour: number[]; title: string }> {
  return ext.background(async () => {
    const g = globalThis as any;
    const api = g.browser ?? g.chrome;
    const action = api.action ?? api.browserAction;
    return {
      text: await action.getBadgeText({}),
      colour: Array.from(await action.getBadgeBackgroundColor({})) as number[],
      title: await action.getTitle({}),
    };
  });
}

async function notificationIds(ext: ExtDriver): Promise<string[]> {
  const log = (await ext.getStorage('queue.notifications'))['queue.notifications'] ?? [];
  return log.map((n: { id: string }) => n.id);
}

/** Rows of a store in the extension's `gta-queue` IndexedDB (read from an extension page). */
async function dbRows<T = any>(ext: ExtDriver, store: string): Promise<T[]> {
  return ext.extensionEval(
    (name) =>
      new Promise<any[]>((resolve, reject) => {
        const open = indexedDB.open('gta-queue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

const TICK = 'gta-queue-tick';

/** The queue's 1-minute tick alarm as the browser holds it (null when absent). */
async function tickAlarm(ext: ExtDriver): Promise<unknown> {
  return ext.background(async (name) => {
    const g = globalThis as any;
    return ((await (g.browser ?? g.chrome).alarms.get(name)) as unknown) ?? null;
  }, TICK);
}

/**
 * Pauses the background's own schedule: the tick alarm is cleared (only a worker start creates it
 * again), so no scheduled check can add a row or move the counts while a test asserts them. Tests
 * drive checks with "Check now" only.
 */
async function pauseTick(ext: ExtDriver): Promise<void> {
  await ext.background(async (name) => {
    const g = globalThis as any;
    await (g.browser ?? g.chrome).alarms.clear(name);
  }, TICK);
  expect(await tickAlarm(ext)).toBeNull();
}

async function freshQueue(ext: ExtDriver, sim: SimHandle): Promise<void> {
  // Stop the tick first, then let a check it may have started finish before wiping, so nothing of it lands afterwards.
  await pauseTick(ext);
  await expect.poll(async () => (await latest(ext))?.checking ?? false, { timeout: 15_000 }).toBe(false);
  await ext.clearStorage();
  await ext.extensionEval(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.deleteDatabase('gta-queue');
        req.onsuccess = req.onerror = () => resolve(null);
        setTimeout(() => resolve(null), 5000);
      }),
  );
  await ext.importConfig(QUEUE_CONFIG);
  clockOffset = notifyingClockOffsetMs();
  if (clockOffset) await ext.setStorage({ 'debug.queueClockOffsetMs': clockOffset });
  await sim.control('fault', { mode: 'none' });
  await sim.login('aroy');
}

async function openPopup(ext: ExtDriver): Promise<GtaPage> {
  const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
  await popup.setViewport({ width: 360, height: 640 });
  return popup;
}

/** Presses "Check now" and waits for the popup to show a check newer than the one it showed. */
async function checkNow(popup: GtaPage, options: { state?: string; keyboard?: boolean; timeout?: number } = {}): Promise<void> {
  const before = await popup.attr('[data-gta="queue-section"]', 'data-gta-checked-at');
  await popup.waitForSelector('[data-gta="queue-check-now"]:not([disabled])');
  if (options.keyboard) {
    await popup.focus('[data-gta="queue-check-now"]');
    await popup.press('Enter');
  } else {
    await popup.click('[data-gta="queue-check-now"]');
  }
  await popup.waitForFunction(
    ({ before, state }) => {
      const section = document.querySelector<HTMLElement>('[data-gta="queue-section"]');
      const button = document.querySelector<HTMLButtonElement>('[data-gta="queue-check-now"]');
      if (!section || !button || button.disabled) return false;
      if (state) return section.dataset.gtaState === state && (state === 'offline' || section.dataset.gtaCheckedAt !== before);
      return section.dataset.gtaCheckedAt !== before;
    },
    { before, state: options.state },
    { timeout: options.timeout ?? 20_000 },
  );
}

async function popupCount(popup: GtaPage): Promise<string | null> {
  return popup.attr('[data-gta="queue-count"]', 'data-gta-count');
}

async function simUntriaged(sim: SimHandle): Promise<number> {
  return (await sim.control('state')).untriaged;
}

type FlagKind = 'untriaged' | 'stale' | 'overdue';

/**
 * The simulator's own ids per queue flag (tests/goc-sim/classify.mjs, checked against the shared
 * table tests/spec/classification-cases.json), sorted: the independent truth the page and the popup
 * are compared with. `overdue` is the queue's flag (`softwareOverdue`), not every late ticket.
 * Stale and overdue move with time (a day boundary in the team zone, a NAD passing): `at` is the
 * instant the flags are wanted for.
 */
async function simFlagIds(sim: SimHandle, at: number): Promise<Record<FlagKind, number[]>> {
  const { ids } = await sim.control(`state?at=${at}`);
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  return { untriaged: sorted(ids.untriaged), stale: sorted(ids.stale), overdue: sorted(ids.softwareOverdue) };
}

/** Ids of the popup's tickets in one group list, sorted. */
async function popupIds(popup: GtaPage, list: FlagKind): Promise<number[]> {
  return popup.evaluate(
    (l) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-gta-list="${l}"] li[data-gta-ticket]`))
        .map((li) => Number(li.dataset.gtaTicket))
        .sort((a, b) => a - b),
    list,
  );
}

test.describe('queue watch', () => {
  test.beforeEach(async ({ ext, sim }) => {
    await freshQueue(ext, sim);
  });

  test('badge and popup count equal the simulator; the popup fits 360 px and works from the keyboard', async ({ ext, sim }) => {
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok', keyboard: true });
    const expected = await simUntriaged(sim);
    expect(expected).toBeGreaterThan(0);
    expect(await popupCount(popup)).toBe(String(expected));
    expect(await popup.textOf('[data-gta="queue-count"]')).toBe(String(expected));
    const look = await badge(ext);
    expect(look.text).toBe(String(expected));
    expect(look.title).toContain(`${expected} untriaged`);
    // Not on duty (no rotation configured): blue, not red.
    expect(look.colour.slice(0, 3)).toEqual([0x1a, 0x73, 0xe8]);
    // The untriaged tickets are listed with links to GOC Ticket.
    expect(await popup.count('[data-gta-list="untriaged"] li a[href^="https://ticket.opensciencegrid.org/"]')).toBe(expected);
    // Each says its own age from the list's dates, oldest Submit Date first.
    const rows = await popup.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-gta-list="untriaged"] li')).map((li) => ({
        submitted: li.dataset.gtaSubmitted ?? '',
        ages: li.querySelector('[data-gta-part="ages"]')?.textContent ?? '',
      })),
    );
    for (const r of rows) expect(r.ages).toMatch(/^opened (today|\d+ d ago)/);
    expect(rows.map((r) => r.submitted)).toEqual(rows.map((r) => r.submitted).sort());
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Tab reaches every kind of control (buttons, links, the groups' summaries), each with a visible focus ring.
    const reached = new Map<string, boolean>();
    // Start from the top of the page (the last keypress left focus on "Check now").
    await popup.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    const wanted = ['queue-report-open', 'popup-options', 'queue-check-now', 'queue-open-list', 'summary:stale', 'summary:overdue', 'a'];
    for (let i = 0; i < 80 && !wanted.every((k) => reached.has(k)); i++) {
      await popup.press('Tab');
      const focused = await popup.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const cs = getComputedStyle(e);
        const key = e.dataset.gta ?? (e.tagName === 'SUMMARY' ? `summary:${e.parentElement?.dataset.gtaGroup}` : e.tagName.toLowerCase());
        return { key, ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
      });
      if (focused && !reached.has(focused.key)) reached.set(focused.key, focused.ring);
    }
    for (const key of wanted) {
      expect(reached.get(key), `${key} reached by Tab with a focus ring`).toBe(true);
    }
    // A reopened popup renders the same numbers from local data, before any network.
    await sim.control('fault', { mode: 'timeout', match: '/list/open' });
    const again = await openPopup(ext);
    expect(await popupCount(again)).toBe(String(expected));
  });

  test('a new untriaged ticket, then a triaged one: counts and the notification follow', async ({ ext, sim }) => {
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' }); // silent baseline
    const base = await simUntriaged(sim);
    expect(await notificationIds(ext)).toEqual([]);

    const created = await sim.control('tickets', { title: 'E2E: CE jobs held after upgrade' });
    expect(await simUntriaged(sim)).toBe(base + 1);
    await checkNow(popup, { state: 'ok' });
    expect(await popupCount(popup)).toBe(String(base + 1));
    expect((await badge(ext)).text).toBe(String(base + 1));
    expect(await notificationIds(ext)).toEqual([`gta-ticket-${created.id}`]);
    // The browser accepted it, in both browsers (Firefox closes it at once without a notification daemon,
    // so the log's record of what notifications.create answered is what can be checked there).
    expect((await ext.getStorage('queue.notifications'))['queue.notifications'][0]).toMatchObject({ id: `gta-ticket-${created.id}`, shown: true });
    expect(await popup.textOf(`[data-gta-ticket="${created.id}"]`)).toContain('E2E: CE jobs held after upgrade');
    if (ext.browserName === 'chromium') {
      const shown = await ext.background(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
      expect(shown).toContain(`gta-ticket-${created.id}`);
    }

    await sim.control('tickets', { id: created.id, nextAction: 'Working on it', assignees: ['osg-software-support-stream', 'matyas'] });
    await checkNow(popup, { state: 'ok' });
    expect(await popupCount(popup)).toBe(String(base));
    expect((await badge(ext)).text).toBe(base === 0 ? '' : String(base));
    // No second notification for the same ticket.
    expect(await notificationIds(ext)).toEqual([`gta-ticket-${created.id}`]);
    const record = (await dbRows(ext, 'tickets')).find((t) => t.id === created.id);
    expect(record).toMatchObject({ untriaged: false, baseline: false });
    expect(record.leftTriage).toBeGreaterThanOrEqual(record.firstSeenUntriaged);

    // The weekly report (options page) counts the arrival and its time in triage.
    const options = await ext.openExtensionPage('options.html', { waitFor: '[data-gta-report="arrivals"]' });
    expect(await options.textOf('[data-gta-report="arrivals"]')).toMatch(new RegExp(`^1 ticket arrived in triage: ${created.id}$`));
    expect(await options.textOf('[data-gta-report="triage-time"]')).toContain(`worst`);
    expect(await options.textOf('[data-gta-report="still-untriaged"]')).toContain(`Still untriaged now: ${base}`);
    // Queue settings save through the validated settings path.
    await options.fill('#gta-queue-stale', '3');
    await options.click('[data-gta="queue-options-save"]');
    await options.waitForSelector('[data-gta="options-queue"] .gta-ok');
    expect((await ext.getStorage('settings')).settings.queue.staleDays).toBe(3);
  });

  test('fault states: 500, timeout, login page, changed markup and offline each show and keep the last good data', async ({ ext, sim }) => {
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    const good = String(await simUntriaged(sim));
    const goodTickets = (await dbRows(ext, 'tickets')).length;

    const cases = [
      { mode: '500', state: 'error', text: '!', says: 'HTTP 500' },
      { mode: 'timeout', state: 'error', text: '!', says: 'within 3 s' },
      { mode: 'login', state: 'signed-out', text: '?', says: 'login page' },
      { mode: 'markup', state: 'error', text: '!', says: 'changed' },
    ];
    for (const c of cases) {
      await sim.control('fault', { mode: c.mode, match: '/list/open' });
      await checkNow(popup, { state: c.state });
      expect(await popup.textOf('[data-gta="queue-state"]'), c.mode).toContain(c.says);
      if (c.state === 'signed-out') expect(await popup.attr('[data-gta="queue-sign-in"]', 'href'), c.mode).toMatch(/\/sso\/$/);
      expect(await popupCount(popup), c.mode).toBe(good);
      expect((await badge(ext)).text, c.mode).toBe(c.text);
      expect((await badge(ext)).title, c.mode).toContain(`${good} untriaged`);
      expect((await dbRows(ext, 'tickets')).length, c.mode).toBe(goodTickets);
      await sim.control('fault', { mode: 'none' });
    }

    await ext.setOffline(true);
    try {
      await checkNow(popup, { state: 'offline' });
      expect(await popupCount(popup)).toBe(good);
      expect(await badge(ext)).toMatchObject({ text: good, colour: GREY });
    } finally {
      await ext.setOffline(false);
    }
    await checkNow(popup, { state: 'ok' });
    expect(await popupCount(popup)).toBe(good);
    // The tick stayed paused throughout (freshQueue), so every row is one of this test's checks.
    expect(await tickAlarm(ext)).toBeNull();
    const states = (await dbRows(ext, 'checks')).map((c) => c.state);
    expect(states).toEqual(['ok', 'error', 'error', 'signed-out', 'error', 'offline', 'ok']);
  });

  test('a background stopped mid-check: the next check completes with consistent data', async ({ ext, sim }) => {
    // The check must still be waiting for the list when the worker goes, however slow the machine:
    // the list answers after 50 s and the check's own timeout is 45 s, both beyond this test's life.
    await ext.importConfig({ ...QUEUE_CONFIG, queue: { timeoutSeconds: 45 } });
    let popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    const created = await sim.control('tickets', { title: 'E2E: arrives while the worker dies' });
    await sim.control('fault', { mode: 'slow', match: '/list/open', delayMs: 50_000 });
    await popup.click('[data-gta="queue-check-now"]');
    await expect.poll(async () => (await ext.getStorage('queue.inflight'))['queue.inflight'] ?? null).not.toBeNull();
    expect(await tickAlarm(ext)).toBeNull(); // paused by freshQueue: the restart below must bring it back

    // Firefox's stand-in for a killed worker is an extension reload, which closes extension tabs:
    // keep an ordinary tab open so the window survives it.
    // A GOC page asks the worker for its after-load scripts: let it finish first, so that request
    // does not start the worker again just after it is stopped.
    const keeper = await ext.openGocPage(sim.url('/__sim/health'));
    const how = await ext.stopServiceWorker();
    await sim.control('fault', { mode: 'none' });
    if (how === 'reloaded') popup = await openPopup(ext); // Firefox: a reload closes extension pages
    else await popup.waitForSelector('[data-gta="queue-check-now"]:not([disabled])', { timeout: 15_000 });
    await checkNow(popup, { state: 'ok' });

    const now = await latest(ext);
    expect(now).toMatchObject({ state: 'ok', checking: false });
    expect(now.counts?.untriaged).toBe(await simUntriaged(sim));
    expect(await popupCount(popup)).toBe(String(await simUntriaged(sim)));
    expect((await ext.getStorage('queue.inflight'))['queue.inflight']).toBeUndefined();
    const checks = (await dbRows(ext, 'checks')).map((c) => c.state);
    expect(checks).toContain('interrupted');
    expect(checks[checks.length - 1]).toBe('ok');
    const record = (await dbRows(ext, 'tickets')).find((t) => t.id === created.id);
    expect(record).toMatchObject({ untriaged: true, goneAt: null });
    // The alarm that drives the schedule is back after the restart.
    const alarm = await ext.background(async () => {
      const g = globalThis as any;
      return ((g.browser ?? g.chrome).alarms.get('gta-queue-tick') as Promise<unknown>) ?? null;
    });
    expect(alarm).toBeTruthy();
  });

  test('on duty (a rotation override for this week): red badge, on-duty notifications reach me', async ({ ext, sim }) => {
    const team = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname ?? __dirname, '../fixtures/team-config.json'), 'utf8'));
    await ext.importConfig({
      ...team,
      ...QUEUE_CONFIG,
      notifications: { newTicket: 'on-duty', middayNudge: false },
      rotation: { ...team.rotation, source: '', overrides: [{ week: mondayOf(Date.now() + clockOffset), person: 'Alain Roy' }] },
    });
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    const look = await badge(ext);
    expect(look.colour).toEqual([0xd9, 0x30, 0x25, 255]);
    expect(look.title).toContain('on triage duty');
    const created = await sim.control('tickets', { title: 'E2E: for the person on duty' });
    await checkNow(popup, { state: 'ok' });
    expect(await notificationIds(ext)).toEqual([`gta-ticket-${created.id}`]);
  });

  test('hand-over: a week later the untriaged tickets are carried over, a new one is new this week (popup and banner)', async ({ ext, sim }) => {
    const team = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname ?? __dirname, '../fixtures/team-config.json'), 'utf8'));
    const weekAhead = Date.now() + clockOffset + 7 * DAY_MS;
    await ext.importConfig({
      ...team,
      ...QUEUE_CONFIG,
      notifications: { newTicket: 'never', middayNudge: false, dutyReminder: false },
      rotation: { ...team.rotation, source: '', overrides: [{ week: mondayOf(weekAhead), person: 'Alain Roy' }] },
    });
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    const before = await simUntriaged(sim);
    expect(before).toBeGreaterThan(0);
    // The queue's and the rotation's clocks move a week on: everything seen so far predates that duty week.
    await ext.setStorage({ 'debug.queueClockOffsetMs': clockOffset + 7 * DAY_MS, 'debug.rotationNow': weekAhead });
    await sim.control('tickets', { title: 'E2E: arrived in the new duty week' });
    await checkNow(popup, { state: 'ok' });
    const handover = (await ext.getStorage('queue.latest'))['queue.latest'].handover;
    expect(handover).toMatchObject({ weekStart: mondayOf(weekAhead), carriedOver: before, newThisWeek: 1 });

    await popup.waitForSelector('[data-gta="popup-duty"][data-gta-you="true"] [data-gta-part="handover"]');
    expect(await popup.textOf('[data-gta-part="carried-over"]')).toMatch(new RegExp(`^${before} carried over \\(oldest \\d+ (min|h|d) or more\\)$`));
    expect(await popup.textOf('[data-gta-part="new-this-week"]')).toBe('1 new this week');

    const page = await ext.openGocPage(sim.url('/list/open'));
    await page.waitForSelector('[data-gta="duty-banner"][data-gta-you="true"] [data-gta-part="handover"]');
    expect(await page.textOf('[data-gta="duty-banner"] [data-gta-part="handover"]')).toMatch(new RegExp(`^${before} carried over .*, 1 new this week$`));
  });

  test('list page and popup flag exactly the simulator\'s untriaged, stale and overdue ids', async ({ ext, sim }) => {
    // Stale and overdue depend on "now": the queue's clock must be the simulator's (no weekend shift here).
    await ext.removeStorage('debug.queueClockOffsetMs');
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    await popup.waitForSelector('[data-gta="queue-section"][data-gta-lists="loaded"]');
    // The truth at the instant the check classified (a run across midnight in the team zone moves tickets into stale).
    const truth = await simFlagIds(sim, (await latest(ext)).checkedAt!);
    // The seed puts tickets on the rules' edges (tests/goc-sim/README.md); every flag has members.
    for (const kind of ['untriaged', 'stale', 'overdue'] as const) expect(truth[kind].length, kind).toBeGreaterThan(0);
    for (const kind of ['untriaged', 'stale', 'overdue'] as const) expect(await popupIds(popup, kind), `popup ${kind}`).toEqual(truth[kind]);
    expect(await popupCount(popup)).toBe(String(truth.untriaged.length));
    expect(await popup.attr('[data-gta-count-stale]', 'data-gta-count-stale')).toBe(String(truth.stale.length));
    expect(await popup.attr('[data-gta-count-overdue]', 'data-gta-count-overdue')).toBe(String(truth.overdue.length));

    const opened = Date.now();
    const page = await ext.openGocPage('/list/open');
    await page.waitForSelector('[data-gta="software-filter"]');
    expect(await page.attr('html', 'data-gta-features')).toContain('queue-highlight:ok');
    const flagged = (kind: FlagKind) =>
      page.evaluate(
        (k) =>
          Array.from(document.querySelectorAll('#tickets tbody tr'))
            .filter((tr) => tr.querySelector(`[data-gta="row-flag"][data-gta-kind="${k}"]`))
            .map((tr) => Number(/\/(\d+)'/.exec(tr.getAttribute('onclick') ?? '')?.[1]))
            .sort((a, b) => a - b),
        kind,
      );
    const onPage = { untriaged: await flagged('untriaged'), stale: await flagged('stale'), overdue: await flagged('overdue') };
    // The page classifies its rows at its own instant, between opening and reading: the truth at
    // either end (the same unless a day boundary or a NAD fell in between).
    const ends = [await simFlagIds(sim, opened), await simFlagIds(sim, Date.now())];
    for (const kind of ['untriaged', 'stale', 'overdue'] as const) expect(ends.map((t) => t[kind]), `list ${kind}`).toContainEqual(onPage[kind]);
  });

  test('list page: viewing it counts as looking at the queue today, stored once a day (not on every view)', async ({ ext }) => {
    // Each storage write wakes the background's listeners, so a second view the same day writes nothing.
    const key = STORED.queueLastOpenedAt.key;
    const stored = async () => (await ext.getStorage(key))[key] as number | undefined;
    await ext.removeStorage(key);
    await ext.openGocPage('/list/open');
    await expect.poll(stored).toBeGreaterThan(0);
    const first = (await stored())!;

    const again = await ext.openGocPage('/list/open');
    expect(await again.attr('html', 'data-gta-features')).toContain('queue-highlight:ok');
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a write that should not come
    expect(await stored()).toBe(first);

    // A mark from an earlier day is replaced.
    await ext.setStorage({ [key]: first - 2 * DAY_MS });
    await ext.openGocPage('/list/open');
    await expect.poll(stored).toBeGreaterThanOrEqual(first);
  });

  test('list page: Software rows flagged, the Software-only filter, sorting and column toggles still work', async ({ ext, sim }) => {
    const popup = await openPopup(ext);
    await checkNow(popup, { state: 'ok' });
    const counts = (await latest(ext)).counts!;
    const page = await ext.openGocPage('/list/open');
    await page.waitForSelector('[data-gta="software-filter"]');
    expect(await page.attr('html', 'data-gta-features')).toContain('queue-highlight:ok');

    const flagCount = (kind: string) => page.count(`#tickets [data-gta="row-flag"][data-gta-kind="${kind}"]`);
    expect(await flagCount('untriaged')).toBe(await simUntriaged(sim));
    expect(counts.software).toBe((await sim.control('state')).software);
    const totalRows = await page.count('#tickets tbody tr');

    const visibleRows = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLTableRowElement>('#tickets tbody tr'))
          .filter((tr) => getComputedStyle(tr).display !== 'none')
          .map((tr) => ({
            id: Number(/\/(\d+)'/.exec(tr.getAttribute('onclick') ?? '')?.[1]),
            software: tr.classList.contains('gta-row-software'),
          })),
      );

    await page.click('[data-gta="software-filter"]');
    await page.waitForSelector('[data-gta="software-filter"][aria-pressed="true"]');
    let rows = await visibleRows();
    expect(rows.length).toBe(counts.software);
    expect(rows.every((r) => r.software)).toBe(true);
    expect(await page.count('#tickets tbody tr')).toBe(totalRows); // hidden, not removed

    // DataTables sorts with the filter on (ID header: ascending → descending).
    const idsBefore = rows.map((r) => r.id);
    await page.evaluate(() => (document.querySelector('#tickets thead th') as HTMLElement).click());
    await page.waitForFunction(
      (first) => {
        const tr = Array.from(document.querySelectorAll('#tickets tbody tr')).find((r) => getComputedStyle(r).display !== 'none');
        return tr && !tr.getAttribute('onclick')?.includes(`/${first}'`);
      },
      idsBefore[0],
    );
    rows = await visibleRows();
    expect(rows.map((r) => r.id)).toEqual([...idsBefore].sort((a, b) => b - a));
    expect(rows.every((r) => r.software)).toBe(true);
    expect(await flagCount('untriaged')).toBe(await simUntriaged(sim));

    // DataTables' own search still filters underneath ours.
    const someId = rows[0].id;
    await page.fill('#tickets_filter input', String(someId));
    await page.waitForFunction(() => document.querySelectorAll('#tickets tbody tr').length < 5);
    expect((await visibleRows()).map((r) => r.id)).toEqual([someId]);
    await page.fill('#tickets_filter input', '');
    await page.waitForFunction((n) => document.querySelectorAll('#tickets tbody tr').length === n, totalRows);

    // Hiding the Assignees column: flags stay (from the background snapshot), no duplicates.
    await page.evaluate(() => {
      const toggle = Array.from(document.querySelectorAll<HTMLElement>('li.coltog')).find((li) => li.textContent?.trim() === 'Assignees');
      toggle?.click();
    });
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('#tickets thead th')).some((th) => th.textContent?.includes('Assignees')));
    await page.waitForFunction((n) => document.querySelectorAll('#tickets [data-gta="row-flag"][data-gta-kind="untriaged"]').length === n, await simUntriaged(sim));
    expect((await visibleRows()).length).toBe(counts.software);
    const perRow = await page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('#tickets tbody tr')).map((tr) => tr.querySelectorAll('[data-gta-kind="untriaged"]').length)),
    );
    expect(perRow).toBe(1);

    // Filter off: every row back.
    await page.click('[data-gta="software-filter"]');
    await page.waitForSelector('[data-gta="software-filter"][aria-pressed="false"]');
    expect((await visibleRows()).length).toBe(totalRows);
  });
});
