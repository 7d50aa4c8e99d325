/**
 * notify: one icon, options per browser (Firefox gets no Chrome-only keys), and a record of
 * whether the browser accepted each notification.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  NOTIFICATION_ICON,
  notificationOptions,
  notify,
  notifyAndLog,
  type LoggedNotification,
} from '../../../../services/shared/notify';
import { getItem, NOTIFICATION_LOG_SIZE, STORED } from '../../../../utils/storage-items';

const storage = browser.storage;
const content = { title: 'T', message: 'M', chromeOnly: { priority: 2, requireInteraction: true } };

function refusing(error = new Error('Notifications are blocked')) {
  return { create: vi.fn(async () => Promise.reject(error)) } as unknown as typeof browser.notifications;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('notificationOptions', () => {
  it('Chrome gets the Chrome-only options; Firefox does not', () => {
    expect(notificationOptions(content, false)).toEqual({
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title: 'T',
      message: 'M',
      priority: 2,
      requireInteraction: true,
    });
    expect(notificationOptions(content, true)).toEqual({ type: 'basic', iconUrl: NOTIFICATION_ICON, title: 'T', message: 'M' });
  });
});

describe('notify', () => {
  it('shows the notification under its id and says it was shown', async () => {
    expect(await notify(browser.notifications, 'n-1', content, false)).toEqual({ shown: true });
    const all = (await browser.notifications.getAll()) as unknown as Record<string, { title: string }>;
    expect(all['n-1']).toMatchObject({ title: 'T', iconUrl: NOTIFICATION_ICON });
  });

  it('never throws: a refused notification gives shown false and the error', async () => {
    expect(await notify(refusing(), 'n-1', content, true)).toEqual({ shown: false, error: 'Error: Notifications are blocked' });
  });
});

describe('notifyAndLog', () => {
  const entry = (id: string): LoggedNotification => ({ id, at: 1000, title: `T ${id}`, message: 'M', ticketIds: [7] });

  it('logs an accepted notification with shown: true', async () => {
    await notifyAndLog(storage, browser.notifications, entry('a'), false);
    expect(await getItem(storage, STORED.queueNotifications)).toEqual([
      { id: 'a', at: 1000, title: 'T a', message: 'M', ticketIds: [7], shown: true },
    ]);
  });

  it('logs a notification the browser refused with shown: false and the error', async () => {
    await notifyAndLog(storage, refusing(), entry('b'), false);
    const [logged] = await getItem(storage, STORED.queueNotifications);
    expect(logged).toMatchObject({ id: 'b', shown: false, error: 'Error: Notifications are blocked' });
  });

  it('keeps the newest entries first, up to the log size', async () => {
    for (let i = 0; i < NOTIFICATION_LOG_SIZE + 3; i += 1) await notifyAndLog(storage, browser.notifications, entry(`n${i}`), false);
    const log = await getItem(storage, STORED.queueNotifications);
    expect(log).toHaveLength(NOTIFICATION_LOG_SIZE);
    expect(log[0].id).toBe(`n${NOTIFICATION_LOG_SIZE + 2}`);
  });
});
