/**
 * The close checklist (issue 8): on a Software ticket in the editor, changing the status to Resolved
 * shows the process's questions (JIRA link prefilled, doc links from settings); changing it back
 * hides them. It never blocks: ticking answers and pressing the page's own Update saves the ticket
 * normally (status read back from the simulator), and the answers are recorded for the weekly report.
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';

const PANEL = '[data-gta="close-checklist"]';
const UPDATE = '.form-actions button[type="submit"]';
const DOC_LINKS = [
  { name: 'OSG docs', url: 'https://osg-htc.example.org/docs/' },
  { name: 'Troubleshooting HTCondor-CE', url: 'https://osg-htc.example.org/docs/compute-element/troubleshoot-htcondor-ce/' },
];

async function openSoftwareTicket(ext: import('./fixtures').ExtDriver, sim: SimHandle): Promise<{ page: GtaPage; ticket: TruthTicket }> {
  await sim.login('aroy');
  const ticket = await ticketTagged(sim, 'untriaged');
  expect(ticket.assignees).toContain('osg-software-support-stream');
  const page = await ext.openGocPage(sim.url(ticket.url));
  return { page, ticket };
}

/** Picks a status the way the select does it: a new value, then its change event. */
function setStatus(page: GtaPage, status: string): Promise<void> {
  return page.evaluate((value) => {
    const select = document.querySelector('select[name="status"]') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, status);
}

async function closeLog(ext: import('./fixtures').ExtDriver): Promise<Array<{ at: number; ticket: number; answers: string[] }>> {
  const key = 'closeChecklist.log';
  return (await ext.getStorage(key))[key] ?? [];
}

test.describe('close checklist', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ triage: { docLinks: DOC_LINKS } }));
  });

  test('shows on a change to Resolved with the questions and links, hides when changed back', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    expect(await page.count(PANEL)).toBe(0);
    await setStatus(page, 'Resolved');
    await page.waitForSelector(PANEL, { state: 'visible' });
    expect(await page.$$eval(`${PANEL} input[data-gta-answer]`, (els) => els.map((e) => e.getAttribute('data-gta-answer')))).toEqual([
      'others', 'bug', 'docs', 'guide',
    ]);
    // Near the status field: right after its control group.
    expect(
      await page.evaluate((sel) => !!document.querySelector(sel)!.previousElementSibling?.querySelector('select[name="status"]'), PANEL),
    ).toBe(true);
    const jira = new URL((await page.attr(`${PANEL} a[data-gta-link="jira"]`, 'href'))!);
    expect(jira.origin).toBe('https://jira.opensciencegrid.org');
    expect(jira.searchParams.get('summary')).toBe(`GOC ${ticket.id}: ${ticket.title}`.slice(0, 250));
    const docs = await page.$$eval(`${PANEL} a[data-gta-link="doc"]`, (els) =>
      els.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
    );
    expect(docs).toEqual(DOC_LINKS.map((l) => [l.name, l.url, '_blank', 'noopener']));
    await setStatus(page, 'Engineering');
    await page.waitForSelector(PANEL, { state: 'hidden' });
    await setStatus(page, 'Closed');
    await page.waitForSelector(PANEL, { state: 'visible' });
    expect(await page.count(PANEL)).toBe(1);
  });

  test('ticking and pressing Update saves the ticket normally and records the answers', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await setStatus(page, 'Resolved');
    await page.waitForSelector(PANEL, { state: 'visible' });
    await page.click(`${PANEL} input[data-gta-answer="others"]`);
    await page.click(`${PANEL} input[data-gta-answer="guide"]`);
    await page.waitForNavigation(() => page.click(UPDATE));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => [p.route, p.status, p.fields.status])).toEqual([['viewer/update', 200, 'Resolved']]);
    expect((await sim.control<{ status: string }>(`tickets/${ticket.id}`)).status).toBe('Resolved');
    await expect.poll(() => closeLog(ext)).toHaveLength(1);
    const [entry] = await closeLog(ext);
    expect(entry.ticket).toBe(ticket.id);
    expect(entry.answers).toEqual(['others', 'guide']);
  });

  test('ticking nothing never blocks: the page saves and an empty answer is recorded', async ({ ext, sim }) => {
    const { page, ticket } = await openSoftwareTicket(ext, sim);
    await setStatus(page, 'Closed');
    await page.waitForSelector(PANEL, { state: 'visible' });
    await page.waitForNavigation(() => page.click(UPDATE));
    expect((await sim.control<{ status: string }>(`tickets/${ticket.id}`)).status).toBe('Closed');
    await expect.poll(() => closeLog(ext)).toHaveLength(1);
    expect((await closeLog(ext))[0]).toMatchObject({ ticket: ticket.id, answers: [] });
  });
});
