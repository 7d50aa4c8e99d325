/**
 * Smoke: the production build loads in the browser, its content script runs on the GOC pages the
 * simulator serves (under the real host names), its own pages open, and its manifest asks for no
 * more than the README promises.
 */
import { expect, test } from './fixtures';

/** A ticket id the simulator serves (its seed decides which ones exist). */
async function someTicketId(sim: import('./fixtures').SimHandle): Promise<number> {
  const listed = await sim.control<any>('tickets');
  const tickets: Array<{ id: number | string }> = Array.isArray(listed) ? listed : (listed.tickets ?? []);
  expect(tickets.length).toBeGreaterThan(0);
  return Number(tickets[0].id);
}

function featureStatuses(attr: string | null): string[] {
  return (attr ?? '').split(/\s+/).filter(Boolean);
}

test('the extension is installed and its background is running', async ({ ext }) => {
  // Evaluating in the background starts it if the browser had put it to sleep.
  expect(await ext.background(() => typeof ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.id)).toBe('string');
  expect(await ext.isBackgroundRunning()).toBe(true);
  const manifest = await ext.extensionEval(() => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.getManifest());
  expect(manifest.name).toBe('GOC Ticket Assistant');
  expect(manifest.manifest_version).toBe(ext.browserName === 'chromium' ? 3 : 2);
});

test('the content script runs on a ticket page, signed in and as a guest, and no feature fails', async ({ ext, sim }) => {
  const id = await someTicketId(sim);
  const guest = await ext.openGocPage(sim.url(`/${id}`));
  expect(await guest.evaluate(() => location.origin)).toBe('https://ticket.opensciencegrid.org');
  const guestFeatures = await guest.attr('html', 'data-gta-features');
  expect(guestFeatures).not.toBeNull();
  expect(featureStatuses(guestFeatures).filter((s) => s.endsWith(':failed'))).toEqual([]);

  await sim.login('aroy');
  const editor = await ext.openGocPage(sim.url(`/${id}`));
  expect(await editor.textOf('#menu_user')).toContain('Alain Roy');
  expect(featureStatuses(await editor.attr('html', 'data-gta-features')).filter((s) => s.endsWith(':failed'))).toEqual([]);
});

test('the content script runs on /list/open and on the old host name', async ({ ext, sim }) => {
  const list = await ext.openGocPage(sim.url('/list/open'));
  expect(featureStatuses(await list.attr('html', 'data-gta-features')).filter((s) => s.endsWith(':failed'))).toEqual([]);

  const old = await ext.openGocPage(sim.url('/list/open', { host: 'ticket.grid.iu.edu' }));
  expect(await old.evaluate(() => location.origin)).toBe('https://ticket.grid.iu.edu');
  expect(await old.attr('html', 'data-gta-features')).not.toBeNull();
});

test('popup.html and options.html open and render without errors', async ({ ext }) => {
  for (const name of ['popup.html', 'options.html']) {
    const page = await ext.openExtensionPage(name);
    expect(await page.count('#app > *')).toBeGreaterThan(0);
    expect(page.consoleMessages().filter((m) => m.type === 'pageerror')).toEqual([]);
  }
});

test('the popup and the options page each load their own script and stylesheet, sharing no file', async ({ ext }) => {
  // Every file a page loads before its first frame costs it milliseconds to open (README ›
  // Performance), so each page is built on its own (wxt.config.ts): its HTML names one module script
  // and one stylesheet. The options page's head also names the few-KB script that starts its first
  // storage read while the module loads (entrypoints/options-first-read.ts). (What the options page
  // loads after its first frame, the settings store, its validator and the weekly report, is one
  // second script, not in the HTML.)
  const files: Record<string, { scripts: string[]; sheets: string[] }> = {};
  for (const name of ['popup.html', 'options.html']) {
    const page = await ext.openExtensionPage(name);
    files[name] = await page.evaluate(async () => {
      const html = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const paths = (selector: string, attr: string) => Array.from(html.querySelectorAll(selector), (e) => e.getAttribute(attr) ?? '');
      return { scripts: [...paths('script[src]', 'src'), ...paths('link[rel="modulepreload"]', 'href')], sheets: paths('link[rel="stylesheet"]', 'href') };
    });
  }
  const popup = files['popup.html'];
  const options = files['options.html'];
  expect(popup.scripts).toHaveLength(1);
  expect(options.scripts).toHaveLength(2);
  expect(options.scripts[0]).toBe('/options-first-read.js');
  expect(popup.sheets).toHaveLength(1);
  expect(options.sheets).toHaveLength(1);
  expect(options.scripts.filter((f) => popup.scripts.includes(f))).toEqual([]);
  expect(options.sheets.filter((f) => popup.sheets.includes(f))).toEqual([]);
});

