/**
 * Issue 10, finding 8: in the editor the form's FIRST submit button is an attachment's × (the page's
 * script builds the rows from `attachment/list` after DOM ready: `div.file-delete > button.button`,
 * no type attribute). Enter in a single-line field would "submit" through it, deleting the file and
 * sending nothing. With the extension, Enter in a single-line field of the New Update form does
 * nothing (the page's own widgets still get their Enter), the page's × still deletes when clicked,
 * and the submit hold (unsigned-update guard) exists from DOM ready, not only after the page's load
 * event (a slow CDN asset holds `load` back here).
 */
import fs from 'node:fs';
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';

const GUARD = '[data-gta="unsigned-guard"]';
const ROWS = '#files .file';
/** `name`s of the editor's single-line fields (Next Action first: the field of the report). */
const SINGLE_LINE_FIELDS = ['next_action', 'title', 'submitter_name', 'submitter_email', 'submitter_phone', 'cc[]', 'nad'];

interface Attachment {
  name: string;
}
const attachmentsOf = async (sim: SimHandle, id: number) => (await sim.control<{ attachments: Attachment[] }>(`tickets/${id}`)).attachments.map((a) => a.name);

/**
 * Records in the page what a key press caused: its keyup (the press is over, and everything it
 * triggered synchronously has run), clicks on an attachment's ×, and submits of the form.
 */
function recordEffects(page: GtaPage): Promise<void> {
  return page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __gtaEffects: string[] }).__gtaEffects = log;
    document.addEventListener('keyup', (e) => log.push(`keyup:${(e.target as HTMLInputElement).name || (e.target as Element).id}`), true);
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest?.('.file-delete')) log.push('x-click');
    }, true);
    document.addEventListener('submit', () => log.push('submit'), true);
  });
}
const effects = (page: GtaPage) => page.evaluate(() => (window as unknown as { __gtaEffects: string[] }).__gtaEffects.slice());

/** Enter in `selector`; returns what it caused once its keyup was seen. */
async function enterIn(page: GtaPage, selector: string): Promise<string[]> {
  await page.evaluate(() => (window as unknown as { __gtaEffects: string[] }).__gtaEffects.splice(0));
  await page.focus(selector);
  await page.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __gtaEffects: string[] }).__gtaEffects.some((x) => x.startsWith('keyup:')));
  return effects(page);
}

async function openEditor(ext: ExtDriver, sim: SimHandle, tag: string): Promise<{ page: GtaPage; ticket: TruthTicket; files: string[] }> {
  await sim.login('aroy');
  const ticket = await ticketTagged(sim, tag);
  const files = await attachmentsOf(sim, ticket.id);
  expect(files.length).toBeGreaterThanOrEqual(2);
  const page = await ext.openGocPage(sim.url(ticket.url));
  await page.waitForFunction((n) => document.querySelectorAll('#files .file button.button').length === n, files.length);
  return { page, ticket, files };
}

/** Navigates without waiting for the load event (the harness's goto waits for it). */
async function gotoUntilDomReady(page: GtaPage, url: string): Promise<void> {
  const raw = page.raw as { goto(url: string, options: { waitUntil: 'domcontentloaded'; timeout: number }): Promise<unknown> };
  await raw.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
}

