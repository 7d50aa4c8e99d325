/**
 * What DOM-ready work costs ANY extension on the 300-update ticket page (the measurement behind the
 * README's "Performance" note on the page-load goal). Do-nothing MV3 extensions whose one
 * document_start content script spends a fixed time at DOMContentLoaded (a busy wait: pure CPU, no DOM
 * change), beside the floor (the same extension spending nothing). If N ms at DOM ready costs far more
 * than N ms of load time, the page's load is held up by more than our work: the browser then lays out
 * the whole page before it fires load. Loads interleaved, median of ctx.runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchChromium } from '../../tests/e2e/harness/launch.mjs';

export const name = 'dom-ready-cost';

const busy = (ms) => `const t=performance.now();while(performance.now()-t<${ms});`;
const VARIANTS = {
  floor: '',
  'busy 5 ms at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${busy(5)}});`,
  'busy 10 ms at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${busy(10)}});`,
  'busy 20 ms at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${busy(20)}});`,
  'busy 20 ms in 4 ms slices from DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{let n=0;const step=()=>{${busy(4)}if(++n<5){const c=new MessageChannel();c.port1.onmessage=step;c.port2.postMessage(0);}};step();});`,
  'busy 20 ms after load': `addEventListener('load',()=>setTimeout(()=>{${busy(20)}},0));`,
};

export async function run(ctx) {
  const sim = await ctx.sim();
  const { GOC_MATCHES } = await ctx.importTs('utils/goc/hosts.ts');
  const tmp = fs.mkdtempSync(path.join(ctx.root, 'artifacts', 'bench-dom-ready-'));
  const pages = {};
  try {
    for (const [label, js] of Object.entries(VARIANTS)) {
      const dir = path.join(tmp, String(Object.keys(pages).length));
      fs.mkdirSync(dir);
      const manifest = {
        manifest_version: 3,
        name: `bench: ${label}`,
        version: '1.0',
        background: { service_worker: 'background.js' },
        content_scripts: [{ matches: GOC_MATCHES, js: ['content.js'], run_at: 'document_start' }],
      };
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      fs.writeFileSync(path.join(dir, 'content.js'), js);
      fs.writeFileSync(path.join(dir, 'background.js'), '');
      const launched = await launchChromium({ chromium, extensionDir: dir, simPort: sim.port, headless: true });
      const page = await launched.context.newPage();
      await page.goto(sim.url('/__sim/login?user=aroy&to=/__sim/state'));
      pages[label] = { page, close: launched.close };
    }
    await pages.floor.page.goto(sim.url('/__sim/bench/ticket?updates=300'));
    const url = pages.floor.page.url().replace(/#.*$/, '');
    const labels = Object.keys(VARIANTS);
    const samples = Object.fromEntries(labels.map((l) => [l, []]));
    for (let i = -1; i < ctx.runs; i++) {
      for (let j = 0; j < labels.length; j++) {
        const label = labels[(i + 1 + j) % labels.length];
        const { page } = pages[label];
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
        const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
        if (i >= 0) samples[label].push(load);
      }
    }
    const floor = ctx.median(samples.floor);
    return labels
      .filter((l) => l !== 'floor')
      .map((label) => ({
        metric: `ticket page, 300 updates: load event end, ${label} vs the floor`,
        value: ctx.median(samples[label]),
        unit: 'ms',
        compare: floor,
        note: `median of ${ctx.runs}; a do-nothing extension`,
      }));
  } finally {
    for (const { close } of Object.values(pages)) await close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
