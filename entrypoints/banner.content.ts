import { defineContentScript } from 'wxt/utils/define-content-script';
import { BANNER_SCRIPT_FEATURES } from '../features/banner-script';
import { startFeatures } from '../features/start';
import { GOC_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // Every GOC page: the triage-duty banner, in a script of its own so the ticket and list scripts
  // carry none of the rotation code.
  matches: GOC_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startFeatures(ctx, 'banner', BANNER_SCRIPT_FEATURES),
});
