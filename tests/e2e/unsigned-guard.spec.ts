/**
 * The unsigned-update guard (issue 3): an unsigned New Update is held by an in-page prompt;
 * "Sign and send" and "Send as is" both end in the page's OWN save (the editor's jQuery AJAX
 * POST to viewer/update, the read-only form's plain POST to viewer/updatebasic), checked through
 * what the simulator received. Signed text passes straight through; the guard can be turned off.
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';

const GUARD = '[data-gta="unsigned-guard"]';
const SIGNATURE_LINES = ['------------------------------------', 'Alain Roy', 'OSG Software Support', 'vdt-support@opensciencegrid.org'];

async function openAs(ext: import('./fixtures').ExtDriver, sim: SimHandle, user: string): Promise<{ page: GtaPage; ticket: TruthTicket }> {
  await sim.login(user);
  const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
  const page = await ext.openGocPage(sim.url(ticket.url));
  return { page, ticket };
}

/** Clicks Update; the guard must hold the submit: nothing reaches the simulator, the prompt shows. */
async function submitAndExpectPrompt(page: GtaPage, sim: SimHandle, id: number) {
  await page.click('.form-actions button[type="submit"]');
  await page.waitForSelector(GUARD, { state: 'visible' });
  expect(await page.count(`${GUARD} button`)).toBe(3);
  expect(await page.textOf(`${GUARD} [data-gta-choice="sign"]`)).toBe('Sign and send');
  expect(await page.textOf(`${GUARD} [data-gta-choice="as-is"]`)).toBe('Send as is');
  expect(await postsFor(sim, id)).toEqual([]);
  // The editor's own handler never ran: its "Updating ..." backdrop is still hidden.
  expect(
    await page.evaluate(() => {
      const backdrop = document.querySelector('#loading_backdrop');
      return backdrop ? getComputedStyle(backdrop).display : 'none';
    }),
  ).toBe('none');
}

test.describe('unsigned-update guard', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' } }));
  });

  for (const user of ['aroy', 'viewer1'] as const) {
    const form = user === 'aroy' ? 'editor (jQuery AJAX save)' : 'read-only form (plain POST)';
    const route = user === 'aroy' ? 'viewer/update' : 'viewer/updatebasic';

    test(`${form}: "Sign and send" signs, then the page's own submit saves it`, async ({ ext, sim }) => {
      const { page, ticket } = await openAs(ext, sim, user);
      await page.fill('textarea.description', 'Please try the new RPM.');
      await submitAndExpectPrompt(page, sim, ticket.id);
      await page.waitForNavigation(() => page.click(`${GUARD} [data-gta-choice="sign"]`));
      const posts = await postsFor(sim, ticket.id);
      expect(posts.map((p) => [p.route, p.status])).toEqual([[route, user === 'aroy' ? 200 : 302]]);
      expect(posts[0].description.replace(/\r\n/g, '\n')).toBe(`Please try the new RPM.\n\n${SIGNATURE_LINES.join('\n')}`);
      // After the reload the new update is on the page (with its badge) and no prompt is left.
      await page.waitForSelector('[data-gta="responder-badge"]');
      expect(await page.evaluate(() => document.querySelector('#updates')!.textContent!.includes('Please try the new RPM.'))).toBe(true);
      expect(await page.count(GUARD)).toBe(0);
    });

    test(`${form}: "Send as is" saves the text unchanged through the page's own submit`, async ({ ext, sim }) => {
      const { page, ticket } = await openAs(ext, sim, user);
      await page.fill('textarea.description', 'Quick note, no signature.');
      await submitAndExpectPrompt(page, sim, ticket.id);
      await page.waitForNavigation(() => page.click(`${GUARD} [data-gta-choice="as-is"]`));
      const posts = await postsFor(sim, ticket.id);
      expect(posts.map((p) => p.route)).toEqual([route]);
      expect(posts[0].description).toBe('Quick note, no signature.');
      // The other fields the page sends are intact (the page serialised its own form).
      expect(posts[0].fields.notify_assignees).toBe('on');
      if (user === 'aroy') expect(Number(posts[0].fields.id)).toBe(ticket.id);
    });
  }

  test('"Keep editing" sends nothing and leaves the text as it was', async ({ ext, sim }) => {
    const { page, ticket } = await openAs(ext, sim, 'aroy');
    await page.fill('textarea.description', 'Draft');
    await submitAndExpectPrompt(page, sim, ticket.id);
    await page.click(`${GUARD} [data-gta-choice="cancel"]`);
    await page.waitForSelector(GUARD, { state: 'detached' });
    expect(await page.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value)).toBe('Draft');
    expect(await postsFor(sim, ticket.id)).toEqual([]);
  });

  test('signed text (the signature, or the name in the last lines) is sent without a prompt', async ({ ext, sim }) => {
    const { page, ticket } = await openAs(ext, sim, 'aroy');
    await page.fill('textarea.description', 'Fixed in the next release.\n\nThanks,\nAlain');
    await page.waitForNavigation(() => page.click('.form-actions button[type="submit"]'));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => p.description.replace(/\r\n/g, '\n'))).toEqual(['Fixed in the next release.\n\nThanks,\nAlain']);
  });

  test('turned off with features.unsignedGuard = false: no prompt, the page saves directly', async ({ ext, sim }) => {
    await ext.importConfig({ features: { unsignedGuard: false } }, { merge: true });
    const { page, ticket } = await openAs(ext, sim, 'aroy');
    await page.fill('textarea.description', 'No guard here.');
    await page.waitForNavigation(() => page.click('.form-actions button[type="submit"]'));
    expect((await postsFor(sim, ticket.id)).map((p) => p.description)).toEqual(['No guard here.']);
  });

  test('the page\u2019s own empty-update check is left alone (read-only form: its confirm decides)', async ({ ext, sim }) => {
    const { page, ticket } = await openAs(ext, sim, 'viewer1');
    // The harness dismisses the page's confirm("The update is empty…"), so nothing is sent.
    expect(await page.attr('html', 'data-gta-features')).toContain('unsigned-guard:ok'); // the guard is listening
    await page.evaluate(() => ((window as any).__gtaSameDocument = true));
    await page.click('.form-actions button[type="submit"]');
    // Positive signal first: the page's own check ran and asked (its confirm was shown and dismissed).
    await expect.poll(() => page.dialogs().map((d) => d.type)).toEqual(['confirm']);
    expect(page.dialogs()[0].message).toContain('The update is empty');
    // Its "no" kept the page where it was (no navigation started), and only then: no prompt, nothing sent.
    expect(await page.evaluate(() => (window as any).__gtaSameDocument === true)).toBe(true);
    expect(await page.count(GUARD)).toBe(0);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
  });
});
