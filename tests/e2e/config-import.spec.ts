/**
 * Team configuration import/export through the options page (issue 2 §2, issue 10 finding 3), in the
 * production build: choosing a file shows what it would change and stores nothing; Apply stores it
 * (identity → sync only when ticked, the rest → local), Cancel leaves everything as it was, and
 * "Undo import" restores the settings exactly; a bad file is refused naming the field; addresses that
 * break the https: rule are refused key by key; an unversioned (first-format) file still imports;
 * export produces the same settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type ExtDriver, type GtaPage } from './fixtures';
import { REPO_ROOT } from './harness/sim';
import { teamConfig } from './ticket-helpers';

const ALAIN = { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy', aliases: ['Alain'] };
const IMPORT = '[data-gta="config-import"]';
const PREVIEW = '[data-gta="config-import-preview"]';
const APPLY = '[data-gta="config-import-apply"]';
const CANCEL = '[data-gta="config-import-cancel"]';
const TAKE_IDENTITY = '[data-gta="config-import-identity"]';
const UNDO = '[data-gta="config-import-undo"]';
const OK = '[data-gta="config-import-ok"]';
const ERROR = '[data-gta="config-import-error"]';

let tmpDir: string;
test.beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-config-import-'));
});
test.afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

function writeFile(name: string, content: unknown): string {
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Chooses a file and waits for the preview (or the refusal). */
async function chooseFile(page: GtaPage, file: string): Promise<void> {
  await page.setInputFiles(IMPORT, [file]);
  await page.waitForSelector(`${PREVIEW}, ${ERROR}`, { state: 'visible' });
}

/** Applies the previewed file (ticking "also take the identity" when asked) and waits for the confirmation. */
async function apply(page: GtaPage, options: { takeIdentity?: boolean } = {}): Promise<string> {
  if (options.takeIdentity) await page.click(TAKE_IDENTITY);
  await page.click(APPLY);
  await page.waitForSelector(OK, { state: 'visible' });
  return page.textOf(OK);
}

const inputValue = (page: GtaPage, selector: string) =>
  page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement).value, selector);

async function storedState(ext: ExtDriver) {
  return { local: await ext.getStorage(['settings']), sync: await ext.getSyncStorage(['identity']) };
}

/** What the page's Export button downloads (caught in the page itself: browser-neutral). */
async function exportThroughPage(page: GtaPage, includeIdentity: boolean): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as any;
    w.__exports = [];
    if (w.__exportHooked) return;
    w.__exportHooked = true;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      w.__pending = blob;
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = w.__pending as Blob;
      void blob.text().then((text) => w.__exports.push({ name: this.download, text }));
    };
  });
  const box = '[data-gta="config-export-identity"]';
  const ticked = await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, box);
  if (ticked !== includeIdentity) await page.click(box);
  await page.click('[data-gta="config-export"]');
  const exports = await page.waitForFunction(() => {
    const list = (window as any).__exports as { name: string; text: string }[];
    return list.length > 0 ? list : null;
  });
  return exports![0]!;
}

test.beforeEach(async ({ ext }) => {
  await ext.clearStorage();
});

test('a good team file is previewed first, then applied: its values appear in the page and in storage', async ({ ext }) => {
  const config = teamConfig({ identity: ALAIN, queue: { staleDays: 5 }, signature: '--\n{name}\nOSG Software Support' });
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  expect(await inputValue(page, '#gta-identity-name')).toBe('');
  const before = await storedState(ext);

  await chooseFile(page, writeFile('team-config.json', config));
  expect(await page.count(ERROR)).toBe(0);
  const preview = await page.textOf(PREVIEW);
  expect(preview).toMatch(/team-config\.json would change \d+ settings/);
  expect(preview).toContain('queue.staleDays: 7 → 5');
  // The identity is offered, highlighted, and not taken unless ticked.
  expect(await page.textOf('[data-gta="config-import-identity-changes"] li.gta-import-risky')).toContain('identity.name: "" → "Alain Roy"');
  expect(await page.count(OK)).toBe(0);
  expect(await storedState(ext)).toEqual(before);

  const message = await apply(page, { takeIdentity: true });
  expect(message).toMatch(/Imported team-config\.json: \d+ changes/);
  expect(message).toContain('identity.name: "" → "Alain Roy"');
  expect(message).toContain('queue.staleDays: 7 → 5');
  expect(await page.count(PREVIEW)).toBe(0);

  // The other sections show the new values without a reload.
  await page.waitForFunction(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value === 'Alain Roy');
  expect(await inputValue(page, '#gta-identity-footprintsId')).toBe('aroy');
  expect(await inputValue(page, '#gta-signature-template')).toBe('--\n{name}\nOSG Software Support');
  expect(await page.textOf('[data-gta="signature-preview"]')).toBe('--\nAlain Roy\nOSG Software Support');

  // Identity in storage.sync, the rest (team, queue, …) in storage.local.
  const { local, sync } = await storedState(ext);
  expect(sync.identity).toMatchObject({ name: 'Alain Roy', footprintsId: 'aroy' });
  expect(local.settings.identity).toBeUndefined();
  expect(local.settings.queue.staleDays).toBe(5);
  expect(local.settings.team.map((m: { name: string }) => m.name)).toEqual(config.team.map((m: { name: string }) => m.name));

  // A freshly opened options page shows the same.
  const again = await ext.openExtensionPage('options.html', { waitFor: '#gta-identity-name' });
  expect(await inputValue(again, '#gta-identity-name')).toBe('Alain Roy');
});

