import { defineContentScript } from 'wxt/utils/define-content-script';
import { TICKET_SCRIPT_FEATURES } from '../features/ticket-script';
import { startFeatures } from '../features/start';
import { GOC_LIST_MATCHES, GOC_MATCHES, GOC_SUBMIT_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // Every GOC page but the lists (they have their own script); the features act on ticket pages.
  matches: GOC_MATCHES,
  // Not the lists (their own script) nor the new-ticket form (submit.content.ts).
  excludeMatches: [...GOC_LIST_MATCHES, ...GOC_SUBMIT_MATCHES],
  // document_start: Chrome holds a page's load event back for document_end/idle injection
  // (measured in `npm run bench`, page-load); the settings read also starts while the page parses.
  runAt: 'document_start',
  main: (ctx) => startFeatures(ctx, 'ticket', TICKET_SCRIPT_FEATURES),
});
