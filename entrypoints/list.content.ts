import { defineContentScript } from 'wxt/utils/define-content-script';
import { LIST_SCRIPT_FEATURES } from '../features/list-script';
import { startFeatures } from '../features/start';
import { GOC_LIST_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // The list pages only: the Software-queue flags, without the ticket features' code.
  matches: GOC_LIST_MATCHES,
  runAt: 'document_start',
  main: (ctx) => startFeatures(ctx, 'list', LIST_SCRIPT_FEATURES),
});
