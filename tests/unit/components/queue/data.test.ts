/**
 * The popup's "looked at the queue" mark: once per day of the team's zone, read from the settings
 * snapshot the background published (the popup never loads the validator).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { markQueueOpened } from '../../../../components/queue/data';
import { parseSettings } from '../../../../utils/settings';
import { getItem, STORED } from '../../../../utils/storage-items';

const at = (iso: string) => Date.parse(iso);

async function publishZone(timeZone: string) {
  const parsed = parseSettings({ rotation: { timeZone } });
  if (!parsed.ok) throw new Error(parsed.error);
  await browser.storage.local.set({ [STORED.settingsSnapshot.key]: { settings: parsed.settings, error: null, publishedAt: 1 } });
}

describe('markQueueOpened (the popup opened)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the published team zone: 14:30Z and 15:30Z are two days in Tokyo', async () => {
    await publishZone('Asia/Tokyo');
    expect(await markQueueOpened(at('2026-03-10T14:30:00Z'))).toBe(true);
    expect(await markQueueOpened(at('2026-03-10T15:30:00Z'))).toBe(true);
    expect(await getItem(browser.storage, STORED.queueLastOpenedAt)).toBe(at('2026-03-10T15:30:00Z'));
  });

  it('without a snapshot, the default team zone (Chicago): the same two instants are one day, one write', async () => {
    const set = vi.spyOn(browser.storage.local, 'set');
    expect(await markQueueOpened(at('2026-03-10T14:30:00Z'))).toBe(true);
    expect(await markQueueOpened(at('2026-03-10T15:30:00Z'))).toBe(false);
    expect(set).toHaveBeenCalledTimes(1);
    expect(await getItem(browser.storage, STORED.queueLastOpenedAt)).toBe(at('2026-03-10T14:30:00Z'));
  });
});
