import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BANNER_SCRIPT_FEATURES } from '../features/banner-script';
import { startAfterLoadScript } from '../features/start';

// Every GOC page: the triage-duty banner (and New Update drafts on ticket pages), in a script of its
// own so the ticket and list scripts carry none of the rotation code. Injected by the background
// after the page's load event (entrypoints/loader.content.ts asks).
export default defineUnlistedScript(() => startAfterLoadScript('banner', BANNER_SCRIPT_FEATURES));
