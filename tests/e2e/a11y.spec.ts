/**
 * Accessibility (issue 12): axe-core's WCAG 2 A/AA rules, contrast included, in the real browsers.
 * No serious or critical violation may remain
 *  - in everything the extension adds to GOC pages (the editor with badges, summary, banner,
 *    signature button, snippets, experts, the expanded triage panel, the keep-Software/unsigned
 *    prompt and the close checklist; the read-only view; /list/open with our flags and filter),
 *    checked on our own elements only (`[data-gta]`): the simulator's markup is GOC's, not ours;
 *  - on the options page and the popup, whole page, in light and in dark.
 * axe runs in the page itself (its source evaluated there by the test), so both browsers run it.
 * Every control there (ours only on GOC pages) must also look different when focused from the
 * keyboard (WCAG 2.4.7; axe does not check it). A failure lists rule, impact, target and axe's
 * summary per node, so it says what to fix. The checks themselves: ./a11y-helpers.ts.
 */
import { axe, colorScheme, expectAccessible, expectVisibleFocus, firefoxChromeEval, focusWithoutIndicator, OURS, SCHEME_PREF, settled } from './a11y-helpers';
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { teamConfig, ticketsTagged, ticketTagged } from './ticket-helpers';
import { SOFTWARE_TEAM_INDEX } from '../goc-sim/server.mjs';

/** Runs a queue check from the popup so list flags, banner counts and owner loads have data. */
async function checkQueue(ext: ExtDriver): Promise<void> {
  const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
  await popup.waitForSelector('[data-gta="queue-check-now"]:not([disabled])');
  await popup.click('[data-gta="queue-check-now"]');
  await expect.poll(async () => (await ext.getStorage('queue.latest'))['queue.latest']?.checkedAt ?? null, { timeout: 30_000 }).not.toBeNull();
  await popup.close();
}

