import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../features/start';
import { TRIAGE_SCRIPT_FEATURES } from '../features/triage-script';
import { GOC_LIST_MATCHES, GOC_MATCHES, GOC_SUBMIT_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // Beside ticket.content.ts on the same pages: the triage panel and the close checklist of the
  // editor, in a script of their own so each script stays small.
  matches: GOC_MATCHES,
  // Not the lists (their own script) nor the new-ticket form (submit.content.ts).
  excludeMatches: [...GOC_LIST_MATCHES, ...GOC_SUBMIT_MATCHES],
  runAt: 'document_start',
  main: (ctx) => startFeatures(ctx, 'triage', TRIAGE_SCRIPT_FEATURES),
});
