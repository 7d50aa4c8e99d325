/**
 * Writing the queue history: each check is recorded in ONE transaction (tickets updated, the gone
 * ones marked, the check logged, old history pruned), so a service worker killed mid-check leaves
 * either the previous snapshot or the new one, never half of each. Only changed records are written.
 */
import type { ClassifiedTicket, QueueCounts } from '../queue/classify';
import { diffSnapshots, type QueueDiff } from '../queue/diff';
import type { QueueDb } from './queue-db';
import type { CheckIds, CheckState, QueueCheckRecord, QueueTicketRecord } from './queue-records';

export function idsOf(tickets: readonly ClassifiedTicket[]): CheckIds {
  const ids: CheckIds = { software: [], untriaged: [], stale: [], overdue: [] };
  for (const t of tickets) {
    if (t.class.software) ids.software.push(t.id);
    if (t.class.untriaged) ids.untriaged.push(t.id);
    if (t.class.stale) ids.stale.push(t.id);
    if (t.class.overdue) ids.overdue.push(t.id);
  }
  return ids;
}

export interface GoodCheckInput {
  at: number;
  tickets: readonly ClassifiedTicket[];
  counts: QueueCounts;
  /** First good check after install/upgrade (or on an empty history): record, notify nothing. */
  baseline: boolean;
  manual: boolean;
  durationMs: number;
  /** Prune tickets gone and checks older than this many days. */
  historyDays: number;
}

export interface GoodCheckResult {
  check: QueueCheckRecord;
  diff: QueueDiff;
  /** Untriaged tickets whose new-ticket notification is still to be handled. */
  toNotify: QueueTicketRecord[];
}

function sameTicket(a: QueueTicketRecord, b: QueueTicketRecord): boolean {
  return (
    a.title === b.title &&
    a.nextAction === b.nextAction &&
    a.updateDate === b.updateDate &&
    a.nad === b.nad &&
    a.submitDate === b.submitDate &&
    a.priority === b.priority &&
    a.type === b.type &&
    a.software === b.software &&
    a.untriaged === b.untriaged &&
    a.stale === b.stale &&
    a.overdue === b.overdue &&
    a.firstSeen === b.firstSeen &&
    a.firstSeenUntriaged === b.firstSeenUntriaged &&
    a.leftTriage === b.leftTriage &&
    a.goneAt === b.goneAt &&
    a.baseline === b.baseline &&
    a.notifiedAt === b.notifiedAt &&
    a.assignees.length === b.assignees.length &&
    a.assignees.every((x, i) => x === b.assignees[i])
  );
}

/**
 * Records a readable, signed-in list: updates every ticket record, marks the ones gone, logs the
 * check and prunes old history — all in one transaction. Only changed records are written.
 */
