/**
 * Issue 10 finding 5: the test hooks (`debug.*` in storage.local) count only in a development
 * (unpacked or temporary) install. The background publishes the answer; every reader goes through it.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishHooksGate } from '../../../../services/shared/hooks';
import { queueClock, rotationClock } from '../../../../services/shared/clock';
import { hooksAllowedFor } from '../../../../utils/debug-hooks';
import { getItem, getItems, STORED } from '../../../../utils/storage-items';

const storage = browser.storage;
const REAL = 1_700_000_000_000;
const HOOKS = {
  [STORED.debugFailFeatures.key]: ['signature'],
  [STORED.debugQueueOffline.key]: true,
  [STORED.debugQueueClockOffsetMs.key]: 3_600_000,
  [STORED.debugRotationNow.key]: '2026-02-09T15:05:00Z',
};
const self = (installType: string) => async () => ({ installType });

async function seen() {
  const content = await getItems(storage, { fail: STORED.debugFailFeatures, now: STORED.debugRotationNow });
  return {
    fail: content.fail,
    rotationNow: content.now,
    offline: await getItem(storage, STORED.debugQueueOffline),
    queueNow: await queueClock(storage, () => REAL)(),
    rotationClock: await rotationClock(storage, () => REAL)(),
  };
}

beforeEach(() => fakeBrowser.reset());

describe('hooksAllowedFor', () => {
  it('only a development install honours the hooks', () => {
    expect(hooksAllowedFor('development')).toBe(true);
    for (const type of ['normal', 'sideload', 'admin', 'other', '', undefined, null, 42]) expect(hooksAllowedFor(type), String(type)).toBe(false);
  });
});

describe('the published gate', () => {
  it('a store (normal) install ignores every hook even when the keys are set', async () => {
    await storage.local.set(HOOKS);
    await publishHooksGate({ store: storage, getSelf: self('normal') });
    expect(await seen()).toEqual({ fail: [], rotationNow: null, offline: false, queueNow: REAL, rotationClock: REAL });
  });

  it('a development install honours them', async () => {
    await storage.local.set(HOOKS);
    await publishHooksGate({ store: storage, getSelf: self('development') });
    expect(await seen()).toEqual({
      fail: ['signature'],
      rotationNow: Date.parse('2026-02-09T15:05:00Z'),
      offline: true,
      queueNow: REAL + 3_600_000,
      rotationClock: Date.parse('2026-02-09T15:05:00Z'),
    });
  });

  it('nothing published yet (or management unavailable) means ignored', async () => {
    await storage.local.set(HOOKS);
    expect((await seen()).fail).toEqual([]);
    await publishHooksGate({ store: storage, getSelf: async () => { throw new Error('no management'); } });
    expect((await seen()).queueNow).toBe(REAL);
  });

  it('a flag written by someone else is put back to the real answer', async () => {
    await storage.local.set(HOOKS);
    const gate = await publishHooksGate({ store: storage, getSelf: self('normal') });
    await storage.local.set({ [STORED.debugHooksAllowed.key]: true });
    await gate.settled();
    expect((await seen()).fail).toEqual([]);
    await storage.local.clear();
    await gate.settled();
    expect((await storage.local.get(STORED.debugHooksAllowed.key))[STORED.debugHooksAllowed.key]).toBe(false);
  });

  it('after the storage is cleared a development install publishes the flag again', async () => {
    const gate = await publishHooksGate({ store: storage, getSelf: self('development') });
    await storage.local.clear();
    await gate.settled();
    await storage.local.set(HOOKS);
    expect((await seen()).fail).toEqual(['signature']);
  });
});
