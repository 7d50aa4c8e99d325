import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  QueueDb,
  hasBaseline,
  lastCheck,
  lastGoodCheck,
  markNotified,
  openTickets,
  pruneHistory,
  recordGoodCheck,
  recordOtherCheck,
} from '../../../../utils/db/queue-db';
import type { ListTicket } from '../../../../utils/goc/list';
import { classifyTickets, countQueue, type ClassifiedTicket } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { listTicket } from '../queue/tickets';

const RULES = defaultSettings().queue;
const DAY = 86_400_000;
const T0 = Date.UTC(2018, 2, 14, 15);
let db: QueueDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = new QueueDb(`gta-queue-test-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function list(spec: Record<number, 'untriaged' | 'assigned' | 'other'>, at = T0): ClassifiedTicket[] {
  const tickets = Object.entries(spec).map(
    ([id, kind]): ListTicket =>
      listTicket({
        id: Number(id),
        title: `Ticket ${id}`,
        updateDate: '2018-03-13',
        nextAction: kind === 'untriaged' ? 'SOFTWARE TRIAGE' : 'ENG Action',
        nadPastByColour: false,
        assignees: kind === 'other' ? ['Rob Quick'] : ['Software Support (Triage)'],
      }),
  );
  return classifyTickets(tickets, RULES, at, 'America/Chicago');
}

async function good(tickets: ClassifiedTicket[], at: number, baseline = false) {
  return recordGoodCheck(db, { at, tickets, counts: countQueue(tickets), baseline, manual: false, durationMs: 5, historyDays: 180 });
}

describe('queue db', () => {
  it('baseline: records everything, marks untriaged as handled, notifies nothing', async () => {
    const result = await good(list({ 1: 'untriaged', 2: 'assigned', 3: 'other' }), T0, true);
    expect(result.toNotify).toEqual([]);
    expect(result.check).toMatchObject({ state: 'ok', baseline: true, counts: { open: 3, software: 2, untriaged: 1 } });
    expect(await hasBaseline(db)).toBe(true);
    const one = await db.tickets.get(1);
    expect(one).toMatchObject({ firstSeen: T0, firstSeenUntriaged: T0, notifiedAt: T0, baseline: true });
  });

  it('new untriaged ticket after the baseline is to be notified once', async () => {
    await good(list({ 1: 'untriaged' }), T0, true);
    const second = await good(list({ 1: 'untriaged', 2: 'untriaged' }), T0 + 600_000);
    expect(second.diff.newIds).toEqual([2]);
    expect(second.diff.enteredTriageIds).toEqual([2]);
    expect(second.toNotify.map((t) => t.id)).toEqual([2]);
    await markNotified(db, [2], T0 + 600_000);
    const third = await good(list({ 1: 'untriaged', 2: 'untriaged' }), T0 + 1_200_000);
    expect(third.toNotify).toEqual([]);
  });

  it('an unhandled notification survives to the next check (worker killed before notifying)', async () => {
    await good(list({}), T0, true);
    expect((await good(list({ 5: 'untriaged' }), T0 + 1)).toNotify.map((t) => t.id)).toEqual([5]);
    expect((await good(list({ 5: 'untriaged' }), T0 + 2)).toNotify.map((t) => t.id)).toEqual([5]);
  });

  it('leaving triage and closing are timed', async () => {
    await good(list({ 1: 'untriaged', 2: 'untriaged' }), T0, true);
    await good(list({ 1: 'assigned', 2: 'untriaged' }), T0 + 1000);
    await good(list({ 1: 'assigned' }), T0 + 2000);
    expect(await db.tickets.get(1)).toMatchObject({ untriaged: false, leftTriage: T0 + 1000, goneAt: null });
    expect(await db.tickets.get(2)).toMatchObject({ leftTriage: T0 + 2000, goneAt: T0 + 2000 });
    expect((await openTickets(db)).map((t) => t.id)).toEqual([1]);
  });

  it('a closed ticket that reopens keeps its history', async () => {
    await good(list({ 1: 'assigned' }), T0, true);
    await good(list({}), T0 + 1000);
    await good(list({ 1: 'assigned' }), T0 + 2000);
    expect(await db.tickets.get(1)).toMatchObject({ firstSeen: T0, goneAt: null, baseline: true });
  });

  it('failed checks are logged and leave the snapshot untouched', async () => {
    await good(list({ 1: 'untriaged', 2: 'assigned' }), T0, true);
    await recordOtherCheck(db, { at: T0 + 1, state: 'error', message: 'HTTP 500', manual: true, durationMs: 3 });
    expect((await openTickets(db)).map((t) => t.id).sort()).toEqual([1, 2]);
    expect(await lastCheck(db)).toMatchObject({ state: 'error', message: 'HTTP 500', counts: null });
    expect(await lastGoodCheck(db)).toMatchObject({ state: 'ok', at: T0, ids: { untriaged: [1], software: [1, 2] } });
  });

  it('only changed records are written', async () => {
    await good(list({ 1: 'assigned', 2: 'assigned' }), T0, true);
    const writes: number[] = [];
    db.tickets.hook('updating', (_mods, key) => void writes.push(key as number));
    db.tickets.hook('creating', (key) => void writes.push(key as number));
    await good(list({ 1: 'assigned', 2: 'untriaged' }), T0 + 1000);
    expect(writes).toEqual([2]);
  });

  it('prunes history older than the horizon', async () => {
    await good(list({ 1: 'assigned', 2: 'assigned' }), T0, true);
    await good(list({ 2: 'assigned' }), T0 + DAY); // 1 gone at T0+1d
    await pruneHistory(db, T0 + 10 * DAY, 5);
    expect(await db.tickets.get(1)).toBeUndefined();
    expect(await db.tickets.get(2)).toBeDefined(); // still open: kept whatever its age
    expect(await db.checks.count()).toBe(0);
  });

  it('a transaction that fails half-way leaves the previous snapshot (all or nothing)', async () => {
    await good(list({ 1: 'untriaged' }), T0, true);
    db.checks.hook('creating', () => {
      throw new Error('worker killed');
    });
    await expect(good(list({ 1: 'assigned', 2: 'untriaged' }), T0 + 1000)).rejects.toThrow('worker killed');
    expect(await db.tickets.get(2)).toBeUndefined();
    expect(await db.tickets.get(1)).toMatchObject({ untriaged: true, leftTriage: null });
  });
});

describe('schema versions', () => {
  it('version 1 opens an existing database and keeps its data', async () => {
    await good(list({ 1: 'untriaged' }), T0, true);
    db.close();
    const reopened = new QueueDb(db.name);
    await reopened.open();
    expect(reopened.verno).toBe(1);
    expect(await reopened.tickets.count()).toBe(1);
    reopened.close();
  });
});

describe('readQueueTickets (the popup reader, no Dexie)', () => {
  it('a missing database reads as empty and is not created', async () => {
    const { readQueueTickets, QUEUE_DB_NAME } = await import('../../../../utils/db/queue-read');
    await Dexie.delete(QUEUE_DB_NAME);
    expect(await readQueueTickets(null)).toEqual([]);
    expect(await readQueueTickets([1, 2])).toEqual([]);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(QUEUE_DB_NAME);
  });

  it('reads what Dexie wrote: by id, or every open ticket', async () => {
    const { readQueueTickets, QUEUE_DB_NAME } = await import('../../../../utils/db/queue-read');
    const shared = new QueueDb(QUEUE_DB_NAME);
    const first = db;
    db = shared;
    try {
      await good(list({ 1: 'untriaged', 2: 'assigned', 3: 'other' }), T0, true);
      await good(list({ 1: 'untriaged', 2: 'assigned' }), T0 + 1000);
      expect((await readQueueTickets([2, 1, 99])).map((t) => t.id)).toEqual([2, 1]);
      expect((await readQueueTickets(null)).map((t) => t.id).sort()).toEqual([1, 2]);
    } finally {
      shared.close();
      await Dexie.delete(QUEUE_DB_NAME);
      db = first;
    }
  });
});
