/**
 * Triage rotation end to end (issue 4), in both browsers against the simulator: a team config whose
 * rotation.source points at the simulator's feed (served on the GOC origin, so the manifest's host
 * permission covers it) is synced in the background; the banner on a ticket page and on /list/open
 * names the person `GET /__sim/rotation/expected` names, for every source format; weekends, the
 * swapped week and the cancelled week follow the source; a broken source (HTTP 500, garbage, a login
 * page) shows its error in the options page and the popup while the banner keeps the last good
 * rotation; "Download rotation (.ics)" gives a calendar; the Monday reminder fires once.
 */
import ICAL from 'ical.js';
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { teamConfig } from './ticket-helpers';

const TZ = 'America/Chicago';
const DAY = 86_400_000;
const BANNER = '[data-gta="duty-banner"]';
const ICS = '/rotation/triage.ics';

const SOURCES: [string, string, string][] = [
  ['iCal feed', ICS, 'ics'],
  ['TWiki raw text', '/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text', 'twiki-tml'],
  ['TWiki rendered page', '/twiki/bin/view/SoftwareTeam/TriageRotation', 'twiki-html'],
  ['JSON file', '/rotation/rotation.json', 'json'],
];

interface Expected {
  date: string;
  weekStart: string;
  weekend: boolean;
  person: string | null;
  next: string | null;
  nextWeekStart: string;
  reason: string;
}

/** YYYY-MM-DD of an instant in the team zone. */
function teamDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** Calendar arithmetic on YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** An ISO instant for a wall-clock time in Chicago (CST or CDT, whichever holds that day). */
function chicago(date: string, hhmm: string): string {
  for (const offset of ['-06:00', '-05:00']) {
    const iso = `${date}T${hhmm}:00${offset}`;
    const back = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(Date.parse(iso));
    if (back === hhmm) return iso;
  }
  throw new Error(`no Chicago time ${date} ${hhmm}`);
}

async function expected(sim: SimHandle, date: string): Promise<Expected> {
  return sim.control<Expected>(`rotation/expected?date=${date}`);
}

async function cache(ext: ExtDriver): Promise<any> {
  return (await ext.getStorage('rotation.cache'))['rotation.cache'];
}

/** Asks the background for the rotation status (the @webext-core/messaging wire format). */
async function rotationStatus(ext: ExtDriver): Promise<any> {
  const answer = await ext.sendMessage<{ res?: any }>({ id: 1, type: 'getRotationStatus', data: undefined, timestamp: Date.now() });
  return answer?.res ?? null;
}

/** A profile with no rotation at all: the `gta-rotation` database deleted and storage emptied. */
async function freshProfile(ext: ExtDriver, sim: SimHandle): Promise<void> {
  await sim.control('fault', { mode: 'none' });
  await ext.extensionEval(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.deleteDatabase('gta-rotation');
        req.onsuccess = req.onerror = () => resolve(null);
        setTimeout(() => resolve(null), 5000);
      }),
  );
  await ext.clearStorage();
  // Clearing the settings makes the background sync (to "no source"); let it finish and publish.
  await expect.poll(async () => (await rotationStatus(ext))?.syncing ?? true, { timeout: 15_000 }).toBe(false);
  await expect.poll(async () => (await cache(ext))?.weeks?.length ?? 0, { timeout: 5_000 }).toBe(0);
}

/** Imports the team config with the given rotation source and waits for its first good sync. */
async function configure(ext: ExtDriver, sim: SimHandle, path: string, extra: Record<string, unknown> = {}): Promise<void> {
  await freshProfile(ext, sim);
  const source = sim.url(path);
  await ext.importConfig(teamConfig({ rotation: { source, timeZone: TZ }, ...extra }));
  await expect
    .poll(async () => (await cache(ext))?.status?.lastGoodSource ?? null, { timeout: 20_000, message: `first sync of ${path}` })
    .toBe(source);
}

interface BannerAttrs {
  duty: string | null;
  next: string | null;
  you: string | null;
  state: string | null;
  syncError: string | null;
  text: string;
}

