// The latency distribution as histogram bars. The simulator reports percentiles, not buckets:
// between two consecutive percentiles lies a known share of the requests (25% between p25
// and p50, 0.9% between p99 and p99.9), so each bar spans two percentiles and holds exactly
// that share. Latencies span decades, so the x axis is logarithmic and a bar's height is its
// share per decade: equal areas are equal numbers of requests.
import type { LatencySummary } from '@topo/simulator';

export interface LatencyBar {
  fromMs: number;
  toMs: number;
  /** Share of the measured requests with a latency in [fromMs, toMs]. */
  share: number;
  /** share / log10(toMs / fromMs). */
  sharePerDecade: number;
}

const CUTS: Array<{ key: keyof LatencySummary; at: number }> = [
  { key: 'min', at: 0 },
  { key: 'p25', at: 0.25 },
  { key: 'p50', at: 0.5 },
  { key: 'p75', at: 0.75 },
  { key: 'p90', at: 0.9 },
  { key: 'p95', at: 0.95 },
  { key: 'p99', at: 0.99 },
  { key: 'p999', at: 0.999 },
  { key: 'max', at: 1 },
];

/**
 * Bars between consecutive percentiles; where two percentiles are equal their share joins
 * the next bar. A summary of no requests, or of one latency only, has no bars.
 */
export function latencyBars(summary: LatencySummary): LatencyBar[] {
  if (summary.count === 0) return [];
  const points = CUTS.map((c) => ({ ms: summary[c.key] as number, at: c.at })).filter((p) => Number.isFinite(p.ms) && p.ms > 0);
  const bars: LatencyBar[] = [];
  let from = points[0];
  if (!from) return bars;
  for (const point of points.slice(1)) {
    // An equal percentile starts no bar: the next bar reaches back to `from`.
    if (point.ms <= from.ms) continue;
    const share = point.at - from.at;
    bars.push({ fromMs: from.ms, toMs: point.ms, share, sharePerDecade: share / Math.log10(point.ms / from.ms) });
    from = point;
  }
  // Equal percentiles at the top (p99.9 = max): their share belongs to the last bar.
  const last = bars.at(-1);
  const rest = points.at(-1)!.at - from.at;
  if (last && rest > 0) {
    last.share += rest;
    last.sharePerDecade = last.share / Math.log10(last.toMs / last.fromMs);
  }
  return bars;
}
