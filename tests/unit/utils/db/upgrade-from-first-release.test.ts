/**
 * Settings and history survive upgrades (issue 10, "Nothing lost"): a database exactly as the first
 * released schema left it on disk, with real-shaped records, opens with the current code and reads
 * back unchanged, and the current code keeps writing on top of it.
 *
 * The first released schemas are frozen here as literal text (from `git log -p -- utils/db/`:
 * gta-queue in 76bd851, gta-rotation in 50bc7b3) and written with the bare IndexedDB API, not with
 * our Dexie classes, so the test does not move when the code does. A new version whose upgrade
 * loses or changes records fails here (tried: a rotation v2 that rewrote names, a queue v2 that
 * dropped a field), and so would a Dexie release that maps versions to IndexedDB differently.
 * (Dexie 4 opens a same-numbered database by its installed schema, so an in-place edit of
 * `version(1)` alone reads fine.) Both databases have only ever had version 1, so today this checks
 * that the current version opens a database written by the first release; when a version is added,
 * this runs its upgrade on the first release's data unchanged.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  QUEUE_DB_NAME,
  QueueDb,
  hasBaseline,
  lastCheck,
  lastGoodCheck,
  openTickets,
  recordGoodCheck,
  type QueueCheckRecord,
  type QueueTicketRecord,
} from '../../../../utils/db/queue-db';
import { readQueueTickets } from '../../../../utils/db/queue-read';
import { ROTATION_DB_NAME, RotationDb, readRotation, recordFailedSync, type SyncStatus } from '../../../../utils/db/rotation-db';
import { classifyTickets, countQueue } from '../../../../utils/queue/classify';
import { defaultSettings } from '../../../../utils/settings';
import { listTicket } from '../queue/tickets';

/** One object store as the first release declared it (Dexie: primary key first, then indexes). */
interface FrozenStore {
  keyPath: string;
  autoIncrement?: boolean;
  indexes: string[];
}

/** Dexie stores version n as IndexedDB version n × 10. */
const FIRST_RELEASE = {
  queue: {
    idbVersion: 10,
    // 76bd851 utils/db/queue-db.ts: tickets 'id, goneAt, firstSeenUntriaged'; checks '++seq, at, state'; meta 'key'
    stores: {
      tickets: { keyPath: 'id', indexes: ['goneAt', 'firstSeenUntriaged'] },
      checks: { keyPath: 'seq', autoIncrement: true, indexes: ['at', 'state'] },
      meta: { keyPath: 'key', indexes: [] },
    } as Record<string, FrozenStore>,
  },
  rotation: {
    idbVersion: 10,
    // 50bc7b3 utils/db/rotation-db.ts: weeks 'week'; status 'id'
    stores: {
      weeks: { keyPath: 'week', indexes: [] },
      status: { keyPath: 'id', indexes: [] },
    } as Record<string, FrozenStore>,
  },
};

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 14, 30);

// --- what a first-release install had stored (field for field the 76bd851 / 50bc7b3 records) ---
const TICKETS: QueueTicketRecord[] = [
  {
    id: 40123,
    title: 'HTCondor-CE 5.1 fails to start after osg-ca-certs update',
    nextAction: 'SOFTWARE TRIAGE',
    assignees: ['Software Support (Triage)'],
    updateDate: '2026-11-23',
    nad: '2026-11-26',
    submitDate: '2026-11-23',
    priority: 'Normal',
    type: 'Problem/Request',
    software: true,
    untriaged: true,
    stale: false,
    overdue: false,
    firstSeen: T0 - 2 * 3_600_000,
    firstSeenUntriaged: T0 - 2 * 3_600_000,
    leftTriage: null,
    goneAt: null,
    baseline: false,
    notifiedAt: T0 - 2 * 3_600_000,
  },
  {
    id: 40077,
    title: 'xrootd-lcmaps: Mátyás’ fix for the “voms” mapping',
    nextAction: 'ENG Action: Mat to build 3.6.2',
    assignees: ['Software Support (Triage)', 'Mat Selmeci'],
    updateDate: '2026-11-20',
    nad: '2026-11-27',
    submitDate: '2026-11-12',
    priority: 'High',
    type: 'Problem/Request',
    software: true,
    untriaged: false,
    stale: false,
    overdue: false,
    firstSeen: T0 - 11 * DAY,
    firstSeenUntriaged: T0 - 11 * DAY,
    leftTriage: T0 - 10 * DAY,
    goneAt: null,
    baseline: true,
    notifiedAt: T0 - 11 * DAY,
  },
  {
    id: 39950,
    title: 'Closed: gratia probe double counts',
    nextAction: null,
    assignees: ['Rob Quick'],
    updateDate: '2026-11-02',
    nad: null,
    submitDate: '2026-10-30',
    priority: null,
    type: null,
    software: false,
    untriaged: false,
    stale: true,
    overdue: false,
    firstSeen: T0 - 24 * DAY,
    firstSeenUntriaged: null,
    leftTriage: null,
    goneAt: T0 - 20 * DAY,
    baseline: true,
    notifiedAt: null,
  },
];

