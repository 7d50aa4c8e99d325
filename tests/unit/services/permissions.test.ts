/**
 * Issue 10 finding 10: optional host access no setting uses any more is given back, at start and
 * whenever the settings change. In-memory permissions; real settings storage (fake browser).
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropUnusedGrants, watchGrants, type GrantsDeps } from '../../../services/permissions';
import { saveSettings } from '../../../services/settings-store';
import { STORED } from '../../../utils/storage-items';

const GOC = ['https://ticket.opensciencegrid.org/*', 'https://ticket.grid.iu.edu/*'];
const OLD = 'https://old-twiki.example.org/*';
const NEW = 'https://twiki.example.org/*';

let granted: string[];
let removed: string[][];

function deps(extra: Partial<GrantsDeps> = {}): GrantsDeps {
  return {
    store: browser.storage,
    manifest: () => ({ host_permissions: GOC, content_scripts: [{ matches: ['https://ticket.opensciencegrid.org/list/*'] }] }),
    getAll: async () => ({ origins: [...granted] }),
    remove: async ({ origins }) => {
      removed.push(origins);
      granted = granted.filter((o) => !origins.includes(o));
      return true;
    },
    ...extra,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = [...GOC, 'https://ticket.opensciencegrid.org/list/*'];
  removed = [];
});

describe('dropping host access no setting uses', () => {
  it('changing the rotation source gives back the old origin, keeps the new one and the manifest hosts', async () => {
    await saveSettings({ rotation: { source: 'https://old-twiki.example.org/bin/view/Rota' } });
    granted.push(OLD);
    const watching = watchGrants(deps());
    await watching.settled();
    expect(granted).toContain(OLD);

    granted.push(NEW); // the options page asked for it, then saves the new source
    await saveSettings({ rotation: { source: 'https://twiki.example.org/bin/view/Rota' } });
    await watching.settled();
    expect(removed).toEqual([[OLD]]);
    expect(granted).toEqual([...GOC, 'https://ticket.opensciencegrid.org/list/*', NEW]);
  });

  it('at start: a grant left from an earlier source is dropped', async () => {
    await saveSettings({ rotation: { source: 'https://twiki.example.org/Rota' } });
    granted.push(OLD, NEW);
    expect(await dropUnusedGrants(deps())).toEqual([OLD]);
    expect(granted).not.toContain(OLD);
  });

  it('drops nothing while the stored settings are damaged (they would read as defaults)', async () => {
    await browser.storage.local.set({ [STORED.settingsLocal.key]: 'garbage' });
    granted.push(NEW);
    expect(await dropUnusedGrants(deps())).toEqual([]);
    expect(removed).toEqual([]);
  });

  it('a browser without permissions.getAll, or a failing remove, changes nothing and does not throw', async () => {
    granted.push(OLD);
    await expect(dropUnusedGrants(deps({ getAll: async () => { throw new Error('not supported'); } }))).resolves.toEqual([]);
    await expect(dropUnusedGrants(deps({ remove: async () => { throw new Error('busy'); } }))).resolves.toEqual([]);
    expect(granted).toContain(OLD);
  });
});
