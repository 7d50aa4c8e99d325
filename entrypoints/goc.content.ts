import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { FEATURES } from '../features';
import { runFeatures } from '../features/runner';
import { loadSettings } from '../services/settings-store';
import { detectPage } from '../utils/goc/page';

export default defineContentScript({
  // The real GOC Ticket origins only (root or /goc/ prefix); features pick their own pages.
  matches: ['https://ticket.opensciencegrid.org/*', 'https://ticket.grid.iu.edu/*'],
  runAt: 'document_end',
  async main(ctx) {
    const page = detectPage(document, new URL(location.href));
    const [{ settings }, debug] = await Promise.all([
      loadSettings(),
      browser.storage.local.get('debug.failFeatures'),
    ]);
    const forceFail = (debug['debug.failFeatures'] as string[] | undefined) ?? [];
    const outcomes = await runFeatures(FEATURES, { page, settings, ctx, document }, forceFail);
    // Tests and bug reports read which features ran from this attribute.
    document.documentElement.dataset.gtaFeatures = outcomes
      .filter((o) => o.status !== 'skipped')
      .map((o) => `${o.id}:${o.status}`)
      .join(' ');
  },
});
