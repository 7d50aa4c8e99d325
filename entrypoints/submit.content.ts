import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../features/start';
import { SUBMIT_SCRIPT_FEATURES } from '../features/submit-script';
import { GOC_SUBMIT_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // The new-ticket form only (/submit, at the root or under /goc/): an e-mail's draft goes into its
  // fields. The ticket, update and triage scripts do not run there (nothing of theirs applies).
  matches: GOC_SUBMIT_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startFeatures(ctx, 'submit', SUBMIT_SCRIPT_FEATURES),
});
