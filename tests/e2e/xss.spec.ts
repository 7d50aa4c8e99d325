/**
 * Untrusted text never runs (issues 3 and 10). At least 60 payloads (tests/goc-sim/xss.mjs: script
 * tags, on* handlers, javascript:/data: URLs, entity-encoded, escaped, bidi and context breakers) go
 * through every place we show outside text: the simulator's `xss` tickets (titles, bodies, submitter
 * names and e-mails, "by" headers, signatures, trailers), team-file roster names, snippet names,
 * expert topics and people, the rotation feed's names, list page cells, the popup's untriaged titles
 * and the notifications. No payload may run (no dialog, no console marker, no `window.__gtaXss`),
 * our UI holds text only, and the hostile names show as exact text. Every "nothing ran" check first
 * waits for a positive signal (our UI rendered, then tests/e2e/xss-detect.ts settle()), and loops
 * assert how many items they checked. The canary proves the detector: a payload put into our UI
 * through innerHTML on purpose is reported by the same code.
 */
// @ts-expect-error plain ESM module without types
import { XSS_PAYLOADS } from '../goc-sim/xss.mjs';
import { expect, test, type ExtDriver, type GtaPage, type SimHandle } from './fixtures';
import { notifyingClockOffsetMs } from './queue-clock';
import { decodeEntities, expectedRole, readUpdates, teamConfig, ticketsTagged, truthAt, type TruthTicket } from './ticket-helpers';
import { xssFindings } from './xss-detect';

const PAYLOADS = XSS_PAYLOADS as string[];
const BASE = teamConfig();

/** Roster, expert and snippet names made of payloads (prefixed: they must not be the tickets' own authors). */
const rosterName = (p: string, i: number) => `T${i} ${p}`;
const expertName = (p: string, i: number) => `E${i} ${p}`;

const CONFIG = teamConfig({
  team: [...BASE.team, ...PAYLOADS.map((p, i) => ({ name: rosterName(p, i), role: 'software', emails: [`t${i}@team.example.org`] }))],
  experts: [
    { topic: 'Hostile <b>topic</b> <img src=x onerror=alert(1)>', keywords: ['onerror', 'script', 'javascript'], people: ['<svg onload=alert(2)>', 'Brian Lin'] },
    ...PAYLOADS.map((p, i) => ({ topic: p, keywords: ['onerror'], people: [expertName(p, i)] })),
  ],
  jira: { baseUrl: 'https://jira.example.org', projectKey: 'SOFTWARE', projectId: '1' },
  snippets: [
    { name: 'Echo <i>title</i>', text: 'Title: {title}\nSubmitter: {submitter}\nTicket: {ticket}' },
    ...PAYLOADS.map((p) => ({ name: p, text: 'Plain text.' })),
  ],
  features: { unsignedGuard: true },
});

async function expectClean(page: GtaPage, where: string, options?: Parameters<typeof xssFindings>[1]) {
  expect(await xssFindings(page, options), where).toEqual([]);
}

/**
 * Guests see e-mails masked (`local@....`) and never the submitter's e-mail, so an author known only
 * by an address cannot always be named: the badge then shows the address itself, as text.
 */
function addressOnlyForGuest(u: TruthTicket['updates'][number], shown: string | null, guest: boolean): boolean {
  return guest && /\nby [^\n]*@[^\n]*$/.test(u.bodyText) && shown !== decodeEntities(u.expected.responder) && !!shown?.includes('@');
}

/** Checks one ticket page; returns how many badges it compared with the ground truth. */
async function checkTicket(page: GtaPage, ticket: TruthTicket, where: string, guest = false): Promise<number> {
  await page.waitForSelector('[data-gta="responder-summary"]');
  await expectClean(page, where);
  const updates = await readUpdates(page);
  expect(updates.length, where).toBe(ticket.updates.length);
  for (const u of updates) {
    const truth = truthAt(ticket, u.datetime)!;
    expect(truth, `${where} ${u.datetime}`).toBeDefined();
    const name = decodeEntities(truth.expected.responder);
    if (addressOnlyForGuest(truth, u.responder, guest)) {
      expect(u.source, `${where} u${truth.uid}`).toBe('trailer');
      expect(u.text).toContain(u.responder!);
      continue;
    }
    // A guest page never shows the submitter's e-mail, so a trailer that gives only an address cannot
    // be tied to anyone there: the name then comes from the body (a signed or known name wins over an
    // unknown address, issue 14). Name and role must still be exactly right.
    const guestAddressTrailer = guest && /\nby [^\n]*@[^\n]*$/.test(truth.bodyText);
    const source = guestAddressTrailer && ['signature', 'roster'].includes(u.source ?? '') ? truth.expectedSource : u.source;
    expect({ kind: truth.kind, responder: u.responder, role: u.role, source }, `${where} u${truth.uid}`).toEqual({
      kind: truth.kind,
      responder: name,
      role: expectedRole(ticket, truth),
      source: truth.expectedSource,
    });
    // The name is shown as text, exactly.
    if (name) expect(u.text, `${where} u${truth.uid} badge text`).toContain(name);
  }
  return updates.length;
}