function setStatus(page: GtaPage, status: string): Promise<void> {
  return page.evaluate((value) => {
    const select = document.querySelector('select[name="status"]') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, status);
}

const DOC_LINKS = [{ name: 'OSG docs', url: 'https://osg-htc.example.org/docs/' }];

const TZ = 'America/Chicago';

/** A weekday (YYYY-MM-DD) in the next weeks when `name` is on triage duty in the simulator's rotation. */
async function dayOnDuty(sim: SimHandle, name: string): Promise<string> {
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  for (let week = 0; week < 10; week++) {
    const wednesday = new Date(monday.getTime() + (week * 7 + 2) * 86_400_000).toISOString().slice(0, 10);
    const expected = await sim.control<{ person: string | null }>(`rotation/expected?date=${wednesday}`);
    if (expected.person === name) return wednesday;
  }
  throw new Error(`${name} has no duty week in the simulator's rotation in the next 10 weeks`);
}

/**
 * The team file with a rotation from the simulator, the rotation's clock on a day when we (Alain Roy)
 * are on duty: the banner's and the popup's highlighted state with the untriaged count.
 */
async function onDutyConfig(ext: ExtDriver, sim: SimHandle): Promise<void> {
  await ext.clearStorage();
  const source = sim.url('/rotation/rotation.json');
  await ext.importConfig(teamConfig({ triage: { docLinks: DOC_LINKS }, rotation: { source, timeZone: TZ } }));
  await expect
    .poll(async () => (await ext.getStorage('rotation.cache'))['rotation.cache']?.status?.lastGoodSource ?? null, { timeout: 20_000 })
    .toBe(source);
  await ext.setStorage({ 'debug.rotationNow': `${await dayOnDuty(sim, 'Alain Roy')}T18:00:00Z` });
}

test.describe('accessibility of what we add to GOC pages (our elements only)', () => {
  test.beforeEach(async ({ ext, sim }) => {
    await onDutyConfig(ext, sim);
    await sim.login('aroy');
    await checkQueue(ext);
  });

  test('the check itself: it finds a low-contrast element of ours and ignores the page\u2019s own', async ({ ext }) => {
    const page = await ext.openGocPage('/list/open');
    await page.waitForSelector('[data-gta="duty-banner"]');
    await page.evaluate(() => {
      const ours = document.createElement('p');
      ours.setAttribute('data-gta', 'a11y-probe');
      ours.style.cssText = 'color:#bbb;background:#fff';
      ours.textContent = 'pale text of ours';
      const theirs = document.createElement('p');
      theirs.id = 'gta-a11y-page-probe';
      theirs.style.cssText = 'color:#bbb;background:#fff';
      theirs.textContent = 'pale text of the page';
      document.body.prepend(ours, theirs);
    });
    const { violations } = await axe(page, OURS);
    const targets = violations.filter((v) => v.rule === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.target));
    expect(targets).toContain('p[data-gta="a11y-probe"]');
    expect(targets.filter((t) => t.includes('gta-a11y-page-probe'))).toEqual([]);
    // A button of ours whose focus shows nothing is reported; the focus check is live too.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.setAttribute('data-gta', 'a11y-probe-button');
      button.textContent = 'no focus ring';
      button.style.cssText = 'outline:none !important;box-shadow:none !important';
      document.body.prepend(button);
    });
    expect((await focusWithoutIndicator(page, OURS)).missing).toEqual([expect.stringContaining('button[data-gta="a11y-probe-button"]')]);
  });

  test('editor: badges, summary, banner, signature, snippets, experts, triage panel; then the guard prompt and the close checklist', async ({ ext, sim }) => {
    const [ticket] = (await ticketsTagged(sim, 'triage-panel')).filter((t) => /htcondor-ce/i.test(t.title));
    expect(ticket, 'the seed has the HTCondor-CE triage-panel ticket').toBeTruthy();
    const page = await ext.openGocPage(sim.url(ticket.url));
    await page.waitForSelector('[data-gta="triage-panel"][data-gta-ready="true"][data-gta-state="expanded"]');
    await page.waitForSelector('[data-gta="duty-banner"][data-gta-you="true"]');
    for (const sel of ['responder-badge', 'responder-summary', 'signature-button', 'snippet-picker', 'expert-suggestions']) {
      expect(await page.count(`[data-gta="${sel}"]`), sel).toBeGreaterThan(0);
    }
    await settled(page);
    await expectAccessible(page, `editor ${ticket.url}`, OURS);

    // The close checklist, then an unsigned update with the Software pseudo-user unticked: one prompt asks both.
    await setStatus(page, 'Resolved');
    await page.waitForSelector('[data-gta="close-checklist"]', { state: 'visible' });
    await page.fill('textarea.description', 'Looking into it.');
    await page.click(`input[type="checkbox"][name="team_${SOFTWARE_TEAM_INDEX}[osg-software-support-stream]"]`);
    await page.click('.form-actions button[type="submit"]');
    await page.waitForSelector('[data-gta="submit-questions"]', { state: 'visible' });
    expect(await page.count('[data-gta="submit-questions"] [data-gta="keep-software-guard"]')).toBe(1);
    expect(await page.count('[data-gta="submit-questions"] [data-gta="unsigned-guard"]')).toBe(1);
    await expectAccessible(page, `editor ${ticket.url}, close checklist and submit questions`, OURS);
    await expectVisibleFocus(page, `editor ${ticket.url}`, OURS);
  });

  test('editor: the triage panel after Apply (owners chosen, the assignees it ticked, its status line)', async ({ ext, sim }) => {
    const [ticket] = (await ticketsTagged(sim, 'triage-panel')).filter((t) => /htcondor-ce/i.test(t.title));
    const page = await ext.openGocPage(sim.url(ticket.url));
    const panel = '[data-gta="triage-panel"]';
    await page.waitForSelector(`${panel}[data-gta-ready="true"]`);
    await page.click(`${panel} [data-gta="triage-owner"][data-gta-person="Brian Lin"]`);
    await page.fill(`${panel} [data-gta="triage-owner-search"]`, 'kelly');
    await page.click(`${panel} [data-gta="triage-owner"][data-gta-person="Kelly Fong"]`);
    await page.click(`${panel} [data-gta="triage-nad-preset"][data-gta-days="2"]`);
    await page.click(`${panel} [data-gta="triage-apply"]`);
    await page.waitForSelector(`${panel} [data-gta="triage-status"]`, { state: 'visible' });
    await settled(page);
    await expectAccessible(page, 'editor, triage panel applied', OURS);
  });

  test('editor: the unsigned prompt alone, and a triaged ticket with the panel collapsed', async ({ ext, sim }) => {
    const page = await ext.openGocPage(sim.url((await ticketTagged(sim, 'triage-panel-triaged')).url));
    await page.waitForSelector('[data-gta="triage-panel"][data-gta-state="collapsed"]');
    await page.fill('textarea.description', 'Looking into it.');
    await page.click('.form-actions button[type="submit"]');
    await page.waitForSelector('[data-gta="unsigned-guard"]', { state: 'visible' });
    await settled(page);
    await expectAccessible(page, 'editor, triaged ticket, unsigned prompt', OURS);
  });

  test('JIRA links in the ticket text and the New JIRA issue button', async ({ ext, sim }) => {
    const page = await ext.openGocPage(sim.url((await ticketTagged(sim, 'staff-opened')).url));
    await page.waitForSelector('a[data-gta="jira-link"]');
    await page.waitForSelector('[data-gta="jira-new"]');
    await settled(page);
    await expectAccessible(page, 'editor, JIRA links', OURS);
  });

  test('read-only view', async ({ ext, sim }) => {
    await sim.login('viewer1');
    const page = await ext.openGocPage(sim.url((await ticketTagged(sim, 'scenario-triaged-fresh')).url));
    await page.waitForSelector('[data-gta="expert-suggestions"] li');
    await settled(page);
    await expectAccessible(page, 'read-only view', OURS);
  });

  test('/list/open with the row flags and the Software filter on', async ({ ext }) => {
    const page = await ext.openGocPage('/list/open');
    await page.waitForSelector('[data-gta="software-filter"]');
    await page.waitForSelector('#tickets [data-gta="row-flag"]');
    await settled(page);
    await expectAccessible(page, '/list/open', OURS);
    await page.click('[data-gta="software-filter"]');
    await page.waitForSelector('[data-gta="software-filter"][aria-pressed="true"]');
    await expectAccessible(page, '/list/open, Software filter on', OURS);
    await expectVisibleFocus(page, '/list/open', OURS);
  });

  test('the duty banner without a rotation (its set-up line)', async ({ ext }) => {
    // No rotation at all: its database deleted (the banner's cache would keep the weeks) and storage emptied.
    await ext.extensionEval(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.deleteDatabase('gta-rotation');
          req.onsuccess = req.onerror = () => resolve(null);
          setTimeout(() => resolve(null), 5000);
        }),
    );
    await ext.clearStorage();
    await expect.poll(async () => (await ext.getStorage('rotation.cache'))['rotation.cache']?.weeks?.length ?? 0, { timeout: 15_000 }).toBe(0);
    const page = await ext.openGocPage('/list/open');
    await page.waitForSelector('[data-gta="duty-banner"] [data-gta-action="setup"]');
    await settled(page);
    await expectAccessible(page, 'duty banner, no rotation', OURS);
  });
});

