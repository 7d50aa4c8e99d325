/**
 * The team file from a URL (issue 9 §2), in both browsers against the simulator's `/team/team.json`
 * (on the GOC origin: the manifest's host permission covers it, so nothing has to be granted):
 * "Save and sync now" in the options page brings the roster, experts and snippets (visible in the
 * options page and in a ticket's snippet menu); a changed file (the `markup` fault) reaches them and
 * the page lists what changed; a broken file (HTTP 500, not JSON) shows the error with the time of
 * the last good sync and changes nothing; the user's identity, signature, notifications and feature
 * switches never change; a personal edit of the snippets is kept across a sync as an override, and
 * "Use the team's value" drops it.
 */
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { teamConfig, ticketTagged } from './ticket-helpers';
import { TEAM_FILE_NEW_PERSON, TEAM_FILE_NEW_SNIPPET, TEAM_FILE_SNIPPET } from '../goc-sim/routes/team-file.mjs';

const URL_FIELD = '[data-gta="team-file-url"]';
const SYNC = '[data-gta="team-file-sync"]';
const STATUS = '[data-gta="team-file-status"]';
const CARL = { name: 'Carl Edquist', email: 'carl.edquist@wisc.example.edu', footprintsId: 'edquist', aliases: ['Carl'] };
const MINE = {
  identity: CARL,
  signature: '-- \n{name}\nCarl’s own signature',
  notifications: { newTicket: 'always', dutyReminder: true, middayNudge: false },
  features: { unsignedGuard: true, keepSoftwareGuard: true, triagePanel: true, closeChecklist: true },
  team: [],
  experts: [],
};

/** The user's personal settings as stored (identity in sync, the rest in local). */
async function personal(ext: ExtDriver) {
  const local = (await ext.getStorage('settings')).settings;
  const identity = (await ext.getSyncStorage('identity')).identity;
  const { updatedAt: _stamp, ...id } = identity ?? {};
  return { identity: id, signature: local.signature, notifications: local.notifications, features: local.features, schedule: local.schedule };
}

async function teamState(ext: ExtDriver): Promise<any> {
  return (await ext.getStorage('teamFile.state'))['teamFile.state'] ?? null;
}

/** Presses "Save and sync now" and waits for that sync to be recorded and shown. */
async function syncNow(ext: ExtDriver, page: GtaPage, expectState: 'ok' | 'error'): Promise<any> {
  const before = (await teamState(ext))?.attemptAt ?? 0;
  await page.click(SYNC);
  await expect.poll(async () => (await teamState(ext))?.attemptAt ?? 0, { timeout: 20_000, message: 'a team-file sync' }).toBeGreaterThan(before);
  const state = await teamState(ext);
  await page.waitForSelector(`${STATUS}[data-gta-state="${expectState}"][data-gta-syncing="false"]`);
  return state;
}

const snippetNames = (page: GtaPage) =>
  page.$$eval('[data-gta="options-snippets"] input[data-gta-field="name"]', (els) => els.map((e) => (e as HTMLInputElement).value));
const expertTopics = (page: GtaPage) =>
  page.$$eval('[data-gta="options-experts"] input[data-gta-field="topic"]', (els) => els.map((e) => (e as HTMLInputElement).value));
const rosterNames = (page: GtaPage) => page.$$eval('[data-gta="team-file-roster"] li', (els) => els.map((e) => e.getAttribute('data-gta-person')));
const changeLine = (page: GtaPage, area: string) => page.textOf(`[data-gta="team-file-changes"] li[data-gta-area="${area}"]`);

/** A profile with the user's own settings, the options page open, the team file synced once. */
async function firstSync(ext: ExtDriver, sim: SimHandle): Promise<GtaPage> {
  await sim.control('fault', { mode: 'none' });
  await ext.clearStorage();
  await ext.importConfig(teamConfig(MINE));
  const page = await ext.openExtensionPage('options.html', { waitFor: URL_FIELD });
  expect(await page.attr(STATUS, 'data-gta-state')).toBe('none');
  await page.fill(URL_FIELD, sim.url('/team/team.json'));
  const state = await syncNow(ext, page, 'ok');
  expect(state.error).toBeNull();
  return page;
}

test.beforeEach(async ({ ext }) => {
  await ext.clearStorage();
});

test('Save and sync now brings the roster, experts and snippets; personal keys stay mine', async ({ ext, sim }) => {
  await ext.clearStorage();
  await ext.importConfig(teamConfig(MINE));
  const mine = await personal(ext);
  const page = await firstSync(ext, sim);

  expect(await page.textOf(STATUS)).toMatch(/Last good sync: .* from ticket\.opensciencegrid\.org/);
  await page.waitForFunction((name) => document.querySelector('[data-gta="options-snippets"] input[data-gta-field="name"]')?.getAttribute('value') === name || (document.querySelector('[data-gta="options-snippets"] input[data-gta-field="name"]') as HTMLInputElement | null)?.value === name, TEAM_FILE_SNIPPET);
  expect((await snippetNames(page))[0]).toBe(TEAM_FILE_SNIPPET);
  expect(await expertTopics(page)).toContain('HTCondor-CE');
  expect(await rosterNames(page)).toContain('Brian Lin');
  expect(await page.attr('[data-gta="team-file-roster"]', 'data-gta-count')).toBe('11');
  expect(await changeLine(page, 'roster')).toContain('roster: +11 people');
  expect(await changeLine(page, 'snippets')).toMatch(/snippets: \+1 snippet, −4 snippets/);
  // The file's identity, signature, notifications and switches were not taken, and it says so.
  expect(await page.textOf('[data-gta="team-file-notes"]')).toMatch(/not taken from the team file \(they are yours\): identity, signature/);
  expect(await personal(ext)).toEqual(mine);
  expect(await page.evaluate(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value)).toBe('Carl Edquist');

  // The ticket page's snippet menu offers the team's snippets.
  await sim.login('edquist');
  const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
  const tab = await ext.openGocPage(sim.url(ticket.url));
  await tab.waitForSelector('[data-gta="snippet-picker"] select');
  const offered = await tab.$$eval('[data-gta="snippet-picker"] option', (os) => os.slice(1).map((o) => o.textContent));
  expect(offered[0]).toBe(TEAM_FILE_SNIPPET);
  expect(offered).toHaveLength(3);
});

