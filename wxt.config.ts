import path from 'node:path';
import { defineConfig, type EntrypointGroup } from 'wxt';
import { GOC_MATCHES } from './utils/goc/hosts';

/**
 * Content scripts, the popup and options pages (and the options page's head script, an unlisted
 * script) use the browsers' own promise API instead of webextension-polyfill (see the file): 10 KB
 * less to load where load time counts. The background keeps it.
 */
const NATIVE_BROWSER = path.resolve(import.meta.dirname ?? __dirname, 'features/shared/native-browser.ts');

const NATIVE_BROWSER_IN = ['content-script', 'popup', 'options', 'unlisted-script'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: easier to read and to grep than auto-imports.
  imports: false,
  // Dexie's ES module build, not its CommonJS one behind an import wrapper: the options page's weekly
  // report (loaded later) then needs no CommonJS helpers, so the bundler does not split them into a
  // second file the page must load before it is interactive. Every import of 'dexie' gets this one copy.
  vite: () => ({ resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/dexie.mjs' }] } }),
  hooks: {
    // Each extension page is built on its own, so it loads one script instead of chunks it would share
    // with the other pages: on this machine every extra file costs a page 5–8 ms to open (README › Performance).
    'entrypoints:grouped': (_wxt, groups) => {
      const alone = groups.flatMap((group): EntrypointGroup[] => (Array.isArray(group) ? group.map((entry) => [entry]) : [group]));
      groups.splice(0, groups.length, ...alone);
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => NATIVE_BROWSER_IN.includes(e.type))) return;
      const own = { find: /^webextension-polyfill$/, replacement: NATIVE_BROWSER };
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [own, ...list] };
    },
  },
  manifest: ({ browser }) => ({
    name: 'GOC Ticket Assistant',
    description:
      'Triage duty, responder badges, signatures and request snippets for the OSG Software Team on GOC Ticket.',
    // contextMenus: "Open a GOC ticket from this e-mail" on selected text (the selection comes with the
    // click; no access to the mail site). scripting (Chrome): content scripts for the other GOC sites a
    // user adds, registered at run time (Firefox MV2 has contentScripts.register without a permission).
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: GOC_MATCHES,
    // Asked for at run time, one origin at a time, for the triage rotation source (iCal/TWiki/JSON).
    // (Firefox MV2 has no optional_host_permissions: origins go in optional_permissions there.)
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    options_ui: { open_in_tab: true },
    commands: {
      'insert-signature': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Insert your signature into the New Update box',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'goc-ticket-assistant@opensciencegrid.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