const POPUP_STATES = ['on duty, signed in, every group open, a What\u2019s new line', 'signed out, no rotation', 'check failed (500)', 'queue clear'] as const;

/** The popup in one of its states, at its width, with a positive sign that the state is shown. */
async function popupIn(ext: ExtDriver, sim: SimHandle, state: (typeof POPUP_STATES)[number]): Promise<GtaPage> {
  if (state.startsWith('on duty')) {
    await onDutyConfig(ext, sim);
    await ext.setStorage({ 'whatsNew.notice': { version: '0.2.0', lines: ['The popup groups the queue by age.'] } });
    await sim.login('aroy');
  } else {
    await ext.clearStorage();
    await ext.importConfig(teamConfig()); // its rotation source is empty
    if (state.startsWith('check failed')) {
      await sim.login('aroy');
      await sim.control('fault', { mode: '500', match: '/list/open' });
    } else if (state === 'queue clear') {
      await sim.login('aroy');
      const { ids } = await sim.control<{ ids: { untriaged: number[] } }>('state');
      for (const id of ids.untriaged) await sim.control(`tickets/${id}`, { nextAction: 'Brian: investigate' });
      expect((await sim.control<{ untriaged: number }>('state')).untriaged).toBe(0);
    } // else: each test starts as a guest (cookies cleared), so the check finds the login page
  }
  const page = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
  await page.setViewport({ width: 360, height: 640 });
  await page.waitForSelector('[data-gta="queue-check-now"]:not([disabled])');
  await page.click('[data-gta="queue-check-now"]');
  const kind = state.startsWith('on duty') || state === 'queue clear' ? 'ok' : state.startsWith('signed out') ? 'signed-out' : 'error';
  await page.waitForSelector(`[data-gta="queue-section"][data-gta-state="${kind}"] [data-gta="queue-check-now"]:not([disabled])`, { timeout: 30_000 });
  if (state === 'queue clear') await page.waitForSelector('[data-gta="queue-clear"]');
  else if (kind === 'ok') {
    await page.waitForSelector('[data-gta="popup-duty"][data-gta-you="true"]');
    await page.waitForSelector('[data-gta="whats-new"]');
    await page.waitForSelector('details');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  }
  return page;
}

test.describe('accessibility of the extension pages, light and dark', () => {
  test.afterEach(async ({ ext }) => {
    // Firefox's override is browser-wide: back to the profile's own for the next test.
    if (ext.browserName === 'firefox') {
      const page = await ext.newPage();
      await firefoxChromeEval(page, `Services.prefs.clearUserPref('${SCHEME_PREF}')`);
      await page.close();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const state of ['with a team file', 'first run: the welcome first and a What\u2019s new line'] as const) {
      test(`options page (${scheme}): ${state}`, async ({ ext }) => {
        await ext.clearStorage();
        if (state === 'with a team file') await ext.importConfig(teamConfig({ triage: { docLinks: DOC_LINKS } }));
        else await ext.setStorage({ 'welcome.pending': true, 'whatsNew.notice': { version: '0.2.0', lines: ['The popup groups the queue by age.'] } });
        const page = await ext.openExtensionPage('options.html');
        if (state !== 'with a team file') {
          await page.waitForSelector('[data-gta="options-welcome"][data-gta-first-run="true"]');
          await page.waitForSelector('[data-gta="whats-new"]');
        }
        await colorScheme(ext, page, scheme);
        await settled(page);
        expect(await page.count('section[id]')).toBeGreaterThan(5);
        await expectAccessible(page, `options.html, ${state} (${scheme})`);
        await expectVisibleFocus(page, `options.html, ${state} (${scheme})`);
      });
    }

    for (const state of POPUP_STATES) {
      test(`popup (${scheme}): ${state}`, async ({ ext, sim }) => {
        const page = await popupIn(ext, sim, state);
        await colorScheme(ext, page, scheme);
        await settled(page);
        await expectAccessible(page, `popup.html, ${state} (${scheme})`);
        await expectVisibleFocus(page, `popup.html, ${state} (${scheme})`);
      });
    }
  }
});
