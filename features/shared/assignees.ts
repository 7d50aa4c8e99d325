/**
 * The editor's assignee lists (docs/goc-pages.md §7.1), both kinds:
 * - checklist (≤12 members): `div.list#team_N__list > div.item > input[type=checkbox][name="team_N[fpid]"] + label`;
 * - fblist (>12, autocomplete): `div.fblist_container#team_N__list`; chosen members are `div`s holding
 *   `i.icon-remove`, the name and `input[type=hidden][name="team_N[fpid]"]` before `input.autocomplete`; all
 *   members exist only in the inline script's `team_N__listdata`, read as text (utils/goc/fblist.ts).
 * Shared by the expert suggestions, the triage panel and the keep-Software guard. We change only the one
 * box or row asked for, the way the page itself does, and can undo exactly that.
 */
import { parseListData, type ListEntry } from '../../utils/goc/fblist';
import { sameDisplayName } from '../../utils/experts';
import type { AssigneeLike } from '../../utils/keep-software';
import { createElement } from './dom';

export type TeamKind = 'checklist' | 'fblist';

export interface TeamMember {
  fpid: string;
  /** Display name (checklist label, list data label, or the chosen row's text); may be empty. */
  name: string;
  assigned: boolean;
}

export interface TeamList {
  /** `team_N` (N is the schema index, not stable across sites: key on `name` for meaning). */
  key: string;
  /** The `b.teamname` heading; the key when there is none. */
  name: string;
  kind: TeamKind;
  members: TeamMember[];
}

export interface PersonRef {
  name: string;
  footprintsId?: string;
  /** Preferred team (an expert entry's `team` label): a team whose name contains it is tried first. */
  team?: string;
}

export type AssignState = 'ticked' | 'added' | 'already' | 'missing';

export interface AssignResult {
  state: AssignState;
  /** Team name where the person was found ('' when missing). */
  team: string;
  /** Team key (`team_N`, '' when missing). */
  key: string;
  fpid: string;
  /** Restores exactly the state before this call (no-op for 'already' and 'missing'). */
  undo(): void;
}

/** Marks the fblist rows we add. */
export const ADDED_GTA = 'assignee-added';

const KEY_RE = /^team_\d{1,4}$/;

function listElements(doc: Document): { key: string; el: Element }[] {
  const out: { key: string; el: Element }[] = [];
  for (const el of Array.from(doc.querySelectorAll('[id^="team_"][id$="__list"]'))) {
    const key = el.id.slice(0, -'__list'.length);
    if (KEY_RE.test(key)) out.push({ key, el });
  }
  return out;
}

function kindOf(el: Element): TeamKind {
  return el.classList.contains('fblist_container') || el.querySelector('.fblist, input.autocomplete') ? 'fblist' : 'checklist';
}

function teamName(el: Element, key: string): string {
  // `b.teamname` heads each list (a sibling before it in its column).
  for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (prev.matches('b.teamname')) return (prev.textContent ?? '').trim() || key;
    if (prev.matches('[id$="__list"]')) break; // another team's list: no heading of our own
  }
  return key;
}

/** The fpid inside `team_N[<fpid>]`, or null when the name belongs to another team. */
function fpidOf(name: string, key: string): string | null {
  const prefix = `${key}[`;
  return name.startsWith(prefix) && name.endsWith(']') && name.length > prefix.length + 1 ? name.slice(prefix.length, -1) : null;
}

// Script text never changes once parsed; a page may have several list scripts.
const parsed = new WeakMap<Element, { text: string; data: Map<string, ListEntry[]> }>();

function listDataIn(scripts: Iterable<HTMLScriptElement>, key: string): ListEntry[] | null {
  for (const script of scripts) {
    if (script.src) continue;
    const text = script.textContent ?? '';
    let cached = parsed.get(script);
    if (!cached || cached.text !== text) {
      const data = new Map<string, ListEntry[]>();
      if (text.includes('__listdata')) for (const t of parseListData(text)) data.set(t.team, t.entries);
      cached = { text, data };
      parsed.set(script, cached);
    }
    const entries = cached.data.get(key);
    if (entries) return entries;
  }
  return null;
}

