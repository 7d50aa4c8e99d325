// @vitest-environment happy-dom
/**
 * axe-core on the rendered options page (WCAG 2 A/AA): names, labels, roles, ARIA, ids. Contrast is
 * left to the e2e check (tests/e2e/a11y.spec.ts): happy-dom computes no real colours or layout.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../../components/options/App';
import { loadDeferred } from '../../../../components/options/use-deferred';

// The page's second script (store, validator, weekly report) comes with import(): loaded up front, so no
// import outlives a test file.
beforeAll(() => loadDeferred());
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** The app's own markup (the test document has no title or lang; the real options.html has both, checked in e2e). */
async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false }, 'link-in-text-block': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

describe('options page accessibility (no contrast here)', () => {
  it('has no serious or critical violations on a first run (every section rendered)', async () => {
    const { container } = render(<OptionsApp />);
    await waitFor(() => expect(document.querySelectorAll('main section[id]').length).toBeGreaterThan(5));
    expect(await violations(container)).toEqual([]);
  });

  it('finds an unlabelled field (the check is live)', async () => {
    const { container } = render(<OptionsApp />);
    await waitFor(() => expect(document.querySelector('section#identity')).toBeTruthy());
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('section#identity')!.append(input);
    expect((await violations(container)).some((v) => v.startsWith('label '))).toBe(true);
  });
});