/** Texts of the matching elements (attribute or textContent), in the page. */
async function texts(page: GtaPage, selector: string, attr?: string): Promise<string[]> {
  return page.$$eval(selector, (els, a) => els.map((el) => (a ? el.getAttribute(a) ?? '' : el.textContent ?? '')), attr);
}

/** The expert suggestions show every payload topic's person, exactly, as text. */
async function checkExperts(page: GtaPage, where: string): Promise<number> {
  const people = await texts(page, '[data-gta="expert-suggestions"] li', 'data-gta-person');
  const expected = PAYLOADS.map(expertName);
  const shown = people.filter((p) => expected.includes(p));
  expect(shown.length, `${where}: hostile expert people shown`).toBeGreaterThanOrEqual(60);
  const topics = (await texts(page, '[data-gta="expert-suggestions"] li', 'data-gta-topics')).join('\n');
  expect(PAYLOADS.filter((p) => topics.includes(p)).length, `${where}: hostile topics shown`).toBeGreaterThanOrEqual(60);
  return shown.length;
}

test.describe('XSS payloads in ticket text', () => {
  test('the corpus has at least 60 distinct payloads and the seed carries them all in the xss tickets', async ({ sim }) => {
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(60);
    const tickets = await ticketsTagged(sim, 'xss');
    expect(tickets.length).toBeGreaterThanOrEqual(3);
    const haystack = tickets
      .map((t) => [t.title, t.submitter.name, t.submitter.email, JSON.stringify(t.metadata), ...t.updates.flatMap((u) => [u.stamp, u.body])].join('\n'))
      .join('\n');
    const present = PAYLOADS.filter((p) => haystack.includes(p));
    expect(present.length).toBe(PAYLOADS.length);
  });

  for (const who of ['guest', 'viewer1', 'aroy'] as const) {
    test(`${who}: no payload runs; badges, experts, snippets and roster names show hostile text as text`, async ({ ext, sim }) => {
      await ext.clearStorage();
      await ext.importConfig(CONFIG);
      if (who !== 'guest') await sim.login(who);
      const tickets = await ticketsTagged(sim, 'xss');
      let badges = 0;
      let experts = 0;
      let snippets = 0;
      let roster = 0;
      for (const ticket of tickets) {
        const page = await ext.openGocPage(sim.url(ticket.url));
        const where = `${who} #${ticket.id}`;
        expect((await page.attr('html', 'data-gta-features')) ?? '').not.toMatch(/:failed/);
        badges += await checkTicket(page, ticket, where, who === 'guest');
        // Hostile text goes through the expert matcher, hostile topics and people come out as text.
        expect(await page.count('[data-gta="expert-suggestions"]')).toBe(1);
        experts += await checkExperts(page, where);
        if (who !== 'guest') {
          // Every snippet name is an option's exact text.
          const options = await texts(page, '[data-gta="snippet-picker"] option');
          const named = PAYLOADS.filter((p) => options.includes(p.trim()));
          expect(named.length, `${where}: snippet names`).toBe(PAYLOADS.length);
          snippets += named.length;
          // A snippet copies the hostile title and submitter into the box: as text, nothing runs.
          await page.evaluate(() => {
            const select = document.querySelector('[data-gta="snippet-picker"] select') as HTMLSelectElement;
            select.value = '0';
            select.dispatchEvent(new Event('change', { bubbles: true }));
          });
          const value = await page.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value);
          expect(value).toContain(`Title: ${decodeEntities(ticket.title)}\n`);
          expect(value).toContain(`Ticket: ${ticket.id}`);
          // The triage panel (editors, untriaged tickets) lists the team file's hostile names as text.
          if ((await page.count('[data-gta="triage-panel"]')) > 0) {
            const people = await texts(page, '[data-gta="triage-panel"] [data-gta-person]', 'data-gta-person');
            const hostile = people.filter((p) => PAYLOADS.some((x, i) => p === rosterName(x, i)));
            expect(hostile.length, `${where}: roster names in the triage panel`).toBeGreaterThanOrEqual(60);
            roster += hostile.length;
          }
          // The guard prompt, with hostile text in the box, is plain UI too.
          await page.click('.form-actions button[type="submit"]');
          await page.waitForSelector('[data-gta="unsigned-guard"]');
          await expectClean(page, `${where} guard`);
          await page.click('[data-gta="unsigned-guard"] [data-gta-choice="cancel"]');
        }
        await expectClean(page, `${where} after interaction`);
        await page.close();
      }
      // The loops really ran.
      expect(badges, `${who}: badges compared`).toBeGreaterThanOrEqual(10);
      expect(experts, `${who}: expert suggestions checked`).toBeGreaterThanOrEqual(3 * 60);
      if (who !== 'guest') expect(snippets, `${who}: snippet names checked`).toBeGreaterThanOrEqual(3 * 60);
      if (who === 'aroy') expect(roster, 'roster names checked in a triage panel').toBeGreaterThanOrEqual(60);
    });
  }
});