test('Cancel leaves everything as it was; without the identity box ticked the file identity is not taken', async ({ ext }) => {
  await ext.importConfig(teamConfig({ identity: ALAIN, queue: { staleDays: 9 } }));
  const before = await storedState(ext);
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  const hostile = { identity: { name: 'Mallory', email: 'mallory@evil.example' }, features: { unsignedGuard: false }, queue: { staleDays: 3 } };
  const file = writeFile('hostile.json', hostile);

  await chooseFile(page, file);
  expect(await page.textOf(`${PREVIEW} li.gta-import-risky`)).toMatch(/features\.unsignedGuard: true → false.*turns off a check/);
  await page.click(CANCEL);
  await page.waitForSelector(PREVIEW, { state: 'detached' });
  expect(await page.count(OK)).toBe(0);
  expect(await storedState(ext)).toEqual(before);

  await chooseFile(page, file);
  expect(await page.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, TAKE_IDENTITY)).toBe(false);
  const message = await apply(page);
  expect(message).not.toContain('Mallory');
  const { local, sync } = await storedState(ext);
  // The same identity (a later save may have stamped it with when it was written: finding 7).
  const { updatedAt: _stamp, ...identityAfter } = sync.identity;
  expect(identityAfter).toEqual(before.sync.identity);
  expect(local.settings.queue.staleDays).toBe(3);
  expect(local.settings.features.unsignedGuard).toBe(false);
  expect(await inputValue(page, '#gta-identity-name')).toBe('Alain Roy');
});

test('Undo import restores the settings exactly: the export before and after are identical', async ({ ext }) => {
  await ext.importConfig(teamConfig({ identity: ALAIN, queue: { staleDays: 9 }, jira: { baseUrl: 'https://jira.opensciencegrid.org', projectKey: 'SOFTWARE' } }));
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  const exportBefore = await exportThroughPage(page, true);

  const other = { identity: { name: 'Mallory' }, team: [{ name: 'Mallory', role: 'software' }], queue: { staleDays: 2 }, jira: { baseUrl: 'https://jira.evil.example' } };
  await chooseFile(page, writeFile('other.json', other));
  await apply(page, { takeIdentity: true });
  await page.waitForFunction(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value === 'Mallory');

  await page.click(UNDO);
  await page.waitForSelector('[data-gta="config-import-undone"]', { state: 'visible' });
  expect(await page.count(OK)).toBe(0);
  await page.waitForFunction(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value === 'Alain Roy');
  const exportAfter = await exportThroughPage(page, true);
  expect(exportAfter.text).toBe(exportBefore.text);
});

test('an old file with an http: address imports the rest; that key is refused with the reason', async ({ ext }) => {
  await ext.importConfig(teamConfig({ jira: { baseUrl: 'https://jira.opensciencegrid.org', projectKey: 'SOFTWARE' } }));
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  const old = { jira: { baseUrl: 'http://jira.opensciencegrid.org', projectKey: 'SOFT' }, queue: { gocBaseUrl: 'javascript:alert(1)', staleDays: 4 } };
  await chooseFile(page, writeFile('old-http.json', old));
  const refused = await page.textOf('[data-gta="config-import-refused"]');
  expect(refused).toMatch(/queue\.gocBaseUrl "javascript:alert\(1\)" was not imported: only https:/);
  expect(refused).toMatch(/jira\.baseUrl "http:\/\/jira\.opensciencegrid\.org" was not imported: only https:.*yours is kept/);
  await apply(page);
  const { local } = await storedState(ext);
  expect(local.settings.jira).toMatchObject({ baseUrl: 'https://jira.opensciencegrid.org', projectKey: 'SOFT' });
  expect(local.settings.queue).toMatchObject({ gocBaseUrl: 'https://ticket.opensciencegrid.org', staleDays: 4 });
});

