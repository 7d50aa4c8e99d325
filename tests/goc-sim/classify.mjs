/**
 * The simulator's ground truth for the Software queue: which open tickets are software, untriaged,
 * stale or overdue. Written from the README's "Queue watch" definitions and the support process,
 * NOT from the extension's code, and checked row by row against tests/spec/classification-cases.json
 * (the same table the extension's classifier is tested against).
 *
 * - software: an assignee, by FP id or by the name GOC shows for it, equals one of
 *   `softwareAssignees` ignoring case and spacing (the support process's pseudo-user "Software");
 * - untriaged: software, and Next Action equals `triageNextAction` ignoring case and spacing;
 * - stale: software, not untriaged, and more than `staleDays` whole calendar days lie between the
 *   Update Date GOC shows (a UTC date, docs/goc-pages.md §10) and today in the team's time zone;
 * - overdue: software, and the NAD has passed (its time is before now: what GOC colours red).
 */
import { CLOSED_STATUSES, PERSONAS } from './personas.mjs';
import { DAY, dayInZone } from './time.mjs';

/** The extension's default settings (README "Team configuration file"). */
export const QUEUE_RULES = Object.freeze({
  softwareAssignees: Object.freeze(['Software', 'Software Support (Triage)', 'osg-software-support-stream']),
  triageNextAction: 'SOFTWARE TRIAGE',
  staleDays: 7,
  timeZone: 'America/Chicago',
});

/** Case and spacing (NBSP included) do not count. */
export function fold(text) {
  return typeof text === 'string' ? text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase() : '';
}

/** Whole calendar days from the UTC date of `updated` to today (`now`) in `timeZone`. */
function daysSinceUpdateDate(updated, now, timeZone) {
  const updateDate = Math.floor(updated / DAY) * DAY;
  return Math.round((dayInZone(now, timeZone) - updateDate) / DAY);
}

const defaultNameOf = (id) => PERSONAS.get(id)?.name;

/**
 * Flags of one ticket (`{status?, assignees: FP ids, nextAction, updated: ms, nad: ms | null}`) at
 * `now`. `rules` overrides the defaults key by key; `nameOf(id)` gives the name GOC shows.
 * `nadPast` is any open ticket's NAD being past (the `overdue` count of `GET /__sim/state`).
 */
export function classifyTicket(t, now, { rules = {}, nameOf = defaultNameOf } = {}) {
  const r = { ...QUEUE_RULES, ...rules };
  const open = !CLOSED_STATUSES.includes(t.status);
  const wanted = new Set(r.softwareAssignees.map(fold).filter((n) => n !== ''));
  const matches = (id) => wanted.has(fold(id)) || wanted.has(fold(nameOf(id)));
  const software = open && (t.assignees ?? []).some(matches);
  const triage = fold(r.triageNextAction);
  const untriaged = software && triage !== '' && fold(t.nextAction) === triage;
  const hasUpdate = typeof t.updated === 'number' && Number.isFinite(t.updated);
  const stale = software && !untriaged && hasUpdate && daysSinceUpdateDate(t.updated, now, r.timeZone) > r.staleDays;
  const nadPast = open && typeof t.nad === 'number' && Number.isFinite(t.nad) && t.nad < now;
  return { open, software, untriaged, stale, overdue: software && nadPast, nadPast };
}
