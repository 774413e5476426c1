import { describe, expect, it } from 'vitest';
import { latencyBars } from '../src/views/results/histogram.js';
import { latency } from './fixtures/results.js';

describe('latency bars between percentiles', () => {
  it('spans each pair of percentiles with the share of requests between them', () => {
    const bars = latencyBars(latency());
    expect(bars.map((b) => [b.fromMs, b.toMs])).toEqual([
      [1, 4],
      [4, 10],
      [10, 16],
      [16, 24],
      [24, 30],
      [30, 45],
      [45, 400],
      [400, 440],
    ]);
    expect(bars.map((b) => Number(b.share.toFixed(4)))).toEqual([0.25, 0.25, 0.25, 0.15, 0.05, 0.04, 0.009, 0.001]);
    expect(bars.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('makes each bar as high as its share per tenfold of latency', () => {
    const [first] = latencyBars(latency());
    expect(first!.sharePerDecade).toBeCloseTo(0.25 / Math.log10(4), 12);
  });

  it('joins the share of equal percentiles to the next bar, and of equal top percentiles to the last', () => {
    const bars = latencyBars(latency({ p25: 10, p50: 10, p999: 440 }));
    expect(bars.slice(0, 2)).toMatchObject([
      { fromMs: 1, toMs: 10, share: 0.25 },
      { fromMs: 10, toMs: 16, share: 0.5 },
    ]);
    expect(bars.at(-1)!.toMs).toBe(440);
    expect(bars.at(-1)!.share).toBeCloseTo(0.01, 12);
    expect(bars.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('has no bars without requests, or when every request took the same time', () => {
    expect(latencyBars(latency({ count: 0, min: null, p25: null, p50: null, p75: null, p90: null, p95: null, p99: null, p999: null, max: null }))).toEqual([]);
    expect(latencyBars(latency({ min: 5, p25: 5, p50: 5, p75: 5, p90: 5, p95: 5, p99: 5, p999: 5, max: 5 }))).toEqual([]);
  });
});