test('a bad file is refused naming the field, and the current settings stay exactly as they were', async ({ ext }) => {
  await ext.importConfig(teamConfig({ identity: ALAIN, queue: { staleDays: 9 } }));
  const before = await storedState(ext);
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });

  const bad = teamConfig({
    identity: { name: 'Someone Else' },
    queue: { staleDays: 2 },
    team: [{ name: 'Brian Lin', role: 'software' }, { name: 'Rob Quick', role: 'lead' }],
  });
  await chooseFile(page, writeFile('bad-team.json', bad));
  expect(await page.count(OK)).toBe(0);
  const error = await page.textOf(ERROR);
  expect(error).toMatch(/bad-team\.json was not imported: team\[1\]\.role: .*"lead"/);
  expect(error).toContain('Your settings are unchanged');

  expect(await storedState(ext)).toEqual(before);
  expect(await inputValue(page, '#gta-identity-name')).toBe('Alain Roy');
});

test('a file that is not JSON, or not an object, is refused with the reason', async ({ ext }) => {
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  await chooseFile(page, writeFile('notes.json', 'team: Alain, Brian'));
  expect(await page.textOf(ERROR)).toMatch(/not valid JSON/);
  await chooseFile(page, writeFile('list.json', [{ name: 'Alain Roy' }]));
  await page.waitForFunction(() => /JSON object/.test(document.querySelector('[data-gta="config-import-error"]')?.textContent ?? ''));
  expect(await ext.getStorage(['settings'])).toEqual({});
});

test('an unversioned file in the first format still imports', async ({ ext }) => {
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  const old = {
    identity: { name: 'Mat Selmeci', email: 'mat.selmeci@wisc.example.edu' },
    team: [{ name: 'Mat Selmeci', emails: ['mat.selmeci@wisc.example.edu'], aliases: ['Mat'], role: 'software' }],
    rotation: { source: 'https://ticket.opensciencegrid.org/rotation/triage.ics', timeZone: 'America/Chicago' },
    queue: { softwareAssignees: ['Software'], triageNextAction: 'SOFTWARE TRIAGE', staleDays: 7 },
  };
  await chooseFile(page, writeFile('old.json', old));
  expect(await page.count(ERROR)).toBe(0);
  await apply(page, { takeIdentity: true });
  const { local, sync } = await storedState(ext);
  expect(local.settings.version).toBe(1);
  expect(sync.identity.name).toBe('Mat Selmeci');
  expect(local.settings.rotation.source).toBe(old.rotation.source);
});

test('export downloads goc-ticket-assistant-config.json that imports back to the same settings', async ({ ext }) => {
  const stored = await ext.importConfig(teamConfig({ identity: ALAIN, queue: { staleDays: 6 } }));
  const page = await ext.openExtensionPage('options.html', { waitFor: '[data-gta="config-export"]' });
  const exported = await exportThroughPage(page, true);
  expect(exported.name).toBe('goc-ticket-assistant-config.json');
  expect(JSON.parse(exported.text)).toEqual(stored);

  // And the file imports cleanly into an empty profile.
  await ext.clearStorage();
  const fresh = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  await chooseFile(fresh, writeFile('goc-ticket-assistant-config.json', exported.text));
  expect(await fresh.count(ERROR)).toBe(0);
  await apply(fresh, { takeIdentity: true });
  await fresh.waitForFunction(() => (document.querySelector('#gta-identity-name') as HTMLInputElement).value === 'Alain Roy');
});

test('the shared team file, imported through the page, is what the ticket page signs with', async ({ ext, sim }) => {
  const fixture = path.join(REPO_ROOT, 'tests/fixtures/team-config.json');
  const team = JSON.parse(fs.readFileSync(fixture, 'utf8'));
  const page = await ext.openExtensionPage('options.html', { waitFor: IMPORT });
  await chooseFile(page, fixture);
  expect(await page.count(ERROR)).toBe(0);
  expect(await apply(page, { takeIdentity: true })).toContain(`team: 0 → ${team.team.length} entries`);

  const tickets = await sim.control<Array<{ id: number; url: string; base: string; status: string; type: string; tags: string[] }>>('tickets');
  const ticket = tickets.find(
    (t) => t.base === '' && t.type === 'Problem/Request' && !['Closed', 'Resolved'].includes(t.status) && !t.tags.includes('xss'),
  )!;
  await sim.login(team.identity.footprintsId);
  const ticketPage = await ext.openGocPage(sim.url(ticket.url));
  await ticketPage.click('[data-gta="signature-button"]');
  await ticketPage.waitForFunction(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value !== '');
  const value = await ticketPage.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value);
  expect(value).toBe(team.signature.replace('{name}', team.identity.name));
});
