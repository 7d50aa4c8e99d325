/**
 * The triage panel (issue 8) in the real editor page with its own libraries: on an untriaged Software
 * ticket (tagged `triage-panel`) the panel is open; choosing an owner in a checklist team and one in
 * the fblist team "OSG Glidein Factory Operations" (members only in its inline list data), a Next
 * Action preset and a +2 deadline, then Apply, fills the page's own fields; the page's own Update
 * saves them, read back from the simulator. Undo restores the exact earlier values; other tickets
 * get no panel, or a collapsed one.
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketsTagged, ticketTagged, type TruthTicket } from './ticket-helpers';
import { SOFTWARE_TEAM_INDEX } from '../goc-sim/server.mjs';

/** The Software team's page key (`team_2` on the real site and in the simulator; never read for meaning). */
const SW_TEAM = `team_${SOFTWARE_TEAM_INDEX}`;

const PANEL = '[data-gta="triage-panel"]';
const owner = (name: string) => `${PANEL} [data-gta="triage-owner"][data-gta-person="${name.replace(/"/g, '\\"')}"]`;
const SIGNATURE = '------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org';

/** `n` working days after today in Chicago (weekends skipped; the team file has no holidays). Written here, not imported: the test checks the extension's arithmetic. */
function workingDaysFromToday(n: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

interface Fields {
  nextAction: string;
  nad: string;
  description: string;
  assignees: [string, boolean][];
}

function readFields(page: GtaPage): Promise<Fields> {
  return page.evaluate(() => {
    const value = (sel: string) => (document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement).value;
    return {
      nextAction: value('form#ticket_form input[name="next_action"]'),
      nad: value('form#ticket_form input[name="nad"]'),
      description: value('textarea.description'),
      assignees: Array.from(document.querySelectorAll<HTMLInputElement>('form#ticket_form input[name^="team_"]')).map(
        (i): [string, boolean] => [i.name, i.type === 'hidden' ? true : i.checked],
      ),
    };
  });
}

async function ticketJson(sim: SimHandle, id: number): Promise<{ assignees: string[]; nextAction: string; nadDate: string }> {
  return sim.control(`tickets/${id}`);
}

async function open(ext: import('./fixtures').ExtDriver, sim: SimHandle, ticket: TruthTicket): Promise<GtaPage> {
  await sim.login('aroy');
  return ext.openGocPage(sim.url(ticket.url));
}

test.describe('triage panel', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('untriaged ticket: owners in a checklist and an fblist team, Next Action, +2 deadline; Apply, then the page\u2019s own Update saves it', async ({ ext, sim }) => {
    const [ticket] = (await ticketsTagged(sim, 'triage-panel')).filter((t) => /htcondor-ce/i.test(t.title));
    expect(ticket, 'the seed has the HTCondor-CE triage-panel ticket').toBeTruthy();
    expect(ticket.assignees).toEqual(['osg-software-support-stream']);
    const page = await open(ext, sim, ticket);
    await page.waitForSelector(`${PANEL}[data-gta-ready="true"]`);
    expect(await page.attr(PANEL, 'data-gta-state')).toBe('expanded');
    // Experts for the ticket's words come first, with their topic; the glidein person with the team label.
    expect(await page.textOf(owner('Brian Lin'))).toContain('HTCondor-CE');
    expect(await page.textOf(owner('Kelly Fong'))).toContain('Glidein Factory Ops');

    await page.click(owner('Brian Lin'));
    await page.fill(`${PANEL} [data-gta="triage-owner-search"]`, 'kelly');
    await page.click(owner('Kelly Fong'));
    expect(await page.attr(owner('Kelly Fong'), 'aria-pressed')).toBe('true');
    await page.click(`${PANEL} [data-gta="triage-next-action-preset"][data-gta-preset="{owner}: investigate"]`);
    await page.click(`${PANEL} [data-gta="triage-nad-preset"][data-gta-days="2"]`);
    const deadline = workingDaysFromToday(2);
    expect(await page.evaluate(() => (document.querySelector('[data-gta="triage-nad"]') as HTMLInputElement).value)).toBe(deadline);
    await page.click(`${PANEL} [data-gta="triage-note"]`);
    await page.click(`${PANEL} [data-gta="triage-apply"]`);

    expect(await page.textOf(`${PANEL} [data-gta="triage-status"]`)).toContain('Press Update to save.');
    const filled = await readFields(page);
    expect(filled.nextAction).toBe('Brian: investigate');
    expect(filled.nad).toBe(deadline);
    expect(filled.description).toBe(`Assigning to Brian Lin and Kelly Fong (HTCondor-CE, Glidein factory).\n\n${SIGNATURE}`);
    expect(filled.assignees.filter(([, on]) => on).map(([n]) => n).sort()).toEqual([`${SW_TEAM}[blin]`, `${SW_TEAM}[osg-software-support-stream]`, 'team_7[gf-kfong]']);
    expect(await postsFor(sim, ticket.id)).toEqual([]); // Apply never submits

    await page.waitForNavigation(() => page.click('form#ticket_form .form-actions button[type="submit"]'));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => p.route)).toEqual(['viewer/update']);
    const saved = await ticketJson(sim, ticket.id);
    expect([...saved.assignees].sort()).toEqual(['blin', 'gf-kfong', 'osg-software-support-stream']);
    expect(saved.nextAction).toBe('Brian: investigate');
    expect(saved.nadDate).toBe(deadline);
    // After the page's reload: no longer at SOFTWARE TRIAGE, so the panel is one line.
    await page.waitForSelector(`${PANEL}[data-gta-state="collapsed"]`);
    expect(await page.textOf(`${PANEL} .gta-triage-summary`)).toBe('Next Action: Brian: investigate');
  });

  test('Undo restores the exact earlier values of every field the panel changed', async ({ ext, sim }) => {
    const [ticket] = (await ticketsTagged(sim, 'triage-panel')).filter((t) => /xrdcp/i.test(t.title));
    const page = await open(ext, sim, ticket);
    await page.waitForSelector(`${PANEL}[data-gta-ready="true"]`);
    await page.fill('textarea.description', 'Hi Daniel,');
    const before = await readFields(page);
    await page.click(owner('Mat Selmeci'));
    await page.fill(`${PANEL} [data-gta="triage-owner-search"]`, "liam o'c");
    await page.click(owner("Liam O'Connor"));
    await page.click(`${PANEL} [data-gta="triage-next-action-preset"][data-gta-preset="Software: review"]`);
    await page.click(`${PANEL} [data-gta="triage-nad-preset"][data-gta-days="5"]`);
    await page.click(`${PANEL} [data-gta="triage-note"]`);
    await page.click(`${PANEL} [data-gta="triage-apply"]`);
    const applied = await readFields(page);
    expect(applied.nextAction).toBe('Software: review');
    expect(applied.nad).toBe(workingDaysFromToday(5));
    expect(applied.description).toContain("Assigning to Mat Selmeci and Liam O'Connor");
    expect(applied.assignees).not.toEqual(before.assignees);

    await page.click(`${PANEL} [data-gta="triage-undo"]`);
    expect(await readFields(page)).toEqual(before);
    expect(await page.count('#team_7__list [data-gta="assignee-added"]')).toBe(0);
    expect(await page.textOf(`${PANEL} [data-gta="triage-status"]`)).toMatch(/^Undone:/);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
  });

  test('a ticket past triage shows the panel collapsed to one line; its button opens it', async ({ ext, sim }) => {
    const ticket = await ticketTagged(sim, 'triage-panel-triaged');
    const page = await open(ext, sim, ticket);
    await page.waitForSelector(PANEL);
    expect(await page.attr(PANEL, 'data-gta-state')).toBe('collapsed');
    expect(await page.textOf(`${PANEL} .gta-triage-summary`)).toBe('Next Action: Brian: check the CE; Kelly: factory entry');
    await page.click(`${PANEL} [data-gta="triage-toggle"]`);
    await page.waitForSelector(`${PANEL} [data-gta="triage-apply"]`, { state: 'visible' });
    expect(await page.attr(PANEL, 'data-gta-state')).toBe('expanded');
  });

  test('each owner shows the open Software tickets they hold at the latest queue check', async ({ ext, sim }) => {
    await sim.login('aroy');
    const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
    await popup.waitForSelector('[data-gta="queue-check-now"]:not([disabled])');
    await popup.click('[data-gta="queue-check-now"]');
    const stored = async () => ((await ext.getStorage('queue.latest'))['queue.latest']?.assigneeLoads ?? null) as Record<string, number> | null;
    await expect.poll(stored, { timeout: 30_000 }).not.toBeNull();
    const loads = (await stored())!;
    const [ticket] = (await ticketsTagged(sim, 'triage-panel')).filter((t) => /htcondor-ce/i.test(t.title));
    const page = await ext.openGocPage(sim.url(ticket.url));
    await page.waitForSelector(`${PANEL}[data-gta-ready="true"]`);
    const shown = await page.$$eval(`${PANEL} [data-gta="triage-owner"]`, (els) =>
      els.map((e) => [e.getAttribute('data-gta-person') ?? '', e.getAttribute('data-gta-load') ?? '', e.textContent ?? ''] as const),
    );
    expect(shown.length).toBeGreaterThan(10);
    // The check's map lists everyone holding an open Software ticket: anyone else holds none (0, never "?").
    for (const [name, load, text] of shown) {
      expect(load, name).toBe(String(loads[name] ?? 0));
      expect(text, name).toContain(`${load} open`);
    }
    expect(shown.filter(([, load]) => load !== '0').length, 'someone shown holds Software tickets').toBeGreaterThan(0);
  });

  test('no panel on a ticket outside the Software queue, nor on the read-only form', async ({ ext, sim }) => {
    const other = (await ticketsTagged(sim, 'non-software')).find((t) => t.base === '' && !t.tags.includes('closed'));
    expect(other, 'an open non-Software ticket').toBeTruthy();
    let page = await open(ext, sim, other!);
    // The triage script has finished on this page (positive signal), and it added nothing.
    expect(await page.attr('html', 'data-gta-features')).toContain('triage-panel:ok');
    expect(await page.count('form#ticket_form')).toBe(1);
    expect(await page.count(PANEL)).toBe(0);

    const software = await ticketTagged(sim, 'triage-panel-triaged');
    await sim.login('viewer1');
    page = await ext.openGocPage(sim.url(software.url));
    expect(await page.attr('html', 'data-gta-features')).toContain('triage-panel:ok');
    expect(await page.count('textarea.description')).toBe(1);
    expect(await page.count(PANEL)).toBe(0);
  });
});
