/**
 * Ticket page features (issue 3) on the simulator's seeded tickets, in the editor, the signed-in
 * read-only view and the guest view: responder badges against the simulator's ground truth, the
 * summary, the unsigned flag, the snippet picker (through the page's own submit), expert
 * suggestions ticking assignee boxes, and JIRA links.
 */
import { expect, test, type GtaPage, type SimHandle } from './fixtures';
import {
  expectedRole,
  postsFor,
  readUpdates,
  teamConfig,
  ticketTagged,
  ticketsTagged,
  truthAt,
  type TruthTicket,
} from './ticket-helpers';

/** Scenario tickets covering every way an author is found (seed.mjs "scenarios"). */
const SCENARIOS = [
  'scenario-triaged-fresh',
  'scenario-stale',
  'scenario-long-signature',
  'scenario-dn',
  'scenario-meta',
  'scenario-unsigned',
  'scenario-signature-only',
  'scenario-email',
  'scenario-history',
  'scenario-untriaged-ggus',
];

async function open(ext: import('./fixtures').ExtDriver, sim: SimHandle, ticket: TruthTicket): Promise<GtaPage> {
  return ext.openGocPage(sim.url(ticket.url));
}

/** Badges on the page = ground truth, one per update, never on history/meta blocks. */
async function expectBadgesMatchTruth(page: GtaPage, ticket: TruthTicket) {
  const updates = await readUpdates(page);
  expect(updates.length, `#${ticket.id} updates on the page`).toBe(ticket.updates.length);
  for (const u of updates) {
    const truth = truthAt(ticket, u.datetime);
    expect(truth, `#${ticket.id} update at ${u.datetime}`).toBeDefined();
    expect(u.badges, `#${ticket.id} ${truth!.kind}: one badge`).toBe(1);
    expect(
      { kind: truth!.kind, responder: u.responder, role: u.role, source: u.source },
      `#${ticket.id} u${truth!.uid}`,
    ).toEqual({
      kind: truth!.kind,
      responder: truth!.expected.responder,
      role: expectedRole(ticket, truth!),
      source: truth!.expectedSource,
    });
    expect(u.title ?? '').toMatch(/^Decided from /);
    expect(u.flagged, `#${ticket.id} u${truth!.uid} unsigned flag`).toBe(truth!.kind === 'goc-unsigned');
  }
  expect(await page.count('.update_history [data-gta], .meta_information [data-gta]')).toBe(0);
}

