/**
 * First run and updates (issue 12), in the production build: a fresh install opens the options page
 * on its welcome (the harness records that tab as `ext.installTab` and closes it at launch); the
 * welcome saves a name, is dismissed for good and stays reachable; an update's "What's new" line
 * shows at the top of the options page until dismissed.
 */
import { expect, test } from './fixtures';
import { STORED } from '../../utils/storage-items';
import { DEFAULT_GOC_BASE_URL } from '../../utils/goc/hosts';
import { WHATS_NEW } from '../../utils/whats-new';

const WELCOME = '[data-gta="options-welcome"]';
const sectionIds = () => [...document.querySelectorAll('main .gta-sections > section[id]')].map((s) => s.id);

test('a fresh install opens options.html#welcome; the welcome comes first, saves a name and is dismissed for good', async ({ ext }) => {
  // This file's browser was launched with a fresh profile: the install opened the welcome tab.
  expect(ext.installTab).toBe(ext.extensionUrl('options.html#welcome'));
  expect((await ext.getStorage(STORED.welcomePending.key))[STORED.welcomePending.key]).toBe(true);
  // A fresh install has nothing new to tell.
  expect((await ext.getStorage(STORED.whatsNewNotice.key))[STORED.whatsNewNotice.key] ?? null).toBeNull();

  const page = await ext.openExtensionPage('options.html#welcome', { waitFor: WELCOME });
  expect((await page.evaluate(sectionIds))[0]).toBe('welcome');
  expect(await page.attr(WELCOME, 'data-gta-first-run')).toBe('true');
  expect(await page.count('[data-gta="whats-new"]')).toBe(0);
  expect(await page.attr('[data-gta="welcome-try"]', 'href')).toBe(`${DEFAULT_GOC_BASE_URL}/list/open`);
  expect(await page.textOf('[data-gta="welcome-features"]')).toMatch(/Badges[\s\S]*Banner[\s\S]*Signature[\s\S]*Snippets[\s\S]*Triage panel[\s\S]*Queue watch/);

  // The name saves to the identity (storage.sync), like the Identity section's save.
  await page.fill('#gta-welcome-name', 'Alain Roy');
  await page.click('[data-gta="welcome-name-save"]');
  await page.waitForFunction(() => document.querySelector('[data-gta="options-welcome"] [role="status"]')?.textContent === 'Saved.');
  expect((await ext.getSyncStorage(STORED.identitySync.key))[STORED.identitySync.key]).toMatchObject({ name: 'Alain Roy' });
  await page.waitForFunction(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value === 'Alain Roy');

  await page.click('[data-gta="welcome-dismiss"]');
  await page.waitForFunction(() => document.querySelector('main .gta-sections > section[id]:last-child')?.id === 'welcome');
  await expect.poll(async () => (await ext.getStorage(STORED.welcomePending.key))[STORED.welcomePending.key]).toBe(false);

  // Reopened: still reachable (last, and in the contents), no longer first, no Dismiss button.
  const again = await ext.openExtensionPage('options.html', { waitFor: WELCOME });
  const ids = await again.evaluate(sectionIds);
  expect(ids[0]).toBe('identity');
  expect(ids.at(-1)).toBe('welcome');
  expect(await again.attr(WELCOME, 'data-gta-first-run')).toBe('false');
  expect(await again.count('[data-gta="welcome-dismiss"]')).toBe(0);
  expect(await again.count('[data-gta="options-toc"] a[href="#welcome"]')).toBe(1);
});

test("an update's what's-new line shows at the top of the options page until dismissed", async ({ ext }) => {
  // What services/welcome.ts stores on an update from an older version (unit-tested there).
  const notice = { version: WHATS_NEW[0]!.version, lines: [WHATS_NEW[0]!.line] };
  await ext.setStorage({ [STORED.whatsNewNotice.key]: notice });
  const page = await ext.openExtensionPage('options.html', { waitFor: '[data-gta="whats-new"]' });
  expect(await page.textOf('[data-gta="whats-new"]')).toContain(WHATS_NEW[0]!.line);
  expect(await page.evaluate(() => document.querySelector('main h1')!.nextElementSibling?.getAttribute('data-gta'))).toBe('whats-new');

  await page.click('[data-gta="whats-new-dismiss"]');
  await page.waitForSelector('[data-gta="whats-new"]', { state: 'detached' });
  await expect.poll(async () => (await ext.getStorage(STORED.whatsNewNotice.key))[STORED.whatsNewNotice.key]).toBeNull();

  // Gone for good: a reopened page (rendered, sections in place) shows no line.
  const again = await ext.openExtensionPage('options.html', { waitFor: '#gta-identity-name' });
  expect(await again.count('[data-gta="whats-new"]')).toBe(0);
});