async function banner(page: GtaPage): Promise<BannerAttrs> {
  await page.waitForSelector(BANNER);
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    return {
      duty: el.getAttribute('data-gta-duty'),
      next: el.getAttribute('data-gta-next'),
      you: el.getAttribute('data-gta-you'),
      state: el.getAttribute('data-gta-state'),
      syncError: el.getAttribute('data-gta-sync-error'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }, BANNER);
}

/** The banner agrees with the simulator's ground truth for that date. */
function expectBannerMatches(b: BannerAttrs, exp: Expected, me = 'Alain Roy'): void {
  expect(b.duty).toBe(exp.person ?? '');
  expect(b.next).toBe(exp.next ?? '');
  expect(b.you).toBe(String(exp.person === me));
  if (exp.weekend) expect(b.text).toContain(`No triage today; Monday: ${exp.next ?? 'nobody listed'}`);
  else if (exp.person === me) expect(b.text).toContain('You are on triage duty this week');
  else if (exp.person) expect(b.text).toContain(exp.person);
  else expect(b.text).toMatch(/Nobody is on triage duty this week/);
}

async function someTicketUrl(sim: SimHandle): Promise<string> {
  const tickets = await sim.control<{ id: number }[]>('tickets');
  return sim.url(`/${tickets[0].id}`);
}

for (const [label, path, format] of SOURCES) {
  test(`${label}: the banner names the simulator's person on a ticket page and on /list/open`, async ({ ext, sim }) => {
    await configure(ext, sim, path);
    expect((await cache(ext)).status.format).toBe(format);
    const today = teamDate(Date.now());
    const exp = await expected(sim, today);

    const ticket = await ext.openGocPage(await someTicketUrl(sim));
    expect(await ticket.evaluate(() => document.documentElement.dataset.gtaFeatures ?? '')).toContain('duty-banner:ok');
    expectBannerMatches(await banner(ticket), exp);

    const list = await ext.openGocPage(sim.url('/list/open'));
    expectBannerMatches(await banner(list), exp);
  });
}

test('weekends, the swapped week and the cancelled week follow the source', async ({ ext, sim }) => {
  await configure(ext, sim, ICS);
  const monday = mondayOf(teamDate(Date.now()));
  const days: [string, string][] = [
    ['next Saturday', addDays(monday, 5)],
    ['next week (RECURRENCE-ID override)', addDays(monday, 9)],
    ['the cancelled week (EXDATE)', addDays(monday, 23)],
    ['a week later', addDays(monday, 30)],
  ];
  const seen = new Set<string>();
  for (const [what, date] of days) {
    await ext.setStorage({ 'debug.rotationNow': chicago(date, '12:00') });
    const exp = await expected(sim, date);
    seen.add(exp.reason);
    const page = await ext.openGocPage(sim.url('/list/open'));
    const b = await banner(page);
    await test.step(`${what} (${date}: ${exp.reason})`, () => expectBannerMatches(b, exp));
    await page.close();
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(['exdate', 'override', 'weekend']));
  await ext.removeStorage('debug.rotationNow');
});

