// The latency distribution as histogram bars, from the simulator's log-spaced buckets (five
// per tenfold of latency). Latencies span decades, so the x axis is logarithmic and a bar's
// height is its share per decade: equal areas are equal numbers of requests.
import type { LatencyBucket } from '@topo/simulator';

export interface LatencyBar {
  fromMs: number;
  toMs: number;
  /** Share of the measured requests with a latency in [fromMs, toMs). */
  share: number;
  /** share / log10(toMs / fromMs). */
  sharePerDecade: number;
}

/** One bar per bucket, empty ones included so the steps stay contiguous; none without requests. */
export function latencyBars(buckets: readonly LatencyBucket[]): LatencyBar[] {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (total === 0) return [];
  return buckets.map((b) => {
    const share = b.count / total;
    return { fromMs: b.fromMs, toMs: b.toMs, share, sharePerDecade: share / Math.log10(b.toMs / b.fromMs) };
  });
}
