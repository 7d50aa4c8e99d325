import { nextTask, timeSlicer } from '../../../../features/shared/yield';

describe('timeSlicer', () => {
  it('yields only once the slice has used its budget, then starts a new slice', async () => {
    let now = 0;
    const yields: number[] = [];
    const maybeYield = timeSlicer(8, () => now, async () => void yields.push(now));
    now = 5;
    await maybeYield(); // 5 ms into the slice: keep going
    expect(yields).toEqual([]);
    now = 9;
    await maybeYield(); // 9 ms: give the page a turn
    expect(yields).toEqual([9]);
    now = 12;
    await maybeYield(); // 3 ms into the new slice
    expect(yields).toEqual([9]);
    now = 17.5;
    await maybeYield();
    expect(yields).toEqual([9, 17.5]);
  });
});

describe('nextTask', () => {
  it('resolves in a later task, after work already queued', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('queued before'), 0);
    await new Promise((r) => setTimeout(r, 5));
    const p = nextTask().then(() => order.push('ours'));
    order.push('sync');
    await p;
    expect(order).toEqual(['queued before', 'sync', 'ours']);
  });
});
