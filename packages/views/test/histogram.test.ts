import { describe, expect, it } from 'vitest';
import { latencyBars } from '../src/results/histogram.js';
import { buckets } from './fixtures/results.js';

describe('latency bars from the simulator buckets', () => {
  it('gives each bucket its share of the requests, empty buckets included', () => {
    const bars = latencyBars(buckets());
    expect(bars.map((b) => [b.fromMs, b.toMs, b.share])).toEqual([
      [1, 1.584893, 0.25],
      [1.584893, 2.511886, 0],
      [2.511886, 3.981072, 0.75],
    ]);
  });

  it('makes each bar as high as its share per tenfold of latency (a fifth of a decade wide: ×5)', () => {
    const [first, , last] = latencyBars(buckets());
    expect(first!.sharePerDecade).toBeCloseTo(0.25 * 5, 4);
    expect(last!.sharePerDecade).toBeCloseTo(0.75 * 5, 4);
  });

  it('has no bars without requests', () => {
    expect(latencyBars([])).toEqual([]);
    expect(latencyBars(buckets().map((b) => ({ ...b, count: 0 })))).toEqual([]);
  });
});