test.describe('responder badges', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('editor: every seeded scenario shows the right names, roles and sources', async ({ ext, sim }) => {
    await sim.login('aroy');
    for (const tag of SCENARIOS) {
      const ticket = await ticketTagged(sim, tag);
      const page = await open(ext, sim, ticket);
      expect(await page.count('form#ticket_form')).toBe(1);
      await expectBadgesMatchTruth(page, ticket);
      await page.close();
    }
  });

  test('read-only form and guest view show the same badges (guest: masked e-mails, no New Update box)', async ({ ext, sim }) => {
    const tags = ['scenario-email', 'scenario-dn', 'scenario-unsigned', 'scenario-untriaged-guest', 'scenario-untriaged-mixed-case'];
    for (const who of ['viewer1', null] as const) {
      if (who) await sim.login(who);
      else await sim.logout();
      for (const tag of tags) {
        const ticket = await ticketTagged(sim, tag);
        const page = await open(ext, sim, ticket);
        expect(await page.count('form#ticket_form')).toBe(0);
        expect(await page.count('textarea.description')).toBe(who ? 1 : 0);
        if (!who && tag === 'scenario-email') {
          // Guests see masked addresses, in bodies and in the "by" header.
          expect(await page.evaluate(() => document.querySelector('#updates')!.textContent!.includes('@....'))).toBe(true);
          expect(await page.evaluate(() => /@(?!\.\.\.\.)[\w-]+\.[a-z]{2,}/.test(document.querySelector('#updates')!.textContent!.replace(/osg@\S+/g, '')))).toBe(false);
        }
        await expectBadgesMatchTruth(page, ticket);
        expect(await page.count('[data-gta="snippet-picker"]')).toBe(who ? 1 : 0);
        await page.close();
      }
    }
  });

  test('badges survive timeago rewrites and stay one per update when updates are added', async ({ ext, sim }) => {
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
    const page = await open(ext, sim, ticket);
    const before = await readUpdates(page);
    // What timeago does every 30 s: rewrite every <time>'s text (in the page's own world).
    await page.evaluate(() => {
      document.querySelectorAll('#updates time').forEach((t, i) => (t.textContent = `${i + 2} days ago`));
    });
    // A new update element arrives (as a live page script could add one): it gets its badge too.
    await page.evaluate(() => {
      const first = document.querySelector('#updates > .update_description')!;
      const copy = first.cloneNode(true) as Element;
      copy.querySelectorAll('[data-gta]').forEach((n) => n.remove());
      copy.querySelector('time')!.setAttribute('datetime', '2000-01-01T00:00:00+00:00');
      first.parentElement!.insertBefore(copy, first);
    });
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#updates > .update_description')).every(
        (u) => u.querySelectorAll('.header [data-gta="responder-badge"]').length === 1,
      ),
    );
    const after = await readUpdates(page);
    expect(after.length).toBe(before.length + 1);
    expect(after.slice(1).map((u) => [u.responder, u.role, u.source, u.badges])).toEqual(
      before.map((u) => [u.responder, u.role, u.source, 1]),
    );
    expect(await page.count('[data-gta="responder-summary"]')).toBe(1);
  });
});

