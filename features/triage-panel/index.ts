/**
 * The triage panel (issue 8): the duty person's whole job on a Software ticket's editor page in one
 * step. Owners (expert matches with their topic, then the roster, then the page's own lists; with
 * load, duty and away), a Next Action from presets, a deadline in working days, an optional signed
 * note; Apply fills the page's own fields and never submits, Undo takes exactly that back.
 *
 * Shown in `form#ticket_form` of tickets assigned to a `queue.softwareAssignees` entry; expanded when
 * the Next Action is `queue.triageNextAction` (the queue's matching), else one line. Never on read-only
 * or guest pages, never on other tickets. The panel is in the page at once; expert matches, loads and
 * duty arrive a task later (`data-gta-ready="true"`), so a 300-update page gets it within a frame.
 */
import { browser } from 'wxt/browser';
import type { Feature, FeatureEnv } from '../types';
import type { RotationCache } from '../../utils/rotation/cache';
import { getItems, STORED } from '../../utils/storage-items';
import { foldDisplayName, sameDisplayName } from '../../utils/experts';
import { formatSignatureDate, renderSignature } from '../../utils/signature';
import { availability, type Availability } from '../../utils/triage/availability';
import { DEADLINE_PRESET_DAYS, deadlineAfter, deadlinePresets, normalizeNad } from '../../utils/triage/deadline';
import { triageNote } from '../../utils/triage/note';
import { filterOwners, rankOwners, type OwnerCandidate } from '../../utils/triage/owners';
import { fillNextAction } from '../../utils/triage/presets';
import { removeOnInvalidated } from '../shared/dom';
import { assignedSoftware, readTeams } from '../shared/assignees';
import '../shared/styles/triage.css';
import { nextTask } from '../shared/yield';
import { TriageJournal } from './apply';
import { isTriageNextAction, pagePeople, readTriagePage, ticketTexts } from './page';
import { softwareAssigneeMatcher } from '../../utils/keep-software';
import { describeApply, describeUndo } from './status';
import { buildPanel, ownerItem, renderDeadlinePresets, setExpanded, type PanelParts } from './view';

export interface TriageStored {
  loads: Record<string, number> | null;
  cache: RotationCache | null;
  debugNow: number | null;
}

export interface TriageDeps {
  readStored(): Promise<TriageStored>;
  now(): number;
}

const defaultDeps: TriageDeps = {
  async readStored() {
    const { latest, cache, debugNow } = await getItems(browser.storage, { latest: STORED.queueLatest, cache: STORED.rotationCache, debugNow: STORED.debugRotationNow });
    return { loads: latest.assigneeLoads ?? null, cache, debugNow };
  },
  now: () => Date.now(),
};

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // diagnostics only
  }
}

export interface TriagePanel {
  parts: PanelParts;
  /** Resolves once expert matches, loads and duty are in the list. */
  ready: Promise<void>;
}

