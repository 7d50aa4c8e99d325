/**
 * The keep-Software guard (issue 8): on a Software ticket in the editor, unticking the Software
 * pseudo-user and pressing the page's own Update holds the submit and asks; "keep" saves with it
 * assigned, "remove" without, "edit" sends nothing. With an unsigned update too, ONE prompt asks
 * both questions. Every outcome is read back from the simulator (what it stored and was posted).
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';

const GUARD = '[data-gta="keep-software-guard"]';
const BOTH = '[data-gta="submit-questions"]';
const UNSIGNED = '[data-gta="unsigned-guard"]';
const SW = 'osg-software-support-stream';
// Test-side selector (the product never builds selectors from FP ids).
const SW_BOX = `input[type="checkbox"][name="team_1[${SW}]"]`;
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

  test('switched off (features.keepSoftwareGuard = false): no guard, the page saves without it', async ({ ext, sim }) => {
    await ext.importConfig({ features: { keepSoftwareGuard: false } }, { merge: true });
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await page.click(SW_BOX);
    await page.waitForNavigation(() => page.click(UPDATE));
    expect((await postsFor(sim, ticket.id)).map((p) => p.route)).toEqual(['viewer/update']);
    expect(await assigneesOf(sim, ticket.id)).not.toContain(SW);
  });
});
