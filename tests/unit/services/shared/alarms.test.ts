/** ensureAlarm: create-if-missing, so a wake never resets a running alarm's countdown. */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureAlarm, ensureAlarmAt, rescheduleAlarm } from '../../../../services/shared/alarms';

const MIN = 60_000;

beforeEach(() => fakeBrowser.reset());

describe('ensureAlarm', () => {
  it('creates a missing alarm, and never re-creates (resets) an existing one', async () => {
    expect(await ensureAlarm(browser.alarms, 'tick', { periodInMinutes: 5, delayInMinutes: 5 })).toBe(true);
    const first = await browser.alarms.get('tick');
    expect(first?.periodInMinutes).toBe(5);
    // Later wakes, minutes on: the countdown is the first one's.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 3 * MIN);
    const create = vi.spyOn(browser.alarms, 'create');
    expect(await ensureAlarm(browser.alarms, 'tick', { periodInMinutes: 5, delayInMinutes: 5 })).toBe(false);
    expect(await ensureAlarm(browser.alarms, 'tick', { periodInMinutes: 5, delayInMinutes: 5 }, (a) => a.periodInMinutes !== 5)).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect((await browser.alarms.get('tick'))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('re-creates an alarm that vanished (browser restart)', async () => {
    await ensureAlarm(browser.alarms, 'tick', { periodInMinutes: 5 });
    await browser.alarms.clearAll();
    expect(await ensureAlarm(browser.alarms, 'tick', { periodInMinutes: 5 })).toBe(true);
    expect(await browser.alarms.get('tick')).toBeDefined();
  });

  it('re-creates an alarm that no longer fits', async () => {
    await ensureAlarm(browser.alarms, 'sync', { periodInMinutes: 360 });
    expect(await ensureAlarm(browser.alarms, 'sync', { periodInMinutes: 120 }, (a) => a.periodInMinutes !== 120)).toBe(true);
    expect((await browser.alarms.get('sync'))?.periodInMinutes).toBe(120);
  });
});

describe('ensureAlarmAt', () => {
  it('keeps a one-shot alarm within the tolerance, moves it beyond, clears it for null', async () => {
    const when = Date.now() + 60 * MIN;
    await ensureAlarmAt(browser.alarms, 'remind', when, MIN);
    await ensureAlarmAt(browser.alarms, 'remind', when + 30_000, MIN);
    expect((await browser.alarms.get('remind'))?.scheduledTime).toBe(when);
    await ensureAlarmAt(browser.alarms, 'remind', when + 5 * MIN, MIN);
    expect((await browser.alarms.get('remind'))?.scheduledTime).toBe(when + 5 * MIN);
    await ensureAlarmAt(browser.alarms, 'remind', null, MIN);
    expect(await browser.alarms.get('remind')).toBeUndefined();
  });
});

describe('rescheduleAlarm', () => {
  it('moves an alarm on purpose', async () => {
    const when = Date.now() + 60 * MIN;
    await browser.alarms.create('nudge', { when });
    await rescheduleAlarm(browser.alarms, 'nudge', { when: when + MIN });
    expect((await browser.alarms.get('nudge'))?.scheduledTime).toBe(when + MIN);
  });
});
