import { defineContentScript } from 'wxt/utils/define-content-script';
import { askForAfterLoadScripts } from '../features/shared/after-load';
import { GOC_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // Every GOC page: after its load event, asks the background to inject the scripts whose features
  // wait for that event (the banner; the list flags on list pages). Only this small script is in the
  // page while it loads (README › Performance).
  matches: GOC_MATCHES,
  runAt: 'document_start',
  main: (ctx) => askForAfterLoadScripts(ctx, window),
});
