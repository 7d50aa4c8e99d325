/**
 * The keep-Software guard (issue 8): on a Software ticket in the editor, unticking the Software
 * pseudo-user and pressing the page's own Update holds the submit and asks; "keep" saves with it
 * assigned, "remove" without, "edit" sends nothing. With an unsigned update too, ONE prompt asks
 * both questions. Every outcome is read back from the simulator (what it stored and was posted).
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';
import { SOFTWARE_TEAM_INDEX } from '../goc-sim/server.mjs';

const GUARD = '[data-gta="keep-software-guard"]';
const BOTH = '[data-gta="submit-questions"]';
const UNSIGNED = '[data-gta="unsigned-guard"]';
const SW = 'osg-software-support-stream';
// Test-side selector (the product never builds selectors from FP ids).
const SW_BOX = `input[type="checkbox"][name="team_${SOFTWARE_TEAM_INDEX}[${SW}]"]`;
const UPDATE = '.form-actions button[type="submit"]';

async function openSoftwareTicket(ext: import('./fixtures').ExtDriver, sim: SimHandle): Promise<{ page: GtaPage; ticket: TruthTicket }> {
  await sim.login('aroy');
  const ticket = await ticketTagged(sim, 'untriaged');
  expect(ticket.assignees).toContain(SW);
  const page = await ext.openGocPage(sim.url(ticket.url));
  expect(await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, SW_BOX)).toBe(true);
  return { page, ticket };
}

async function assigneesOf(sim: SimHandle, id: number): Promise<string[]> {
  return (await sim.control<{ assignees: string[] }>(`tickets/${id}`)).assignees;
}

/** Untick the pseudo-user, press Update: the guard holds the submit (nothing reaches the simulator). */
async function untickAndSubmit(page: GtaPage, sim: SimHandle, id: number, prompt = GUARD) {
  await page.click(SW_BOX);
  expect(await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, SW_BOX)).toBe(false);
  await page.click(UPDATE);
  await page.waitForSelector(prompt, { state: 'visible' });
  expect(await postsFor(sim, id)).toEqual([]);
}

test.describe('keep-Software guard', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('"keep" re-assigns the Software pseudo-user, then the page\u2019s own Update saves it', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await untickAndSubmit(page, sim, ticket.id);
    expect(await page.attr(GUARD, 'data-gta-dropped')).toBe(SW);
    expect(await page.$$eval(`${GUARD} button`, (bs) => bs.map((b) => b.getAttribute('data-gta-choice')))).toEqual(['keep', 'remove', 'edit']);
    await page.waitForNavigation(() => page.click(`${GUARD} [data-gta-choice="keep"]`));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => [p.route, p.status])).toEqual([['viewer/update', 200]]);
    expect(await assigneesOf(sim, ticket.id)).toContain(SW);
    await page.waitForSelector(SW_BOX);
    expect(await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, SW_BOX)).toBe(true);
  });

  test('"remove" saves without it', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await untickAndSubmit(page, sim, ticket.id);
    await page.waitForNavigation(() => page.click(`${GUARD} [data-gta-choice="remove"]`));
    expect((await postsFor(sim, ticket.id)).map((p) => p.route)).toEqual(['viewer/update']);
    expect(await assigneesOf(sim, ticket.id)).not.toContain(SW);
  });

  test('"edit" returns to the form: nothing is saved and the box stays as the user left it', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await untickAndSubmit(page, sim, ticket.id);
    await page.click(`${GUARD} [data-gta-choice="edit"]`);
    await page.waitForSelector(GUARD, { state: 'detached' });
    expect(await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, SW_BOX)).toBe(false);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
    expect(await assigneesOf(sim, ticket.id)).toContain(SW);
    // The page's "Updating ..." backdrop never showed: its handler did not run.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#loading_backdrop')!).display)).toBe('none');
  });

  test('with an unsigned update too, one prompt asks both; the save waits for both answers', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await page.fill('textarea.description', 'Quick note, no signature.');
    await untickAndSubmit(page, sim, ticket.id, BOTH);
    expect(await page.count(BOTH)).toBe(1);
    expect(await page.count(`${BOTH} ${UNSIGNED}`)).toBe(1);
    expect(await page.count(`${BOTH} ${GUARD}`)).toBe(1);
    await page.click(`${GUARD} [data-gta-choice="keep"]`);
    await page.waitForSelector(`${GUARD}[data-gta-answer="keep"]`);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
    await page.waitForNavigation(() => page.click(`${UNSIGNED} [data-gta-choice="as-is"]`));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => p.route)).toEqual(['viewer/update']);
    expect(posts[0].description).toBe('Quick note, no signature.');
    expect(await assigneesOf(sim, ticket.id)).toContain(SW);
  });

  test('unticked through the item\u2019s label (the page\u2019s inline handler: no change event, and the box\u2019s own click never bubbles): the guard still holds', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    // The label of the item holding the box (nth-of-type: no :has, for older Firefox).
    const nth = await page.evaluate((sel) => {
      const item = document.querySelector(sel)!.closest('div.item')!;
      return Array.from(item.parentElement!.querySelectorAll(':scope > div.item')).indexOf(item) + 1;
    }, SW_BOX);
    expect(nth).toBeGreaterThan(0);
    const label = `#team_${SOFTWARE_TEAM_INDEX}__list > div.item:nth-of-type(${nth}) > label`;
    // What a document-level listener sees, as on the real site (helper.php's checklist()).
    await page.evaluate(() => {
      const w = window as unknown as { __gtaSeen: { clicks: string[]; changes: number } };
      w.__gtaSeen = { clicks: [], changes: 0 };
      document.addEventListener('click', (e) => w.__gtaSeen.clicks.push((e.target as Element).tagName));
      document.addEventListener('change', () => w.__gtaSeen.changes++);
    });
    const seen = () => page.evaluate(() => (window as unknown as { __gtaSeen: { clicks: string[]; changes: number } }).__gtaSeen);
    const on = () => page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, SW_BOX);
    await page.click(SW_BOX); // the box: toggles natively, its inline onclick stops the click there
    expect(await on()).toBe(false);
    await page.click(label); // the label: bubbles to div.item, whose inline onclick flips the box back
    expect(await on()).toBe(true);
    expect(await seen()).toEqual({ clicks: ['LABEL'], changes: 1 }); // the box's click never reached document; its change did
    await page.click(label);
    expect(await on()).toBe(false);
    expect(await seen()).toEqual({ clicks: ['LABEL', 'LABEL'], changes: 1 }); // the item's flip fires no change event
    expect(await page.evaluate((sel) => document.querySelector(sel)!.closest('.item')!.classList.contains('checked'), SW_BOX)).toBe(false);
    await page.click(UPDATE);
    await page.waitForSelector(GUARD, { state: 'visible' });
    expect(await page.attr(GUARD, 'data-gta-dropped')).toBe(SW);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
    await page.waitForNavigation(() => page.click(`${GUARD} [data-gta-choice="keep"]`));
    expect(await assigneesOf(sim, ticket.id)).toContain(SW);
  });

  test('switched off (features.keepSoftwareGuard = false): no guard, the page saves without it', async ({ ext, sim }) => {
    await ext.importConfig({ features: { keepSoftwareGuard: false } }, { merge: true });
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await page.click(SW_BOX);
    await page.waitForNavigation(() => page.click(UPDATE));
    expect((await postsFor(sim, ticket.id)).map((p) => p.route)).toEqual(['viewer/update']);
    expect(await assigneesOf(sim, ticket.id)).not.toContain(SW);
  });
});
