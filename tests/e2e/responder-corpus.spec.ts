/**
 * The responder corpus (issue 14, tests/fixtures/responders-corpus) on real pages: the simulator
 * renders every case into closed tickets tagged `responder-corpus` (tests/goc-sim/corpus.mjs); each
 * badge's data-gta-responder and data-gta-role must equal the case's expected name and role.
 */
import { expect, test } from './fixtures';
import { readUpdates, teamConfig, ticketsTagged, truthAt } from './ticket-helpers';

test.describe('responder badges on the corpus', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.clearStorage();
    await ext.importConfig(teamConfig());
  });

  test('every corpus update shows the expected name and role', async ({ ext, sim }) => {
    test.setTimeout(300_000);
    await sim.login('aroy');
    const tickets = await ticketsTagged(sim, 'responder-corpus');
    expect(tickets.reduce((n, t) => n + t.updates.length, 0)).toBeGreaterThanOrEqual(150);
    const wrong: string[] = [];
    let checked = 0;
    for (const ticket of tickets) {
      const page = await ext.openGocPage(sim.url(ticket.url));
      await page.waitForFunction(
        (n) => document.querySelectorAll('#updates > .update_description > .header > [data-gta="responder-badge"]').length === n,
        ticket.updates.length,
      );
      const updates = await readUpdates(page);
      expect(updates.length, `#${ticket.id} updates on the page`).toBe(ticket.updates.length);
      for (const u of updates) {
        const truth = truthAt(ticket, u.datetime);
        expect(truth, `#${ticket.id} update at ${u.datetime}`).toBeDefined();
        expect(u.badges, `#${ticket.id} ${truth!.kind}: one badge`).toBe(1);
        checked += 1;
        if (u.responder !== truth!.expected.responder || u.role !== truth!.expected.role) {
          wrong.push(`${truth!.kind}: got ${u.responder} (${u.role}), expected ${truth!.expected.responder} (${truth!.expected.role})`);
        }
      }
      await page.close();
    }
    // Listed all at once, so one run shows every wrong badge.
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(150);
  });
});