async function checkNow(popup: GtaPage): Promise<void> {
  const before = await popup.attr('[data-gta="queue-section"]', 'data-gta-checked-at');
  await popup.click('[data-gta="queue-check-now"]:not([disabled])');
  await popup.waitForFunction(
    (b) => {
      const section = document.querySelector<HTMLElement>('[data-gta="queue-section"]');
      return section?.dataset.gtaState === 'ok' && section.dataset.gtaCheckedAt !== b;
    },
    before,
    { timeout: 20_000 },
  );
}

async function notificationLog(ext: ExtDriver): Promise<{ id: string; title: string; message: string }[]> {
  return (await ext.getStorage('queue.notifications'))['queue.notifications'] ?? [];
}

/** New untriaged Software tickets whose titles are payloads (submitters too); returns their ids. */
async function hostileTickets(sim: SimHandle, payloads: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const p of payloads) {
    const t = await sim.control<{ id: number }>('tickets', { title: p, submitter: { name: p, email: 'hostile@evil.example.com' } });
    ids.push(t.id);
  }
  return ids;
}

test.describe('XSS payloads in the list page, the popup and notifications', () => {
  test('list cells, popup titles and notification texts stay text', async ({ ext, sim }) => {
    await ext.clearStorage();
    await ext.extensionEval(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.deleteDatabase('gta-queue');
          req.onsuccess = req.onerror = () => resolve(null);
          setTimeout(() => resolve(null), 5000);
        }),
    );
    await ext.importConfig({ ...CONFIG, notifications: { newTicket: 'always', middayNudge: false }, schedule: { workStart: '00:00', workEnd: '23:59' }, queue: { timeoutSeconds: 5 } });
    const offset = notifyingClockOffsetMs();
    if (offset) await ext.setStorage({ 'debug.queueClockOffsetMs': offset });
    await sim.login('aroy');
    const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
    await checkNow(popup); // silent baseline

    // One new ticket: its notification's text is the title exactly (plain text, nothing parsed or dropped).
    const [first] = await hostileTickets(sim, [PAYLOADS[1]]);
    await checkNow(popup);
    await expect.poll(async () => (await notificationLog(ext)).find((n) => n.id.includes(String(first)))?.message ?? null).toBe(PAYLOADS[1]);

    // The rest at once: a summary whose lines are "<id>: <title>", exactly.
    const ids = await hostileTickets(sim, PAYLOADS.filter((_, i) => i !== 1));
    await checkNow(popup);
    const summary = await expect
      .poll(async () => (await notificationLog(ext)).find((n) => /new Software tickets/.test(n.title))?.message ?? '')
      .not.toBe('')
      .then(async () => (await notificationLog(ext)).find((n) => /new Software tickets/.test(n.title))!.message);
    const lines = summary.split('\n').filter((l) => /^\d+: /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const [, id, title] = /^(\d+): ([\s\S]*)$/.exec(line)!;
      expect(ids.map(String)).toContain(id);
      expect(PAYLOADS).toContain(title);
    }

    // The popup lists every hostile untriaged title as exact text.
    await popup.close();
    const fresh = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"][data-gta-state="ok"]' });
    // The lists fill in after the first frame (the tickets are read from the local history): wait for them.
    const shownTitles = async () => {
      const titles = await fresh.$$eval('[data-gta-list="untriaged"] li[data-gta-ticket] .gta-queue-title', (els) => els.map((e) => e.textContent ?? ''));
      return PAYLOADS.filter((p) => titles.includes(p)).length;
    };
    await expect.poll(shownTitles, { message: 'hostile titles in the popup', timeout: 15_000 }).toBeGreaterThanOrEqual(60);
    await expectClean(fresh, 'popup', { ours: 'body', allow: ['details', 'script', 'svg', 'link', 'meta', 'body'] });
    expect(await fresh.count('body script:not([src])'), 'inline scripts in the popup').toBe(0);

    // The list page: every hostile row is flagged untriaged, the cells stay the page's text.
    const list = await ext.openGocPage(sim.url('/list/open'));
    await list.waitForSelector('[data-gta="row-flag"]');
    const flagged = await list.$$eval(
      'tr',
      (rows, payloads) => rows.filter((r) => r.querySelector('[data-gta="row-flag"][data-gta-kind="untriaged"]') && payloads.some((p) => (r.textContent ?? '').includes(p))).length,
      PAYLOADS,
    );
    expect(flagged, 'hostile rows flagged on the list page').toBeGreaterThanOrEqual(60);
    await expectClean(list, 'list page');
  });
});