test.describe('summary and unsigned flag', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('the summary sits above Past Updates with counts, last responder and whose turn it is', async ({ ext, sim }) => {
    await sim.login('aroy');
    for (const tag of ['scenario-triaged-fresh', 'scenario-stale']) {
      const ticket = await ticketTagged(sim, tag);
      const page = await open(ext, sim, ticket);
      const summary = '[data-gta="responder-summary"]';
      await page.waitForSelector(summary);
      expect(
        await page.evaluate(() => {
          const s = document.querySelector('[data-gta="responder-summary"]')!;
          const u = document.querySelector('#updates')!;
          return !!(s.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING);
        }),
      ).toBe(true);
      const chronological = [...ticket.updates].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
      const last = chronological[chronological.length - 1];
      const lastRole = expectedRole(ticket, last);
      const state = lastRole === 'software' || lastRole === 'osg-staff' ? 'waiting-on-user' : 'waiting-on-us';
      expect(await page.attr(summary, 'data-gta-state')).toBe(state);
      expect(await page.attr('[data-gta="responder-summary"] [data-gta-last]', 'data-gta-last')).toBe(last.expected.responder);
      // Counts per responder equal the truth's.
      const counts = await page.$$eval('[data-gta="responder-summary"] li[data-gta-responder]', (lis) =>
        Object.fromEntries(lis.map((li) => [li.getAttribute('data-gta-responder'), Number(li.getAttribute('data-gta-count'))])),
      );
      const expected: Record<string, number> = {};
      for (const u of ticket.updates) {
        const name = u.expected.responder || 'Unknown';
        expected[name] = (expected[name] ?? 0) + 1;
      }
      expect(counts).toEqual(expected);
      expect(await page.textOf(summary)).toMatch(/First staff answer .* after the ticket was opened/);
      await page.close();
    }
  });

  test('only the unsigned staff update is flagged', async ({ ext, sim }) => {
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'scenario-unsigned');
    const page = await open(ext, sim, ticket);
    const updates = await readUpdates(page);
    const flagged = updates.filter((u) => u.flagged).map((u) => truthAt(ticket, u.datetime)?.kind);
    expect(flagged).toEqual(['goc-unsigned']);
    expect(await page.textOf('[data-gta="responder-summary"]')).toContain('1 unsigned update');
  });

  test('the manifest stylesheets style badges, the flag, the summary and the picker; none of ours is a <style> on the page', async ({ ext, sim }) => {
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'scenario-unsigned');
    const page = await open(ext, sim, ticket);
    await page.waitForSelector('[data-gta="snippet-picker"]');
    const styles = await page.evaluate(() => {
      const css = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const s = getComputedStyle(el);
        return { display: s.display, background: s.backgroundColor, color: s.color, border: s.borderTopWidth, overflow: s.overflowX };
      };
      return {
        software: css('[data-gta="responder-badge"][data-gta-role="software"]'),
        plain: css('[data-gta="responder-badge"]:not(.gta-badge-clip)'),
        flag: css('[data-gta="unsigned-flag"]'),
        summary: css('[data-gta="responder-summary"]'),
        picker: css('[data-gta="snippet-picker"]'),
        ourStyleElements: Array.from(document.querySelectorAll('style[data-gta]')).map((s) => s.getAttribute('data-gta')),
      };
    });
    // features/shared/styles/ticket.css and update.css, injected at document_start by the manifest.
    expect(styles.software).toMatchObject({ background: 'rgb(29, 79, 145)', color: 'rgb(255, 255, 255)', border: '0px' });
    // Plain inline boxes; only a text that may reach the 24em cap gets the clipping box (the hostile
    // names of the xss tickets are long enough).
    expect(styles.plain).toMatchObject({ display: 'inline', overflow: 'visible' });
    const clipped: { display: string; overflow: string; width: number }[] = [];
    for (const xss of await ticketsTagged(sim, 'xss')) {
      const other = await open(ext, sim, xss);
      clipped.push(
        ...(await other.evaluate(() =>
          Array.from(document.querySelectorAll('[data-gta="responder-badge"].gta-badge-clip'), (el) => {
            const s = getComputedStyle(el);
            return { display: s.display, overflow: s.overflowX, width: el.getBoundingClientRect().width };
          }),
        )),
      );
      await other.close();
    }
    expect(clipped.length).toBeGreaterThan(0);
    for (const box of clipped) {
      expect(box).toMatchObject({ display: 'inline-block', overflow: 'hidden' });
      expect(box.width).toBeLessThanOrEqual(24 * 11 + 2 * 7 + 1); // 24em of 11px text, its padding, rounding
    }
    expect(styles.flag).toMatchObject({ display: 'inline-block', background: 'rgb(255, 244, 206)', border: '1px' });
    expect(styles.summary).toMatchObject({ display: 'block', background: 'rgb(247, 247, 249)', border: '1px' });
    expect(styles.picker).toMatchObject({ display: 'flex' });
    expect(styles.ourStyleElements.filter((m) => /^(ticket|update|triage)-styles$/.test(m ?? ''))).toEqual([]);
  });
});

test.describe('snippets', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ features: { unsignedGuard: false } }));
  });

  for (const who of ['aroy', 'viewer1'] as const) {
    test(`${who === 'aroy' ? 'editor' : 'read-only form'}: a snippet goes in at the cursor and the page's own submit sends it`, async ({ ext, sim }) => {
      await sim.login(who);
      const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
      const page = await open(ext, sim, ticket);
      await page.waitForSelector('[data-gta="snippet-picker"] select');
      const names = await page.$$eval('[data-gta="snippet-picker"] option', (os) => os.map((o) => o.textContent));
      expect(names[1]).toMatch(/osg-system-profiler/);

      await page.fill('textarea.description', 'First line\nSecond line');
      // Caret after "First line", as a user would leave it, then pick the profiler snippet.
      await page.evaluate(() => {
        const ta = document.querySelector('textarea.description') as HTMLTextAreaElement;
        ta.focus();
        ta.setSelectionRange(10, 10);
        const select = document.querySelector('[data-gta="snippet-picker"] select') as HTMLSelectElement;
        select.value = '0';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      const value = await page.evaluate(() => (document.querySelector('textarea.description') as HTMLTextAreaElement).value);
      const first = ticket.submitter.name.split(' ')[0];
      expect(value.startsWith('First line\nHi ' + first + ',\n')).toBe(true);
      expect(value).toContain('osg-system-profiler');
      expect(value.endsWith('\nSecond line')).toBe(true);
      expect(value).not.toMatch(/\{(submitter|ticket|title|me|owner|days_since_update)\}/);
      // The picker resets, ready for another snippet.
      expect(await page.evaluate(() => (document.querySelector('[data-gta="snippet-picker"] select') as HTMLSelectElement).value)).toBe('');

      await page.waitForNavigation(() => page.click('.form-actions button[type="submit"]'));
      const posts = await postsFor(sim, ticket.id);
      expect(posts.length).toBe(1);
      expect(posts[0].route).toBe(who === 'aroy' ? 'viewer/update' : 'viewer/updatebasic');
      expect(posts[0].description.replace(/\r\n/g, '\n')).toBe(value);
    });
  }
});

