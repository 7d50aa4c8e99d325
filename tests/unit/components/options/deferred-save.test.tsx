// @vitest-environment happy-dom
/**
 * A save asked for before the options page's second script (the validator and the store) has
 * arrived waits for it, and is checked with the schema's words like any other. The second script
 * is loaded once per test file: the test checks it is not there yet.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { TicketPageSection } from '../../../../components/options/sections/TicketPageSection';
import { deferredNow, loadDeferred } from '../../../../components/options/use-deferred';
import { defaultSettingsCopy } from '../../../../utils/settings/defaults';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);
afterAll(() => loadDeferred());

describe('a save before the validator has arrived', () => {
  it('waits for it, then refuses an invalid value in the schema’s words and saves nothing', async () => {
    expect(deferredNow()).toBeNull();
    const save = vi.fn();
    render(<TicketPageSection settings={defaultSettingsCopy()} save={save} />);
    fireEvent.input(screen.getByLabelText('Project id'), { target: { value: '10x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved. Project id: expected the numeric JIRA project id');
    expect(save).not.toHaveBeenCalled();
    expect(deferredNow()).not.toBeNull();
  });
});
