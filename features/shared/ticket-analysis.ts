/**
 * One reading of the ticket page shared by the responder features: the parsed ticket, the element
 * of each update, and who wrote each one. Cached per document until the set of update elements
 * changes, so the badges and the summary parse the page once between them. Pure DOM + utils.
 */
import { chronological, readTicket, type TicketModel, type TicketNodes } from '../../utils/goc/ticket';
import {
  buildResponderIndex,
  identifyResponder,
  isUnsignedUpdate,
  type Responder,
  type RosterPerson,
} from '../../utils/responders';
import type { Settings } from '../../utils/settings';

export interface TicketAnalysis {
  ticket: TicketModel;
  nodes: TicketNodes;
  /** Same order as ticket.updates / nodes.updates (page order). */
  responders: Responder[];
  unsigned: boolean[];
}

interface CacheEntry {
  elements: Element[];
  team: Settings['team'];
  analysis: TicketAnalysis;
}

const cache = new WeakMap<Document, CacheEntry>();

export function rosterFrom(settings: Settings): RosterPerson[] {
  return (settings.team ?? []).map((m) => ({ name: m.name, emails: m.emails, aliases: m.aliases, role: m.role }));
}

function sameElements(a: readonly Element[], b: readonly Element[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export function analyzeTicket(doc: Document, settings: Settings): TicketAnalysis {
  const current = Array.from(doc.querySelectorAll('#updates > .update_description'));
  const cached = cache.get(doc);
  if (cached && cached.team === settings.team && sameElements(cached.elements, current)) return cached.analysis;

  const { ticket, nodes } = readTicket(doc);
  const index = buildResponderIndex({ roster: rosterFrom(settings), submitter: ticket.submitter });
  const responders = ticket.updates.map((u) => identifyResponder(u, index));
  const openingIndex = chronological(ticket.updates)[0]?.index ?? -1;
  const unsigned = responders.map((r, i) => isUnsignedUpdate(r, i === openingIndex));
  const analysis: TicketAnalysis = { ticket, nodes, responders, unsigned };
  cache.set(doc, { elements: current, team: settings.team, analysis });
  return analysis;
}

/** Forget the cached reading (tests, or after our own changes to the update list). */
export function forgetAnalysis(doc: Document): void {
  cache.delete(doc);
}
