// @vitest-environment happy-dom
/** The popup shows the line an update left (the options page shows it too), and Dismiss clears it for both. */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../../../components/popup/App';
import { getItem, setItem, STORED } from '../../../../utils/storage-items';

vi.mock('../../../../utils/messages', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe("popup: what's new", () => {
  it('shows the stored line and Dismiss removes it from storage', async () => {
    await setItem(browser.storage, STORED.whatsNewNotice, { version: '0.2.0', lines: ['Triage in one step on Software tickets.'] });
    const { container } = render(<PopupApp />);
    await waitFor(() => expect(container.querySelector('[data-gta="whats-new"]')?.textContent).toContain('Triage in one step'));
    expect(container.querySelector('[data-gta="whats-new"]')?.getAttribute('data-gta-version')).toBe('0.2.0');
    fireEvent.click(container.querySelector('[data-gta="whats-new-dismiss"]')!);
    await waitFor(() => expect(container.querySelector('[data-gta="whats-new"]')).toBeNull());
    expect(await getItem(browser.storage, STORED.whatsNewNotice)).toBeNull();
  });
});
