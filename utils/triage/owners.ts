/**
 * Owner candidates of the triage panel, ranked: people the experts list suggests for the ticket's
 * words (with the topic that matched and the expert entry's `team` label), then the roster
 * (settings `team`), then everyone else in the page's own assignee lists. One entry per display
 * name (utils/experts.ts sameDisplayName: case, accents and spacing ignored). Pure.
 *
 * Within each group: people who are not away come first, then more matching topics, then (in the
 * roster) Software team members before OSG staff, then fewer open Software tickets (a known load
 * before an unknown one), then the group's own order. So the least-loaded of two equally good
 * experts is suggested first, and work is spread fairly.
 */
import { foldDisplayName, sameDisplayName, suggestExperts } from '../experts';
import type { AwayReason, Availability } from './availability';

export type OwnerSource = 'expert' | 'roster' | 'page';

export interface ExpertLike {
  topic: string;
  keywords: readonly string[];
  people: readonly string[];
  team?: string;
}

export interface PersonLike {
  name: string;
  footprintsId?: string;
  /** Roster role: Software team members come before OSG staff among roster people. */
  role?: 'software' | 'osg-staff';
}

export interface PagePerson extends PersonLike {
  /** The page's team list that holds them (b.teamname). */
  team?: string;
}

export interface OwnerCandidate {
  name: string;
  footprintsId?: string;
  source: OwnerSource;
  /** Expert topics that matched the ticket (empty for roster and page people). */
  topics: string[];
  /** From the roster; OSG staff rank after the Software team there. */
  role?: 'software' | 'osg-staff';
  /** The expert entries' `team` labels (other teams: security, operations, glidein). */
  teams: string[];
  /** The person has an assignee entry on this page (a checklist box or an autocomplete list member). */
  onPage: boolean;
  /** The page's team lists that hold this person. */
  pageTeams: string[];
  /** Open Software tickets held at the latest queue check; null = unknown. */
  load: number | null;
  /** This week's triage duty person. */
  onDuty: boolean;
  away: AwayReason | null;
}

export interface OwnerInput {
  experts: readonly ExpertLike[];
  /** The ticket's words: title and update bodies. */
  texts: readonly string[];
  roster: readonly PersonLike[];
  page: readonly PagePerson[];
  /** Display name → open Software tickets (the latest queue check); null/undefined = unknown for everyone. */
  loads?: Readonly<Record<string, number>> | null;
  availability?: Availability | null;
  /** Never a candidate (the Software pseudo-users stay assigned anyway). */
  exclude?: (person: PersonLike) => boolean;
}

/**
 * A load map keyed by folded name: lookups ignore case, accents and spacing. The queue check lists
 * everyone holding an open Software ticket, so with a map a person missing from it holds none (0);
 * without a map every load is unknown (null). Counts that are not whole non-negative numbers are ignored.
 */
function loadLookup(loads: Readonly<Record<string, number>> | null | undefined): (foldedName: string) => number | null {
  if (!loads || typeof loads !== 'object' || Array.isArray(loads)) return () => null;
  const folded = new Map<string, number>();
  for (const [name, count] of Object.entries(loads)) {
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) folded.set(foldDisplayName(name), count);
  }
  return (key) => folded.get(key) ?? 0;
}

const GROUP: Record<OwnerSource, number> = { expert: 0, roster: 1, page: 2 };

export function rankOwners(input: OwnerInput): OwnerCandidate[] {
  const exclude = input.exclude ?? (() => false);
  const out: (OwnerCandidate & { order: number })[] = [];
  // One entry per folded display name (the same folding as sameDisplayName), found in O(1).
  const byKey = new Map<string, OwnerCandidate & { order: number }>();
  const add = (person: PersonLike, source: OwnerSource): (OwnerCandidate & { order: number }) | null => {
    const name = String(person.name ?? '').trim();
    if (!name) return null;
    const key = foldDisplayName(name);
    const known = byKey.get(key);
    if (known) {
      if (!known.footprintsId && person.footprintsId) known.footprintsId = person.footprintsId;
      if (!known.role && person.role) known.role = person.role;
      return known;
    }
    if (exclude({ ...person, name })) return null;
    const candidate = {
      name,
      ...(person.footprintsId ? { footprintsId: person.footprintsId } : {}),
      ...(person.role ? { role: person.role } : {}),
      source,
      topics: [],
      teams: [],
      onPage: false,
      pageTeams: [],
      load: null,
      onDuty: false,
      away: null,
      order: out.length,
    };
    out.push(candidate);
    byKey.set(key, candidate);
    return candidate;
  };

  const experts = Array.isArray(input.experts) ? input.experts : [];
  // No words yet (the panel's first paint): nothing to match, and no keyword patterns to compile.
  const texts = (input.texts ?? []).filter((t) => typeof t === 'string' && t !== '');
  for (const s of texts.length ? suggestExperts(experts, texts) : []) {
    const c = add({ name: s.person }, 'expert');
    if (!c) continue;
    for (const t of s.topics) {
      if (!c.topics.includes(t.topic)) c.topics.push(t.topic);
      const label = experts.find((e) => e?.topic === t.topic && Array.isArray(e.people) && e.people.some((p: string) => sameDisplayName(p, s.person)))?.team?.trim();
      if (label && !c.teams.includes(label)) c.teams.push(label);
    }
  }
  for (const person of input.roster ?? []) add(person, 'roster');
  for (const person of input.page ?? []) {
    const c = add(person, 'page');
    if (!c) continue;
    c.onPage = true;
    const team = person.team?.trim();
    if (team && !c.pageTeams.includes(team)) c.pageTeams.push(team);
  }

  const loadOf = loadLookup(input.loads);
  const av = input.availability;
  // This week's duty person, also on the week's holidays and its weekend (the banner's week).
  const dutyName = av?.onDuty ?? av?.dutyThisWeek ?? null;
  const duty = dutyName ? foldDisplayName(dutyName) : null;
  const moved = new Set((av?.movedAway ?? []).map(foldDisplayName));
  for (const [key, c] of byKey) {
    c.load = loadOf(key);
    c.onDuty = key === duty;
    c.away = av?.holiday ? 'holiday' : moved.has(key) ? 'override' : null;
  }

  return out
    .sort(
      (a, b) =>
        GROUP[a.source] - GROUP[b.source] ||
        Number(a.away !== null) - Number(b.away !== null) ||
        b.topics.length - a.topics.length ||
        Number(a.role === 'osg-staff') - Number(b.role === 'osg-staff') ||
        compareLoad(a.load, b.load) ||
        a.order - b.order,
    )
    .map(({ order: _order, ...c }) => c);
}

/** Fewer first; unknown after every known load. */
function compareLoad(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Candidates whose name, topic or team label contains `query` (case and accents ignored); all for a blank query. */
export function filterOwners<T extends Pick<OwnerCandidate, 'name' | 'topics' | 'teams'>>(candidates: readonly T[], query: string): T[] {
  const q = foldDisplayName(query);
  if (!q) return [...candidates];
  return candidates.filter((c) => [c.name, ...c.topics, ...c.teams].some((text) => foldDisplayName(text).includes(q)));
}

/** "3 open", "? open" (unknown is never shown as 0). */
export function describeLoad(load: number | null): string {
  return load === null ? '? open' : `${load} open`;
}
