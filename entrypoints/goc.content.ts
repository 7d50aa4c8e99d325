import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { FEATURES } from '../features';
import { runFeatures } from '../features/runner';
import { loadSettings } from '../services/settings-store';
import { detectPage } from '../utils/goc/page';

export default defineContentScript({
  // The real GOC Ticket origins only (root or /goc/ prefix); features pick their own pages.
  matches: ['https://ticket.opensciencegrid.org/*', 'https://ticket.grid.iu.edu/*'],
  // document_start, not document_end: Chrome holds the page's load event back by a whole task
  // round-trip for document_end/idle injection (measured in `npm run bench`, page-load). Starting
  // early also lets the settings arrive while the page is still parsing.
  runAt: 'document_start',
  async main(ctx) {
    const loaded = Promise.all([loadSettings(), browser.storage.local.get('debug.failFeatures')]);
    // Features run once the page has loaded: they never delay its load event or its own ready
    // handlers (jQuery, timeago, DataTables), and they see the settled DOM.
    if (document.readyState !== 'complete') {
      await new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
    }
    // A task of our own, outside the page's load event dispatch.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const [{ settings }, debug] = await loaded;
    const page = detectPage(document, new URL(location.href));
    const forceFail = (debug['debug.failFeatures'] as string[] | undefined) ?? [];
    const outcomes = await runFeatures(FEATURES, { page, settings, ctx, document }, forceFail);
    // Tests and bug reports read which features ran from this attribute.
    document.documentElement.dataset.gtaFeatures = outcomes
      .filter((o) => o.status !== 'skipped')
      .map((o) => `${o.id}:${o.status}`)
      .join(' ');
  },
});
