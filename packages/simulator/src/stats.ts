// Measurements: latency summaries (exact mean, sd, min and max; percentiles from an HDR
// histogram) and the per-second timeline.
import hdr from 'hdr-histogram-js';
import type { LatencyBucket, LatencySummary, TimelinePoint } from './result.js';

const NS_PER_MS = 1e6;

/** Latencies in nanoseconds; Welford's running mean and variance, HDR for percentiles. */
export class LatencyRecorder {
  count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private histogram: hdr.Histogram | undefined;
  /** Counts per logarithmic bucket (index: fifths of a decade above 1 µs), when asked for. */
  private readonly buckets: number[] | undefined;

  /**
   * `digits`: significant digits the percentiles keep (3 overall, fewer per service).
   * `withBuckets`: also count latencies in log-spaced buckets, for a histogram.
   */
  constructor(
    private readonly digits: 2 | 3 = 3,
    withBuckets = false,
  ) {
    this.buckets = withBuckets ? [] : undefined;
  }

  record(ns: number): void {
    this.count++;
    const d = ns - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (ns - this.mean);
    if (ns < this.min) this.min = ns;
    if (ns > this.max) this.max = ns;
    // Microsecond resolution is plenty for percentiles and keeps each histogram small.
    (this.histogram ??= hdr.build({ lowestDiscernibleValue: 1000, highestTrackableValue: 1e10, numberOfSignificantValueDigits: this.digits, autoResize: true })).recordValue(
      Math.max(1000, Math.round(ns)),
    );
    if (this.buckets) {
      const i = bucketOf(ns);
      this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    }
  }

  /** The histogram: every bucket from the first to the last that holds a latency, empty ones included. */
  histogramBuckets(): LatencyBucket[] {
    const counts = this.buckets ?? [];
    const first = counts.findIndex((c) => c !== undefined);
    if (first < 0) return [];
    return Array.from({ length: counts.length - first }, (_, k) => {
      const i = first + k;
      return { fromMs: round(bucketStartNs(i) / NS_PER_MS), toMs: round(bucketStartNs(i + 1) / NS_PER_MS), count: counts[i] ?? 0 };
    });
  }

  summary(): LatencySummary {
    if (this.count === 0) {
      return { count: 0, mean: null, sd: null, min: null, p25: null, p50: null, p75: null, p90: null, p95: null, p99: null, p999: null, max: null };
    }
    const h = this.histogram!;
    // The histogram rounds within its precision; keep its percentiles inside the exact range.
    const at = (p: number): number => round(Math.min(this.max, Math.max(this.min, h.getValueAtPercentile(p))) / NS_PER_MS);
    return {
      count: this.count,
      mean: round(this.mean / NS_PER_MS),
      sd: round(this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) / NS_PER_MS : 0),
      min: round(this.min / NS_PER_MS),
      p25: at(25),
      p50: at(50),
      p75: at(75),
      p90: at(90),
      p95: at(95),
      p99: at(99),
      p999: at(99.9),
      max: round(this.max / NS_PER_MS),
    };
  }
}

/** Buckets per tenfold of latency: fine enough to see a distribution's shape, few enough to read. */
const BUCKETS_PER_DECADE = 5;
const FIRST_BUCKET_NS = 1000;

/** Bucket i holds latencies in [1 µs × 10^(i/5), 1 µs × 10^((i+1)/5)); shorter ones fall in bucket 0. */
function bucketOf(ns: number): number {
  return ns <= FIRST_BUCKET_NS ? 0 : Math.floor(Math.log10(ns / FIRST_BUCKET_NS) * BUCKETS_PER_DECADE + 1e-9);
}

function bucketStartNs(i: number): number {
  return FIRST_BUCKET_NS * 10 ** (i / BUCKETS_PER_DECADE);
}

/** Milliseconds to 6 significant decimals (nanoseconds), so the JSON stays readable. */
export function round(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}

/** Per simulated second: completions, their p99, failures, arrivals and mean requests in flight. */
export class Timeline {
  private readonly ok: number[][] = [];
  private readonly failed: number[] = [];
  private readonly arrivals: number[] = [];
  private readonly inFlightArea: number[] = [];
  private inFlight = 0;
  private lastChange = 0;

  arrive(nowNs: number): void {
    this.advance(nowNs);
    this.inFlight++;
    const s = second(nowNs);
    this.arrivals[s] = (this.arrivals[s] ?? 0) + 1;
  }

  complete(nowNs: number, ok: boolean, latencyNs: number): void {
    this.advance(nowNs);
    this.inFlight--;
    const s = second(nowNs);
    if (ok) (this.ok[s] ??= []).push(latencyNs);
    else this.failed[s] = (this.failed[s] ?? 0) + 1;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Accumulates (requests in flight × time) up to now, split at second boundaries. */
  private advance(nowNs: number): void {
    let t = this.lastChange;
    while (t < nowNs) {
      const s = second(t);
      const end = Math.min(nowNs, (s + 1) * 1e9);
      this.inFlightArea[s] = (this.inFlightArea[s] ?? 0) + this.inFlight * (end - t);
      t = end;
    }
    this.lastChange = nowNs;
  }

  /** One point per second from 0 until `endNs`. */
  points(endNs: number): TimelinePoint[] {
    this.advance(endNs);
    const n = Math.ceil(endNs / 1e9);
    const out: TimelinePoint[] = [];
    for (let s = 0; s < n; s++) {
      const lat = (this.ok[s] ?? []).slice().sort((a, b) => a - b);
      const width = Math.min(1e9, endNs - s * 1e9) / 1e9;
      out.push({
        t: s,
        throughputRps: lat.length,
        p99Ms: lat.length === 0 ? null : round(lat[Math.min(lat.length - 1, Math.ceil(0.99 * lat.length) - 1)]! / NS_PER_MS),
        failed: this.failed[s] ?? 0,
        arrivals: this.arrivals[s] ?? 0,
        inFlight: round((this.inFlightArea[s] ?? 0) / 1e9 / width),
      });
    }
    return out;
  }
}

function second(ns: number): number {
  return Math.floor(ns / 1e9);
}