test('a broken source (500, garbage, login page) shows the error while the banner keeps the last good rotation', async ({ ext, sim }) => {
  await configure(ext, sim, ICS);
  const exp = await expected(sim, teamDate(Date.now()));
  const lastGoodAt = (await cache(ext)).status.lastGoodAt;
  const faults: [string, RegExp][] = [
    ['500', /HTTP 500: the server failed/],
    ['garbage', /not an iCal feed, a TWiki table or JSON/],
    ['login', /login page/],
  ];
  for (const [mode, message] of faults) {
    await test.step(`fault ${mode}`, async () => {
      await sim.control('fault', { mode, match: '/rotation/' });
      const options = await ext.openExtensionPage('options.html', { waitFor: '[data-gta="rotation-sync-now"]' });
      await options.click('[data-gta="rotation-sync-now"]');
      await options.waitForFunction(
        (re) => new RegExp(re).test(document.querySelector('[data-gta="rotation-error"]')?.textContent ?? ''),
        message.source,
        { timeout: 20_000 },
      );
      expect(await options.textOf('[data-gta="rotation-error"]')).toContain('The last good rotation is still in use');
      expect(await options.textOf('[data-gta="rotation-last-good"]')).toMatch(/Last good sync: .*weeks, iCal feed/);

      const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="popup-duty"] [data-gta-part="error"]' });
      expect(await popup.textOf('[data-gta="popup-duty"] [data-gta-part="error"]')).toMatch(message);
      expect(await popup.textOf('[data-gta="popup-duty"] [data-gta-part="last-good"]')).toMatch(/Last good sync/);
      expect(await popup.attr('[data-gta="popup-duty"]', 'data-gta-duty')).toBe(exp.weekend ? '' : (exp.person ?? ''));

      const list = await ext.openGocPage(sim.url('/list/open'));
      const b = await banner(list);
      expectBannerMatches(b, exp);
      expect(b.syncError).toBe('true');
      const stored = await cache(ext);
      // The failed attempt is recorded after the last good sync, which is kept with all its weeks.
      expect(stored.status.lastGoodAt).toBeGreaterThanOrEqual(lastGoodAt);
      expect(stored.status.errorAt).toBeGreaterThanOrEqual(stored.status.lastGoodAt);
      expect(stored.status.error).toMatch(message);
      expect(stored.weeks.length).toBeGreaterThan(50);
      await Promise.all([options.close(), popup.close(), list.close()]);
    });
  }
  await sim.control('fault', { mode: 'none', match: '/rotation/' });
});

test('"Download rotation (.ics)" in the popup gives a valid calendar with stable UIDs', async ({ ext, sim }) => {
  await configure(ext, sim, '/rotation/rotation.json');
  const weeks = (await cache(ext)).weeks as { week: string; person: string }[];
  const grab = async (): Promise<{ name: string; text: string }> => {
    const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="popup-download-ics"]' });
    await popup.evaluate(() => {
      const w = window as any;
      w.__gtaDownload = null;
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) {
          w.__gtaDownload = { name: this.download, href: this.href };
          return;
        }
        return original.call(this);
      };
    });
    await popup.click('[data-gta="popup-download-ics"]');
    await popup.waitForFunction(() => (window as any).__gtaDownload !== null);
    const file = await popup.evaluate(async () => {
      const d = (window as any).__gtaDownload;
      return { name: d.name as string, text: await (await fetch(d.href)).text() };
    });
    await popup.close();
    return file;
  };
  const first = await grab();
  expect(first.name).toMatch(/^triage-rotation-\d{4}-\d{2}-\d{2}\.ics$/);
  const events = new ICAL.Component(ICAL.parse(first.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(weeks.length);
  for (const e of events.slice(0, 5)) {
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.dayOfWeek()).toBe(ICAL.Time.MONDAY);
    expect(e.endDate.subtractDate(e.startDate).toSeconds()).toBe(5 * 86_400);
    const week = e.startDate.toString();
    expect(e.summary).toBe(`Triage: ${weeks.find((w) => w.week === week)?.person}`);
  }
  const second = await grab();
  const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
  expect(uids(second.text)).toEqual(uids(first.text));
  expect(new Set(uids(first.text)).size).toBe(events.length);
});

