/**
 * Faults of the queue check that tests/unit/services/queue/service.test.ts does not cover one by one:
 * HTTP 502/503 with and without Retry-After, a truncated list page, a 5,000-row list, and two checks
 * at once after a failure. For each: what the user sees (state, badge, message) and that nothing
 * is lost (the last good counts and the Dexie history stay; no ticket is marked gone).
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QueueDb } from '../../../utils/db/queue-db';
import { asLatest } from '../../../utils/queue/state';
import { zonedInstant } from '../../../utils/time/instant';
import { defaultSettings, type Settings } from '../../../utils/settings';
import { STORED } from '../../../utils/storage-items';
import { createQueueService } from '../../../services/queue/service';
import { ERROR_PAGE_HTML, renderListHtml, type FixtureTicket } from '../utils/goc/list-fixture';

const TZ = 'America/Chicago';
const WED_10 = zonedInstant('2018-03-14', 10 * 60, TZ);
const MIN = 60_000;

let db: QueueDb;
let dbCount = 0;
let clockNow = WED_10;
let settings: Settings;
let tickets: FixtureTicket[];
let respond: () => Promise<Response>;
let fetches = 0;

function untriaged(id: number, title = `Ticket ${id}`): FixtureTicket {
  return { id, title, nextAction: 'SOFTWARE TRIAGE', assignees: ['Software Support (Triage)'], updateDate: '2018-03-14' };
}

function service() {
  return createQueueService({
    clock: () => clockNow,
    db: () => db,
    onDuty: async () => false,
    getSettings: async () => settings,
    fetchImpl: async () => {
      fetches += 1;
      return respond();
    },
  });
}

async function latest() {
  return asLatest((await browser.storage.local.get(STORED.queueLatest.key))[STORED.queueLatest.key]);
}

/** One good check of 12 untriaged tickets, then the clock moves on. */
async function goodFirst() {
  const q = service();
  expect(await q.requestCheck(false)).toMatchObject({ state: 'ok', counts: { untriaged: 12 } });
  clockNow += 10 * MIN;
  return q;
}

/** Nothing lost: the last good counts are still published and no ticket was marked gone. */
async function expectNothingLost() {
  expect((await latest()).counts).toMatchObject({ untriaged: 12 });
  expect(await db.tickets.count()).toBe(12);
  expect(await db.tickets.filter((t) => t.goneAt !== null).count()).toBe(0);
}

beforeEach(() => {
  fakeBrowser.reset();
  dbCount += 1;
  db = new QueueDb(`gta-queue-faults-${dbCount}`);
  clockNow = WED_10;
  settings = defaultSettings();
  tickets = Array.from({ length: 12 }, (_, i) => untriaged(100 + i));
  fetches = 0;
  respond = async () => new Response(renderListHtml(tickets));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('HTTP 502 and 503, with and without Retry-After', () => {
  const cases: [number, Record<string, string>][] = [
    [502, {}],
    [502, { 'Retry-After': '120' }],
    [503, {}],
    [503, { 'Retry-After': '3600' }],
    [503, { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }],
  ];
  for (const [status, headers] of cases) {
    it(`${status} ${headers['Retry-After'] ? `Retry-After ${headers['Retry-After']}` : 'without Retry-After'}: "!" with the last counts, backs off, recovers`, async () => {
      const q = await goodFirst();
      respond = async () => new Response(ERROR_PAGE_HTML, { status, headers });
      const r = await q.requestCheck(false);
      expect(r).toMatchObject({ state: 'error', failures: 1, lastGoodAt: WED_10 });
      expect(r.message).toContain(`HTTP ${status}`);
      expect(await browser.action.getBadgeText({})).toBe('!');
      expect(await browser.action.getTitle({})).toContain('12 untriaged');
      await expectNothingLost();
      // Backed off: the next tick one interval later does not ask again; the one after does.
      clockNow += 10 * MIN;
      expect(await q.maybeCheck()).toBeNull();
      respond = async () => new Response(renderListHtml(tickets));
      clockNow += 10 * MIN;
      expect(await q.maybeCheck()).toMatchObject({ state: 'ok', failures: 0, counts: { untriaged: 12 } });
    });
  }
});

describe('a truncated list page (the connection closed part-way, the body ended cleanly)', () => {
  for (const fraction of [0.2, 0.5, 0.8, 0.97]) {
    it(`cut at ${fraction * 100}%: never a smaller count, nothing marked gone`, async () => {
      const q = await goodFirst();
      const html = renderListHtml(tickets);
      respond = async () => new Response(html.slice(0, Math.floor(html.length * fraction)));
      const r = await q.requestCheck(true);
      expect(r.state).not.toBe('ok');
      expect(r.message ?? '').not.toBe('');
      await expectNothingLost();
    });
  }
});

describe('a 5,000-row list', () => {
  it('is counted exactly, within a time budget, and stored', async () => {
    tickets = Array.from({ length: 5000 }, (_, i) =>
      i % 10 === 0 ? untriaged(10_000 + i) : { id: 10_000 + i, title: `Row ${i}`, nextAction: 'Waiting', assignees: ['Rob Quick'], updateDate: '2018-03-13' },
    );
    const q = service();
    const started = performance.now();
    const r = await q.requestCheck(false);
    const ms = performance.now() - started;
    expect(r).toMatchObject({ state: 'ok', counts: { open: 5000, untriaged: 500 } });
    expect(await db.tickets.count()).toBe(5000);
    expect(await browser.action.getBadgeText({})).toBe('500');
    expect(ms).toBeLessThan(15_000);
  }, 30_000);
});

describe('two checks at once after a failure', () => {
  it('share one request, and both callers see the same recovered state', async () => {
    const q = await goodFirst();
    respond = async () => new Response(ERROR_PAGE_HTML, { status: 500 });
    await q.requestCheck(true);
    fetches = 0;
    respond = async () => new Response(renderListHtml(tickets));
    const [a, b] = await Promise.all([q.requestCheck(true), q.requestCheck(true)]);
    expect(fetches).toBe(1);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ state: 'ok', failures: 0, counts: { untriaged: 12 } });
  });
});