test.describe('expert suggestions', () => {
  const EXPERTS = [
    { topic: 'HTCondor-CE', keywords: ['HTCondor-CE', 'condor_ce_trace'], people: ['Tim Cartwright', 'Nobody Listed'] },
    { topic: 'Never matches', keywords: ['zzzz-no-such-word'], people: ['Carl Edquist'] },
  ];

  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ experts: EXPERTS, features: { unsignedGuard: false } }));
  });

  test('editor: a click ticks only that person\u2019s box, says when no box matches, and the page saves it', async ({ ext, sim }) => {
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
    const page = await open(ext, sim, ticket);
    const box = '[data-gta="expert-suggestions"]';
    await page.waitForSelector(box);
    const people = await page.$$eval(`${box} li[data-gta-person]`, (lis) => lis.map((li) => [li.getAttribute('data-gta-person'), li.getAttribute('data-gta-topics')]));
    expect(people).toEqual([
      ['Tim Cartwright', 'HTCondor-CE'],
      ['Nobody Listed', 'HTCondor-CE'],
    ]);
    const boxes = () =>
      page.$$eval('[id^="team_"][id$="__list"] input[type="checkbox"]', (inputs) =>
        inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).checked]),
      );
    const before = await boxes();
    await page.click(`${box} li[data-gta-person="Tim Cartwright"] button`);
    const after = await boxes();
    const changed = after.filter((b, i) => b[1] !== before[i][1]);
    expect(changed.length).toBe(1);
    expect(changed[0][0]).toMatch(/^team_\d+\[cat\]$/);
    expect(changed[0][1]).toBe(true);
    expect(await page.attr(`${box} li[data-gta-person="Tim Cartwright"]`, 'data-gta-state')).toBe('ticked');

    await page.click(`${box} li[data-gta-person="Nobody Listed"] button`);
    expect(await page.attr(`${box} li[data-gta-person="Nobody Listed"]`, 'data-gta-state')).toBe('missing');
    expect(await page.textOf(`${box} li[data-gta-person="Nobody Listed"]`)).toMatch(/No assignee box/);
    expect(await boxes()).toEqual(after);

    await page.fill('textarea.description', 'Adding Tim.\n\nAlain Roy');
    await page.waitForNavigation(() => page.click('.form-actions button[type="submit"]'));
    const [post] = await postsFor(sim, ticket.id);
    expect(Object.keys(post.fields)).toContain(changed[0][0] as string);
    const saved = await sim.control<{ assignees: string[] }>(`tickets/${ticket.id}`);
    expect(saved.assignees).toContain('cat');
  });

  test('read-only view lists the experts as text; a ticket with no match says so', async ({ ext, sim }) => {
    await sim.login('viewer1');
    const ce = await ticketTagged(sim, 'scenario-triaged-fresh');
    const page = await open(ext, sim, ce);
    await page.waitForSelector('[data-gta="expert-suggestions"] li');
    expect(await page.count('[data-gta="expert-suggestions"] button')).toBe(0);
    expect(await page.textOf('[data-gta="expert-suggestions"] li')).toContain('Tim Cartwright: HTCondor-CE');

    const other = await ticketTagged(sim, 'scenario-untriaged-ggus');
    const page2 = await open(ext, sim, other);
    await page2.waitForSelector('[data-gta="expert-suggestions"]');
    expect(await page2.attr('[data-gta="expert-suggestions"]', 'data-gta-count')).toBe('0');
    expect(await page2.textOf('[data-gta="expert-suggestions"]')).toContain('No expert topic matches');
  });
});

