import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  STORED,
  changedValue,
  declaredKeys,
  getItem,
  getItems,
  removeItem,
  setItem,
  setItems,
  watchItems,
  type StorageLike,
} from '../../../utils/storage-items';
import { EMPTY_LATEST } from '../../../utils/queue/state';

const storage = browser.storage;

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('declares every key once', () => {
    const keys = declaredKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('queue.latest');
    expect(keys).toContain('settings');
  });

  it('reads the fallback when nothing is stored, and the value once written', async () => {
    expect(await getItem(storage, STORED.queueSoftwareFilter)).toBe(false);
    await setItem(storage, STORED.queueSoftwareFilter, true);
    expect(await getItem(storage, STORED.queueSoftwareFilter)).toBe(true);
    expect((await browser.storage.local.get('queue.softwareFilter'))['queue.softwareFilter']).toBe(true);
    await removeItem(storage, STORED.queueSoftwareFilter);
    expect(await getItem(storage, STORED.queueSoftwareFilter)).toBe(false);
  });

  it('turns corrupted values into the fallback instead of passing them on', async () => {
    await browser.storage.local.set({
      'queue.latest': 'garbage',
      'queue.nudgedOn': '2026-13-40T00',
      'debug.failFeatures': ['signature', 7, null],
      'debug.hooksAllowed': true,
      'queue.inflight': { token: 3 },
      'settings.snapshot': { settings: { identity: 'x' } },
    });
    const got = await getItems(storage, {
      latest: STORED.queueLatest,
      nudgedOn: STORED.queueNudgedOn,
      fail: STORED.debugFailFeatures,
      inflight: STORED.queueInflight,
      snapshot: STORED.settingsSnapshot,
    });
    expect(got.latest).toEqual(EMPTY_LATEST);
    expect(got.nudgedOn).toBeNull();
    expect(got.fail).toEqual(['signature']);
    expect(got.inflight).toBeNull();
    expect(got.snapshot).toBeNull();
  });

  it('reads sync items as missing when storage.sync throws', async () => {
    const broken: StorageLike = { ...storage, sync: { ...storage.sync, get: () => Promise.reject(new Error('no sync')) } };
    expect(await getItem(broken, STORED.identitySync)).toBeUndefined();
  });

  it('writes several items in one request per area and watches only the named items', async () => {
    const seen: number[] = [];
    const stop = watchItems(storage, [STORED.queueNudgedOn], () => seen.push(1));
    await setItems(storage, [
      [STORED.queueLastOpenedAt, 5],
      [STORED.bannerSetupDismissed, true],
    ]);
    expect(seen).toHaveLength(0);
    await setItem(storage, STORED.queueNudgedOn, '2026-12-01');
    expect(seen).toHaveLength(1);
    stop();
    await setItem(storage, STORED.queueNudgedOn, '2026-12-02');
    expect(seen).toHaveLength(1);
    expect(await getItem(storage, STORED.queueLastOpenedAt)).toBe(5);
  });

  it('reads a changed value from a storage event only for its own area and key', () => {
    const changes = { 'queue.softwareFilter': { newValue: 'yes' }, settings: { newValue: {} } };
    expect(changedValue(changes, 'local', STORED.queueSoftwareFilter)).toEqual({ value: false });
    expect(changedValue(changes, 'sync', STORED.queueSoftwareFilter)).toBeUndefined();
    expect(changedValue(changes, 'local', STORED.queueNudgedOn)).toBeUndefined();
  });
});

describe('storage item fallbacks', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands out a fresh copy of an object fallback, so a caller cannot change the default', async () => {
    const first = await getItem(storage, STORED.queueLatest);
    first.failures = 99;
    const second = await getItem(storage, STORED.queueLatest);
    expect(second.failures).toBe(0);
    expect(STORED.queueLatest.fallback.failures).toBe(0);
  });
});
