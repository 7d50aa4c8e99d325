/**
 * What changed between two checks. Pure.
 *
 * - new: ids not in the previous snapshot;
 * - enteredTriage: untriaged now and not untriaged before (new arrivals and tickets sent back to
 *   triage) — these are the notification candidates;
 * - leftTriage: untriaged before and now either not untriaged or gone from the open list;
 * - gone: in the previous snapshot, not in this one (closed, or no longer visible).
 */
export interface DiffInput {
  id: number;
  untriaged: boolean;
}

export interface QueueDiff {
  newIds: number[];
  enteredTriageIds: number[];
  leftTriageIds: number[];
  goneIds: number[];
}

export function diffSnapshots(previous: readonly DiffInput[] | null, current: readonly DiffInput[]): QueueDiff {
  const before = new Map<number, boolean>();
  for (const t of previous ?? []) before.set(t.id, t.untriaged);
  const now = new Map<number, boolean>();
  for (const t of current) now.set(t.id, t.untriaged);

  const diff: QueueDiff = { newIds: [], enteredTriageIds: [], leftTriageIds: [], goneIds: [] };
  for (const [id, untriaged] of now) {
    const was = before.get(id);
    if (was === undefined) diff.newIds.push(id);
    if (untriaged && was !== true) diff.enteredTriageIds.push(id);
    if (!untriaged && was === true) diff.leftTriageIds.push(id);
  }
  for (const [id, was] of before) {
    if (!now.has(id)) {
      diff.goneIds.push(id);
      if (was) diff.leftTriageIds.push(id);
    }
  }
  for (const list of Object.values(diff)) list.sort((a: number, b: number) => a - b);
  return diff;
}
