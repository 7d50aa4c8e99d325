/**
 * The XSS detector for tests/e2e/xss.spec.ts. It returns findings instead of asserting, so the
 * spec's canary can prove it: a payload inserted on purpose through an unsafe path (innerHTML)
 * must be reported by exactly this code.
 *
 * What counts as "a payload ran or got in": a dialog, the payloads' console marker, the payloads'
 * counter `window.__gtaXss`, an element inside our UI a payload could have smuggled in (script,
 * img, svg, iframe, …), any on* attribute in our UI, or a javascript:/data: URL in our UI.
 */
// @ts-expect-error plain ESM module without types
import { XSS_MARKER } from '../goc-sim/xss.mjs';
import type { GtaPage } from './fixtures';

/** The form controls our UI itself creates (the triage panel's fields; the rows we add to a team list). */
const OUR_INPUTS = [
  '[data-gta="triage-owner-search"]',
  '[data-gta="triage-next-action"]',
  '[data-gta="triage-nad"]',
  '[data-gta="triage-note"][type="checkbox"]',
  '[data-gta-answer][type="checkbox"]',
  '[type="hidden"][name^="team_"]',
];

const SMUGGLED = [
  'script', 'img', 'svg', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'math', 'details', 'marquee',
  'form', 'body', 'link', 'meta', 'base', 'template', 'xmp', 'noscript', 'dialog', 'keygen', 'isindex', 'applet',
];

/**
 * A positive signal before any "nothing ran" check: an image with a broken address, added after
 * everything else, has reported its error, so the payloads' broken images (added earlier) have too.
 * Uses addEventListener (not an inline handler) so it works under an extension page's CSP.
 */
export async function settle(page: GtaPage): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gtaSettled?: number };
    w.__gtaSettled = 0;
    const img = new Image();
    img.style.display = 'none';
    img.addEventListener('error', () => {
      requestAnimationFrame(() => requestAnimationFrame(() => (w.__gtaSettled = 1)));
      img.remove();
    });
    img.src = `x-settle-${Date.now()}`;
    document.body.append(img);
  });
  await page.waitForFunction(() => (window as unknown as { __gtaSettled?: number }).__gtaSettled === 1, undefined, { timeout: 15_000 });
}

/**
 * Everything that shows a payload ran or got into our UI, as readable lines ([] = clean).
 * `ours`: the selector of our UI's roots (default `[data-gta]`: every element we add to a GOC page;
 * an extension page passes `body`, since all of it is ours). `allow`: tags that UI really uses.
 */
export async function xssFindings(page: GtaPage, options: { ours?: string; allow?: string[] } = {}): Promise<string[]> {
  await settle(page);
  const findings: string[] = [];
  for (const d of page.dialogs()) findings.push(`dialog ${d.type}: ${d.message}`);
  for (const m of page.consoleMessages()) if (m.text.includes(XSS_MARKER)) findings.push(`console: ${m.text}`);
  const inPage = await page.evaluate(
    ({ ours, smuggled, ourInputs }) => {
      const out: string[] = [];
      const ran = (window as unknown as { __gtaXss?: number }).__gtaXss ?? 0;
      if (ran) out.push(`window.__gtaXss = ${ran}`);
      const roots = Array.from(document.querySelectorAll(ours));
      const seen = new Set<Element>();
      for (const root of roots) {
        for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
          if (seen.has(el)) continue;
          seen.add(el);
          const tag = el.localName;
          if (el !== document.body && smuggled.includes(tag) && !(tag === 'input' && ourInputs.some((s) => el.matches(s)))) out.push(`<${tag}> inside our UI`);
          if (tag === 'input' && !ourInputs.some((s) => el.matches(s))) out.push('<input> inside our UI');
          for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) out.push(`${tag}@${a.name} in our UI`);
            const url = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (['href', 'src', 'action', 'formaction', 'data', 'background', 'xlink:href'].includes(a.name) && /^(javascript|data|vbscript):/.test(url)) {
              out.push(`${tag}@${a.name}=${a.value.slice(0, 40)} in our UI`);
            }
          }
        }
      }
      return out;
    },
    { ours: options.ours ?? '[data-gta]', smuggled: SMUGGLED.filter((t) => !(options.allow ?? []).includes(t)), ourInputs: OUR_INPUTS },
  );
  return [...findings, ...inPage];
}
