/**
 * The features of entrypoints/ticket.content.ts (every GOC page but the lists; they act on ticket
 * pages): reading the ticket, in start order. The New Update box features are in update-script.ts.
 */
import type { Feature } from './types';
import { responderBadges } from './responder-badges';
import { responderSummary } from './responder-summary';
import { jiraLinks } from './jira-links';

export const TICKET_SCRIPT_FEATURES: Feature[] = [
  // Badges first: they are what the eye looks for.
  responderBadges,
  responderSummary,
  jiraLinks,
];
