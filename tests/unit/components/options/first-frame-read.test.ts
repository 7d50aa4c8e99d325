/**
 * The options page's first storage read is started by a tiny head script
 * (entrypoints/options-first-read.ts) and taken by the main script (components/options/first-frame.ts).
 */
import { fakeBrowser } from 'wxt/testing';
import { FIRST_READ_HANDOFF, readFirstFrame, startFirstFrameRead } from '../../../../components/options/first-frame';
import { defaultSettingsCopy } from '../../../../utils/settings/defaults';
import { setItem, STORED } from '../../../../utils/storage-items';

function snapshotNamed(name: string) {
  const settings = defaultSettingsCopy();
  settings.identity.name = name;
  return { settings, error: null, publishedAt: 1 };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the first frame’s read', () => {
  it('the head script’s read is what the main script gets, taken once', async () => {
    const win = {};
    await setItem(fakeBrowser.storage, STORED.settingsSnapshot, snapshotNamed('At head script'));
    await setItem(fakeBrowser.storage, STORED.welcomePending, true);
    startFirstFrameRead(win);
    expect(win).toHaveProperty(FIRST_READ_HANDOFF);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    const first = await readFirstFrame(win);
    expect(first.snapshot?.settings.identity.name).toBe('At head script');
    expect(first.pending).toBe(true);
    expect(get).not.toHaveBeenCalled(); // no second request
    expect(win).not.toHaveProperty(FIRST_READ_HANDOFF);

    // A later call (the page rendered again) reads afresh.
    await setItem(fakeBrowser.storage, STORED.settingsSnapshot, snapshotNamed('Later'));
    const again = await readFirstFrame(win);
    expect(again.snapshot?.settings.identity.name).toBe('Later');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads by itself when the head script did not run', async () => {
    await setItem(fakeBrowser.storage, STORED.whatsNewNotice, { version: '9.9', lines: ['Something new'] });
    const read = await readFirstFrame({});
    expect(read.notice).toEqual({ version: '9.9', lines: ['Something new'] });
    expect(read.snapshot).toBeNull();
    expect(read.pending).toBe(false);
  });

  it('a failed read gives an empty first frame instead of a rejection', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage unavailable'));
    const win = {};
    startFirstFrameRead(win);
    await expect(readFirstFrame(win)).resolves.toEqual({ pending: false, notice: null, snapshot: null });
    await expect(readFirstFrame({})).resolves.toEqual({ pending: false, notice: null, snapshot: null });
  });
});