const CHECKS: QueueCheckRecord[] = [
  {
    at: T0 - 11 * DAY,
    state: 'ok',
    message: null,
    counts: { open: 61, software: 9, untriaged: 1, stale: 2, overdue: 0 },
    ids: { software: [40077], untriaged: [40077], stale: [39950], overdue: [] },
    newIds: [],
    enteredTriageIds: [],
    leftTriageIds: [],
    baseline: true,
    manual: false,
    durationMs: 412,
  },
  {
    at: T0 - DAY,
    state: 'signed-out',
    message: 'Signed out of GOC Ticket: sign in to see the queue.',
    counts: null,
    ids: null,
    newIds: [],
    enteredTriageIds: [],
    leftTriageIds: [],
    baseline: false,
    manual: true,
    durationMs: 198,
  },
  {
    at: T0 - 2 * 3_600_000,
    state: 'ok',
    message: null,
    counts: { open: 60, software: 10, untriaged: 1, stale: 1, overdue: 0 },
    ids: { software: [40123, 40077], untriaged: [40123], stale: [], overdue: [] },
    newIds: [40123],
    enteredTriageIds: [40123],
    leftTriageIds: [],
    baseline: false,
    manual: false,
    durationMs: 377,
  },
  {
    at: T0 - 3_600_000,
    state: 'offline',
    message: 'The browser is offline.',
    counts: null,
    ids: null,
    newIds: [],
    enteredTriageIds: [],
    leftTriageIds: [],
    baseline: false,
    manual: false,
    durationMs: 2,
  },
];

const WEEKS = [
  { week: '2026-11-16', person: 'Brian Lin', email: 'blin@cs.wisc.edu' },
  { week: '2026-11-23', person: 'Mátyás Selmeci' },
  { week: '2026-11-30', person: 'Carl Edquist', email: 'edquist@cs.wisc.edu' },
];
const STATUS: SyncStatus = {
  id: 'sync',
  source: 'https://twiki.opensciencegrid.org/bin/view/SoftwareTeam/TriageDuty?raw=text',
  lastAttemptAt: T0 - 3_600_000,
  lastGoodAt: T0 - 3 * 3_600_000,
  lastGoodSource: 'https://twiki.opensciencegrid.org/bin/view/SoftwareTeam/TriageDuty?raw=text',
  format: 'twiki-tml',
  weekCount: 3,
  warnings: ['Row 7: "TBD" is not a name; skipped'],
  error: 'HTTP 503 from twiki.opensciencegrid.org',
  errorAt: T0 - 3_600_000,
};

/** Creates `name` exactly as the first release's schema did, and stores `records` in it, with bare IndexedDB. */
function writeFirstRelease(
  name: string,
  schema: { idbVersion: number; stores: Record<string, FrozenStore> },
  records: Record<string, unknown[]>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, schema.idbVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [store, def] of Object.entries(schema.stores)) {
        const os = db.createObjectStore(store, { keyPath: def.keyPath, autoIncrement: def.autoIncrement ?? false });
        for (const index of def.indexes) os.createIndex(index, index);
      }
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [store, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(store).put(row);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await Dexie.delete(QUEUE_DB_NAME);
  await Dexie.delete(ROTATION_DB_NAME);
});