test('the Monday reminder fires once, at work start, for the person on duty', async ({ ext, sim }) => {
  const monday = mondayOf(teamDate(Date.now()));
  const exp = await expected(sim, monday);
  expect(exp.person).not.toBeNull();
  // The person on duty this week is "me".
  await configure(ext, sim, ICS, { identity: { name: exp.person, email: '', footprintsId: '', aliases: [] } });
  const notifications = () =>
    ext.background(async () => {
      const g = globalThis as any;
      const api = g.browser ?? g.chrome;
      return Object.keys(await api.notifications.getAll());
    });
  const reminded = async () => (await ext.getStorage('rotation.reminder'))['rotation.reminder'] ?? null;

  /** The reminder alarm's time as the browser holds it, in ms from now (real clock), or null. */
  const reminderAlarmIn = () =>
    ext.background(async () => {
      const g = globalThis as any;
      const alarm = await (g.browser ?? g.chrome).alarms.get('gta-rotation-reminder');
      return alarm ? (alarm.scheduledTime as number) - Date.now() : null;
    });
  const MIN = 60_000;
  const nextMonday = Date.parse(chicago(addDays(monday, 7), '09:00'));
  /**
   * Moves the rotation's test clock and waits until the background has acted on THAT clock: the
   * reminder alarm is re-armed for the next reminder counted from it (`nextIn(clock)` ms ahead,
   * within `slack`). Then fires the real reminder alarm (its onAlarm handler runs the reminder
   * check, then re-arms the alarm) and waits for that re-arm: only then has the check run at
   * this clock, and a negative assertion means something.
   */
  const atClock = async (iso: string, nextIn: (clock: number) => number, slack: number) => {
    const clock = Date.parse(iso);
    await ext.setStorage({ 'debug.rotationNow': iso });
    const near = (ms: number | null) => ms !== null && Math.abs(ms - nextIn(clock)) <= slack;
    await expect.poll(async () => near(await reminderAlarmIn()), { timeout: 15_000, message: `alarm re-armed from ${iso}` }).toBe(true);
    await ext.background(async () => {
      const g = globalThis as any;
      await (g.browser ?? g.chrome).alarms.create('gta-rotation-reminder', { when: Date.now() + 200 });
    });
    await expect.poll(async () => near(await reminderAlarmIn()), { timeout: 15_000, message: `reminder alarm fired at ${iso}` }).toBe(true);
  };
  // Next reminder: this Monday 09:00 from 08:55; next week's first workday at 09:00 (Monday, or a
  // later day if that Monday is a holiday) from the Saturday and from 15:00.
  const thisMonday = Date.parse(chicago(monday, '09:00'));
  const nextWeek = (clock: number) => nextMonday - clock + DAY / 2;

  // Before work start on Monday, and the Saturday of the same duty week: neither is a reminder time.
  await atClock(chicago(monday, '08:55'), (clock) => thisMonday - clock, MIN);
  expect(await reminded()).toBeNull();
  await atClock(chicago(addDays(monday, 5), '10:00'), nextWeek, DAY / 2 + MIN);
  expect(await reminded()).toBeNull();

  const nineOhFive = chicago(monday, '09:05');
  await ext.setStorage({ 'debug.rotationNow': nineOhFive });
  await expect.poll(reminded, { timeout: 15_000 }).toMatchObject({ week: monday, id: `gta-duty-${monday}`, shown: true });
  // Decided at 09:05, not by one of the clocks before it (those would have left their own time).
  expect((await reminded()).at).toBe(Date.parse(nineOhFive));
  expect((await reminded()).title).toBe('You are on triage duty this week');
  // Chromium keeps it listed; headless Firefox has no notification daemon and closes it at once.
  if (ext.browserName === 'chromium') await expect.poll(notifications, { timeout: 10_000 }).toContain(`gta-duty-${monday}`);

  // Later that day, once only: the check runs (the alarm fires at 15:00) and shows nothing new.
  const first = await reminded();
  await ext.background(async (id) => {
    const g = globalThis as any;
    await (g.browser ?? g.chrome).notifications.clear(id);
  }, `gta-duty-${monday}`);
  await atClock(chicago(monday, '15:00'), nextWeek, DAY / 2 + MIN);
  expect(await reminded()).toEqual(first);
  expect(await notifications()).not.toContain(`gta-duty-${monday}`);
  await ext.removeStorage('debug.rotationNow');
});

test('without a rotation the banner explains the set-up once and can be dismissed for good', async ({ ext, sim }) => {
  await freshProfile(ext, sim);
  await ext.importConfig(teamConfig({ rotation: { source: '' } }));
  const page = await ext.openGocPage(sim.url('/list/open'));
  const b = await banner(page);
  expect(b.state).toBe('setup');
  expect(b.text).toMatch(/No triage rotation is set up/);
  expect(await page.count(`${BANNER} [data-gta-action="setup"]`)).toBe(1);
  await page.click(`${BANNER} [data-gta-action="dismiss"]`);
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).hidden, BANNER);
  const again = await ext.openGocPage(await someTicketUrl(sim));
  expect((await banner(again)).state).toBe('hidden');
  expect(await again.evaluate((sel) => (document.querySelector(sel) as HTMLElement).offsetHeight, BANNER)).toBe(0);
});

