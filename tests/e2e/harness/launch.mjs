/**
 * Browser launch settings shared by the e2e harness (TypeScript) and the plain-Node scripts
 * (demo, bench). The flags are the ones docs/toolchain found to work with Debian's browsers here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GOC_HOSTS = ['ticket.opensciencegrid.org', 'ticket.grid.iu.edu'];
/**
 * A GOC site that is NOT built in (issue 9, "Other GOC sites": a test instance a user adds). The
 * harness maps it to the simulator like the built-in hosts; the extension runs there only after the
 * user added it and granted its host permission.
 */
export const EXTRA_GOC_HOST = 'ticket-itb.opensciencegrid.org';
/** Every host name the harness sends to the simulator. */
export const SIM_HOSTS = [...GOC_HOSTS, EXTRA_GOC_HOST];
/**
 * Host patterns a test may ask for at run time without a prompt the harness cannot click (see
 * launchChromium `approvedHostPatterns` and firefoxPrefs). Only the extra test site.
 */
export const TEST_APPROVED_HOST_PATTERNS = [`https://${EXTRA_GOC_HOST}/*`];
export const CHROMIUM_PATH = process.env.GTA_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.GTA_FIREFOX ?? '/usr/bin/firefox-esr';
/** moz-extension://<uuid>/ of the extension under test, fixed by a pref so URLs are predictable. */
export const FIREFOX_EXTENSION_UUID = 'd4a0b7d2-5e2f-4c39-8c1b-6f0e2a9b3c71';

/**
 * Chromium flags. `extensionDir` null: no extension (bench baseline). `simPort` null: no host
 * mapping. With a port, the GOC host names (and the extra test site) resolve to 127.0.0.1:<port>,
 * whatever port the URL names, so the simulator can listen anywhere.
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
      `--host-resolver-rules=${SIM_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${simPort}`).join(', ')}`,
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
export async function launchChromium({
  chromium,
  extensionDir,
  simPort,
  headless = true,
  viewport = { width: 1280, height: 800 },
  approvedHostPatterns = [],
}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-chromium-profile-'));
  if (extensionDir && approvedHostPatterns.length > 0) seedApprovedHosts(userDataDir, extensionDir, approvedHostPatterns);
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

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, 32 hex digits written a-p. */
export function unpackedExtensionId(extensionDir) {
  const hex = crypto.createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * How a test grants an optional host permission in Chromium (issue 9). Chromium's
 * permissions.request shows a native prompt no automation can click, and it has no switch to accept
 * it. But it does not prompt for host permissions the user approved for this extension before: it
 * remembers them in the profile (Preferences: extensions.settings.<id>.runtime_granted_permissions
 * and granted_permissions). A fresh profile is seeded with that record for `patterns` only, so the
 * extension's own `permissions.request` from a real click resolves true without a prompt, as for a
 * returning user. Nothing is active until the extension asks (permissions.contains stays false);
 * only the prompt's own UI is not exercised.
 */
function seedApprovedHosts(userDataDir, extensionDir, patterns) {
  const approved = { api: [], explicit_host: [...patterns], manifest_permissions: [], scriptable_host: [] };
  const prefs = { extensions: { settings: { [unpackedExtensionId(extensionDir)]: { granted_permissions: approved, runtime_granted_permissions: approved } } } };
  fs.mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
}

/**
 * Firefox prefs: the fixed extension UUID, optional permissions granted without the prompt the
 * harness cannot click (issue 9; the extension's own permissions.request still runs from a real
 * click and still needs it), and (with a proxy port) every connection through our proxy.
 */
export function firefoxPrefs(geckoId, proxyPort) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
    // Firefox's own switch for automation: permissions.request grants without showing its doorhanger.
    'extensions.webextOptionalPermissionPrompts': false,
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
