#!/usr/bin/env node
/**
 * Browser check of the simulator in Debian Chromium (no extension): pages load without console
 * errors, the page's own scripts behave (DataTables, timeago, Show More, the editor's AJAX save,
 * the read-only form's POST), and no XSS payload runs in the page itself.
 *   node tests/goc-sim/smoke.mjs [--https]
 * Exits non-zero on the first failed check. Not part of the unit suite (needs a browser).
 */
import { chromium } from 'playwright-core';
import { startSimulator } from './server.mjs';

const useHttps = process.argv.includes('--https');
const sim = await startSimulator({ port: 0, https: useHttps });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', ...(useHttps ? ['--ignore-certificate-errors'] : [])],
});
let failures = 0;
const check = (ok, what, extra = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${extra ? ` — ${extra}` : ''}`);
  if (!ok) failures++;
};

async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  const xss = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.text().includes('GTA-XSS-EXECUTED')) xss.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    xss.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  return { page, errors, xss };
}

const tickets = await sim.control('/__sim/tickets');
const byTag = (tag) => tickets.filter((t) => t.tags.includes(tag));

try {
  // ---- guest -------------------------------------------------------------------------------
  const guest = await browser.newContext({ ignoreHTTPSErrors: true });
  {
    const { page, errors } = await newPage(guest);
    const long = byTag('long-signature')[0];
    await page.goto(`${sim.url}/${long.id}`);
    await page.waitForFunction(() => document.querySelector('time')?.textContent.includes('ago'));
    const info = await page.evaluate(() => ({
      nested: !!document.querySelector('.ticketgui #updates'),
      entries: document.querySelectorAll('#updates > .update_description').length,
      history: document.querySelectorAll('.update_history').length,
      menuUser: !!document.querySelector('#menu_user'),
      login: !!document.querySelector('a[href$="/sso/"]'),
      editor: !!document.querySelector('form#ticket_form'),
      masked: document.querySelector('#updates').textContent.includes('@....'),
      showMore: document.querySelectorAll('#updates pre div[id^="show_"] button.btn').length,
      hiddenDetail: [...document.querySelectorAll('#updates pre div.detail.hidden')].every((d) => getComputedStyle(d).display === 'none'),
    }));
    check(errors.length === 0, 'guest ticket page: no console errors', errors.join(' | '));
    check(info.nested, 'guest view: #updates nested inside .ticketgui (attachment-list quirk)');
    check(info.entries === long.updateCount, `guest view: ${info.entries} updates listed`, `expected ${long.updateCount}`);
    check(info.history === 0 && !info.menuUser && info.login && !info.editor, 'guest view: no history, Login link, no editor');
    check(info.masked, 'guest view: e-mails masked as local@....');
    check(info.showMore >= 1 && info.hiddenDetail, 'Show More button present and the rest hidden');
    await page.click('#updates pre div[id^="show_"] button.btn');
    await page.waitForFunction(() => [...document.querySelectorAll('#updates pre div.detail')].some((d) => getComputedStyle(d).display !== 'none'));
    check(true, 'Show More reveals the hidden part');
    await page.close();
  }
  {
    const { page, errors } = await newPage(guest);
    await page.goto(`${sim.url}/list/open`);
    await page.waitForSelector('.ticket-list', { state: 'visible' });
    const info = await page.evaluate(() => ({
      headers: document.querySelectorAll('#tickets thead th').length,
      rowCells: [...document.querySelectorAll('#tickets tbody tr')].map((r) => r.cells.length),
      toolbar: document.querySelectorAll('.toolbar li.coltog').length,
      hidden: document.querySelector('#tickets tbody').textContent.includes('(Hidden)'),
      filter: !!document.querySelector('#tickets_filter input'),
    }));
    check(errors.length === 0, 'list page: no console errors', errors.join(' | '));
    check(info.headers === 8, `list page: DataTables shows ${info.headers} columns`, 'expected 8');
    check(info.rowCells.length > 50 && info.rowCells.every((n) => n === 8), `list page: ${info.rowCells.length} rows of 8 cells`);
    check(info.toolbar === 19 && info.filter, 'list page: column toggles and global filter');
    check(info.hidden, 'list page: guests see (Hidden) CCs');
    await page.fill('input.search[data-pos="6"]', 'SOFTWARE TRIAGE');
    const filtered = await page.evaluate(() => document.querySelectorAll('#tickets tbody tr').length);
    // DataTables' search is a case-insensitive substring match on the cell (the list drops Security rows for a guest).
    const tickets = await sim.control('/__sim/tickets');
    const expected = tickets.filter((t) => t.flags.open && t.type !== 'Security' && /software triage/i.test(t.nextAction.replace(/\s+/g, ' '))).length;
    check(filtered === expected, `column search on Next Action filters to ${filtered} rows`, `expected ${expected}`);
    const cookie = (await guest.cookies()).find((c) => c.name === 'colsearch');
    check(!!cookie, 'colsearch cookie saved');
    await page.close();
  }
  // ---- editor round trip -----------------------------------------------------------------
  const editor = await browser.newContext({ ignoreHTTPSErrors: true });
  {
    const { page, errors } = await newPage(editor);
    const t = byTag('scenario-triaged-fresh')[0];
    await page.goto(`${sim.origin}/__sim/login?user=aroy&to=/goc/${t.id}`);
    await page.waitForSelector('form#ticket_form');
    const before = await page.evaluate(() => ({
      user: document.querySelector('#menu_user').textContent.trim(),
      sibling: !document.querySelector('.ticketgui #updates'),
      history: document.querySelectorAll('#updates > .update_history').length,
      meta: document.querySelectorAll('#updates > .meta_information').length,
      base: document.baseURI,
    }));
    check(before.user === 'Alain Roy' && before.sibling && before.history > 0, 'editor: #menu_user, #updates outside the form, history shown', JSON.stringify(before));
    // The page's own widgets: quick description replaces the textarea, item click toggles its box.
    await page.selectOption('select.quickdesc', 'Waiting for Response');
    await page.waitForFunction(() => document.querySelector('textarea.description').value.startsWith('We are waiting'));
    check(true, 'editor: quick description template replaces the textarea');
    const toggled = await page.evaluate(() => {
      const item = document.querySelector('#team_0__list .item');
      const box = item.querySelector('input');
      const before = box.checked;
      item.querySelector('label').click();
      const after = box.checked;
      item.querySelector('label').click();
      // The box's own inline onclick stops its click (helper.php): a document listener never sees it.
      let seen = 0;
      const count = () => seen++;
      document.addEventListener('click', count);
      box.click();
      const stopped = seen === 0 && box.checked !== before;
      box.click();
      document.removeEventListener('click', count);
      return before !== after && box.checked === before && stopped;
    });
    check(toggled, 'editor: clicking a checklist item toggles its box; the box stops its own click');
    const text = `Round trip ${Date.now()}\n\n------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org`;
    await page.fill('textarea.description', text);
    await page.click('#team_2__list .item:has(input[name="team_2[matyas]"]) label'); // Software is team_2, as on the real site
    await Promise.all([page.waitForEvent('load'), page.click('#ticket_form .form-actions button[type=submit]')]);
    await page.waitForSelector('.alert-success');
    const after = await page.evaluate(() => ({
      first: document.querySelector('#updates > .update_description pre').textContent,
      by: document.querySelector('#updates > .update_description .header b')?.textContent,
      alert: document.querySelector('.alert-success').textContent,
      matyas: document.querySelector('input[name="team_2[matyas]"]').checked,
    }));
    check(after.first.startsWith('Round trip') && after.by === 'Alain Roy', 'editor: the POSTed update is shown first after reload');
    check(after.alert.includes('Successfully updated ticket'), 'editor: success alert after the save');
    check(after.matyas, 'editor: assignee checkbox change saved');
    const log = await sim.control(`/__sim/updates?id=${t.id}`);
    check(log.length === 1 && log[0].description.replace(/\r\n/g, '\n') === text && log[0].route === 'viewer/update', 'control API: the POST is recorded');
    await page.reload();
    check(!(await page.$('.alert-success')), 'success alert shows only once');
    check(errors.length === 0, 'editor page: no console errors', errors.join(' | '));
    await page.close();
  }
  {
    // The fblist team (7, glidein): double click lists everyone, choosing adds a row, its inline
    // onclick removes it, and the save sends the hidden input.
    const { page, errors } = await newPage(editor);
    const t = byTag('triage-panel')[0];
    await page.goto(`${sim.url}/${t.id}`);
    const input = '#team_7__list input.autocomplete';
    await page.dblclick(input);
    await page.waitForSelector('ul.ui-autocomplete li:visible');
    const listed = await page.$$eval('ul.ui-autocomplete li', (li) => li.filter((x) => x.offsetParent).length);
    check(listed === 14, `editor: double click on the fblist lists all 14 glidein people (${listed})`);
    await page.click('ul.ui-autocomplete li:visible:has-text("Liam O\'Connor")');
    await page.fill(input, 'Kelly');
    await page.click('ul.ui-autocomplete li:visible:has-text("Kelly Fong")');
    const rows = () => page.$$eval('#team_7__list .fblist > div', (d) => d.map((x) => `${x.textContent.trim()}|${x.querySelector('input[type=hidden]')?.name}`));
    const added = await rows();
    check(added.join() === "Liam O'Connor|team_7[gf-loconnor],Kelly Fong|team_7[gf-kfong]", 'editor: choosing fblist members adds rows before the input', added.join());
    await page.click('#team_7__list .fblist > div:first-child i.icon-remove');
    check((await rows()).join() === 'Kelly Fong|team_7[gf-kfong]', "editor: an fblist row's remove icon removes it");
    await page.fill('input[name=next_action]', 'Kelly: factory entry');
    await Promise.all([page.waitForEvent('load'), page.click('#ticket_form .form-actions button[type=submit]')]);
    await page.waitForSelector('.alert-success');
    const saved = await sim.control(`/__sim/tickets/${t.id}`);
    check(saved.assignees.join() === 'osg-software-support-stream,gf-kfong' && saved.nextAction === 'Kelly: factory entry', 'editor: fblist choice saved', saved.assignees.join());
    check(errors.length === 0, 'editor page with the fblist: no console errors', errors.join(' | '));
    await page.close();
  }
  {
    const { page, errors } = await newPage(editor);
    const t = byTag('links')[0];
    await page.goto(`${sim.url}/${t.id}`);
    await page.waitForSelector('.select2-selection__choice span[data-ticket-id]');
    const chips = await page.$$eval('span[data-ticket-id]', (els) => els.map((e) => e.getAttribute('data-ticket-id')));
    check(chips.length === t.links.length, `editor: ticket links render as span[data-ticket-id] (${chips.join(', ')})`);
    check(errors.length === 0, 'editor page with select2 links: no console errors', errors.join(' | '));
    await page.close();
  }
  // ---- read-only logged-in viewer ----------------------------------------------------------
  const viewer = await browser.newContext({ ignoreHTTPSErrors: true });
  {
    const { page, errors } = await newPage(viewer);
    const t = byTag('scenario-email')[0];
    await page.goto(`${sim.origin}/__sim/login?user=viewer1&to=/${t.id}`);
    await page.waitForSelector('textarea.description');
    check(!(await page.$('form#ticket_form')) && !!(await page.$('form[action$="/viewer/updatebasic?id=' + t.id + '"]')), 'viewer: read-only form posting to updatebasic');
    await page.fill('textarea.description', 'A question from a read-only user.');
    await Promise.all([page.waitForEvent('load'), page.click('.form-actions button[type=submit]')]);
    await page.waitForSelector('.alert-success');
    const first = await page.evaluate(() => document.querySelector('#updates > .update_description pre').textContent);
    check(first.startsWith('A question from a read-only user.') && first.includes('by pat.viewer@umn.example.edu'), 'viewer: update shown with the by-email trailer');
    check(errors.length === 0, 'viewer page: no console errors', errors.join(' | '));
    await page.close();
  }
  // ---- XSS tickets: the page itself must not run any payload -------------------------------
  for (const ctx of [guest, editor]) {
    for (const t of byTag('xss')) {
      const { page, xss } = await newPage(ctx);
      await page.goto(`${sim.url}/${t.id}`);
      await page.waitForSelector('#updates');
      await page.waitForTimeout(300);
      const n = await page.evaluate(() => window.__gtaXss ?? 0);
      check(n === 0 && xss.length === 0, `xss ticket ${t.id}: no payload ran in the page`, xss.join(' | '));
      await page.close();
    }
    const { page, xss } = await newPage(ctx);
    await page.goto(`${sim.url}/list/open`);
    await page.waitForSelector('.ticket-list', { state: 'visible' });
    check((await page.evaluate(() => window.__gtaXss ?? 0)) === 0 && xss.length === 0, 'list page: no payload ran');
    await page.close();
  }
  // ---- special pages -----------------------------------------------------------------------
  {
    const { page } = await newPage(guest);
    await page.goto(`${sim.url}/1`);
    check((await page.textContent('body')).includes('can not be found'), 'unknown id: "can not be found" page');
    const sec = byTag('security')[0];
    await page.goto(`${sim.url}/${sec.id}`);
    check((await page.textContent('body')).includes('Permission Denied'), 'security ticket: denied for guests');
    await page.close();
  }
} finally {
  await browser.close();
  await sim.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);
