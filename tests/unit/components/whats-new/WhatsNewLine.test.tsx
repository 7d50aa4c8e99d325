// @vitest-environment happy-dom
/** The "What's new" line: shown from storage, dismissed for good, absent without a stored line. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { WhatsNewLine } from '../../../../components/whats-new/WhatsNewLine';
import { getItem, STORED, type StorageLike } from '../../../../utils/storage-items';

const LINE = 'Triage in one step on Software tickets.';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const line = () => document.querySelector('[data-gta="whats-new"]');

describe('WhatsNewLine', () => {
  it('shows the stored line with its version', async () => {
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.2.0', lines: [LINE] } });
    render(<WhatsNewLine />);
    await waitFor(() => expect(line()?.textContent).toContain(LINE));
    expect(line()!.textContent).toContain('New in 0.2.0:');
    expect(line()!.getAttribute('data-gta-version')).toBe('0.2.0');
  });

  it('lists several lines (a jump over releases)', async () => {
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.3.0', lines: ['three', 'two'] } });
    render(<WhatsNewLine />);
    await waitFor(() => expect([...document.querySelectorAll('[data-gta="whats-new"] li')].map((li) => li.textContent)).toEqual(['three', 'two']));
  });

  it('Dismiss hides it and clears it from storage, so it does not come back', async () => {
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.2.0', lines: [LINE] } });
    render(<WhatsNewLine />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    expect(line()).toBeNull();
    await waitFor(async () => expect(await getItem(browser.storage, STORED.whatsNewNotice)).toBeNull());
    cleanup();
    render(<WhatsNewLine />);
    // A positive signal that the second render read storage: a new line appears when stored.
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.2.1', lines: ['later'] } });
    await waitFor(() => expect(line()?.textContent).toContain('later'));
    expect(line()!.textContent).not.toContain(LINE);
  });

  it('hides when dismissed elsewhere (another window)', async () => {
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: { version: '0.2.0', lines: [LINE] } });
    render(<WhatsNewLine />);
    await waitFor(() => expect(line()).toBeTruthy());
    await browser.storage.local.set({ [STORED.whatsNewNotice.key]: null });
    await waitFor(() => expect(line()).toBeNull());
  });

  it('renders nothing without a stored line, or with a malformed one', async () => {
    for (const stored of [undefined, { version: '0.2.0', lines: 'not a list' }, { version: '0.2.0', lines: [] }]) {
      fakeBrowser.reset();
      if (stored) await browser.storage.local.set({ [STORED.whatsNewNotice.key]: stored });
      // Resolves once the component has read storage (the positive signal before the negative check).
      let readDone!: () => void;
      const read = new Promise<void>((r) => (readDone = r));
      const store: StorageLike = {
        ...browser.storage,
        local: { ...browser.storage.local, get: (keys) => browser.storage.local.get(keys).finally(readDone) },
      } as StorageLike;
      const { container } = render(<WhatsNewLine store={store} />);
      await act(() => read);
      expect(container.innerHTML, JSON.stringify(stored)).toBe('');
      cleanup();
    }
  });
});