test('a changed file reaches roster, experts and snippets and says what changed; a broken one keeps the last good', async ({ ext, sim }) => {
  const page = await firstSync(ext, sim);
  const mine = await personal(ext);
  const firstGood = (await teamState(ext)).syncedAt;

  await sim.control('fault', { mode: 'markup', match: '/team/' });
  const changed = await syncNow(ext, page, 'ok');
  expect(changed.syncedAt).toBeGreaterThan(firstGood);
  await page.waitForFunction(() => document.querySelector('[data-gta="team-file-changes"] li[data-gta-area="roster"]')?.textContent?.includes('+1 person'));
  expect(await changeLine(page, 'roster')).toContain('roster: +1 person');
  expect(await changeLine(page, 'experts')).toContain('experts: 1 topic changed');
  expect(await changeLine(page, 'snippets')).toContain('snippets: +1 snippet');
  expect(await changeLine(page, 'queue')).toContain('queue: unchanged');
  expect(await rosterNames(page)).toContain(TEAM_FILE_NEW_PERSON);
  expect(await snippetNames(page)).toContain(TEAM_FILE_NEW_SNIPPET);
  const stored = (await ext.getStorage('settings')).settings;
  expect(stored.team.map((m: { name: string }) => m.name)).toContain(TEAM_FILE_NEW_PERSON);
  expect(stored.experts.find((e: { topic: string }) => e.topic === 'HTCondor-CE').people).toContain(TEAM_FILE_NEW_PERSON);
  const good = JSON.stringify(stored);
  const goodAt = changed.syncedAt;

  for (const [mode, words] of [['500', /HTTP 500/], ['garbage', /not valid/]] as const) {
    await sim.control('fault', { mode, match: '/team/' });
    const broken = await syncNow(ext, page, 'error');
    expect(broken.error).toMatch(words);
    expect(broken.syncedAt).toBe(goodAt);
    const text = await page.textOf(STATUS);
    expect(text).toMatch(words);
    expect(text).toMatch(/The last good team file is still in use\. Last good sync: /);
    expect(JSON.stringify((await ext.getStorage('settings')).settings)).toBe(good);
    expect(await rosterNames(page)).toContain(TEAM_FILE_NEW_PERSON);
  }
  expect(await personal(ext)).toEqual(mine);
});

test('a personal edit of the snippets is kept across a sync; "Use the team\'s value" drops it', async ({ ext, sim }) => {
  const page = await firstSync(ext, sim);
  await page.fill('[data-gta="options-snippets"] [data-gta-index="0"] input[data-gta-field="name"]', 'My own snippet');
  await page.click('[data-gta="snippets-save"]');
  await page.waitForFunction(() => document.querySelector('[data-gta="options-snippets"] .gta-status')?.textContent === 'Saved.');
  await page.waitForSelector('[data-gta="team-file-overrides"] li[data-gta-path="snippets"]');
  expect(await page.textOf('[data-gta="team-file-overrides"] li[data-gta-path="snippets"]')).toContain('yours, not the team');
  expect(Object.keys((await ext.getStorage('teamFile.overrides'))['teamFile.overrides'])).toEqual(['snippets']);

  // The lead changes the file: the roster follows it, my snippets stay.
  await sim.control('fault', { mode: 'markup', match: '/team/' });
  await syncNow(ext, page, 'ok');
  await page.waitForFunction(() => document.querySelector('[data-gta="team-file-changes"] li[data-gta-area="roster"]')?.textContent?.includes('+1 person'));
  expect(await changeLine(page, 'snippets')).toContain('(your own value is kept)');
  expect((await snippetNames(page))[0]).toBe('My own snippet');
  expect(await snippetNames(page)).not.toContain(TEAM_FILE_NEW_SNIPPET);
  expect(await rosterNames(page)).toContain(TEAM_FILE_NEW_PERSON);

  await page.click('[data-gta="team-file-use-team"]');
  await page.waitForSelector('[data-gta="team-file-overrides"]', { state: 'detached' });
  await page.waitForFunction((name) => Array.from(document.querySelectorAll('[data-gta="options-snippets"] input[data-gta-field="name"]')).some((e) => (e as HTMLInputElement).value === name), TEAM_FILE_NEW_SNIPPET);
  expect((await snippetNames(page))[0]).toBe(TEAM_FILE_SNIPPET);
  const stored = (await ext.getStorage('settings')).settings;
  expect(stored.snippets.map((s: { name: string }) => s.name)).toEqual(await snippetNames(page));
  expect((await ext.getStorage('teamFile.overrides'))['teamFile.overrides']).toEqual({});
});