test('the banner sits under the fixed navbar, covers none of the list toolbar, and collapses for the day', async ({ ext, sim }) => {
  await configure(ext, sim, ICS);
  const page = await ext.openGocPage(sim.url('/list/open'));
  await page.waitForSelector('.toolbar .nav', { state: 'visible' });
  const box = () =>
    page.evaluate((sel) => {
      const rect = (el: Element | null) => (el ? el.getBoundingClientRect().toJSON() : null);
      const toolbar = document.querySelector('.toolbar') as HTMLElement;
      const t = toolbar.getBoundingClientRect();
      const hit = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
      const filter = document.querySelector('#tickets_filter input') as HTMLElement | null;
      const f = filter?.getBoundingClientRect();
      const filterHit = f ? document.elementFromPoint(f.left + f.width / 2, f.top + f.height / 2) : null;
      return {
        navbar: rect(document.querySelector('.navbar-fixed-top')),
        banner: rect(document.querySelector(sel)),
        toolbar: t.toJSON(),
        toolbarHitOwn: !!hit && toolbar.contains(hit),
        filterHitOwn: filter ? filterHit === filter : true,
        position: getComputedStyle(document.querySelector(sel) as Element).position,
      };
    }, BANNER);
  const before = await box();
  expect(before.position).not.toBe('fixed');
  expect(before.banner!.top).toBeGreaterThanOrEqual(before.navbar!.bottom - 1);
  expect(before.banner!.bottom).toBeLessThanOrEqual(before.toolbar.top + 1);
  expect(before.toolbarHitOwn).toBe(true);
  expect(before.filterHitOwn).toBe(true);

  await page.click(`${BANNER} [data-gta-action="collapse"]`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-gta-collapsed') === 'true', BANNER);
  expect((await ext.getStorage('dutyBanner.collapsedOn'))['dutyBanner.collapsedOn']).toBe(teamDate(Date.now()));
  const other = await ext.openGocPage(await someTicketUrl(sim));
  expect((await banner(other)).duty).toBe((await banner(page)).duty);
  expect(await other.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-gta-collapsed'), BANNER)).toBe('true');
  await other.click(`${BANNER} [data-gta-action="expand"]`);
  await other.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-gta-collapsed') === 'false', BANNER);
  await ext.removeStorage('dutyBanner.collapsedOn');
});

test('a stopped background re-arms its alarms on the next wake and the rotation survives', async ({ ext, sim }) => {
  await configure(ext, sim, ICS);
  const alarms = () =>
    ext.background(async () => {
      const g = globalThis as any;
      const list = (await (g.browser ?? g.chrome).alarms.getAll()) as { name: string; scheduledTime: number; periodInMinutes?: number }[];
      return Object.fromEntries(list.filter((a) => a.name.startsWith('gta-rotation')).map((a) => [a.name, a]));
    });
  await expect.poll(async () => Object.keys(await alarms()).sort(), { timeout: 10_000 }).toEqual(['gta-rotation-reminder', 'gta-rotation-sync']);
  const before = await alarms();
  expect(before['gta-rotation-sync'].periodInMinutes).toBe(360);

  const how = await ext.stopServiceWorker();
  // Chromium keeps alarms across a stopped worker: the wake must not re-create (and so postpone) them.
  // Firefox's reload loses them: the wake must create them again.
  await expect.poll(async () => Object.keys(await alarms()).sort(), { timeout: 15_000 }).toEqual(['gta-rotation-reminder', 'gta-rotation-sync']);
  const after = await alarms();
  if (how === 'stopped') expect(after['gta-rotation-sync'].scheduledTime).toBe(before['gta-rotation-sync'].scheduledTime);
  expect(after['gta-rotation-sync'].periodInMinutes).toBe(360);

  const exp = await expected(sim, teamDate(Date.now()));
  const page = await ext.openGocPage(sim.url('/list/open'));
  expectBannerMatches(await banner(page), exp);
});
