/**
 * Browser launch settings shared by the e2e harness (TypeScript) and the plain-Node scripts
 * (demo, bench). The flags are the ones docs/toolchain found to work with Debian's browsers here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GOC_HOSTS = ['ticket.opensciencegrid.org', 'ticket.grid.iu.edu'];
export const CHROMIUM_PATH = process.env.GTA_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.GTA_FIREFOX ?? '/usr/bin/firefox-esr';
/** moz-extension://<uuid>/ of the extension under test, fixed by a pref so URLs are predictable. */
export const FIREFOX_EXTENSION_UUID = 'd4a0b7d2-5e2f-4c39-8c1b-6f0e2a9b3c71';

/**
 * Chromium flags. `extensionDir` null: no extension (bench baseline). `simPort` null: no host
 * mapping. With a port, both GOC host names resolve to 127.0.0.1:<port>, whatever port the URL
 * names, so the simulator can listen anywhere.
 */
export function chromiumArgs(extensionDir, simPort) {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (extensionDir) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  if (simPort !== null && simPort !== undefined) {
    args.push(
      `--host-resolver-rules=${GOC_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${simPort}`).join(', ')}`,
      // The simulator's certificate is self-signed.
      '--ignore-certificate-errors',
    );
  }
  return args;
}

/**
 * Launches Chromium with the extension (Playwright persistent context) and waits for its service
 * worker. Returns { context, extensionId, userDataDir, close() }.
 */
export async function launchChromium({ chromium, extensionDir, simPort, headless = true, viewport = { width: 1280, height: 800 } }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport,
    args: chromiumArgs(extensionDir, simPort),
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  let extensionId = null;
  if (extensionDir) {
    try {
      const isOurs = (w) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
      extensionId = new URL(worker.url()).host;
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { context, extensionId, userDataDir, close };
}

/** Firefox prefs: the fixed extension UUID, and (with a proxy port) every connection through our proxy. */
export function firefoxPrefs(geckoId, proxyPort) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
    ...(proxyPort === null || proxyPort === undefined
      ? {}
      : {
          // Manual proxy for https (CONNECT) and plain http; loopback stays direct.
          'network.proxy.type': 1,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxyPort,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxyPort,
          'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
          // Offline mode must also cut loopback, or the proxy (hence the simulator) stays reachable.
          'network.disable-localhost-when-offline': true,
        }),
  };
}
