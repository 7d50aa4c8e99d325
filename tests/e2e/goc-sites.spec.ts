/**
 * Other GOC sites (issue 9): a GOC origin that is not built in gets every page feature once the user
 * added it in the options page and granted its host permission; removing it takes the scripts away.
 *
 * The simulator is reachable as https://ticket-itb.opensciencegrid.org too (harness: Chromium
 * --host-resolver-rules, the Firefox proxy, the certificate's names); the manifest does not cover it.
 *
 * How the permission is granted (each browser's own test hooks; the extension's real code path runs
 * in both: a real click in the options page → permissions.request → saved → the background registers
 * the content scripts → a fresh page load runs them):
 * - Chromium: the native prompt cannot be clicked by automation and no switch accepts it. The fresh
 *   profile is seeded (harness/launch.mjs seedApprovedHosts) with Chromium's record that the user
 *   approved https://ticket-itb.opensciencegrid.org/* for this extension before; Chromium then
 *   grants the extension's request without prompting. The prompt's UI itself is not exercised.
 * - Firefox: the pref extensions.webextOptionalPermissionPrompts=false (harness/launch.mjs
 *   firefoxPrefs) makes permissions.request grant without its doorhanger.
 * Before the click the permission is checked to be absent, so the grant is the click's doing.
 */
import { STORED } from '../../utils/storage-items';
import { expect, test, type ExtDriver, type GtaPage } from './fixtures';
import { EXTRA_GOC_HOST } from './harness/sim';
import { readUpdates, teamConfig, ticketTagged } from './ticket-helpers';

const ITB = `https://${EXTRA_GOC_HOST}`;
const ITB_PATTERN = `${ITB}/*`;

function hasPermission(ext: ExtDriver): Promise<boolean> {
  return ext.extensionEval((pattern) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.permissions.contains({ origins: [pattern] });
  }, ITB_PATTERN);
}

