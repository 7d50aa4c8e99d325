/**
 * Other GOC sites (issue 9), background: the content scripts registered at run time follow the
 * granted extra origins, in Chrome (scripting, persisted) and Firefox (contentScripts handles).
 * Real settings storage (fake browser); in-memory permissions and registries.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contentScriptsRegistrar,
  scriptingRegistrar,
  syncGocOrigins,
  watchGocOrigins,
  type GocOriginsDeps,
  type Registrar,
  type ScriptingLike,
} from '../../../services/goc-origins';
import { saveSettings } from '../../../services/settings-store';
import { dropUnusedGrants, watchGrants } from '../../../services/permissions';
import { getItem, STORED } from '../../../utils/storage-items';
import { REGISTRATION_PREFIX, type ManifestContentScript, type ScriptRegistration } from '../../../utils/goc/registrations';

const ITB = 'https://ticket-itb.example.org';
const TWO = 'https://goc.example.org';
const MANIFEST: ManifestContentScript[] = [
  { js: ['content-scripts/loader.js'] },
  { js: ['content-scripts/ticket.js', 'content-scripts/triage.js', 'content-scripts/update.js'], css: ['content-scripts/update.css'] },
];

let granted: Set<string>;
let applied: ScriptRegistration[][];

function deps(extra: Partial<GocOriginsDeps> = {}): GocOriginsDeps {
  const registrar: Registrar = { apply: async (desired) => void applied.push(desired) };
  return {
    store: browser.storage,
    extraOrigins: async () => (await (await import('../../../services/settings-store')).loadSettings()).settings.goc.extraOrigins,
    isGranted: async (pattern) => granted.has(pattern),
    manifestScripts: () => MANIFEST,
    registrar,
    now: () => 1000,
    ...extra,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  applied = [];
});

describe('syncGocOrigins', () => {
  it('registers the scripts for the granted extra origins only, and publishes them', async () => {
    await saveSettings({ goc: { extraOrigins: [ITB, TWO] } });
    granted.add(`${ITB}/*`);
    expect(await syncGocOrigins(deps())).toEqual([ITB]);
    const last = applied.at(-1)!;
    expect(last.map((r) => r.id)).toEqual(['loader', 'ticket', 'triage', 'update'].map((n) => `${REGISTRATION_PREFIX}${n}`));
    expect(last.every((r) => r.matches.every((m) => m.startsWith(`${ITB}/`)))).toBe(true);
    expect(await getItem(browser.storage, STORED.gocSitesRegistered)).toEqual({ origins: [ITB], at: 1000, error: null });
  });

  it('no granted origin: everything of ours unregistered', async () => {
    await saveSettings({ goc: { extraOrigins: [ITB] } });
    expect(await syncGocOrigins(deps())).toEqual([]);
    expect(applied).toEqual([[]]);
  });

  it('damaged settings: nothing changes; a failing browser call is published, never thrown', async () => {
    expect(await syncGocOrigins(deps({ extraOrigins: async () => null }))).toBeNull();
    expect(applied).toEqual([]);
    granted.add(`${ITB}/*`);
    await saveSettings({ goc: { extraOrigins: [ITB] } });
    const failing = deps({ registrar: { apply: async () => Promise.reject(new Error('Invalid match pattern')) } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(syncGocOrigins(failing)).resolves.toBeNull();
    warn.mockRestore();
    expect((await getItem(browser.storage, STORED.gocSitesRegistered)).error).toContain('Invalid match pattern');
  });
});

describe('watchGocOrigins: when it runs', () => {
  it('at start, after a settings change and on a permission change', async () => {
    const permissionListeners: Array<() => void> = [];
    const watching = watchGocOrigins(deps(), { onPermissionsChanged: (l) => permissionListeners.push(l), onStartOrInstall: () => undefined });
    await watching.settled();
    expect(applied).toEqual([[]]);

    granted.add(`${ITB}/*`);
    await saveSettings({ goc: { extraOrigins: [ITB] } });
    await vi.waitFor(() => expect(applied.length).toBeGreaterThanOrEqual(2));
    await watching.settled();
    expect(applied.at(-1)!.length).toBe(4);

    granted.clear(); // the user revoked it in the browser
    permissionListeners.forEach((l) => l());
    await watching.settled();
    expect(applied.at(-1)).toEqual([]);
  });
});

describe('Chrome registrar (scripting, persisted across sessions)', () => {
  function fakeScripting(initial: Array<Record<string, any>> = []) {
    let registered = [...initial];
    const calls: string[] = [];
    const api: ScriptingLike = {
      getRegisteredContentScripts: async () => registered.map((s) => ({ ...s }) as { id: string }),
      registerContentScripts: async (scripts) => {
        calls.push(`register ${scripts.map((s) => s.id).join(',')}`);
        registered.push(...scripts);
      },
      unregisterContentScripts: async (filter) => {
        calls.push(`unregister ${filter?.ids?.join(',')}`);
        registered = registered.filter((s) => !filter?.ids?.includes(s.id));
      },
    };
    return { api, calls, registered: () => registered };
  }

  it('registers with persistAcrossSessions; the same state again changes nothing; a change replaces ours only', async () => {
    const other = { id: 'someone-else', matches: ['https://x.example.org/*'], js: ['x.js'] };
    const fake = fakeScripting([other]);
    const registrar = scriptingRegistrar(fake.api);
    await saveSettings({ goc: { extraOrigins: [ITB, TWO] } });
    granted.add(`${ITB}/*`);
    await syncGocOrigins(deps({ registrar }));
    expect(fake.calls).toEqual([`register ${['loader', 'ticket', 'triage', 'update'].map((n) => REGISTRATION_PREFIX + n).join(',')}`]);
    const update = fake.registered().find((s) => s.id === `${REGISTRATION_PREFIX}update`)!;
    expect(update).toMatchObject({ persistAcrossSessions: true, runAt: 'document_start', css: ['content-scripts/update.css'], js: ['content-scripts/update.js'] });

    // A later start (Chrome kept them; it reports files with a leading slash): nothing to do.
    fake.registered().forEach((s) => s.js && (s.js = s.js.map((f: string) => `/${f}`)));
    await syncGocOrigins(deps({ registrar }));
    expect(fake.calls).toHaveLength(1);

    granted.add(`${TWO}/*`);
    await syncGocOrigins(deps({ registrar }));
    expect(fake.calls.slice(1)).toEqual([expect.stringMatching(/^unregister gta-goc-sites-loader,/), expect.stringMatching(/^register /)]);
    expect(fake.registered().find((s) => s.id === `${REGISTRATION_PREFIX}loader`)!.matches).toEqual([`${ITB}/*`, `${TWO}/*`]);

    granted.clear();
    await syncGocOrigins(deps({ registrar }));
    expect(fake.registered()).toEqual([other]);
  });
});

describe('Firefox registrar (contentScripts handles)', () => {
  it('registers files from the extension root, keeps unchanged handles, unregisters the rest', async () => {
    const live = new Map<number, Record<string, any>>();
    let next = 0;
    const register = vi.fn(async (options: Record<string, any>) => {
      const id = next++;
      live.set(id, options);
      return { unregister: () => void live.delete(id) };
    });
    const registrar = contentScriptsRegistrar({ register });
    await saveSettings({ goc: { extraOrigins: [ITB] } });
    granted.add(`${ITB}/*`);
    await syncGocOrigins(deps({ registrar }));
    expect(live.size).toBe(4);
    const update = [...live.values()].find((o) => o.js[0].file.endsWith('update.js'))!;
    expect(update).toEqual({
      matches: [`${ITB}/*`],
      excludeMatches: [`${ITB}/list/*`, `${ITB}/goc/list/*`, `${ITB}/submit*`, `${ITB}/goc/submit*`],
      js: [{ file: '/content-scripts/update.js' }],
      css: [{ file: '/content-scripts/update.css' }],
      runAt: 'document_start',
    });

    await syncGocOrigins(deps({ registrar }));
    expect(register).toHaveBeenCalledTimes(4);

    granted.clear();
    await syncGocOrigins(deps({ registrar }));
    expect(live.size).toBe(0);
  });
});

describe('the unused-grant pass keeps an added site’s permission', () => {
  it('in use while listed, dropped once removed from the list', async () => {
    let grants = [`${ITB}/*`];
    const removed: string[][] = [];
    const grantDeps = {
      store: browser.storage,
      manifest: () => ({ host_permissions: ['https://ticket.opensciencegrid.org/*'] }),
      getAll: async () => ({ origins: [...grants] }),
      remove: async ({ origins }: { origins: string[] }) => {
        removed.push(origins);
        grants = grants.filter((o) => !origins.includes(o));
        return true;
      },
    };
    await saveSettings({ goc: { extraOrigins: [ITB] } });
    expect(await dropUnusedGrants(grantDeps)).toEqual([]);
    await saveSettings({ goc: { extraOrigins: [] } });
    expect(await dropUnusedGrants(grantDeps)).toEqual([`${ITB}/*`]);
  });

  it('with settleMs, a grant followed by its save (two writes) is not dropped in between', async () => {
    vi.useFakeTimers();
    try {
      let grants: string[] = [];
      const removed: string[][] = [];
      const added: Array<() => void> = [];
      const watching = watchGrants({
        store: browser.storage,
        manifest: () => ({ host_permissions: ['https://ticket.opensciencegrid.org/*'] }),
        getAll: async () => ({ origins: [...grants] }),
        remove: async ({ origins }) => {
          removed.push(origins);
          grants = grants.filter((o) => !origins.includes(o));
          return true;
        },
        settleMs: 2000,
        onPermissionAdded: (l) => added.push(l),
      });
      // A settings write (the synced identity) arrives just before the grant and the rest of the save.
      await saveSettings({ identity: { name: 'Alain Roy' } });
      grants.push(`${ITB}/*`);
      added.forEach((l) => l());
      await vi.advanceTimersByTimeAsync(500);
      await saveSettings({ identity: { name: 'Alain Roy' }, goc: { extraOrigins: [ITB] } });
      await vi.advanceTimersByTimeAsync(2500);
      await watching.settled();
      expect(removed).toEqual([]);
      expect(grants).toEqual([`${ITB}/*`]);
    } finally {
      vi.useRealTimers();
    }
  });
});
