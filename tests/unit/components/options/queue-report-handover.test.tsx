// @vitest-environment happy-dom
/** The weekly report's "untriaged at hand-over, per week", read from the local check history. */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { QueueReport } from '../../../../components/options/sections/QueueReport';
import { weekStartOf } from '../../../../utils/queue/report';
import { defaultSettings } from '../../../../utils/settings';
import { addDays } from '../../../../utils/time';
import { zonedInstant } from '../../../../utils/time/instant';
import { recordQueueCheck, resetQueueState } from '../../helpers/queue-history';
import { fixedClock, WEDNESDAY_MORNING } from '../../helpers/fixed-clock';

// Fixed: the test and the code under test compute "today" and "this week" from the same instant, on any day.
fixedClock(WEDNESDAY_MORNING);

const TZ = defaultSettings().rotation.timeZone;

beforeEach(() => resetQueueState());
afterEach(cleanup);

describe('weekly report: untriaged at hand-over', () => {
  it('one row per duty week with the count at Monday 00:00, unknown weeks said so', async () => {
    const monday = weekStartOf(Date.now(), TZ);
    const handoverAt = zonedInstant(monday, 0, TZ);
    // Two untriaged (the helper's list) an hour before this week began.
    await recordQueueCheck(handoverAt - 3_600_000);
    render(<QueueReport settings={defaultSettings()} />);
    const rows = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>('[data-gta-report="handover"] li');
      expect(found.length).toBeGreaterThan(1);
      return found;
    });
    const attrs = (el: HTMLElement) => [el.getAttribute('data-gta-week'), el.getAttribute('data-gta-count')];
    expect(attrs(rows[0])).toEqual([monday, '2']);
    expect(rows[0].textContent).toMatch(new RegExp(`^Week of ${monday}: 2 \\(check of `));
    expect(attrs(rows[1])).toEqual([addDays(monday, -7), '']);
    expect(rows[1].textContent).toBe(`Week of ${addDays(monday, -7)}: no check in the days before`);
  });
});