/** Waits until the background published that exactly `origins` have registered scripts. */
async function waitForRegistered(ext: ExtDriver, origins: string[], since: number): Promise<void> {
  const key = STORED.gocSitesRegistered.key;
  const deadline = Date.now() + 15_000;
  let last: unknown;
  for (;;) {
    last = (await ext.getStorage(key))[key];
    const v = last as { origins?: string[]; at?: number; error?: string | null } | undefined;
    if (v && (v.at ?? 0) >= since && JSON.stringify(v.origins) === JSON.stringify(origins) && !v.error) return;
    if (Date.now() > deadline) throw new Error(`registrations never became ${JSON.stringify(origins)}; last published: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Loads a ticket page without waiting for our scripts, and returns once the page's own content is
 * there and its load event has fired (our scripts claim the page at DOM ready, before that).
 */
async function loadWithoutWaiting(ext: ExtDriver, url: string): Promise<GtaPage> {
  const page = await ext.newPage();
  await page.goto(url);
  await page.waitForSelector('#updates, .update_description, form#ticket_form', { state: 'attached' });
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

async function expectNoExtension(page: GtaPage) {
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-gta-instance'))).toBe(false);
  expect(await page.count('[data-gta]')).toBe(0);
}

async function optionsSite(ext: ExtDriver): Promise<GtaPage> {
  const page = await ext.openExtensionPage('options.html');
  await page.waitForSelector('[data-gta="options-goc-sites"]');
  return page;
}

test.describe('other GOC sites', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('an added, granted site gets the badges and the banner; removing it takes the scripts away', async ({ ext, sim }) => {
    const ticket = await ticketTagged(sim, 'scenario-email');
    await sim.login('aroy');
    await sim.login('aroy', { host: EXTRA_GOC_HOST });

    // Control: on the built-in host the same ticket gets its badges.
    const builtIn = await ext.openGocPage(sim.url(ticket.url));
    const expectedBadges = (await readUpdates(builtIn)).filter((u) => u.badges === 1).length;
    expect(expectedBadges).toBe(ticket.updates.length);
    await builtIn.close();

    // Before: no permission, no scripts on the other site.
    expect(await hasPermission(ext)).toBe(false);
    const before = await loadWithoutWaiting(ext, sim.url(ticket.url, { host: EXTRA_GOC_HOST }));
    await expectNoExtension(before);
    await before.close();

    // Add it in the options page: the click asks for the permission, then it is saved.
    const t0 = Date.now();
    const options = await optionsSite(ext);
    await options.fill('[data-gta="goc-site-input"]', `${ITB.toUpperCase()}/`);
    await options.click('[data-gta="goc-site-add"]');
    await options.waitForSelector('[data-gta="goc-sites-status"][data-gta-state="ok"]');
    await options.waitForSelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"][data-gta-state="granted"]`);
    expect(await hasPermission(ext)).toBe(true);
    const stored = (await ext.getStorage('settings')).settings;
    expect(stored.goc.extraOrigins).toEqual([ITB]);
    await waitForRegistered(ext, [ITB], t0);

    // After: a ticket page there runs every script (banner, ticket, update, triage) with the badges.
    const after = await ext.openGocPage(sim.url(ticket.url, { host: EXTRA_GOC_HOST }));
    expect(new URL(after.url()).host).toBe(EXTRA_GOC_HOST);
    const features = (await after.attr('html', 'data-gta-features')) ?? '';
    expect(features).toContain('responder-badges:ok');
    expect(features).toContain('duty-banner:ok');
    const updates = await readUpdates(after);
    expect(updates.filter((u) => u.badges === 1).length).toBe(expectedBadges);
    await after.waitForSelector('[data-gta="duty-banner"]');
    for (const name of ['banner', 'ticket', 'update', 'triage']) {
      expect(await after.evaluate((n) => document.documentElement.hasAttribute(`data-gta-script-${n}`), name), name).toBe(true);
    }
    await after.close();

    // Remove it: saved without it, the permission given back, the scripts unregistered.
    const t1 = Date.now();
    await options.click(`[data-gta="goc-site"][data-gta-origin="${ITB}"] [data-gta="goc-site-remove"]`);
    await options.waitForSelector('[data-gta="goc-sites-empty"]');
    await options.waitForSelector('[data-gta="goc-sites-status"][data-gta-state="ok"]');
    await waitForRegistered(ext, [], t1);
    expect(await hasPermission(ext)).toBe(false);
    expect((await ext.getStorage('settings')).settings.goc.extraOrigins).toEqual([]);
    const removed = await loadWithoutWaiting(ext, sim.url(ticket.url, { host: EXTRA_GOC_HOST }));
    await expectNoExtension(removed);
  });

  test('a permission revoked in the browser: scripts unregistered, the site says so, and it can be granted again', async ({ ext, sim }) => {
    const ticket = await ticketTagged(sim, 'scenario-email');
    const t0 = Date.now();
    const options = await optionsSite(ext);
    await options.fill('[data-gta="goc-site-input"]', ITB);
    await options.click('[data-gta="goc-site-add"]');
    await options.waitForSelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"][data-gta-state="granted"]`);
    await waitForRegistered(ext, [ITB], t0);

    // The user takes the permission back in the browser (as the browser's own settings page does).
    const t1 = Date.now();
    expect(await ext.extensionEval((pattern) => ((globalThis as any).browser ?? (globalThis as any).chrome).permissions.remove({ origins: [pattern] }), ITB_PATTERN)).toBe(true);
    await waitForRegistered(ext, [], t1);
    await options.waitForSelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"][data-gta-state="missing"]`);
    expect(await options.textOf(`[data-gta="goc-site"][data-gta-origin="${ITB}"]`)).toContain('permission missing: grant again');
    const revoked = await loadWithoutWaiting(ext, sim.url(ticket.url, { host: EXTRA_GOC_HOST }));
    await expectNoExtension(revoked);
    await revoked.close();

    // Grant again from the same row.
    const t2 = Date.now();
    await options.click(`[data-gta="goc-site"][data-gta-origin="${ITB}"] [data-gta="goc-site-grant"]`);
    await options.waitForSelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"][data-gta-state="granted"]`);
    await waitForRegistered(ext, [ITB], t2);
    const again = await ext.openGocPage(sim.url(ticket.url, { host: EXTRA_GOC_HOST }));
    expect((await readUpdates(again)).some((u) => u.badges === 1)).toBe(true);
  });
});
