/**
 * What the triage panel reads from the editor (docs/goc-pages.md §4.3, §7.1, §8): whether the ticket
 * is in the Software queue (a `queue.softwareAssignees` entry assigned, by display name or FP id, with
 * the queue's own folding), whether it waits for triage (Next Action equals `queue.triageNextAction`),
 * the page's people, and the ticket's words for the expert match. Reads only; never changes the page.
 */
import { foldName } from '../../utils/queue/classify';
import { bodyTextOf, updateElements } from '../../utils/goc/ticket';
import { SELECTORS } from '../../utils/goc/selectors';
import type { PagePerson } from '../../utils/triage/owners';
import { readTeams, type TeamList } from '../shared/assignees';

export interface TriagePage {
  form: HTMLFormElement;
  nextAction: HTMLInputElement | null;
  nad: HTMLInputElement | null;
  teams: TeamList[];
}

/** The editor form and its fields; null on read-only and guest pages. */
export function readTriagePage(doc: Document): TriagePage | null {
  const form = doc.querySelector<HTMLFormElement>(SELECTORS.ticketForm);
  if (!form) return null;
  return {
    form,
    nextAction: form.querySelector<HTMLInputElement>('input[name="next_action"]'),
    nad: form.querySelector<HTMLInputElement>('input[name="nad"]'),
    teams: readTeams(doc),
  };
}

export function isTriageNextAction(value: string, triageNextAction: string): boolean {
  const want = foldName(triageNextAction);
  return want !== '' && foldName(value) === want;
}

/** Everyone in the page's assignee lists, with the list that holds them (people in two teams twice). */
export function pagePeople(teams: readonly TeamList[]): (PagePerson & { assigned: boolean })[] {
  return teams.flatMap((t) =>
    t.members.filter((m) => m.name.trim() !== '').map((m) => ({ name: m.name, footprintsId: m.fpid, team: t.name, assigned: m.assigned })),
  );
}

/** The ticket's words for the expert match: the title and every update body (Show More part included). */
export function ticketTexts(doc: Document): string[] {
  const title = doc.querySelector<HTMLInputElement>('form#ticket_form input[name="title"]')?.value ?? '';
  const bodies = updateElements(doc).map((el) => bodyTextOf(el.querySelector(':scope > pre') ?? el.querySelector('pre')));
  return [title, ...bodies];
}