export function mountTriagePanel(env: Pick<FeatureEnv, 'document' | 'settings' | 'page'>, deps: TriageDeps = defaultDeps): TriagePanel | null {
  const { document: doc, settings } = env;
  if (settings.features?.triagePanel === false) return null;
  const page = readTriagePage(doc);
  if (!page) return null; // read-only or guest view
  const isSoftware = softwareAssigneeMatcher(settings.queue.softwareAssignees);
  if (assignedSoftware(page.teams, isSoftware).length === 0) return null; // not in the Software queue
  doc.querySelectorAll('[data-gta="triage-panel"]').forEach((old) => old.remove());

  const parts = buildPanel(doc, settings.triage?.nextActions ?? []);
  const journal = new TriageJournal(doc);
  const me = settings.identity.name.trim() || (env.page.userName ?? '').trim();
  const chosen: string[] = [];
  let candidates: OwnerCandidate[] = [];
  let av: Availability | null = null;
  let texts: string[] = [];
  let loads: Record<string, number> | null = null;
  let preset: { text: string; filled: string } | null = null;

  // Folded names of who is assigned now: from the first read, re-read after Apply and Undo.
  const assignedKeys = (teams = readTeams(doc)) => new Set(pagePeople(teams).filter((p) => p.assigned).map((p) => foldDisplayName(p.name)));
  let assigned = assignedKeys(page.teams);
  const rank = () => {
    candidates = rankOwners({
      experts: settings.experts ?? [],
      texts,
      roster: (settings.team ?? []).map((m) => ({ name: m.name, footprintsId: m.footprintsId, role: m.role })),
      page: pagePeople(page.teams),
      loads,
      availability: av,
      exclude: isSoftware,
    });
  };
  const chosenCandidates = () => chosen.map((n) => candidates.find((c) => sameDisplayName(c.name, n))).filter((c): c is OwnerCandidate => !!c);

  const renderOwners = () => {
    const shown = filterOwners(candidates, parts.search.value);
    const picked = new Set(chosen.map(foldDisplayName));
    parts.owners.replaceChildren(...shown.map((c) => ownerItem(doc, c, picked.has(foldDisplayName(c.name)), assigned.has(foldDisplayName(c.name)))));
    parts.empty.hidden = shown.length > 0;
    parts.chosen.textContent = chosen.length ? `Chosen: ${chosen.join(', ')}` : 'Choose one or more owners.';
  };
  const renderSummary = () => {
    const na = page.nextAction?.value.trim() ?? '';
    parts.summary.textContent = na ? `Next Action: ${na}` : '';
  };
  /** Keeps a preset's {owner} in step with the first chosen owner, unless the user edited the text. */
  const refillPreset = () => {
    if (!preset || parts.nextAction.value !== preset.filled) return;
    preset.filled = fillNextAction(preset.text, { owner: chosen[0], me });
    parts.nextAction.value = preset.filled;
  };
  const say = (text: string) => (parts.status.textContent = text);

  parts.toggle.addEventListener('click', () => setExpanded(parts, parts.root.getAttribute('data-gta-state') !== 'expanded'));
  parts.search.addEventListener('input', renderOwners);
  parts.owners.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.('[data-gta="triage-owner"]');
    if (!button) return;
    const name = button.getAttribute('data-gta-person') ?? '';
    const at = chosen.findIndex((n) => sameDisplayName(n, name));
    if (at >= 0) chosen.splice(at, 1);
    else chosen.push(name);
    button.setAttribute('aria-pressed', String(at < 0));
    parts.chosen.textContent = chosen.length ? `Chosen: ${chosen.join(', ')}` : 'Choose one or more owners.';
    refillPreset();
  });
  parts.presets.addEventListener('click', (event) => {
    const text = (event.target as Element).closest?.('[data-gta-preset]')?.getAttribute('data-gta-preset');
    if (text === null || text === undefined) return;
    preset = { text, filled: fillNextAction(text, { owner: chosen[0], me }) };
    parts.nextAction.value = preset.filled;
  });
  const rules = { timeZone: settings.rotation.timeZone, holidays: settings.rotation.holidays };
  parts.nadPresets.addEventListener('click', (event) => {
    const days = Number((event.target as Element).closest?.('[data-gta-days]')?.getAttribute('data-gta-days'));
    // Counted at the click: a page left open overnight still gets the right date.
    if (days > 0) parts.nad.value = deadlineAfter(deps.now(), days, rules);
  });
  // Enter in a text field of the form would submit it, or delete the first attachment (docs/goc-pages.md §9).
  parts.root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.target as Element).matches?.('input')) event.preventDefault();
  });

  parts.apply.addEventListener('click', () => {
    const nadText = parts.nad.value.trim();
    const nad = nadText ? normalizeNad(nadText) : null;
    if (nadText && !nad) return void say(`The deadline "${nadText}" is not a date: use YYYY-MM-DD, or a +1/+2/+5 button.`);
    const owners = chosenCandidates();
    const nextAction = parts.nextAction.value.trim() || null;
    if (owners.length === 0 && nextAction === null && nad === null) return void say('Choose an owner, a Next Action or a deadline first.');
    const topics = owners.flatMap((c) => c.topics);
    const signature = me ? renderSignature(settings.signature ?? '', { name: me, email: settings.identity.email ?? '', date: formatSignatureDate(new Date(deps.now()), settings.rotation.timeZone), ticket: env.page.ticketId === null ? '' : String(env.page.ticketId) }) : '';
    const note = parts.note.checked && owners.length ? triageNote(owners.map((c) => c.name), topics, signature) : null;
    const outcome = journal.apply(
      { owners: owners.map((c) => ({ name: c.name, footprintsId: c.footprintsId, team: c.teams[0] })), nextAction, nad, note },
      { nextAction: page.nextAction, nad: page.nad },
    );
    const teams = readTeams(doc);
    assigned = assignedKeys(teams);
    const softwareLeft = assignedSoftware(teams, isSoftware).length > 0;
    say(describeApply(outcome, { nextAction, nad, softwareLeft, signed: !!signature }));
    parts.undo.disabled = !journal.changed;
    renderOwners();
    renderSummary();
  });
  parts.undo.addEventListener('click', () => {
    say(describeUndo(journal.undo()));
    assigned = assignedKeys();
    parts.undo.disabled = true;
    renderOwners();
    renderSummary();
  });

  // First paint: roster and page people, no loads yet; the rest (the preset dates too: the zone's
  // first use costs milliseconds) follows a task later.
  renderDeadlinePresets(doc, parts, DEADLINE_PRESET_DAYS);
  rank();
  renderOwners();
  renderSummary();
  setExpanded(parts, isTriageNextAction(page.nextAction?.value ?? '', settings.queue.triageNextAction));
  parts.root.setAttribute('data-gta-ready', 'false');
  const anchor = Array.from(page.form.querySelectorAll('legend')).find((l) => /^\s*assignees/i.test(l.textContent ?? ''));
  if (anchor?.parentNode) anchor.parentNode.insertBefore(parts.root, anchor);
  else page.form.prepend(parts.root);
  mark('gta:triage-panel:ready');

  const stored = deps.readStored().catch((): TriageStored => ({ loads: null, cache: null, debugNow: null }));
  const ready = (async () => {
    // Three small tasks rather than one long one: the zone's first use, reading 300 bodies, and
    // compiling the expert keywords each cost milliseconds on a cold page.
    await nextTask();
    renderDeadlinePresets(doc, parts, deadlinePresets(deps.now(), rules));
    await nextTask();
    texts = ticketTexts(doc);
    await nextTask();
    const s = await stored;
    loads = s.loads;
    const now = s.debugNow ?? deps.now();
    av = s.cache ? availability({ now, timeZone: settings.rotation.timeZone, weeks: s.cache.weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays }) : null;
    rank();
    renderOwners();
    parts.root.setAttribute('data-gta-ready', 'true');
  })();
  return { parts, ready };
}

export const triagePanel: Feature = {
  id: 'triage-panel',
  pages: ['ticket'],
  async init(env) {
    const panel = mountTriagePanel(env);
    removeOnInvalidated(env.ctx, env.document, 'triage-panel');
    await panel?.ready;
  },
};
