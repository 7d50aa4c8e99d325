/**
 * What DOM-ready work costs ANY extension on the 300-update ticket page (the measurement behind the
 * README's "Performance" note on the page-load goal). Do-nothing MV3 extensions whose one
 * document_start content script does one fixed thing, beside the floor (the same extension doing
 * nothing): spend CPU at DOMContentLoaded (a busy wait, no DOM change), or add one small span to each
 * update's header, the least any responder badge can be, at DOMContentLoaded or after load. If the
 * spans alone cost what our badges cost, the load-time price is the badge goal's (badges at DOM
 * ready, before the page's load) and not our code's. The last two variants run our own badge code
 * the same way, so its price can be told apart from the scripts, storage reads and other features.
 * Loads interleaved, median of ctx.runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { launchChromium } from '../../tests/e2e/harness/launch.mjs';
import { bundleForPage } from '../lib/page-bundle.mjs';

export const name = 'dom-ready-cost';

const busy = (ms) => `const t=performance.now();while(performance.now()-t<${ms});`;
// One span per update header, before the permalink, as the badges go (no analysis, no storage read).
const spans = (cls) =>
  `for(const h of document.querySelectorAll('#updates .header')){const s=document.createElement('span');s.className='${cls}';s.textContent='OSG Software';h.insertBefore(s,h.lastElementChild);}`;
const SPAN_SHEET = `const st=document.createElement('style');st.textContent='.gta-b{display:inline-block;margin:0 .4em;padding:0 .4em;border-radius:3px;font-size:85%;background:#e8f0fe;color:#174ea6}';document.head.append(st);`;
const VARIANTS = {
  floor: '',
  'busy 10 ms at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${busy(10)}});`,
  'busy 20 ms at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${busy(20)}});`,
  'busy 20 ms in 4 ms slices from DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{let n=0;const step=()=>{${busy(4)}if(++n<5){const c=new MessageChannel();c.port1.onmessage=step;c.port2.postMessage(0);}};step();});`,
  'busy 20 ms after load': `addEventListener('load',()=>setTimeout(()=>{${busy(20)}},0));`,
  'a plain span in each of the 300 update headers at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${spans('gta-b')}});`,
  'a styled span (badge-like sheet) in each of the 300 headers at DOMContentLoaded': `document.addEventListener('DOMContentLoaded',()=>{${SPAN_SHEET}${spans('gta-b')}});`,
  // The same, with the sheet put in at document_start (before the page's own first style pass).
  'a styled span in each of the 300 headers at DOMContentLoaded, the sheet added at document_start': `${SPAN_SHEET.replace('document.head', 'document.documentElement')}document.addEventListener('DOMContentLoaded',()=>{${spans('gta-b')}});`,
  'a styled span in each of the 300 headers after load': `addEventListener('load',()=>setTimeout(()=>{${SPAN_SHEET}${spans('gta-b')}},0));`,
};

/**
 * Our own code at DOMContentLoaded in a do-nothing extension (no storage read, no other feature):
 * the ticket analysis alone (reads every update's header and text, writes nothing), and the badges +
 * summary it feeds (the same functions the responder-badges and responder-summary features call).
 */
async function ourCode(work) {
  const entry = `
    import { analyzeTicket } from './features/shared/ticket-analysis';
    import { renderBadges } from './features/responder-badges';
    import { renderSummary } from './features/responder-summary';
    import { defaultSettingsCopy } from './utils/settings/defaults';
    document.addEventListener('DOMContentLoaded', () => {
      const settings = defaultSettingsCopy();
      ${work === 'analysis' ? 'analyzeTicket(document, settings);' : 'renderBadges(document, { settings }); renderSummary(document, { settings });'}
    });
  `;
  return bundleForPage(entry);
}

export async function run(ctx) {
  const sim = await ctx.sim();
  const { GOC_MATCHES } = await ctx.importTs('utils/goc/hosts.ts');
  VARIANTS['our ticket analysis alone (reads, no writes) at DOMContentLoaded'] = await ourCode('analysis');
  VARIANTS['our badges + summary (analysis and writes, nothing else) at DOMContentLoaded'] = await ourCode('badges');
  // artifacts/ is not in a fresh clone (git ignores it).
  fs.mkdirSync(path.join(ctx.root, 'artifacts'), { recursive: true });
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
