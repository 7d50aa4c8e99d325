/**
 * Self-tests of the e2e harness: every ExtDriver / GtaPage / SimHandle call behaves the same in
 * Chromium and Firefox. When one of these fails, fix the harness before reading feature failures.
 */
import fs from 'node:fs';
import { expect, test } from '../fixtures';
import type { GtaPage } from './types';

/** A GOC page (so the content script and the real origin apply) with a small test fixture injected. */
async function playground(ext: import('./types').ExtDriver, sim: import('./types').SimHandle): Promise<GtaPage> {
  const page = await ext.openGocPage(sim.url('/list/open'));
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'pg';
    box.innerHTML = `
      <button id="pg-button" type="button">0</button>
      <textarea id="pg-text">start</textarea>
      <input id="pg-file" type="file">
      <p id="pg-hidden" style="display:none">hidden</p>
      <p class="pg-item" data-n="1">one</p><p class="pg-item" data-n="2">two</p>
      <div id="pg-host"></div>`;
    document.body.prepend(box);
    const button = document.getElementById('pg-button')!;
    button.addEventListener('click', () => (button.textContent = String(Number(button.textContent) + 1)));
    const keys: string[] = [];
    (window as any).__keys = keys;
    document.addEventListener('keydown', (e) => {
      if (['Alt', 'Shift', 'Control', 'Meta'].includes(e.key)) return;
      // e.key, not e.code: puppeteer's BiDi 'Enter' is the numpad one (same key, other code).
      const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
      keys.push(`${e.altKey ? 'Alt+' : ''}${e.ctrlKey ? 'Control+' : ''}${e.shiftKey ? 'Shift+' : ''}${key}`);
    });
    const inputs: string[] = [];
    (window as any).__inputs = inputs;
    document.getElementById('pg-text')!.addEventListener('input', (e) => inputs.push(`${e.isTrusted}`));
    const root = document.getElementById('pg-host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span class="pg-shadow" data-gta="probe">inside shadow</span><button class="pg-shadow-button">s</button>';
    root.querySelector('button')!.addEventListener('click', () => ((window as any).__shadowClicked = true));
  });
  return page;
}

test('page API: waits, clicks, typing, fill, keys and queries behave alike', async ({ ext, sim }) => {
  const page = await playground(ext, sim);

  await page.waitForSelector('#pg-button', { state: 'visible' });
  await page.waitForSelector('#pg-hidden', { state: 'hidden' });
  await page.waitForSelector('#does-not-exist', { state: 'detached' });
  await expect(page.waitForSelector('#does-not-exist', { timeout: 300 })).rejects.toThrow(/does-not-exist/);

  await page.click('#pg-button');
  await page.click('#pg-button');
  expect(await page.textOf('#pg-button')).toBe('2');

  await page.type('#pg-text', 'ab');
  expect(await page.evaluate(() => (document.getElementById('pg-text') as HTMLTextAreaElement).value)).toBe('abstart');
  await page.fill('#pg-text', 'line 1\nline 2 <b>x</b>');
  expect(await page.evaluate(() => (document.getElementById('pg-text') as HTMLTextAreaElement).value)).toBe('line 1\nline 2 <b>x</b>');
  expect(await page.evaluate(() => (window as any).__inputs)).not.toContain('false');

  await page.focus('#pg-text');
  await page.press('Alt+Shift+S');
  await page.press('Enter');
  expect(await page.evaluate(() => (window as any).__keys)).toEqual(expect.arrayContaining(['Alt+Shift+S', 'Enter']));

  expect(await page.count('.pg-item')).toBe(2);
  expect(await page.attr('.pg-item', 'data-n')).toBe('1');
  expect(await page.attr('.pg-item', 'data-missing')).toBeNull();
  expect(await page.$$eval('.pg-item', (els, sep) => els.map((e) => e.textContent).join(sep), '+')).toBe('one+two');
  await expect(page.textOf('#nothing')).rejects.toThrow(/no element/);

  // Open shadow roots are searched too.
  await page.waitForSelector('[data-gta="probe"]', { state: 'visible' });
  expect(await page.textOf('.pg-shadow')).toBe('inside shadow');
  await page.click('.pg-shadow-button');
  expect(await page.evaluate(() => (window as any).__shadowClicked)).toBe(true);

  expect(await page.waitForFunction((n) => document.querySelectorAll('.pg-item').length === n && 'done', 2)).toBe('done');
});

