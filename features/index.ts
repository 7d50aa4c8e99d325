/**
 * Every page feature, in mount order. Each file declares the GOC pages it runs on.
 * Add a feature: create features/<name>/index.ts exporting a Feature, then list it here.
 */
import type { Feature } from './types';
import { signatureFeature } from './signature';
import { responderBadges } from './responder-badges';
import { responderSummary } from './responder-summary';
import { unsignedGuard } from './unsigned-guard';
import { snippetPicker } from './snippets';
import { expertSuggestions } from './experts';
import { jiraLinks } from './jira-links';
import { queueHighlight } from './queue-highlight';
import { dutyBanner } from './duty-banner';

export const FEATURES: Feature[] = [
  // Every GOC page (issue 4): the triage-duty banner under the navbar.
  dutyBanner,
  signatureFeature,
  // Ticket page (issue 3): each fails alone; badges before JIRA links so both read the same bodies.
  responderBadges,
  responderSummary,
  unsignedGuard,
  snippetPicker,
  expertSuggestions,
  jiraLinks,
  // List page (issue 5): Software-queue row flags and the Software-only filter.
  queueHighlight,
];
