/** Core background wiring: options page opening, keyboard command → ticket tab. */
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../utils/messages';

export function registerCoreService(): void {
  onMessage('openOptions', async ({ data }) => {
    await browser.runtime.openOptionsPage();
    void data;
  });
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'insert-signature') return;
    // No `tabs` permission needed: our host permissions reveal GOC tabs only.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendMessage('insertSignature', undefined, tab.id).catch(() => undefined);
  });
}
