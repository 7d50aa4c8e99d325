/**
 * What a check publishes beyond the counts: each person's open Software tickets (`assigneeLoads`)
 * and the hand-over split (`handover`), kept through failures, rebuilt on recovery, and unknown
 * (absent) rather than wrong.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueDb, recordGoodCheck } from '../../../../utils/db/queue-db';
import { parseListHtml } from '../../../../utils/goc/list';
import { classifyTickets, countQueue } from '../../../../utils/queue/classify';
import { handoverPhrase } from '../../../../utils/queue/handover';
import { asLatest } from '../../../../utils/queue/state';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { STORED } from '../../../../utils/storage-items';
import { zonedInstant } from '../../../../utils/time/instant';
import { createQueueService } from '../../../../services/queue/service';
import { renderListHtml, type FixtureTicket } from '../../utils/goc/list-fixture';

const TZ = 'America/Chicago';
const WED_10 = zonedInstant('2018-03-14', 10 * 60, TZ);
const NEXT_MON = zonedInstant('2018-03-19', 0, TZ);
const TUE_NEXT_9 = zonedInstant('2018-03-20', 9 * 60, TZ);
const MIN = 60_000;

let db: QueueDb;
let dbCount = 0;
let clockNow = WED_10;
let settings: Settings;
let tickets: FixtureTicket[];
let status = 200;

const untriaged = (id: number, submitDate = '2018-03-01'): FixtureTicket => ({
  id,
  title: `Ticket ${id}`,
  submitDate,
  nextAction: 'SOFTWARE TRIAGE',
  assignees: ['Software Support (Triage)'],
  updateDate: '2018-03-14',
});
const owned = (id: number, ...owners: string[]): FixtureTicket => ({
  id,
  title: `Ticket ${id}`,
  nextAction: 'Waiting',
  assignees: ['Software', ...owners],
  updateDate: '2018-03-13',
});

function service(dbFactory: () => QueueDb = () => db) {
  return createQueueService({
    clock: () => clockNow,
    db: dbFactory,
    onDuty: async () => false,
    getSettings: async () => settings,
    fetchImpl: async () => new Response(status === 200 ? renderListHtml(tickets) : 'oops', { status }),
  });
}

async function latest() {
  return asLatest((await browser.storage.local.get(STORED.queueLatest.key))[STORED.queueLatest.key]);
}

beforeEach(() => {
  fakeBrowser.reset();
  dbCount += 1;
  db = new QueueDb(`gta-queue-loads-${dbCount}`);
  clockNow = WED_10;
  settings = defaultSettings();
  status = 200;
  tickets = [
    untriaged(100),
    owned(200, 'Brian Lin'),
    owned(201, 'Brian Lin', 'Mat Selmeci'),
    { id: 300, title: 'GOC ticket', assignees: ['Rob Quick'] },
  ];
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('assigneeLoads', () => {
  it('a good check publishes open Software tickets per person (the pseudo-user and other queues left out)', async () => {
    await service().requestCheck(true);
    expect((await latest()).assigneeLoads).toEqual({ 'Brian Lin': 2, 'Mat Selmeci': 1 });
  });

  it('kept through an error and a sign-out (never a false zero), replaced by the next good check', async () => {
    const q = service();
    await q.requestCheck(true);
    status = 500;
    clockNow += 10 * MIN;
    expect(await q.requestCheck(true)).toMatchObject({ state: 'error', assigneeLoads: { 'Brian Lin': 2, 'Mat Selmeci': 1 } });
    status = 401;
    clockNow += 10 * MIN;
    expect(await q.requestCheck(true)).toMatchObject({ state: 'signed-out', assigneeLoads: { 'Brian Lin': 2, 'Mat Selmeci': 1 } });
    status = 200;
    tickets = [untriaged(100)];
    clockNow += 10 * MIN;
    expect((await q.requestCheck(true)).assigneeLoads).toEqual({});
  });

  it('unknown before any good check', async () => {
    status = 500;
    const result = await service().requestCheck(true);
    expect(result.state).toBe('error');
    expect('assigneeLoads' in (await latest())).toBe(false);
  });
});

describe('handover', () => {
  it('splits at Monday 00:00: last week’s tickets carried over (with the oldest age), this week’s new', async () => {
    const q = service();
    await q.requestCheck(false); // Wednesday: the silent baseline sees 100
    clockNow = WED_10 + 60 * MIN;
    tickets = [...tickets, untriaged(101, '2018-03-14')];
    await q.requestCheck(false);
    clockNow = TUE_NEXT_9;
    tickets = [...tickets, untriaged(102, '2018-03-20')];
    const result = await q.requestCheck(false);
    expect(result.counts?.untriaged).toBe(3);
    expect(result.handover).toMatchObject({
      weekStart: '2018-03-19',
      weekStartAt: NEXT_MON,
      carriedOver: 2,
      newThisWeek: 1,
      oldestCarriedSince: WED_10,
      oldestCarriedAtLeast: true,
      oldestNewSince: TUE_NEXT_9,
    });
    expect(handoverPhrase((await latest()).handover!, TUE_NEXT_9 + 60 * MIN)).toBe('2 carried over (oldest 6 d or more) · 1 new this week');
  });

  it('kept through a failed check; unknown (absent) when the history cannot be read', async () => {
    const q = service();
    await q.requestCheck(false);
    const split = (await latest()).handover;
    expect(split).toMatchObject({ carriedOver: 1, newThisWeek: 0 });
    status = 500;
    clockNow += 10 * MIN;
    expect((await q.requestCheck(false)).handover).toEqual(split);

    // IndexedDB unavailable (Firefox private mode): live counts and loads, no split.
    status = 200;
    clockNow += 10 * MIN;
    const broken = service(() => {
      throw new Error('IndexedDB is not available');
    });
    const result = await broken.requestCheck(false);
    expect(result).toMatchObject({ state: 'ok', counts: { untriaged: 1 }, assigneeLoads: { 'Brian Lin': 2 } });
    expect('handover' in (await latest())).toBe(false);
  });
});

describe('recovery of a dead worker’s check', () => {
  it('rebuilds the loads and the split from the records of the check it finds in Dexie', async () => {
    const dead = service();
    await dead.requestCheck(false);
    const before = await latest();
    const rows = [...tickets, untriaged(102, '2018-03-14'), owned(202, 'Tim Cartwright')];
    const parsed = parseListHtml(renderListHtml(rows));
    if (parsed.status !== 'list') throw new Error('fixture');
    const classified = classifyTickets(parsed.tickets, settings.queue, WED_10 + MIN, TZ);
    await recordGoodCheck(db, { at: WED_10 + MIN, tickets: classified, counts: countQueue(classified), baseline: false, manual: false, durationMs: 1, historyDays: 180 });
    await browser.storage.local.set({
      [STORED.queueInflight.key]: { token: 'dead-worker', startedAt: WED_10 + MIN },
      [STORED.queueLatest.key]: { ...before, checking: true },
    });

    expect(await service().recoverInterrupted()).toBe(true);
    const now = await latest();
    expect(now.counts?.untriaged).toBe(2);
    expect(now.assigneeLoads).toEqual({ 'Brian Lin': 2, 'Mat Selmeci': 1, 'Tim Cartwright': 1 });
    expect(now.handover).toMatchObject({ carriedOver: 1, newThisWeek: 1, weekStart: '2018-03-12' });
  });
});

describe('weekly report', () => {
  it('gives the untriaged count at each duty week’s hand-over from the recorded checks', async () => {
    const q = service();
    await q.requestCheck(false); // Wednesday: 1 untriaged
    clockNow = NEXT_MON - 2 * 3_600_000; // Sunday night: 2 untriaged
    tickets = [...tickets, untriaged(101)];
    await q.requestCheck(false);
    clockNow = TUE_NEXT_9;
    const report = await q.report(0);
    expect(report.weekStart).toBe('2018-03-19');
    expect(report.untriagedAtHandover.slice(0, 2)).toEqual([
      { weekStart: '2018-03-19', count: 2, at: NEXT_MON - 2 * 3_600_000 },
      { weekStart: '2018-03-12', count: null, at: null },
    ]);
  });
});