describe('gta-queue: the first release’s history opens with the current code', () => {
  async function openCurrent(): Promise<QueueDb> {
    await writeFirstRelease(QUEUE_DB_NAME, FIRST_RELEASE.queue, {
      tickets: TICKETS,
      checks: CHECKS,
      meta: [{ key: 'baselineAt', value: T0 - 11 * DAY }],
    });
    const db = new QueueDb();
    opened.push(db);
    await db.open();
    return db;
  }

  it('every record reads back as written, in order', async () => {
    const db = await openCurrent();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect((await db.tickets.toArray()).sort((a, b) => a.id - b.id)).toEqual([...TICKETS].sort((a, b) => a.id - b.id));
    expect((await openTickets(db)).map((t) => t.id).sort()).toEqual([40077, 40123]);
    const checks = await db.checks.orderBy('seq').toArray();
    expect(checks.map(({ seq, ...rest }) => rest)).toEqual(CHECKS);
    expect(checks.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect(await lastCheck(db)).toMatchObject({ state: 'offline', seq: 4 });
    expect(await lastGoodCheck(db)).toMatchObject({ at: T0 - 2 * 3_600_000, newIds: [40123] });
    expect(await hasBaseline(db)).toBe(true);
    // The indexes the current code queries exist (an in-place edit of version 1 would lose them).
    expect(await db.tickets.where('goneAt').below(T0).primaryKeys()).toEqual([39950]);
    expect(await db.tickets.where('firstSeenUntriaged').above(0).count()).toBe(2);
    expect(await db.checks.where('state').equals('ok').count()).toBe(2);
  });

  it('the popup’s bare-IndexedDB reader reads it too', async () => {
    const db = await openCurrent();
    db.close();
    expect((await readQueueTickets([40123, 39950, 1])).map((t) => t.id)).toEqual([40123, 39950]);
    expect((await readQueueTickets(null)).map((t) => t.id).sort()).toEqual([40077, 40123]);
  });

  it('the next check continues the history: first-seen times, notifications and the baseline are kept', async () => {
    const db = await openCurrent();
    const at = T0;
    const tickets = classifyTickets(
      [
        listTicket({ id: 40123, title: TICKETS[0].title, updateDate: '2026-11-23', nextAction: 'SOFTWARE TRIAGE', nadPastByColour: false, assignees: ['Software Support (Triage)'] }),
        listTicket({ id: 40077, title: TICKETS[1].title, updateDate: '2026-11-23', nextAction: 'ENG Action: Mat to build 3.6.2', nadPastByColour: false, assignees: ['Software Support (Triage)', 'Mat Selmeci'] }),
      ],
      defaultSettings().queue,
      at,
      'America/Chicago',
    );
    const result = await recordGoodCheck(db, { at, tickets, counts: countQueue(tickets), baseline: false, manual: false, durationMs: 300, historyDays: 180 });
    // Already notified under the first release: never again.
    expect(result.toNotify).toEqual([]);
    expect(result.diff.newIds).toEqual([]);
    const t = await db.tickets.get(40123);
    expect(t).toMatchObject({ firstSeen: TICKETS[0].firstSeen, firstSeenUntriaged: TICKETS[0].firstSeenUntriaged, notifiedAt: TICKETS[0].notifiedAt });
    expect(await db.tickets.get(40077)).toMatchObject({ firstSeen: TICKETS[1].firstSeen, leftTriage: TICKETS[1].leftTriage, baseline: true });
    expect(result.check.seq).toBe(5);
    expect(await db.tickets.get(39950)).toEqual(TICKETS[2]);
  });
});

describe('gta-rotation: the first release’s rotation opens with the current code', () => {
  async function openCurrent(): Promise<RotationDb> {
    await writeFirstRelease(ROTATION_DB_NAME, FIRST_RELEASE.rotation, { weeks: WEEKS, status: [STATUS] });
    const db = new RotationDb();
    opened.push(db);
    await db.open();
    return db;
  }

  it('the weeks and the sync status read back as written', async () => {
    const db = await openCurrent();
    expect(await readRotation(db)).toEqual({ weeks: WEEKS, status: STATUS });
  });

  it('a failed sync after the upgrade keeps every week from the first release', async () => {
    const db = await openCurrent();
    await recordFailedSync(db, { at: T0, source: STATUS.source, error: 'timed out' });
    const stored = await readRotation(db);
    expect(stored.weeks).toEqual(WEEKS);
    expect(stored.status).toMatchObject({ lastGoodAt: STATUS.lastGoodAt, weekCount: 3, error: 'timed out', format: 'twiki-tml' });
  });
});