test.describe('JIRA links', () => {
  test('keys become links to jira.baseUrl and "New JIRA issue" is prefilled; nothing without a base URL', async ({ ext, sim }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig({ jira: { baseUrl: 'https://jira.example.org', projectKey: 'SOFTWARE', projectId: '10400' } }));
    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'staff-opened');
    const page = await open(ext, sim, ticket);
    await page.waitForSelector('a[data-gta="jira-link"]');
    const links = await page.$$eval('a[data-gta="jira-link"]', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toContainEqual(['SOFTWARE-4711', 'https://jira.example.org/browse/SOFTWARE-4711']);
    // The body text is unchanged around the link (wrapped in place).
    expect(await page.evaluate(() => document.querySelector('a[data-gta="jira-link"]')!.parentElement!.textContent)).toContain(
      'upstream ticket is SOFTWARE-4711.',
    );
    const href = await page.attr('[data-gta="jira-new"]', 'href');
    const url = new URL(href!);
    expect(`${url.origin}${url.pathname}`).toBe('https://jira.example.org/secure/CreateIssueDetails!init.jspa');
    expect(url.searchParams.get('pid')).toBe('10400');
    expect(url.searchParams.get('summary')).toBe(`GOC ${ticket.id}: ${ticket.title}`);
    expect(url.searchParams.get('description')).toContain(`https://ticket.opensciencegrid.org${ticket.base}/${ticket.id}`);

    await ext.importConfig(teamConfig({ jira: { baseUrl: '' } }));
    const plain = await open(ext, sim, ticket);
    expect(await plain.count('[data-gta="jira-new"], [data-gta="jira-link"]')).toBe(0);
    expect(await plain.count('[data-gta="responder-badge"]')).toBeGreaterThan(0);
  });
});

test.describe('options → ticket page', () => {
  test('snippets reordered and edited in the options page show up in the picker', async ({ ext, sim }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
    const options = await ext.openExtensionPage('options.html', { waitFor: '[data-gta="options-snippets"]' });
    const nameAt = (i: number) =>
      options.evaluate(
        (n) => (document.querySelector(`[data-gta="options-snippets"] [data-gta-index="${n}"] input[data-gta-field="name"]`) as HTMLInputElement).value,
        i,
      );
    const [first, second] = [await nameAt(0), await nameAt(1)];
    expect(first).toMatch(/osg-system-profiler/);
    await options.click('[data-gta="options-snippets"] [data-gta-index="1"] [data-gta-action="up"]');
    await options.fill('[data-gta="options-snippets"] [data-gta-index="0"] input[data-gta-field="name"]', 'Versions, please');
    await options.click('[data-gta="snippets-save"]');
    await options.waitForFunction(() => document.querySelector('[data-gta="options-snippets"] .gta-status')?.textContent === 'Saved.');
    const stored = await ext.getStorage('settings');
    expect(stored.settings.snippets.slice(0, 2).map((s: { name: string }) => s.name)).toEqual(['Versions, please', first]);

    await sim.login('aroy');
    const ticket = await ticketTagged(sim, 'scenario-triaged-fresh');
    const page = await open(ext, sim, ticket);
    const names = await page.$$eval('[data-gta="snippet-picker"] option', (os) => os.slice(1, 3).map((o) => o.textContent));
    expect(names).toEqual(['Versions, please', first]);
    expect(await nameAt(1)).toBe(first);
    expect(second).not.toBe(first);
  });
});