/** The team's list data: its own scripts first, then the form's, then the whole page's. */
function listData(doc: Document, el: Element, key: string): ListEntry[] {
  const scopes: ParentNode[] = [el];
  if (el.parentElement) scopes.push(el.parentElement);
  const form = el.closest('form');
  if (form) scopes.push(form);
  scopes.push(doc);
  for (const scope of scopes) {
    const found = listDataIn(scope.querySelectorAll('script'), key);
    if (found) return found;
  }
  return [];
}

interface ChosenRow {
  fpid: string;
  name: string;
  input: HTMLInputElement;
  /** The row `div` holding the input; null when the input sits bare in the list. */
  row: Element | null;
}

function chosenRows(el: Element, key: string): ChosenRow[] {
  const out: ChosenRow[] = [];
  for (const input of Array.from(el.querySelectorAll<HTMLInputElement>('input[type="hidden"]'))) {
    const fpid = fpidOf(input.name, key);
    if (fpid === null || input.disabled) continue;
    const parent = input.parentElement;
    const row = parent && parent !== el && !parent.matches('.fblist, .fblist_container') ? parent : null;
    out.push({ fpid, name: (row?.textContent ?? '').replace(/\s+/g, ' ').trim(), input, row });
  }
  return out;
}

interface CheckItem {
  fpid: string;
  name: string;
  input: HTMLInputElement;
  item: Element | null;
}

function checkItems(el: Element, key: string): CheckItem[] {
  const out: CheckItem[] = [];
  for (const input of Array.from(el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))) {
    const fpid = fpidOf(input.name, key);
    if (fpid === null) continue;
    const item = input.closest('.item');
    const label = (item ?? input.parentElement)?.querySelector('label');
    out.push({ fpid, name: (label?.textContent ?? '').trim(), input, item });
  }
  return out;
}

function membersOf(doc: Document, el: Element, key: string, kind: TeamKind): TeamMember[] {
  if (kind === 'checklist') return checkItems(el, key).map((c) => ({ fpid: c.fpid, name: c.name, assigned: c.input.checked }));
  const chosen = chosenRows(el, key);
  const chosenIds = new Set(chosen.map((c) => c.fpid));
  const members: TeamMember[] = listData(doc, el, key).map((e) => ({ fpid: e.fpid, name: e.label, assigned: chosenIds.has(e.fpid) }));
  const listed = new Set(members.map((m) => m.fpid));
  // A chosen member missing from the list data still counts (the server printed it).
  for (const c of chosen) if (!listed.has(c.fpid)) members.push({ fpid: c.fpid, name: c.name, assigned: true }), listed.add(c.fpid);
  return members;
}

/** Every assignee list on the page, in page order. */
export function readTeams(doc: Document): TeamList[] {
  return listElements(doc).map(({ key, el }) => {
    const kind = kindOf(el);
    return { key, name: teamName(el, key), kind, members: membersOf(doc, el, key, kind) };
  });
}

/** Footprints ids assigned right now (ticked boxes and chosen fblist rows), in page order. */
export function assignedFpIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const { key, el } of listElements(doc)) {
    if (kindOf(el) === 'checklist') {
      for (const c of checkItems(el, key)) if (c.input.checked) ids.add(c.fpid);
    } else for (const c of chosenRows(el, key)) ids.add(c.fpid);
  }
  return ids;
}

function setChecked(c: CheckItem, on: boolean): void {
  c.input.checked = on;
  c.item?.classList.toggle('checked', on);
  // `change` (not `click`): the page toggles the box on item clicks, which would undo ours.
  c.input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Adds a chosen row the way the page's select handler does; returns it. */
function addRow(doc: Document, el: Element, key: string, fpid: string, name: string): Element {
  const row = createElement(doc, 'div', { 'data-gta': ADDED_GTA, class: 'gta-assignee-added' });
  const icon = createElement(doc, 'i', { class: 'icon-remove', title: `Remove ${name}`, role: 'button', tabindex: '0' });
  // Our own listeners (the page's rows use an inline handler we must not add).
  const remove = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
    row.remove();
  };
  icon.addEventListener('click', remove);
  icon.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && remove(e));
  row.append(icon, doc.createTextNode(` ${name}`), createElement(doc, 'input', { type: 'hidden', name: `${key}[${fpid}]`, value: 'on' }));
  const input = el.querySelector('input.autocomplete');
  if (input?.parentNode) input.parentNode.insertBefore(row, input);
  else (el.querySelector('.fblist') ?? el).append(row);
  return row;
}

