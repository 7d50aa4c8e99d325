import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFeatures } from '../features/start';
import { UPDATE_SCRIPT_FEATURES } from '../features/update-script';
import { guardSubmitPaths } from '../features/enter-guard';
import { useDefaultSettings } from '../features/shared/settings';
import { settleEarlySubmits } from '../features/shared/submit-hold';
import { defaultSettingsCopy } from '../utils/settings/defaults';
import { GOC_LIST_MATCHES, GOC_MATCHES, GOC_SUBMIT_MATCHES } from '../utils/goc/hosts';

export default defineContentScript({
  // Beside ticket.content.ts on the same pages: the New Update box features (signature, guard,
  // snippets, experts), in a script of their own so each script stays small.
  matches: GOC_MATCHES,
  // Not the lists (their own script) nor the new-ticket form (submit.content.ts).
  excludeMatches: [...GOC_LIST_MATCHES, ...GOC_SUBMIT_MATCHES],
  runAt: 'document_start',
  main: (ctx) => {
    // The snippets feature is here: before the first published settings, it offers the default snippets.
    useDefaultSettings(defaultSettingsCopy);
    // From document_start, before the form exists: Enter never "submits" through an attachment's ×,
    // and an Update made before the guards are ready waits for them (features/enter-guard).
    guardSubmitPaths(ctx, document);
    // The enter-guard feature hands held submits over at DOM ready; this is the fallback if it never runs.
    return startFeatures(ctx, 'update', UPDATE_SCRIPT_FEATURES).finally(() => settleEarlySubmits(document));
  },
});
