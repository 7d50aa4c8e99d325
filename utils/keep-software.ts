/**
 * Keep the Software pseudo-user assigned (issue 8). Saving the editor replaces the assignee list
 * wholesale (docs/goc-pages.md §7.1), so one stray click drops a ticket out of the Software queue.
 * This says which Software pseudo-users (`queue.softwareAssignees`, matched by FP id or display name
 * after the queue's folding) were assigned when the page loaded and are no longer assigned now.
 * Pure: the caller reads the assignee boxes.
 */
import { foldName, makeMatcher } from './queue/classify';

export interface AssigneeRef {
  /** Footprints id, from the box's `team_N[<fpid>]` name. */
  fpid: string;
  /** Display name as the page shows it ('' when FP does not know the id). */
  name: string;
}

/** An assignee as the page or the settings give it: a display name and, when known, a Footprints id. */
export interface AssigneeLike {
  name?: string;
  fpid?: string;
  footprintsId?: string;
}

/**
 * One matcher for the Software pseudo-users (by FP id or by shown name), with the queue's own
 * matching (utils/queue/classify.ts makeMatcher): build it once, call it per assignee.
 */
export function softwareAssigneeMatcher(softwareAssignees: readonly string[]): (ref: AssigneeLike) => boolean {
  const isSoftware = makeMatcher({ softwareAssignees });
  return (ref) => isSoftware(ref?.fpid ?? ref?.footprintsId ?? '') || isSoftware(ref?.name ?? '');
}

/**
 * The Software pseudo-users assigned at load (`before`) whose FP id is in no assigned box now
 * (`now`), once each, in `before` order. FP ids are compared exactly (they are keys, not names);
 * an entry without an id can only be matched by name.
 */
export function droppedSoftwareAssignees(
  before: readonly AssigneeRef[],
  now: readonly AssigneeRef[],
  softwareAssignees: readonly string[],
): AssigneeRef[] {
  const nowIds = new Set(now.map((r) => r.fpid).filter((id) => id !== ''));
  const nowNames = new Set(now.map((r) => foldName(r.name)).filter((n) => n !== ''));
  const isSoftware = softwareAssigneeMatcher(softwareAssignees);
  const out: AssigneeRef[] = [];
  const seen = new Set<string>();
  for (const ref of before) {
    if (!isSoftware(ref)) continue;
    const key = ref.fpid !== '' ? `id:${ref.fpid}` : `name:${foldName(ref.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const still = ref.fpid !== '' ? nowIds.has(ref.fpid) : nowNames.has(foldName(ref.name));
    if (!still) out.push(ref);
  }
  return out;
}

/** How the prompt names them: "Software Support (Triage)", or the FP id when the name is blank. */
export function describeAssignees(refs: readonly AssigneeRef[]): string {
  const labels = refs.map((r) => (r.name.trim() !== '' ? r.name.trim() : r.fpid));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
