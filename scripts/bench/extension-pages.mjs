/**
 * The extension's own pages, in the production build in Debian Chromium, after one real queue
 * check against the simulator (so the popup has tickets to show):
 * - popup: its scripts evaluated (mark `gta:popup-script`) → the first frame rendered from local
 *   data (`gta:popup-rendered`). Goal ≤ 50 ms. Also: navigation start → that frame.
 * - options: navigation start → every section rendered with the stored values and usable
 *   (`gta:options-interactive`). Goal ≤ 150 ms. Beside it, the floor: the same navigation to the
 *   cheapest extension page there is (the empty extension's page.html, one module script that only
 *   marks), in its own Chromium, opened in turn with ours; and our own part, scripts evaluated
 *   (`gta:options-script`) → interactive; and interactive → the frame that shows the sections painted
 *   (`gta:options-painted`, a task after that frame starts). The first frame shows the snapshot the
 *   background validated; `gta:options-confirmed` marks the page's own read of the stored settings
 *   through the store (loaded after that frame), which then takes over.
 * Median of ctx.runs opens after 2 warm-ups, each in a fresh tab.
 */
export const name = 'extension-pages';

const POPUP_GOAL_MS = 50;
const OPTIONS_GOAL_MS = 150;
const WARMUP = 2;

/** Opens an extension page in a new tab and reads its marks once every one of them is there. */
async function marks(browser, pagePath, names) {
  const page = await browser.extensionPage(pagePath);
  const got = await page.evaluate(async (names) => {
    const missing = () => names.some((n) => performance.getEntriesByName(n).length === 0);
    for (let k = 0; k < 500 && missing(); k++) await new Promise((r) => setTimeout(r, 10));
    return Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]));
  }, names);
  await page.close();
  const absent = names.filter((n) => got[n] === null);
  if (absent.length > 0) throw new Error(`${pagePath} never marked ${absent.join(', ')}`);
  return got;
}

export async function run(ctx) {
  const sim = await ctx.sim();
  const browser = await ctx.chromium({ extension: true });
  // One real check through the popup's own button, signed in, so the popup shows real tickets.
  const login = await browser.page();
  await login.goto(sim.url('/__sim/login?user=aroy&to=/__sim/health'));
  await login.close();
  const first = await browser.extensionPage('popup.html');
  await first.click('[data-gta="queue-check-now"]');
  await first.waitForSelector('[data-gta="queue-section"][data-gta-state="ok"]', { timeout: 30_000 });
  const untriaged = await first.getAttribute('[data-gta="queue-count"]', 'data-gta-count');
  await first.close();

  const floorBrowser = await ctx.chromium({ extension: 'empty' });
  const popupOwn = [];
  const popupTotal = [];
  const options = [];
  const optionsOwn = [];
  const optionsPaint = [];
  const optionsConfirmed = [];
  const floor = [];
  for (let i = -WARMUP; i < ctx.runs; i++) {
    const p = await marks(browser, 'popup.html', ['gta:popup-script', 'gta:popup-rendered']);
    const o = await marks(browser, 'options.html', ['gta:options-script', 'gta:options-interactive', 'gta:options-painted', 'gta:options-confirmed']);
    const f = await marks(floorBrowser, 'page.html', ['gta:floor-page']);
    if (i < 0) continue;
    popupOwn.push(p['gta:popup-rendered'] - p['gta:popup-script']);
    popupTotal.push(p['gta:popup-rendered']);
    options.push(o['gta:options-interactive']);
    optionsOwn.push(o['gta:options-interactive'] - o['gta:options-script']);
    optionsPaint.push(o['gta:options-painted'] - o['gta:options-interactive']);
    optionsConfirmed.push(o['gta:options-confirmed']);
    floor.push(f['gta:floor-page']);
  }
  const m = (list) => ctx.median(list);
  const max = (list) => Math.max(...list).toFixed(1);
  return [
    {
      metric: 'popup: scripts loaded → first frame from local data',
      value: m(popupOwn),
      unit: 'ms',
      goal: { max: POPUP_GOAL_MS },
      note: `median of ${ctx.runs}, max ${max(popupOwn)}; ${untriaged} untriaged tickets stored`,
    },
    {
      metric: 'popup: navigation start → first frame from local data (compare: the cheapest extension page)',
      value: m(popupTotal),
      unit: 'ms',
      compare: m(floor),
      note: `median of ${ctx.runs}, max ${max(popupTotal)}`,
    },
    {
      metric: 'options: navigation start → sections interactive (compare: the cheapest extension page)',
      value: m(options),
      unit: 'ms',
      compare: m(floor),
      goal: { max: OPTIONS_GOAL_MS },
      note: `median of ${ctx.runs}, max ${max(options)}; the floor's max ${max(floor)}`,
    },
    { metric: 'options: its scripts evaluated → sections interactive', value: m(optionsOwn), unit: 'ms', note: `median of ${ctx.runs}, max ${max(optionsOwn)}` },
    {
      metric: 'options: sections interactive → that frame painted',
      value: m(optionsPaint),
      unit: 'ms',
      note: `median of ${ctx.runs}, max ${max(optionsPaint)}; what runs before the first frame after the mark, and the frame itself`,
    },
    {
      metric: 'options: navigation start → the stored settings read through the store (confirming the first frame)',
      value: m(optionsConfirmed),
      unit: 'ms',
      note: `median of ${ctx.runs}, max ${max(optionsConfirmed)}; the store and validator load after the first frame`,
    },
  ];
}