test.describe('Enter and attachments in the editor', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' } }));
  });

  test('the rows come from attachment/list; the first submit button of the form is an attachment\u2019s \u00d7', async ({ ext, sim }) => {
    const { page, files } = await openEditor(ext, sim, 'attachments');
    const first = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('#ticket_form')!;
      const button = Array.from(form.elements).find((el) => el instanceof HTMLButtonElement && el.type === 'submit') as HTMLButtonElement;
      return { inDelete: !!button.closest('.file-delete'), hasType: button.hasAttribute('type'), name: button.closest('.file')!.querySelector('.file-name')!.textContent };
    });
    expect(first).toEqual({ inDelete: true, hasType: false, name: files[0] });
  });

  test('Enter in Next Action, title, contact, CC and deadline deletes nothing and submits nothing', async ({ ext, sim }) => {
    const { page, ticket, files } = await openEditor(ext, sim, 'attachments');
    await page.click('a.btn-mini[onclick*="addcc"]'); // "Add CC": a cc[] row even when the ticket has none
    await recordEffects(page);
    for (const name of SINGLE_LINE_FIELDS) {
      expect(await enterIn(page, `input[name="${name}"]`), name).toEqual([`keyup:${name}`]);
    }
    expect(await page.count(ROWS)).toBe(files.length);
    // Control: the same key press in a form of the same shape outside the New Update form does
    // "click" its first button (so the browser really submits implicitly here; the guard stays out of other forms).
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.id = 'control-form';
      form.innerHTML = '<div class="file-delete"><button class="button">x</button></div><input type="text" name="control">';
      form.querySelector('button')!.addEventListener('click', (e) => e.preventDefault());
      document.body.append(form);
    });
    expect(await enterIn(page, 'input[name="control"]')).toEqual(['x-click', 'keyup:control']);
    // The page's own × still works (a positive signal from the server): only that file goes.
    await page.click(`${ROWS}:last-child .file-delete button.button`);
    await page.waitForFunction((n) => document.querySelectorAll('#files .file').length === n, files.length - 1);
    await expect.poll(() => attachmentsOf(sim, ticket.id)).toEqual(files.slice(0, -1));
    const posts = await postsFor(sim, ticket.id);
    expect(posts.map((p) => [p.route, p.fields.file])).toEqual([['attachment/handler', files[files.length - 1]]]);
    expect(await page.count(GUARD)).toBe(0);
  });

  test('the upload widget adds a file through the page\u2019s own POST; Enter still deletes nothing', async ({ ext, sim }, testInfo) => {
    const { page, ticket, files } = await openEditor(ext, sim, 'attachments');
    const file = testInfo.outputPath('worker-node.log');
    fs.writeFileSync(file, 'condor_startd: exiting\n');
    await page.setInputFiles('input#fileupload[type=file]', [file]);
    await page.waitForFunction((n) => document.querySelectorAll('#files .file button.button').length === n, files.length + 1);
    await expect.poll(() => attachmentsOf(sim, ticket.id)).toEqual([...files, 'worker-node.log']);
    await recordEffects(page);
    expect(await enterIn(page, 'input[name="next_action"]')).toEqual(['keyup:next_action']);
    expect(await page.count(ROWS)).toBe(files.length + 1);
  });

  test('the page\u2019s autocomplete still takes Enter (Populate From fills the contact)', async ({ ext, sim }) => {
    const { page, files } = await openEditor(ext, sim, 'attachments');
    await recordEffects(page);
    await page.type('#careof', 'Alain');
    await page.waitForSelector('ul.ui-autocomplete li', { state: 'visible' });
    await page.press('ArrowDown');
    await page.press('Enter');
    await page.waitForFunction(() => (document.querySelector('input[name=submitter_name]') as HTMLInputElement).value === 'Alain Roy');
    expect((await effects(page)).filter((x) => !x.startsWith('keyup:'))).toEqual([]);
    expect(await page.count(ROWS)).toBe(files.length);
  });

  test('before the page\u2019s load event: Enter deletes nothing and Update is held by the unsigned guard', async ({ ext, sim }) => {
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'attachments-software');
    const files = await attachmentsOf(sim, ticket.id);
    const page = await ext.newPage();
    await gotoUntilDomReady(page, `${sim.url(ticket.url)}?slow=20000`);
    await page.waitForFunction((n) => document.querySelectorAll('#files .file button.button').length === n, files.length);
    const notLoaded = () => page.evaluate(() => document.readyState !== 'complete');
    expect(await notLoaded()).toBe(true);
    await recordEffects(page);
    expect(await enterIn(page, 'input[name=next_action]')).toEqual(['keyup:next_action']);
    await page.fill('textarea.description', 'Unsigned, before load.');
    await page.click('.form-actions button[type="submit"]');
    await page.waitForSelector(GUARD, { state: 'visible', timeout: 10_000 });
    expect(await notLoaded()).toBe(true);
    expect(await postsFor(sim, ticket.id)).toEqual([]);
    expect(await attachmentsOf(sim, ticket.id)).toEqual(files);
    await page.click(`${GUARD} [data-gta-choice="cancel"]`);
    await page.waitForSelector(GUARD, { state: 'detached' });
    expect(await page.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value)).toBe('Unsigned, before load.');
  });
});
