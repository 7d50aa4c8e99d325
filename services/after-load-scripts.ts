/**
 * Injects the after-load scripts (utils/goc/hosts.ts AFTER_LOAD_SCRIPTS: the banner everywhere, the
 * list flags on list pages) into the frame whose loader content script asks, once that page has
 * loaded. Chrome MV3: `scripting.executeScript`; Firefox MV2: `tabs.executeScript` (no `scripting`
 * permission there). Both need the host permission the page's content scripts already run under.
 */
import { browser } from 'wxt/browser';
import { afterLoadScriptsForPath } from '../utils/goc/hosts';
import { onTrustedMessage } from './shared/trusted-messages';

type Inject = (tabId: number, frameId: number, files: string[]) => Promise<unknown>;

interface InjectionApis {
  scripting?: { executeScript(injection: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
  tabs: { executeScript?(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };
}

export function injector(apis: InjectionApis): Inject | null {
  const { scripting, tabs } = apis;
  if (scripting?.executeScript) return (tabId, frameId, files) => scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files });
  const executeScript = tabs.executeScript?.bind(tabs);
  if (!executeScript) return null;
  return async (tabId, frameId, files) => {
    // In order: a later file may rely on an earlier one's globals (none do today).
    for (const file of files) await executeScript(tabId, { file, frameId });
  };
}

/** What to inject for a sender: the after-load scripts of its page, or nothing when it is not a tab's frame. */
export function injectionFor(sender: { tab?: { id?: number }; frameId?: number; url?: string }): { tabId: number; frameId: number; names: string[] } | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return null;
  let pathname: string;
  try {
    pathname = new URL(sender.url).pathname;
  } catch {
    return null;
  }
  return { tabId, frameId: sender.frameId ?? 0, names: afterLoadScriptsForPath(pathname) };
}

export function registerAfterLoadScriptsService(): void {
  const inject = injector(browser as unknown as InjectionApis);
  onTrustedMessage('injectAfterLoadScripts', async ({ sender }) => {
    const target = injectionFor(sender);
    if (!inject || !target || target.names.length === 0) return { injected: [] };
    await inject(target.tabId, target.frameId, target.names.map((name) => `/${name}.js`));
    return { injected: target.names };
  });
}
