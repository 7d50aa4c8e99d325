/** Chromium trace helpers shared by the bench modules that read the browser's own timeline. */

/** Total length of the union of [start, end) intervals that start before `until` (nested or overlapping events count once). */
export function unionLength(intervals, until = Infinity) {
  const sorted = intervals.filter(([s]) => s < until).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (s > end) {
      total += e - s;
      end = e;
    } else if (e > end) {
      total += e - end;
      end = e;
    }
  }
  return total;
}

/**
 * The trace events of one load of `url` in `page` (DevTools protocol, these categories); tracing
 * ends once the load event has fired and `settled(page)` has resolved.
 */
export async function traceLoad(page, url, categories, settled = async () => undefined) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await settled(page);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}
