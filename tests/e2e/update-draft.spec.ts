/**
 * New Update drafts (issue 10, "Nothing lost"): what the user types in the New Update box is kept
 * in storage.local as they type and offered back (`data-gta="draft-restore"`) when the ticket opens
 * again without it saved: a reload, a crashed tab, an expired session. Restore puts it back, never
 * over text already in the box; the page's own save, once the page shows the update, clears it.
 */
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { postsFor, teamConfig, ticketTagged, type TruthTicket } from './ticket-helpers';

const BOX = 'textarea.description';
const OFFER = '[data-gta="draft-restore"]';
const DRAFTS_KEY = 'updateDraft.drafts';
const FEATURE_DONE = 'html[data-gta-features*="update-draft"]';

async function open(ext: ExtDriver, sim: SimHandle, user: string): Promise<{ page: GtaPage; ticket: TruthTicket }> {
  await sim.login(user);
  const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
  const page = await ext.openGocPage(sim.url(ticket.url));
  await page.waitForSelector(FEATURE_DONE);
  return { page, ticket };
}

/** The texts kept for a ticket, as stored. */
async function storedTexts(ext: ExtDriver, id: number): Promise<string[]> {
  const drafts = (await ext.getStorage(DRAFTS_KEY))[DRAFTS_KEY] ?? {};
  return Object.values(drafts as Record<string, { ticket: number; text: string }>)
    .filter((d) => d.ticket === id)
    .map((d) => d.text);
}

/** Waits until the debounced save has written `text` for the ticket (what a crash would leave). */
async function waitUntilKept(ext: ExtDriver, id: number, text: string): Promise<void> {
  await expect.poll(() => storedTexts(ext, id), { timeout: 10_000 }).toContain(text);
}

const boxValue = (page: GtaPage) => page.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value);

test.describe('New Update drafts', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' } }));
  });

  test('typed text is kept; after a reload it is offered, never put back silently, and Restore fills the box', async ({ ext, sim }) => {
    const { page, ticket } = await open(ext, sim, 'aroy');
    const text = 'Please try osg-ca-certs 1.90 and tell us.';
    await page.type(BOX, text);
    await waitUntilKept(ext, ticket.id, text);

    await page.reload();
    await page.waitForSelector(FEATURE_DONE);
    const restored = await boxValue(page);
    test.info().annotations.push({ type: 'after reload', description: restored.includes(text) ? 'the browser restored the box' : 'box empty, offer shown' });
    if (restored.includes(text)) {
      // Firefox restores form text on reload by itself: then nothing is offered twice, the box is kept.
      expect(await page.count(OFFER)).toBe(0);
      await waitUntilKept(ext, ticket.id, restored);
      return;
    }
    expect(restored).toBe('');
    await page.waitForSelector(OFFER, { state: 'visible' });
    expect(await page.textOf(OFFER)).toContain('Restore your unsent update (saved ');
    expect(await page.textOf(`${OFFER} [data-gta="draft-text"]`)).toBe(text);
    await page.click(`${OFFER} [data-gta-choice="restore"]`);
    expect(await boxValue(page)).toBe(text);
    expect(await page.count(OFFER)).toBe(0);
    // Kept once, under this page load.
    await expect.poll(() => storedTexts(ext, ticket.id)).toEqual([text]);
  });

  test('a crashed tab: the text comes back in a new tab; Discard drops it for good', async ({ ext, sim }) => {
    const { page, ticket } = await open(ext, sim, 'aroy');
    const text = 'Line one\n    indented line two';
    await page.fill(BOX, text);
    await waitUntilKept(ext, ticket.id, text);
    await page.close();

    const again = await ext.openGocPage(sim.url(ticket.url));
    await again.waitForSelector(OFFER, { state: 'visible' });
    expect(await again.textOf(`${OFFER} [data-gta="draft-text"]`)).toBe(text);
    expect(await boxValue(again)).toBe('');
    await again.click(`${OFFER} [data-gta-choice="discard"]`);
    expect(await again.count(OFFER)).toBe(0);
    await expect.poll(() => storedTexts(ext, ticket.id)).toEqual([]);

    const third = await ext.openGocPage(sim.url(ticket.url));
    await third.waitForSelector(FEATURE_DONE);
    expect(await third.count(OFFER)).toBe(0);
  });

  test('text already in the box is never overwritten: Restore adds the draft below it', async ({ ext, sim }) => {
    const { page, ticket } = await open(ext, sim, 'aroy');
    const draft = 'The earlier draft.';
    await page.type(BOX, draft);
    await waitUntilKept(ext, ticket.id, draft);
    await page.close();

    const again = await ext.openGocPage(sim.url(ticket.url));
    await again.waitForSelector(OFFER, { state: 'visible' });
    const now = 'Typed before choosing.';
    await again.type(BOX, now);
    // Typing in this tab keeps its own copy and leaves the earlier draft alone.
    await waitUntilKept(ext, ticket.id, now);
    expect(await storedTexts(ext, ticket.id)).toContain(draft);
    expect(await again.textOf(OFFER)).toContain('below any text already in the box');
    await again.click(`${OFFER} [data-gta-choice="restore"]`);
    expect(await boxValue(again)).toBe(`${now}\n\n${draft}`);
    await expect.poll(() => storedTexts(ext, ticket.id)).toEqual([`${now}\n\n${draft}`]);
  });

  for (const user of ['aroy', 'viewer1'] as const) {
    const form = user === 'aroy' ? 'editor (AJAX save, then reload)' : 'read-only form (POST, 302)';
    test(`${form}: once the page shows the saved update, the draft is gone`, async ({ ext, sim }) => {
      const { page, ticket } = await open(ext, sim, user);
      const text = `Fixed in 3.6.${user.length}; please confirm.`;
      await page.type(BOX, text);
      await waitUntilKept(ext, ticket.id, text);
      await page.click('.form-actions button[type="submit"]');
      // The unsigned-update guard asks first; "Send as is" goes on to the page's own save.
      await page.waitForSelector('[data-gta="unsigned-guard"]', { state: 'visible' });
      await page.waitForNavigation(() => page.click('[data-gta="unsigned-guard"] [data-gta-choice="as-is"]'));
      await page.waitForSelector(FEATURE_DONE);
      expect((await postsFor(sim, ticket.id)).map((p) => p.description)).toEqual([text]);
      expect(await page.evaluate((t) => document.querySelector('#updates')!.textContent!.includes(t), text)).toBe(true);
      expect(await page.count(OFFER)).toBe(0);
      await expect.poll(() => storedTexts(ext, ticket.id)).toEqual([]);

      await page.reload();
      await page.waitForSelector(FEATURE_DONE);
      expect(await page.count(OFFER)).toBe(0);
    });
  }

  test('the session expired before the save: after signing in again the text is offered', async ({ ext, sim }) => {
    const { page, ticket } = await open(ext, sim, 'aroy');
    const text = 'Written while the session ran out.';
    await page.type(BOX, text);
    await waitUntilKept(ext, ticket.id, text);
    await ext.clearCookies();
    await page.click('.form-actions button[type="submit"]');
    await page.click('[data-gta="unsigned-guard"] [data-gta-choice="as-is"]');
    // The editor's save got a 401: nothing was saved.
    await expect.poll(async () => (await postsFor(sim, ticket.id)).map((p) => p.status)).toEqual([401]);

    await sim.login('aroy');
    const again = await ext.openGocPage(sim.url(ticket.url));
    await again.waitForSelector(OFFER, { state: 'visible' });
    expect(await again.textOf(`${OFFER} [data-gta="draft-text"]`)).toBe(text);
  });
});