test('the options page’s first script carries no validator: zod comes in its second script', async ({ ext }) => {
  // The first frame shows the snapshot the background validated (components/options/App.tsx).
  const page = await ext.openExtensionPage('options.html');
  const { first, second } = await page.evaluate(async () => {
    const html = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const src = html.querySelector('script[type="module"][src]')!.getAttribute('src')!;
    const text = async (url: string) => (await fetch(new URL(url, location.href))).text();
    const first = await text(src);
    const later = /import\(\s*[`'"]\.\/(deferred-[\w-]+\.js)[`'"]\s*\)/.exec(first)?.[1];
    return { first, second: later ? await text(new URL(later, new URL(src, location.href)).href) : '' };
  });
  // zod names every schema class ($ZodType, $ZodObject, …) in its code.
  expect(second).toContain('$ZodType');
  expect(first).not.toContain('$ZodType');
});

test('no script of the extension carries WXT’s storage library, which none of our code uses', async ({ ext }) => {
  // WXT's import scanner adds `wxt/utils/storage` (@wxt-dev/storage, about 8 KB) to any module where
  // it takes a parameter named `storage` for a free name, even with auto-imports off; so storage
  // parameters are called `store` (utils/storage/access.ts) or after what they hold.
  const page = await ext.openExtensionPage('options.html');
  const files = await page.evaluate(async (manifest) => {
    const text = async (path: string) => (await fetch(new URL(path, location.origin))).text();
    const paths = new Set<string>([
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c: { js?: string[] }) => c.js ?? []),
    ]);
    for (const html of ['popup.html', 'options.html']) {
      const doc = new DOMParser().parseFromString(await text(html), 'text/html');
      for (const s of Array.from(doc.querySelectorAll('script[src]'))) paths.add(s.getAttribute('src')!);
    }
    // The pages' scripts name the chunks they load later (the options page's second script).
    const seen: Record<string, string> = {};
    for (const path of paths) seen[path] = await text(path);
    for (const body of Object.values({ ...seen })) {
      for (const m of body.matchAll(/["'`]\.\/([\w-]+\.js)["'`]/g)) seen[`chunks/${m[1]}`] ??= await text(`/chunks/${m[1]}`);
    }
    return Object.entries(seen).map(([path, body]) => ({ path, bytes: body.length, wxtStorage: body.includes('[@wxt-dev/storage]') }));
  }, ext.manifest);
  const paths = files.map((f) => f.path);
  // The walk reached the background, every content script, both pages' scripts and the options page's later chunk.
  expect(paths.some((p) => /background/.test(p))).toBe(true);
  expect(paths.filter((p) => p.includes('content-scripts/')).length).toBe(new Set((ext.manifest.content_scripts ?? []).flatMap((c: { js?: string[] }) => c.js ?? [])).size);
  expect(paths.some((p) => /deferred-/.test(p))).toBe(true);
  expect(files.every((f) => f.bytes > 0)).toBe(true);
  expect(files.filter((f) => f.wxtStorage).map((f) => f.path)).toEqual([]);
});

test('the options page’s first storage read starts in its head script and its main script takes it', async ({ ext }) => {
  const page = await ext.openExtensionPage('options.html', { waitFor: '[data-gta="options-toc"]' });
  const seen = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    return {
      // entrypoints/options-first-read.ts sent the request before the main script ran…
      readFirst: (at('gta:options-first-read') ?? Infinity) < (at('gta:options-script') ?? -Infinity),
      // …and the main script took it (components/options/first-frame.ts FIRST_READ_HANDOFF).
      readLeftOver: 'gtaOptionsFirstRead' in window,
    };
  });
  expect(seen).toEqual({ readFirst: true, readLeftOver: false });
});

test('the production manifest asks only for the allowed permissions', async ({ ext }) => {
  const GOC_ORIGINS = ['https://ticket.opensciencegrid.org/*', 'https://ticket.grid.iu.edu/*'];
  // contextMenus: "Open a GOC ticket from this e-mail"; scripting (Chrome only): the other GOC sites' content scripts (issue 9).
  const API_PERMISSIONS = ['storage', 'alarms', 'notifications', 'contextMenus', ...(ext.browserName === 'chromium' ? ['scripting'] : [])];
  // Requested at run time, one origin at a time, for the rotation source (README explains).
  const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];
  const m = ext.manifest;

  if (ext.browserName === 'chromium') {
    expect([...m.permissions].sort()).toEqual([...API_PERMISSIONS].sort());
    expect([...m.host_permissions].sort()).toEqual([...GOC_ORIGINS].sort());
    expect(OPTIONAL_ORIGINS).toEqual(expect.arrayContaining(m.optional_host_permissions ?? []));
    expect(m.optional_permissions ?? []).toEqual([]);
  } else {
    // MV2: host permissions are listed among the permissions.
    expect([...m.permissions].sort()).toEqual([...API_PERMISSIONS, ...GOC_ORIGINS].sort());
    expect(OPTIONAL_ORIGINS).toEqual(expect.arrayContaining(m.optional_permissions ?? []));
  }
  // Several content scripts (banner, ticket, update, list): every pattern stays on the GOC hosts.
  const gocPrefixes = GOC_ORIGINS.map((o) => o.replace(/\*$/, ''));
  expect((m.content_scripts ?? []).length).toBeGreaterThan(0);
  for (const script of m.content_scripts ?? []) {
    for (const pattern of [...script.matches, ...(script.exclude_matches ?? [])]) {
      expect(gocPrefixes.some((prefix) => pattern.startsWith(prefix)), pattern).toBe(true);
    }
  }
  expect(JSON.stringify(m)).not.toMatch(/<all_urls>|"tabs"|"webRequest|"cookies"|"history"|"debugger"/);
  // The loaded extension runs with exactly this manifest.
  const live = await ext.extensionEval(() => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.getManifest());
  expect(live.permissions).toEqual(m.permissions);
});