export async function recordGoodCheck(db: QueueDb, input: GoodCheckInput): Promise<GoodCheckResult> {
  return db.transaction('rw', db.tickets, db.checks, db.meta, async () => {
    const open = await db.tickets.filter((t) => t.goneAt === null).toArray();
    const known = new Map<number, QueueTicketRecord>();
    for (const t of open) known.set(t.id, t);
    const currentIds = input.tickets.map((t) => t.id);
    // Tickets seen before, closed, and now back: their history continues.
    const returning = await db.tickets.bulkGet(currentIds.filter((id) => !known.has(id)));
    for (const t of returning) if (t) known.set(t.id, t);

    const diff = diffSnapshots(
      open.map((t) => ({ id: t.id, untriaged: t.untriaged })),
      input.tickets.map((t) => ({ id: t.id, untriaged: t.class.untriaged })),
    );

    const writes: QueueTicketRecord[] = [];
    const toNotify: QueueTicketRecord[] = [];
    for (const t of input.tickets) {
      const old = known.get(t.id);
      const untriaged = t.class.untriaged;
      const wasUntriaged = old ? old.untriaged && old.goneAt === null : false;
      const next: QueueTicketRecord = {
        id: t.id,
        title: t.title,
        nextAction: t.nextAction,
        assignees: t.assignees ?? [],
        updateDate: t.updateDate,
        nad: t.nad,
        submitDate: t.submitDate,
        priority: t.priority,
        type: t.type,
        software: t.class.software,
        untriaged,
        stale: t.class.stale,
        overdue: t.class.overdue,
        firstSeen: old?.firstSeen ?? input.at,
        firstSeenUntriaged: old?.firstSeenUntriaged ?? (untriaged ? input.at : null),
        leftTriage: untriaged ? null : wasUntriaged ? input.at : (old?.leftTriage ?? null),
        goneAt: null,
        baseline: old ? old.baseline : input.baseline,
        // Never cleared: one notification per ticket, ever.
        notifiedAt: old?.notifiedAt ?? null,
      };
      if (input.baseline && untriaged && next.notifiedAt === null) next.notifiedAt = input.at;
      if (untriaged && next.notifiedAt === null) toNotify.push(next);
      if (!old || !sameTicket(old, next)) writes.push(next);
    }
    const current = new Set(currentIds);
    for (const t of open) {
      if (current.has(t.id)) continue;
      writes.push({ ...t, goneAt: input.at, leftTriage: t.untriaged ? input.at : t.leftTriage });
    }
    if (writes.length > 0) await db.tickets.bulkPut(writes);

    const check: QueueCheckRecord = {
      at: input.at,
      state: 'ok',
      message: null,
      counts: input.counts,
      ids: idsOf(input.tickets),
      newIds: diff.newIds,
      enteredTriageIds: diff.enteredTriageIds,
      leftTriageIds: diff.leftTriageIds,
      baseline: input.baseline,
      manual: input.manual,
      durationMs: input.durationMs,
    };
    check.seq = await db.checks.add(check);
    await pruneInTransaction(db, input.at, input.historyDays);
    if (input.baseline) await db.meta.put({ key: 'baselineAt', value: input.at });
    return { check, diff, toNotify };
  });
}

export interface OtherCheckInput {
  at: number;
  state: Exclude<CheckState, 'ok'>;
  message: string | null;
  /** A guest list is still readable: its counts are kept for display, the snapshot is not touched. */
  counts?: QueueCounts | null;
  ids?: CheckIds | null;
  manual: boolean;
  durationMs: number;
}

/** Logs a check that did not produce a signed-in list. The ticket snapshot stays as it was. */
export async function recordOtherCheck(db: QueueDb, input: OtherCheckInput): Promise<QueueCheckRecord> {
  const check: QueueCheckRecord = {
    at: input.at,
    state: input.state,
    message: input.message,
    counts: input.counts ?? null,
    ids: input.ids ?? null,
    newIds: [],
    enteredTriageIds: [],
    leftTriageIds: [],
    baseline: false,
    manual: input.manual,
    durationMs: input.durationMs,
  };
  check.seq = await db.checks.add(check);
  return check;
}

async function pruneInTransaction(db: QueueDb, now: number, historyDays: number): Promise<void> {
  const days = Number.isFinite(historyDays) && historyDays > 0 ? historyDays : 180;
  const cutoff = now - days * 86_400_000;
  await db.checks.where('at').below(cutoff).delete();
  await db.tickets.where('goneAt').below(cutoff).delete();
}

/** Deletes history older than `historyDays` (closed tickets and check records). */
export async function pruneHistory(db: QueueDb, now: number, historyDays: number): Promise<void> {
  await db.transaction('rw', db.tickets, db.checks, () => pruneInTransaction(db, now, historyDays));
}

/** Marks tickets' new-ticket notifications as handled, so they never repeat. */
export async function markNotified(db: QueueDb, ids: readonly number[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.tickets, async () => {
    const records = await db.tickets.bulkGet([...ids]);
    await db.tickets.bulkPut(
      records.filter((r): r is QueueTicketRecord => !!r && r.notifiedAt === null).map((r) => ({ ...r, notifiedAt: at })),
    );
  });
}
