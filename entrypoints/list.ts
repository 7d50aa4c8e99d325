import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LIST_SCRIPT_FEATURES } from '../features/list-script';
import { startAfterLoadScript } from '../features/start';

// The list pages only: the Software-queue flags, without the ticket features' code. Injected by the
// background after the page's load event (entrypoints/loader.content.ts asks).
export default defineUnlistedScript(() => startAfterLoadScript('list', LIST_SCRIPT_FEATURES));
