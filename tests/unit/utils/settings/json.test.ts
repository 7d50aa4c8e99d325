/** utils/settings/json.ts: the shape check the options page's first frame relies on. */
import { DEFAULT_SETTINGS, defaultSettingsCopy } from '../../../../utils/settings/defaults';
import { hasShapeOf } from '../../../../utils/settings/json';

describe('hasShapeOf', () => {
  it('takes the defaults themselves, and settings with values of the same kinds', () => {
    expect(hasShapeOf(defaultSettingsCopy(), DEFAULT_SETTINGS)).toBe(true);
    const edited = defaultSettingsCopy();
    edited.identity.name = 'Alain Roy';
    edited.queue.staleDays = 3;
    edited.team = [];
    expect(hasShapeOf(edited, DEFAULT_SETTINGS)).toBe(true);
  });

  it('takes keys the template does not have (a newer or looser object)', () => {
    expect(hasShapeOf({ ...defaultSettingsCopy(), someFutureSection: { on: true } }, DEFAULT_SETTINGS)).toBe(true);
  });

  it('refuses a missing section or key, at any depth (an older version’s snapshot)', () => {
    const { jira: _jira, ...withoutJira } = defaultSettingsCopy();
    expect(hasShapeOf(withoutJira, DEFAULT_SETTINGS)).toBe(false);
    const withoutKey = defaultSettingsCopy() as unknown as { queue: Record<string, unknown> };
    delete withoutKey.queue.staleDays;
    expect(hasShapeOf(withoutKey, DEFAULT_SETTINGS)).toBe(false);
  });

  it('refuses a value of another kind: object for list, text for number, list for object', () => {
    expect(hasShapeOf({ ...defaultSettingsCopy(), team: {} }, DEFAULT_SETTINGS)).toBe(false);
    expect(hasShapeOf({ ...defaultSettingsCopy(), queue: { ...DEFAULT_SETTINGS.queue, staleDays: '7' } }, DEFAULT_SETTINGS)).toBe(false);
    expect(hasShapeOf({ ...defaultSettingsCopy(), identity: [] }, DEFAULT_SETTINGS)).toBe(false);
    expect(hasShapeOf(null, DEFAULT_SETTINGS)).toBe(false);
    expect(hasShapeOf('settings', DEFAULT_SETTINGS)).toBe(false);
  });

  it('does not look into list items (what they hold is the validator’s business)', () => {
    const huge = { ...defaultSettingsCopy(), team: Array.from({ length: 100_000 }, () => 'not a member') };
    expect(hasShapeOf(huge, DEFAULT_SETTINGS)).toBe(true);
  });
});
