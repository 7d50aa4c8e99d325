/**
 * The accessibility checks used by a11y.spec.ts: axe-core (WCAG 2 A/AA) run inside the page in both
 * browsers, a visible-focus check, prefers-color-scheme for a page, and a wait for a settled page.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type ExtDriver, type GtaPage } from './fixtures';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  rule: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/** Runs axe in `page` (restricted to `include` when given) and returns every violation it found. */
export async function axe(page: GtaPage, include?: string): Promise<{ violations: Finding[]; passed: number }> {
  const loaded = await page.evaluate(() => typeof (window as any).axe?.run === 'function');
  // A string is evaluated as a script by both drivers (DevTools / BiDi evaluation, not a <script>
  // element, so neither the GOC page's nor the extension pages' CSP is involved).
  if (!loaded) await page.evaluate(AXE_SOURCE as unknown as () => void);
  return page.evaluate(
    async ({ include, tags }) => {
      const context = include ? { include: [[include]] } : document;
      const result = await (window as any).axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        passed: result.passes.length,
        violations: result.violations.map((v: any) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n: any) => ({ target: n.target.join(' >>> '), summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
        })),
      };
    },
    { include: include ?? null, tags: WCAG_AA },
  );
}

function describe(findings: Finding[]): string {
  return findings
    .map((f) => `${f.rule} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join('\n')}`)
    .join('\n');
}

/** Fails with the whole list when a serious or critical violation is found; reports the rest. */
export async function expectAccessible(page: GtaPage, where: string, include?: string): Promise<void> {
  const { violations: findings, passed } = await axe(page, include);
  // Rules that found something to check and passed: none would mean the context matched nothing.
  expect(passed, `axe checked nothing in ${where}`).toBeGreaterThan(5);
  const blocking = findings.filter((f) => BLOCKING.has(String(f.impact)));
  const minor = findings.filter((f) => !BLOCKING.has(String(f.impact)));
  if (minor.length) test.info().annotations.push({ type: 'a11y (minor)', description: `${where}\n${describe(minor)}` });
  expect(blocking.length, `axe: serious/critical violations in ${where}:\n${describe(blocking)}\n`).toBe(0);
}

/**
 * Controls (in `scope`, or the whole page) that look the same focused as unfocused: no outline, ring,
 * border, background or underline change under :focus-visible. axe does not check this (WCAG 2.4.7).
 */
export async function focusWithoutIndicator(page: GtaPage, scope?: string): Promise<{ checked: number; skipped: number; missing: string[] }> {
  await page.press('Shift'); // the last input was the keyboard: focus() then shows :focus-visible
  return page.evaluate((scope) => {
    const controls = 'a[href],button,input:not([type="hidden"]),select,textarea,summary,[tabindex]';
    const roots = scope ? Array.from(document.querySelectorAll(scope)) : [document.body];
    const els = [...new Set(roots.flatMap((r) => [...(r.matches(controls) ? [r] : []), ...Array.from(r.querySelectorAll(controls))]))].filter(
      (el) => el instanceof HTMLElement && el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible',
    ) as HTMLElement[];
    const look = (el: HTMLElement) => {
      const cs = getComputedStyle(el);
      return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.borderColor, cs.backgroundColor, cs.textDecorationLine].join('|');
    };
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-gta') ? `[data-gta="${el.getAttribute('data-gta')}"]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
    const missing: string[] = [];
    let checked = 0;
    let skipped = 0;
    for (const el of els) {
      el.blur();
      const before = look(el);
      el.focus({ focusVisible: true } as FocusOptions);
      if (document.activeElement !== el || !el.matches(':focus-visible')) {
        skipped++;
        continue;
      }
      checked++;
      if (look(el) === before) missing.push(name(el));
      el.blur();
    }
    return { checked, skipped, missing };
  }, scope ?? null);
}

export async function expectVisibleFocus(page: GtaPage, where: string, scope?: string): Promise<void> {
  const result = await focusWithoutIndicator(page, scope);
  test.info().annotations.push({ type: 'a11y focus', description: `${where}: ${result.checked} controls checked, ${result.skipped} not focusable by script` });
  expect(result.checked, `no control could be focused in ${where}`).toBeGreaterThan(0);
  expect(result.missing, `controls without a visible focus indicator in ${where}`).toEqual([]);
}

/** Our own elements only: nothing but `[data-gta]` subtrees is checked on GOC pages. */
export const OURS = '[data-gta]';

export const SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override'; // 0 dark, 1 light

/** Runs `expression` in Firefox's chrome scope over BiDi (the harness launches it with --remote-allow-system-access). */
export async function firefoxChromeEval(page: GtaPage, expression: string): Promise<void> {
  const connection = (page.raw as any).browser().connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const response = await connection.send('script.evaluate', { expression, target: { context: tree.result.contexts[0].context }, awaitPromise: true });
  if (response.result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(response.result)}`);
}

/**
 * prefers-color-scheme for one page. Chromium: Playwright's media emulation. Firefox: puppeteer's
 * media emulation is CDP-only, so the content colour-scheme preference is set instead (browser-wide;
 * cleared after each test).
 */
export async function colorScheme(ext: ExtDriver, page: GtaPage, scheme: 'light' | 'dark'): Promise<void> {
  if (ext.browserName === 'chromium') await (page.raw as any).emulateMedia({ colorScheme: scheme });
  else await firefoxChromeEval(page, `Services.prefs.setIntPref('${SCHEME_PREF}', ${scheme === 'dark' ? 0 : 1})`);
  await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, scheme === 'dark');
}

/** Waits until the page's `[data-gta]` elements stop changing for 300 ms (lazy sections, async fills). */
export async function settled(page: GtaPage): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as any;
      const now = document.querySelectorAll('[data-gta], section[id]').length + ':' + document.body.textContent!.length;
      if (w.__gtaA11yShape !== now) {
        w.__gtaA11yShape = now;
        w.__gtaA11yShapeAt = performance.now();
        return false;
      }
      return performance.now() - w.__gtaA11yShapeAt >= 300;
    },
    undefined,
    { timeout: 15_000 },
  );
}