const NOOP = () => {};

interface Candidate {
  key: string;
  name: string;
  el: Element;
  kind: TeamKind;
  member: TeamMember;
}

function matches(m: TeamMember, p: PersonRef): boolean {
  const id = (p.footprintsId ?? '').trim();
  return id ? m.fpid === id : sameDisplayName(m.name, p.name);
}

function candidates(doc: Document, p: PersonRef): Candidate[] {
  const all: Candidate[] = [];
  const lists = listElements(doc).map(({ key, el }) => ({ key, el, kind: kindOf(el), name: teamName(el, key) }));
  const members = lists.map((l) => membersOf(doc, l.el, l.key, l.kind));
  // By FP id when given; by display name when the id is in no list (a checklist label still names them).
  for (const useId of p.footprintsId?.trim() ? [true, false] : [false]) {
    const ref = useId ? p : { name: p.name };
    lists.forEach((l, i) => members[i].forEach((m) => matches(m, ref) && all.push({ ...l, member: m })));
    if (all.length) break;
  }
  const hint = (p.team ?? '').trim().toLowerCase();
  if (!hint) return all;
  const preferred = all.filter((c) => c.name.toLowerCase().includes(hint));
  return [...preferred, ...all.filter((c) => !preferred.includes(c))];
}

/**
 * Assigns one person: ticks their box in a checklist, or adds their row to an fblist, in the first team
 * that has them (a team matching `person.team` first). Already assigned anywhere: nothing changes.
 */
export function assignPerson(doc: Document, person: PersonRef): AssignResult {
  const found = candidates(doc, person);
  const done = found.find((c) => c.member.assigned);
  if (done) return { state: 'already', team: done.name, key: done.key, fpid: done.member.fpid, undo: NOOP };
  const c = found[0];
  if (!c) return { state: 'missing', team: '', key: '', fpid: '', undo: NOOP };
  const base = { team: c.name, key: c.key, fpid: c.member.fpid };
  if (c.kind === 'checklist') {
    const item = checkItems(c.el, c.key).find((x) => x.fpid === c.member.fpid)!;
    const hadClass = item.item?.classList.contains('checked') ?? false;
    setChecked(item, true);
    return {
      state: 'ticked',
      ...base,
      undo() {
        if (!item.input.checked) return; // the user already unticked it
        setChecked(item, false);
        item.item?.classList.toggle('checked', hadClass);
      },
    };
  }
  const row = addRow(doc, c.el, c.key, c.member.fpid, c.member.name || person.name);
  return { state: 'added', ...base, undo: () => row.remove() };
}

/**
 * Sets one member's assignment in one team (`team_N`): ticks/unticks the box, or adds/removes the fblist
 * row. The name for a new row comes from the list data. Returns whether anything changed.
 */
export function setAssigned(doc: Document, team: string, fpid: string, on: boolean): boolean {
  const list = listElements(doc).find((l) => l.key === team);
  if (!list) return false;
  if (kindOf(list.el) === 'checklist') {
    const item = checkItems(list.el, team).find((c) => c.fpid === fpid);
    if (!item || item.input.checked === on) return false;
    setChecked(item, on);
    return true;
  }
  const rows = chosenRows(list.el, team).filter((r) => r.fpid === fpid);
  if (on) {
    if (rows.length) return false;
    const name = membersOf(doc, list.el, team, 'fblist').find((m) => m.fpid === fpid)?.name ?? '';
    addRow(doc, list.el, team, fpid, name || fpid);
    return true;
  }
  if (!rows.length) return false;
  // Remove the whole row the page or we printed; a bare input is removed on its own.
  for (const r of rows) (r.row ?? r.input).remove();
  return true;
}

/**
 * The Software pseudo-users assigned right now (team key, FP id, name): what makes a ticket part of
 * the Software queue for the triage panel, the keep-Software guard and the close checklist.
 */
export function assignedSoftware(teams: readonly TeamList[], isSoftware: (ref: AssigneeLike) => boolean): { key: string; fpid: string; name: string }[] {
  return teams.flatMap((t) => t.members.filter((m) => m.assigned && isSoftware(m)).map((m) => ({ key: t.key, fpid: m.fpid, name: m.name })));
}
