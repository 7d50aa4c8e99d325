/** Core background wiring: the settings snapshot for pages, options page opening, keyboard command → ticket tab. */
import { browser } from 'wxt/browser';
import { sendMessage } from '../utils/messages';
import { registerSettingsSnapshot } from './settings-snapshot';
import { onTrustedMessage } from './shared/trusted-messages';

export function registerCoreService(): void {
  registerSettingsSnapshot();
  onTrustedMessage('openOptions', async ({ data }) => {
    const section = data?.section && /^[a-z-]+$/.test(data.section) ? data.section : '';
    // openOptionsPage cannot take an anchor; a new tab at options.html#<section> lands on the section.
    if (section) await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    else await browser.runtime.openOptionsPage();
  });
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'insert-signature') return;
    // No `tabs` permission needed: our host permissions reveal GOC tabs only.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendMessage('insertSignature', undefined, tab.id).catch(() => undefined);
  });
}
