#!/usr/bin/env node
/**
 * The demo (`npm run demo`): builds the Chrome extension, starts the GOC simulator over https,
 * configures the extension the way a user would (imports the team file through the options page,
 * with the rotation source pointing at the simulator's iCal feed), signs in as Alain Roy (aroy) and
 *  - with a display ($DISPLAY set): opens Chromium with the extension on a ticket page and stays
 *    open until Ctrl+C;
 *  - without one: writes screenshots of a ticket page (editor), its updates, its New Update box with
 *    the signature inserted, /list/open, the popup and the options page to artifacts/screenshots/,
 *    prints their paths and exits 0.
 *
 *   node scripts/demo.mjs            # as above
 *   node scripts/demo.mjs --docs     # also copy the screenshots the README shows to docs/screenshots/
 *   node scripts/demo.mjs --ticket N # show ticket N instead of the default showcase ticket
 *
 * Host names: Chromium maps ticket.opensciencegrid.org to the simulator (--host-resolver-rules), so
 * the production build runs unchanged. As root the simulator listens on 127.0.0.1:443 (so the same
 * URLs also work from other tools on this machine); otherwise, or when 443 is taken, on a free port:
 * Chromium's mapping includes the port, so the demo works the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchChromium } from '../tests/e2e/harness/launch.mjs';
import { startSimulator } from '../tests/goc-sim/server.mjs';
import { buildDir, buildTargets, REPO_ROOT } from './lib/build.mjs';

const GOC = 'https://ticket.opensciencegrid.org';
const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const DOCS = path.join(REPO_ROOT, 'docs', 'screenshots');
const USER = 'aroy';
const args = process.argv.slice(2);
const argValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const headed = Boolean(process.env.DISPLAY) && !args.includes('--headless');

const say = (line) => console.log(`[demo] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSim() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    try {
      return await startSimulator({ port: 443, https: true, host: '127.0.0.1' });
    } catch (error) {
      say(`port 443 is not available (${error.code ?? error.message}); using a free port instead`);
    }
  } else {
    say('not root: the simulator cannot bind port 443, so it listens on a free port (Chromium maps the GOC host names to it)');
  }
  return startSimulator({ port: 0, https: true, host: '127.0.0.1' });
}

/** A ticket that shows many features at once: Software, several responders, a JIRA key. */
function showcaseTicket(tickets) {
  const wanted = Number(argValue('--ticket'));
  if (wanted) return wanted;
  const candidates = tickets.filter((t) => t.flags.software && !t.tags.includes('xss') && t.updateCount >= 5);
  const score = (t) => (t.tags.includes('jira') ? 4 : 0) + (t.tags.includes('overdue') ? 1 : 0) + Math.min(t.updateCount, 8);
  candidates.sort((a, b) => score(b) - score(a) || a.id - b.id);
  return (candidates[0] ?? tickets[0]).id;
}

/** The team file, with the rotation source set to the simulator's iCal feed. */
function teamConfigFile() {
  const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/team-config.json'), 'utf8'));
  config.rotation = { ...(config.rotation ?? {}), source: `${GOC}/rotation/triage.ics` };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gta-demo-')), 'team-config.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Imports the team file exactly as a user does: the options page's file input. */
async function importTeamConfig(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const input = page.locator('[data-gta="config-import"]');
  await input.waitFor({ state: 'attached', timeout: 15_000 });
  await input.setInputFiles(teamConfigFile());
  // The page previews the file first: take its identity too, then Apply.
  const preview = page.locator('[data-gta="config-import-preview"], [data-gta="config-import-error"]').first();
  await preview.waitFor({ timeout: 15_000 });
  if ((await preview.getAttribute('data-gta')) === 'config-import-preview') {
    const identity = page.locator('[data-gta="config-import-identity"]');
    if ((await identity.count()) > 0) await identity.check();
    await page.locator('[data-gta="config-import-apply"]').click();
  }
  const verdict = page.locator('[data-gta="config-import-ok"], [data-gta="config-import-error"]').first();
  await verdict.waitFor({ timeout: 15_000 });
  const text = (await verdict.textContent())?.trim().replace(/\s+/g, ' ');
  if ((await verdict.getAttribute('data-gta')) !== 'config-import-ok') throw new Error(`the options page refused the team file: ${text}`);
  say(`team config imported through the options page: ${text?.slice(0, 120)}`);
  return page;
}

/** Waits for a selector but never fails the demo over a feature that is absent. */
async function settle(page, selector, timeout = 10_000) {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
    return true;
  } catch {
    say(`(not shown: ${selector})`);
    return false;
  }
}

