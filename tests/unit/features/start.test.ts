// @vitest-environment happy-dom
import { recordOutcomes } from '../../../features/start';

describe('recordOutcomes (several content scripts on one page)', () => {
  beforeEach(() => {
    for (const a of Array.from(document.documentElement.attributes)) {
      if (a.name.startsWith('data-gta')) document.documentElement.removeAttribute(a.name);
    }
  });

  it('writes data-gta-features only once every expected script has finished, in script order', () => {
    const html = document.documentElement;
    const expected = ['banner', 'ticket', 'update'] as const;
    recordOutcomes(html, 'update', expected, [{ id: 'signature', status: 'ok' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'banner', expected, [{ id: 'duty-banner', status: 'ok' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'ticket', expected, [
      { id: 'responder-badges', status: 'failed', error: 'x' },
      { id: 'jira-links', status: 'skipped' },
    ]);
    expect(html.getAttribute('data-gta-features')).toBe('duty-banner:ok responder-badges:failed signature:ok');
    expect(html.getAttribute('data-gta-script-ticket')).toBe('responder-badges:failed');
  });

  it('counts a script with no feature for the page as finished', () => {
    const html = document.documentElement;
    recordOutcomes(html, 'list', ['banner', 'list'], [{ id: 'queue-highlight', status: 'skipped' }]);
    expect(html.hasAttribute('data-gta-features')).toBe(false);
    recordOutcomes(html, 'banner', ['banner', 'list'], [{ id: 'duty-banner', status: 'ok' }]);
    expect(html.getAttribute('data-gta-features')).toBe('duty-banner:ok');
  });
});