test('page API: dialogs, console, files, screenshots and navigation', async ({ ext, sim }, testInfo) => {
  const page = await playground(ext, sim);

  await page.evaluate(() => alert('first'));
  const answers: string[] = [];
  page.onDialog(async (dialog) => {
    answers.push(`${dialog.type}:${dialog.message}`);
    await dialog.accept();
  });
  expect(await page.evaluate(() => confirm('sure?'))).toBe(true);
  expect(page.dialogs()).toEqual([
    { type: 'alert', message: 'first' },
    { type: 'confirm', message: 'sure?' },
  ]);
  expect(answers).toEqual(['confirm:sure?']);

  await page.evaluate(() => console.warn('gta-marker-123'));
  await page.evaluate(() => setTimeout(() => {
    throw new Error('gta-uncaught-456');
  }));
  await expect.poll(() => page.consoleMessages().map((m) => `${m.type}:${m.text}`).join('\n')).toContain('gta-marker-123');
  await expect.poll(() => page.consoleMessages().some((m) => m.type === 'pageerror' && m.text.includes('gta-uncaught-456'))).toBe(true);

  const upload = testInfo.outputPath('upload.json');
  fs.writeFileSync(upload, '{"a":1}');
  await page.setInputFiles('#pg-file', [upload]);
  expect(await page.evaluate(() => (document.getElementById('pg-file') as HTMLInputElement).files![0].name)).toBe('upload.json');

  const shot = testInfo.outputPath('shot.png');
  await page.screenshot(shot);
  expect(fs.readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

  await page.waitForNavigation(() => page.evaluate(() => location.reload()));
  expect(await page.count('#pg')).toBe(0);
  await page.goto(sim.url('/list/open'));
  expect(page.url()).toBe('https://ticket.opensciencegrid.org/list/open');
});

test('host mapping: both GOC host names reach the simulator under their real origins', async ({ ext, sim }) => {
  for (const host of ['ticket.opensciencegrid.org', 'ticket.grid.iu.edu']) {
    const page = await ext.openGocPage(sim.url('/list/open', { host }));
    expect(await page.evaluate(() => location.href)).toBe(`https://${host}/list/open`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  }
  expect(sim.url('12345')).toBe('https://ticket.opensciencegrid.org/12345');
});

test('simulator: login sets the session cookie, and each test starts signed out', async ({ ext, sim }) => {
  const page = await ext.newPage();
  await sim.login('aroy', { page, to: '/list/open' });
  expect(page.url()).toBe('https://ticket.opensciencegrid.org/list/open');
  expect(await page.textOf('#menu_user')).toContain('Alain Roy');
  await sim.logout({ page });
  expect(await page.count('#menu_user')).toBe(0); // guests get a Login link instead (docs/goc-pages.md §11)
  await sim.login('aroy');
});

test('simulator: the previous test left no session behind', async ({ ext, sim }) => {
  const page = await ext.openGocPage(sim.url('/list/open'));
  expect(await page.count('#menu_user')).toBe(0);
  expect(await page.count('a[href$="/sso/"]')).toBe(1);
});

test('storage: local and sync storage are read and written in the extension', async ({ ext }) => {
  // Only our own keys are compared: the extension's background writes its own keys meanwhile.
  await ext.setStorage({ 'harness.a': 1, 'harness.nested': { b: [1, 2] } });
  await ext.setSyncStorage({ 'harness.s': 'x' });
  expect(await ext.getStorage(['harness.a', 'harness.nested'])).toEqual({ 'harness.a': 1, 'harness.nested': { b: [1, 2] } });
  expect(await ext.getStorage('harness.a')).toEqual({ 'harness.a': 1 });
  expect(await ext.getSyncStorage('harness.s')).toEqual({ 'harness.s': 'x' });
  expect(Object.keys(await ext.getStorage())).toEqual(expect.arrayContaining(['harness.a', 'harness.nested']));
  await ext.removeStorage('harness.a');
  expect(await ext.getStorage(['harness.a', 'harness.nested'])).toEqual({ 'harness.nested': { b: [1, 2] } });
  // The background sees the same storage.
  expect(
    await ext.background(() => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get('harness.nested')),
  ).toEqual({ 'harness.nested': { b: [1, 2] } });
  await ext.clearStorage();
  expect(await ext.getStorage(['harness.nested'])).toEqual({});
  expect(await ext.getSyncStorage()).toEqual({});
});

test('importConfig stores validated settings where the extension reads them, and refuses bad ones', async ({ ext }) => {
  const stored = await ext.importConfig({
    identity: { name: 'Alain Roy', email: 'roy@cs.wisc.edu', footprintsId: 'aroy' },
    queue: { staleDays: 9 },
    customKey: { kept: true },
  });
  expect(stored.identity.name).toBe('Alain Roy');
  expect((await ext.getSyncStorage('identity')).identity.footprintsId).toBe('aroy');
  const local = (await ext.getStorage('settings')).settings;
  expect(local.queue.staleDays).toBe(9);
  expect(local.customKey).toEqual({ kept: true });
  expect(local.identity).toBeUndefined();

  // merge: like the options page, a file without identity keeps the current one.
  const merged = await ext.importConfig({ queue: { staleDays: 3 } }, { merge: true });
  expect(merged.identity.footprintsId).toBe('aroy');
  expect(merged.queue.staleDays).toBe(3);

  await expect(ext.importConfig({ team: [{ name: 'X', role: 'wizard' }] })).rejects.toThrow(/team\[0\]\.role/);
  expect((await ext.getStorage('settings')).settings.queue.staleDays).toBe(3);
});

test('background: evaluates with arguments and extension APIs', async ({ ext }) => {
  const result = await ext.background(
    async (n) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return { doubled: n * 2, alarms: Array.isArray(await api.alarms.getAll()), id: api.runtime.id };
    },
    21,
  );
  expect(result.doubled).toBe(42);
  expect(result.alarms).toBe(true);
  expect(result.id).toBeTruthy();
  expect(ext.backgroundKind).toBe(ext.browserName === 'chromium' ? 'service-worker' : 'extension-page');
  if (ext.backgroundKind === 'service-worker') {
    expect(await ext.background(() => typeof (globalThis as any).ServiceWorkerGlobalScope)).toBe('function');
  }
});

test('stopServiceWorker: the background starts fresh, storage survives', async ({ ext }) => {
  await ext.setStorage({ survivor: 'yes' });
  await ext.background(() => {
    (globalThis as any).__gtaProbe = 'in memory';
  });
  expect(await ext.background(() => (globalThis as any).__gtaProbe)).toBe('in memory');

  const how = await ext.stopServiceWorker();
  expect(how).toBe(ext.browserName === 'chromium' ? 'stopped' : 'reloaded');
  if (how === 'stopped') expect(await ext.isBackgroundRunning()).toBe(false);

  // The next background call wakes it: in-memory state is gone, storage is not.
  expect(await ext.background(() => (globalThis as any).__gtaProbe ?? 'fresh')).toBe('fresh');
  expect(await ext.isBackgroundRunning()).toBe(true);
  expect(await ext.getStorage('survivor')).toEqual({ survivor: 'yes' });
});

test('setOffline: pages and the background go offline and come back', async ({ ext, sim }) => {
  const page = await ext.openGocPage(sim.url('/list/open'));
  const fetchFromBackground = () =>
    ext.background(() =>
      fetch('https://ticket.opensciencegrid.org/__sim/state', { cache: 'no-store' }).then(
        (r) => `${navigator.onLine}:${r.status}`,
        () => `${navigator.onLine}:failed`,
      ),
    );
  expect(await fetchFromBackground()).toBe('true:200');

  await ext.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await fetchFromBackground()).toBe('false:failed');

  await ext.setOffline(false);
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  expect(await fetchFromBackground()).toBe('true:200');
});

test('extension pages: popup and options open, pages are tracked and closed', async ({ ext }) => {
  const popup = await ext.openExtensionPage('popup.html');
  expect(popup.url()).toBe(ext.extensionUrl('popup.html'));
  await popup.setViewport({ width: 360, height: 600 });
  expect(await popup.evaluate(() => innerWidth)).toBe(360);
  const options = await ext.openExtensionPage('options.html');
  expect(ext.pages()).toEqual(expect.arrayContaining([popup, options]));
  await popup.close();
  expect(popup.isClosed()).toBe(true);
  expect(ext.pages()).not.toContain(popup);
});