async function main() {
  const built = await buildTargets(['chromium'], { quiet: true, log: say });
  if (built.chromium.code !== 0) {
    console.error(built.chromium.output);
    throw new Error('the Chrome build failed');
  }
  const sim = await startSim();
  say(`simulator: ${sim.origin} (serves ${GOC}/ through Chromium's host mapping)`);
  const { context, extensionId, close } = await launchChromium({
    chromium,
    extensionDir: buildDir('chromium'),
    simPort: sim.port,
    headless: !headed,
    viewport: headed ? null : { width: 1280, height: 900 },
  });
  let closing = false;
  const shutdown = async (code) => {
    if (closing) return;
    closing = true;
    await close();
    await sim.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const tickets = await sim.control('/__sim/tickets');
    const ticketId = showcaseTicket(Array.isArray(tickets) ? tickets : tickets.tickets);
    const options = await importTeamConfig(context, extensionId);

    // Sign in (the simulator's session cookie), then let the background check the queue with it.
    const ticket = await context.newPage();
    await ticket.goto(`${GOC}/__sim/login?user=${USER}&to=${encodeURIComponent(`/${ticketId}`)}`);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    if (await settle(popup, '[data-gta="queue-check-now"]')) {
      await popup.locator('[data-gta="queue-check-now"]').click();
      await popup.waitForFunction(() => !document.querySelector('[data-gta="queue-check-now"]')?.hasAttribute('disabled'), null, { timeout: 30_000 }).catch(() => undefined);
    }

    await ticket.bringToFront();
    await ticket.reload();
    await ticket.locator('html[data-gta-features]').waitFor({ state: 'attached', timeout: 20_000 });
    say(`ticket ${ticketId} open, signed in as ${USER}; features: ${await ticket.locator('html').getAttribute('data-gta-features')}`);

    if (headed) {
      await options.close();
      await popup.close();
      say(`Chromium is open on ${GOC}/${ticketId}. Also try ${GOC}/list/open and the toolbar popup. Ctrl+C to quit.`);
      await new Promise(() => undefined); // until SIGINT
    }

    fs.mkdirSync(SHOTS, { recursive: true });
    const written = [];
    const shot = async (page, name, options = {}) => {
      const file = path.join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, ...options });
      written.push(file);
    };
    /** Scrolls so `selector` sits just below the fixed navbar (40 px). */
    const scrollTo = (page, selector) =>
      page.locator(selector).first().evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));

    // 1. Ticket page, top: the duty banner, the editor, expert suggestions.
    await settle(ticket, '[data-gta="duty-banner"]', 5000);
    await sleep(500);
    await shot(ticket, 'ticket-editor');
    // 2. The same ticket's Past Updates: the responder summary and badges.
    if (await settle(ticket, '[data-gta="responder-summary"], #updates')) {
      await scrollTo(ticket, '[data-gta="responder-summary"], #updates');
      await sleep(300);
      await shot(ticket, 'ticket-updates');
    }
    // 3. The New Update box with the signature inserted and the snippet picker.
    if (await settle(ticket, '[data-gta="signature-button"]')) {
      await ticket.locator('textarea.description').first().fill('Hi Adaeze,\n\nCould you run osg-system-profiler on the CE and attach the output?\n');
      await ticket.locator('[data-gta="signature-button"]').first().click();
      await scrollTo(ticket, 'textarea.description');
      await ticket.evaluate(() => window.scrollBy(0, -120));
      await sleep(300);
      await shot(ticket, 'ticket-new-update');
    }

    // 4. Triage in one step: the panel on an untriaged Software ticket, owners chosen and applied
    // (never submitted), then the keep-Software question and the close checklist on the same page.
    const triageTicket = (Array.isArray(tickets) ? tickets : tickets.tickets).find((t) => t.tags.includes('triage-panel'));
    if (triageTicket) {
      const triage = await context.newPage();
      await triage.goto(`${GOC}/${triageTicket.id}`);
      await triage.locator('html[data-gta-features]').waitFor({ state: 'attached', timeout: 20_000 });
      if (await settle(triage, '[data-gta="triage-panel"][data-gta-ready="true"]', 15_000)) {
        const owners = triage.locator('[data-gta="triage-owner"]');
        // One owner from the autocomplete (fblist) team and one from a checklist team.
        for (const i of [0, 2]) if ((await owners.count()) > i) await owners.nth(i).click();
        await triage.locator('[data-gta="triage-next-action-preset"]').first().click().catch(() => undefined);
        await triage.locator('[data-gta="triage-nad-preset"][data-gta-days="2"]').click().catch(() => undefined);
        await triage.locator('[data-gta="triage-apply"]').click();
        await scrollTo(triage, '[data-gta="triage-panel"]');
        await sleep(300);
        await shot(triage, 'triage-panel');
        // Untick the Software pseudo-user and press Update: the guard asks before anything is saved.
        const software = triage.locator('input[type="checkbox"][name$="[osg-software-support-stream]"]');
        if (await software.count()) {
          await software.uncheck();
          await triage.locator('form#ticket_form button[type="submit"]').first().click();
          if (await settle(triage, '[data-gta="keep-software-guard"]', 5000)) {
            await scrollTo(triage, '[data-gta="submit-questions"], [data-gta="keep-software-guard"]');
            await triage.evaluate(() => window.scrollBy(0, -200));
            await sleep(300);
            await shot(triage, 'keep-software-guard');
          }
        }
      }
      await triage.reload();
      await triage.locator('html[data-gta-features]').waitFor({ state: 'attached', timeout: 20_000 });
      await triage.locator('select[name="status"]').selectOption('Resolved').catch(() => undefined);
      if (await settle(triage, '[data-gta="close-checklist"]', 5000)) {
        await scrollTo(triage, 'select[name="status"]');
        await triage.evaluate(() => window.scrollBy(0, -120));
        await sleep(300);
        await shot(triage, 'close-checklist');
      }
      await triage.close();
    }

    // 5. The open-ticket list, Software queue only, with the untriaged / stale / overdue flags.
    const list = await context.newPage();
    await list.goto(`${GOC}/list/open`);
    await list.locator('html[data-gta-features]').waitFor({ state: 'attached', timeout: 20_000 });
    if (await settle(list, '[data-gta="software-filter"]', 15_000)) {
      if ((await list.locator('[data-gta="software-filter"]').getAttribute('aria-pressed')) !== 'true') {
        await list.locator('[data-gta="software-filter"]').click();
      }
    }
    await settle(list, '[data-gta="row-flag"]', 15_000);
    // Sort by Next Action, descending: the untriaged ("SOFTWARE TRIAGE") rows come first.
    const nextAction = list.locator('table#tickets thead th', { hasText: 'Next Action' }).first();
    if (await nextAction.count()) {
      // The header cell also holds a filter input: click its label line, not the input.
      const box = await nextAction.boundingBox();
      const label = { x: (box?.width ?? 40) / 2, y: 8 };
      await nextAction.click({ position: label });
      await nextAction.click({ position: label });
    }
    await sleep(500);
    await shot(list, 'list-open');

    // 6. The popup at its real width, 7. the options page.
    await popup.bringToFront();
    await popup.reload();
    await settle(popup, '[data-gta="queue-count"]', 15_000);
    await sleep(800);
    await shot(popup, 'popup', { fullPage: true });

    await options.bringToFront();
    await options.reload();
    await settle(options, '#app > :not(.gta-loading)');
    await sleep(500);
    await shot(options, 'options');
    await shot(options, 'options-full', { fullPage: true });

    if (args.includes('--docs')) {
      fs.mkdirSync(DOCS, { recursive: true });
      for (const name of ['ticket-editor', 'ticket-updates', 'ticket-new-update', 'triage-panel', 'keep-software-guard', 'close-checklist', 'list-open', 'popup', 'options']) {
        const from = path.join(SHOTS, `${name}.png`);
        if (fs.existsSync(from)) fs.copyFileSync(from, path.join(DOCS, `${name}.png`));
      }
      // A fresh install opens the options page on the Welcome: the README shows it under that name.
      if (fs.existsSync(path.join(SHOTS, 'options.png'))) fs.copyFileSync(path.join(SHOTS, 'options.png'), path.join(DOCS, 'welcome.png'));
      say(`copied to ${path.relative(REPO_ROOT, DOCS)}/`);
    }
    say('screenshots:');
    for (const file of written) console.log(file);
    await shutdown(0);
  } catch (error) {
    console.error(`[demo] failed: ${error.stack ?? error}`);
    await shutdown(1);
  }
}

await main();