test.describe('XSS payloads in the rotation feed', () => {
  test('the banner and the popup show hostile duty names as text', async ({ ext, sim }) => {
    await ext.clearStorage();
    const source = sim.url('/rotation/xss.json');
    await ext.importConfig({ ...CONFIG, rotation: { source, timeZone: 'America/Chicago' } });
    await expect.poll(async () => (await ext.getStorage('rotation.cache'))['rotation.cache']?.status?.lastGoodSource ?? null, { timeout: 20_000 }).toBe(source);
    // The parser tidies a name (spaces, trailing punctuation, quotes) but keeps it text: each stored
    // person is still recognisably its payload.
    const weeks: { week: string; person: string }[] = (await ext.getStorage('rotation.cache'))['rotation.cache'].weeks;
    const hostileWeeks = weeks.filter((w) => w.person.includes('__gtaXss'));
    expect(hostileWeeks.length, 'hostile names stored').toBeGreaterThanOrEqual(60);
    expect(new Set(hostileWeeks.map((w) => w.person)).size, 'distinct hostile names stored').toBeGreaterThanOrEqual(60);

    const tickets = await ticketsTagged(sim, 'xss');
    const page = await ext.openGocPage(sim.url(tickets[0].url));
    await page.waitForSelector('[data-gta="duty-banner"]');
    const duty = await page.attr('[data-gta="duty-banner"]', 'data-gta-duty');
    const next = await page.attr('[data-gta="duty-banner"]', 'data-gta-next');
    const shown = [duty, next].filter((n): n is string => !!n && n.includes('__gtaXss'));
    expect(shown.length, `hostile duty names on the banner (duty ${duty}, next ${next})`).toBeGreaterThanOrEqual(1);
    expect(hostileWeeks.map((w) => w.person)).toContain(shown[0]);
    const bannerText = await page.textOf('[data-gta="duty-banner"]');
    expect(bannerText).toContain(shown[0]);
    await expectClean(page, 'ticket page with a hostile rotation');

    const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="popup-duty"]' });
    expect(await popup.textOf('[data-gta="popup-duty"]')).toContain(shown[0]);
    await expectClean(popup, 'popup with a hostile rotation', { ours: 'body', allow: ['details', 'script', 'svg', 'link', 'meta', 'body'] });
  });
});

test.describe('the detector itself (canary)', () => {
  test('a payload put into our UI through innerHTML is reported by the same checks', async ({ ext, sim }) => {
    await ext.clearStorage();
    await ext.importConfig(CONFIG);
    const tickets = await ticketsTagged(sim, 'xss');
    const page = await ext.openGocPage(sim.url(tickets[0].url));
    await page.waitForSelector('[data-gta="responder-summary"]');
    await expectClean(page, 'before the canary');
    // The unsafe path our code never takes: innerHTML with outside text.
    await page.evaluate((payloads) => {
      const box = document.querySelector('[data-gta="responder-summary"]')!;
      box.insertAdjacentHTML('beforeend', payloads[1]); // <img src=x onerror=…>
      box.insertAdjacentHTML('beforeend', payloads[6]); // <a href="javascript:…">
    }, PAYLOADS);
    const findings = await xssFindings(page);
    expect(findings).toContain('window.__gtaXss = 1');
    expect(findings.some((f) => f.startsWith('console: ') && f.includes('GTA-XSS-EXECUTED'))).toBe(true);
    expect(findings).toContain('<img> inside our UI');
    expect(findings).toContain('img@onerror in our UI');
    expect(findings.some((f) => f.startsWith('a@href=javascript:'))).toBe(true);

    // In the popup an inline handler cannot run (the extension CSP), but the smuggled element is still found.
    const popup = await ext.openExtensionPage('popup.html', { waitFor: '[data-gta="queue-section"]' });
    await popup.evaluate((p) => document.querySelector('[data-gta="queue-section"]')!.insertAdjacentHTML('beforeend', p), PAYLOADS[1]);
    const popupFindings = await xssFindings(popup, { ours: 'body', allow: ['details', 'script', 'svg', 'link', 'meta', 'body'] });
    expect(popupFindings).toEqual(expect.arrayContaining(['<img> inside our UI', 'img@onerror in our UI']));
  });
});
