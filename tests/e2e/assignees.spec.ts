/**
 * Assigning from the expert suggestions in both kinds of assignee list (issue 8): a checklist team (a
 * box ticked) and the simulator's "OSG Glidein Factory Operations", a team of more than 12 printed as the
 * real site's fblist() (members only in its inline `team_7__listdata`). The page's own Update saves; read
 * back from the simulator: both people assigned and every earlier assignee kept. Our added row's remove
 * icon takes it out again (its own listener), and the save then goes without that person.
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketsTagged, type TruthTicket } from './ticket-helpers';
import { SOFTWARE_TEAM_INDEX } from '../goc-sim/server.mjs';

const BOX = '[data-gta="expert-suggestions"]';
const GLIDEIN_PERSON = "Liam O'Connor"; // gf-loconnor, only in the fblist's script data
const GLIDEIN_ID = 'gf-loconnor';
const SOFTWARE = [
  ['Brian Lin', 'blin'],
  ['Carl Edquist', 'edquist'],
  ['Tim Theisen', 'tim'],
  ['Suchandra Thapa', 'sthapa'],
] as const;

/** A Software ticket with a plain word in its title, and a Software person not yet assigned to it. */
async function pickTicket(sim: SimHandle): Promise<{ ticket: TruthTicket; keyword: string; person: string; fpid: string }> {
  for (const ticket of await ticketsTagged(sim, 'untriaged')) {
    if (!ticket.assignees.includes('osg-software-support-stream') || ticket.base !== '') continue;
    const keyword = ticket.title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w));
    const free = SOFTWARE.find(([, id]) => !ticket.assignees.includes(id));
    if (keyword && free && !ticket.assignees.includes(GLIDEIN_ID)) return { ticket, keyword, person: free[0], fpid: free[1] };
  }
  throw new Error('no untriaged Software ticket fits');
}

async function assignees(sim: SimHandle, id: number): Promise<string[]> {
  return (await sim.control<{ assignees: string[] }>(`tickets/${id}`)).assignees;
}

async function suggest(ext: import('./fixtures').ExtDriver, sim: SimHandle) {
  const picked = await pickTicket(sim);
  await ext.importConfig(
    teamConfig({
      experts: [
        { topic: 'Factory entries', keywords: [picked.keyword], people: [GLIDEIN_PERSON], team: 'Glidein Factory Operations' },
        { topic: 'Packaging', keywords: [picked.keyword], people: [picked.person] },
      ],
      features: { unsignedGuard: false },
    }),
  );
  await sim.login('aroy');
  const page = await ext.openGocPage(sim.url(picked.ticket.url));
  await page.waitForSelector(`${BOX} li[data-gta-person]`);
  return { ...picked, page, before: await assignees(sim, picked.ticket.id) };
}

async function save(page: GtaPage): Promise<void> {
  await page.fill('textarea.description', 'Assigning.\n\nAlain Roy');
  await page.waitForNavigation(() => page.click('form#ticket_form .form-actions button[type="submit"]'));
}

const item = (person: string) => `${BOX} li[data-gta-person="${person.replace(/"/g, '\\"')}"]`;

test.describe('assigning from expert suggestions', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
  });

  test('one person in an fblist team and one in a checklist team; the page\u2019s Update saves both and keeps everyone', async ({ ext, sim }) => {
    const { page, ticket, person, fpid, before } = await suggest(ext, sim);
    expect(before).toContain('osg-software-support-stream');
    expect(await page.textOf(`${item(GLIDEIN_PERSON)} .gta-expert-team`)).toBe(' (Glidein Factory Operations)');

    await page.click(`${item(GLIDEIN_PERSON)} button`);
    expect(await page.attr(item(GLIDEIN_PERSON), 'data-gta-state')).toBe('added');
    expect(await page.textOf(item(GLIDEIN_PERSON))).toContain(`Added ${GLIDEIN_PERSON} to OSG Glidein Factory Operations.`);
    // The row sits where the page's own select handler puts it: before the team's autocomplete input.
    expect(
      await page.evaluate(() => {
        const row = document.querySelector('#team_7__list [data-gta="assignee-added"]');
        const hidden = row?.querySelector('input[type="hidden"]') as HTMLInputElement | null;
        return [row?.nextElementSibling?.matches('input.autocomplete'), hidden?.name, hidden?.value, row?.textContent?.trim()];
      }),
    ).toEqual([true, `team_7[${GLIDEIN_ID}]`, 'on', GLIDEIN_PERSON]);

    await page.click(`${item(person)} button`);
    expect(await page.attr(item(person), 'data-gta-state')).toBe('ticked');
    expect(await page.evaluate((id) => (document.querySelector(`input[name="${id}"]`) as HTMLInputElement).checked, `team_${SOFTWARE_TEAM_INDEX}[${fpid}]`)).toBe(true);

    await save(page);
    const [post] = await postsFor(sim, ticket.id);
    expect(Object.keys(post.fields)).toEqual(expect.arrayContaining([`team_7[${GLIDEIN_ID}]`, `team_${SOFTWARE_TEAM_INDEX}[${fpid}]`]));
    const after = await assignees(sim, ticket.id);
    expect(after).toEqual(expect.arrayContaining([...before, GLIDEIN_ID, fpid]));
    expect(after).toHaveLength(before.length + 2);
    // After the reload the page prints them as assigned (the fblist row is the server's own now).
    await page.waitForSelector(`${BOX} li[data-gta-person]`);
    await page.click(`${item(GLIDEIN_PERSON)} button`);
    expect(await page.attr(item(GLIDEIN_PERSON), 'data-gta-state')).toBe('already');
  });

  test('the remove icon of the row we added takes it out, and Update saves without that person', async ({ ext, sim }) => {
    const { page, ticket, person, fpid, before } = await suggest(ext, sim);
    await page.click(`${item(GLIDEIN_PERSON)} button`);
    await page.waitForSelector('[data-gta="assignee-added"]');
    await page.click('[data-gta="assignee-added"] i.icon-remove');
    await page.waitForSelector('[data-gta="assignee-added"]', { state: 'detached' });
    expect(await page.count(`input[name="team_7[${GLIDEIN_ID}]"]`)).toBe(0);
    // Rows the server printed are untouched.
    const serverRows = await page.count('#team_7__list input[type="hidden"]');
    expect(serverRows).toBe(before.filter((id) => id.startsWith('gf-')).length);

    await page.click(`${item(person)} button`);
    await save(page);
    const [post] = await postsFor(sim, ticket.id);
    expect(Object.keys(post.fields)).not.toContain(`team_7[${GLIDEIN_ID}]`);
    const after = await assignees(sim, ticket.id);
    expect(after).toEqual(expect.arrayContaining([...before, fpid]));
    expect(after).not.toContain(GLIDEIN_ID);
  });
});
