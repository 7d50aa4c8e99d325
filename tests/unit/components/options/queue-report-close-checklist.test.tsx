// @vitest-environment happy-dom
/** The weekly report shows the close checklist's counts for the week (from the stored log). */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { QueueReport } from '../../../../components/options/sections/QueueReport';
import { defaultSettings } from '../../../../utils/settings';
import { STORED } from '../../../../utils/storage-items';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

// Fixed: the test and the code under test compute "today" and "this week" from the same instant, on any day.
fixedClock(WEDNESDAY_MORNING);

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('weekly report: close checklist', () => {
  it('counts this week\u2019s closes by answer', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      [STORED.closeChecklistLog.key]: [
        { at: now - 1000, ticket: 1, answers: ['others', 'docs'] },
        { at: now - 500, ticket: 2, answers: [] },
      ],
    });
    render(<QueueReport settings={defaultSettings()} />);
    const line = await waitFor(() => {
      const el = document.querySelector('[data-gta-report="close-checklist"]');
      expect(el).toBeTruthy();
      return el!;
    });
    expect(line.textContent).toContain('Closed with the checklist: 2.');
    expect(line.textContent).toContain('Could hit other users: 1;');
    expect(line.textContent).toContain('docs to improve: 1;');
    expect(line.textContent).toContain('nothing ticked: 1.');
  });
});
