/**
 * The loader content script's one job (entrypoints/loader.content.ts): once the page's load event has
 * run, ask the background to inject the after-load scripts (AFTER_LOAD_SCRIPTS in utils/goc/hosts.ts).
 * Kept free of everything else so the script the page parses while it loads stays small (about 3 KiB
 * gzipped, most of it the typed messaging and WXT's context).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../../utils/messages';
import { pageLoaded } from './yield';

export async function askForAfterLoadScripts(ctx: Pick<ContentScriptContext, 'isInvalid'>, win: Window): Promise<void> {
  await pageLoaded(win);
  if (ctx.isInvalid) return;
  try {
    await sendMessage('injectAfterLoadScripts', undefined);
  } catch (error) {
    // The page works on without the banner; an orphaned script (extension reloaded) stays quiet.
    if (!ctx.isInvalid) console.warn('[GOC Ticket Assistant] the banner and list features could not start', error);
  }
}
