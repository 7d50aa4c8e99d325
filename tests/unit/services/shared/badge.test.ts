/** The toolbar badge helper, for Chrome's `action` and Firefox MV2's `browserAction`. */
import { showBadge, toolbarAction } from '../../../../services/shared/badge';

describe('badge', () => {
  it('sets text, colour, tooltip and white text', async () => {
    const calls: unknown[] = [];
    const record = (name: string) => (details: unknown) => void calls.push([name, details]);
    const action = {
      setBadgeText: record('text'),
      setBadgeBackgroundColor: record('colour'),
      setTitle: record('title'),
      setBadgeTextColor: record('textColour'),
    };
    await showBadge(action, { text: '3', colour: '#d93025', title: 'Three' });
    expect(calls).toEqual([
      ['text', { text: '3' }],
      ['colour', { color: '#d93025' }],
      ['title', { title: 'Three' }],
      ['textColour', { color: '#ffffff' }],
    ]);
  });

  it('uses browserAction where there is no action (Firefox MV2)', async () => {
    const browserAction = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() };
    expect(toolbarAction({ browserAction })).toBe(browserAction);
    await showBadge(toolbarAction({ browserAction }), { text: '', colour: '#000000', title: 'x' });
    expect(browserAction.setBadgeText).toHaveBeenCalledWith({ text: '' });
  });
});
