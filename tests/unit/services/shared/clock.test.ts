/** The test clock hooks: read only in services/shared/clock.ts. */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { queueClock, rotationClock, rotationClockChanged } from '../../../../services/shared/clock';

const storage = browser.storage;
const REAL = 1_700_000_000_000;

beforeEach(async () => {
  fakeBrowser.reset();
  // The hooks count only when the background has published a development install (hooks.test.ts).
  await browser.storage.local.set({ 'debug.hooksAllowed': true });
});

describe('clock', () => {
  it('queue: real time plus debug.queueClockOffsetMs (number or numeric text); garbage is no offset', async () => {
    const now = queueClock(storage, () => REAL);
    expect(await now()).toBe(REAL);
    await browser.storage.local.set({ 'debug.queueClockOffsetMs': 3_600_000 });
    expect(await now()).toBe(REAL + 3_600_000);
    await browser.storage.local.set({ 'debug.queueClockOffsetMs': '-60000' });
    expect(await now()).toBe(REAL - 60_000);
    await browser.storage.local.set({ 'debug.queueClockOffsetMs': 'soon' });
    expect(await now()).toBe(REAL);
  });

  it('rotation: debug.rotationNow (ISO text or ms) replaces real time', async () => {
    const now = rotationClock(storage, () => REAL);
    expect(await now()).toBe(REAL);
    await browser.storage.local.set({ 'debug.rotationNow': '2026-02-09T15:05:00Z' });
    expect(await now()).toBe(Date.parse('2026-02-09T15:05:00Z'));
    await browser.storage.local.set({ 'debug.rotationNow': 42 });
    expect(await now()).toBe(42);
    await browser.storage.local.set({ 'debug.rotationNow': 'not a date' });
    expect(await now()).toBe(REAL);
  });

  it('tells a change of the rotation test clock from other changes', () => {
    expect(rotationClockChanged({ 'debug.rotationNow': {} }, 'local')).toBe(true);
    expect(rotationClockChanged({ 'debug.rotationNow': {} }, 'sync')).toBe(false);
    expect(rotationClockChanged({ settings: {} }, 'local')).toBe(false);
  });
});
