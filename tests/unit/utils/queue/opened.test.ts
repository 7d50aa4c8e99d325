import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { markOpenedToday, openedToday } from '../../../../utils/queue/opened';
import { getItem, STORED } from '../../../../utils/storage-items';

const at = (iso: string) => Date.parse(iso);

describe('openedToday: the queue was looked at on the team’s day', () => {
  // Tokyo is UTC+9 all year: 14:30Z is 23:30 there, 15:30Z already the next day.
  const ZONE = 'Asia/Tokyo';

  it('the same day in the team zone', () => {
    expect(openedToday(at('2026-03-10T01:00:00Z'), at('2026-03-10T14:30:00Z'), ZONE)).toBe(true);
  });

  it('the same UTC day but the next day in the team zone', () => {
    expect(openedToday(at('2026-03-10T14:30:00Z'), at('2026-03-10T15:30:00Z'), ZONE)).toBe(false);
    // …and the other way round: different UTC days, one Chicago day (UTC−5 in March 2026).
    expect(openedToday(at('2026-03-10T23:00:00Z'), at('2026-03-11T03:00:00Z'), 'America/Chicago')).toBe(true);
  });

  it('never opened, or a zero mark', () => {
    expect(openedToday(null, at('2026-03-10T14:30:00Z'), ZONE)).toBe(false);
    expect(openedToday(0, 0, ZONE)).toBe(false);
  });
});

describe('markOpenedToday: one write per team day', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the first look of a team day, and not the later ones that day', async () => {
    const set = vi.spyOn(browser.storage.local, 'set');
    expect(await markOpenedToday(browser.storage, 'Asia/Tokyo', at('2026-03-10T01:00:00Z'))).toBe(true);
    expect(await getItem(browser.storage, STORED.queueLastOpenedAt)).toBe(at('2026-03-10T01:00:00Z'));
    expect(await markOpenedToday(browser.storage, 'Asia/Tokyo', at('2026-03-10T14:30:00Z'))).toBe(false);
    expect(set).toHaveBeenCalledTimes(1);
    // 15:30Z is the next day in Tokyo: a new write.
    expect(await markOpenedToday(browser.storage, 'Asia/Tokyo', at('2026-03-10T15:30:00Z'))).toBe(true);
    expect(await getItem(browser.storage, STORED.queueLastOpenedAt)).toBe(at('2026-03-10T15:30:00Z'));
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('the day is the team zone’s: the same instants in Chicago are one day, no second write', async () => {
    await markOpenedToday(browser.storage, 'America/Chicago', at('2026-03-10T14:30:00Z'));
    expect(await markOpenedToday(browser.storage, 'America/Chicago', at('2026-03-10T15:30:00Z'))).toBe(false);
    expect(await getItem(browser.storage, STORED.queueLastOpenedAt)).toBe(at('2026-03-10T14:30:00Z'));
  });
});
