// Measurements: latency summaries (exact mean, sd, min and max; percentiles from an HDR
// histogram), the run's totals and the per-second timeline.
import hdr from 'hdr-histogram-js';
import type { LatencyBucket, LatencySummary, ResilienceCounts, TimelinePoint } from './result.js';

/** The counts of the resilience options, by name. */
export type ResilienceCount = keyof ResilienceCounts;

/** The resilience counts, in total and per component (each extends it). */
export class ResilienceTally {
  shortCircuited = 0;
  budgetExhausted = 0;
  rejected = 0;
  /** In total, degraded requests; per component, the fallbacks its callers took for calls to it. */
  degraded = 0;

  resilienceCounts(): Required<ResilienceCounts> {
    return { shortCircuited: this.shortCircuited, budgetExhausted: this.budgetExhausted, rejected: this.rejected, degraded: this.degraded };
  }
}

const NS_PER_MS = 1e6;

/** Microsecond resolution is plenty for percentiles and keeps each histogram small. */
const LOWEST_NS = 1000;
/**
 * HDR's layout (hdr-histogram-js): a value v falls in bucket b = max(⌊log₂ v⌋ − H − U, 0)
 * and sub-bucket s = ⌊v / 2^(b + U)⌋, with U = ⌊log₂ lowest⌋ and H = ⌈log₂(2 × 10^digits)⌉ − 1.
 * HDR computes them in floating point (log2, pow, a division) on every value; below 2^31 ns
 * they are integer operations, so values are counted here by (b, s) and handed to the
 * histogram, one per pair with its count, when percentiles are asked for: HDR ends with
 * the same count at every index, so the same percentiles.
 */
const UNIT_MAGNITUDE = Math.floor(Math.log2(LOWEST_NS));
const INTEGER_LIMIT = 2 ** 31;
/** Shared by recorders that have no value yet (most of a large model's components), never written. */
const NO_COUNTS = new Int32Array(0);

/** Latencies in nanoseconds; Welford's running mean and variance, HDR for percentiles. */
export class LatencyRecorder {
  count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private histogram: hdr.Histogram | undefined;
  /** H of HDR's layout, above; a pair (b, s) is counted at b << (H + 1) | s. */
  private readonly halfMagnitude: number;
  /** Values not yet handed to the histogram, by (b, s); grown to the largest pair seen. */
  private pending = NO_COUNTS;
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
    this.halfMagnitude = Math.ceil(Math.log2(2 * 10 ** digits)) - 1;
    this.buckets = withBuckets ? [] : undefined;
  }

  record(ns: number): void {
    this.count++;
    const d = ns - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (ns - this.mean);
    if (ns < this.min) this.min = ns;
    if (ns > this.max) this.max = ns;
    const v = Math.max(LOWEST_NS, Math.round(ns));
    if (v < INTEGER_LIMIT) {
      const b = Math.max(31 - Math.clz32(v) - this.halfMagnitude - UNIT_MAGNITUDE, 0);
      const at = (b << (this.halfMagnitude + 1)) | (v >>> (b + UNIT_MAGNITUDE));
      if (at >= this.pending.length) this.grow(at);
      this.pending[at]!++;
    } else {
      this.hdr().recordValue(v);
    }
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
    const h = this.flushed();
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

  private hdr(): hdr.Histogram {
    return (this.histogram ??= hdr.build({ lowestDiscernibleValue: LOWEST_NS, highestTrackableValue: 1e10, numberOfSignificantValueDigits: this.digits, autoResize: true }));
  }

  private grow(at: number): void {
    let n = Math.max(this.pending.length, 64);
    while (n <= at) n *= 2;
    const next = new Int32Array(n);
    next.set(this.pending);
    this.pending = next;
  }

  /** The histogram with every value recorded so far: each pending (b, s) as its lowest value, s × 2^(b + U). */
  private flushed(): hdr.Histogram {
    const h = this.hdr();
    const shift = this.halfMagnitude + 1;
    const pending = this.pending;
    for (let at = 0; at < pending.length; at++) {
      if (pending[at] === 0) continue;
      h.recordValueWithCount((at & ((1 << shift) - 1)) * 2 ** ((at >>> shift) + UNIT_MAGNITUDE), pending[at]!);
      pending[at] = 0;
    }
    return h;
  }
}

/** The run's counts over every measured request. */
export class Totals extends ResilienceTally {
  requests = 0;
  succeeded = 0;
  failed = 0;
  attempts = 0;
  retries = 0;
  timeouts = 0;
  clientTimeouts = 0;
  wastedNs = 0;
  injectedFailures = 0;
  hopLimited = 0;
  readonly latency = new LatencyRecorder(3, true);
  /** Messages of measured requests that stayed inside a petal (no encode, no decode), by petal. */
  readonly petalMessages = new Map<string, number>();
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

/**
 * Per simulated second: completions, their p99, failures, arrivals, mean requests in flight,
 * attempts sent and wasted work (of all requests, warmup included).
 */
export class Timeline {
  private readonly ok: number[][] = [];
  private readonly failed: number[] = [];
  private readonly arrivals: number[] = [];
  private readonly attempts: number[] = [];
  private readonly wastedNs: number[] = [];
  private readonly inFlightArea: number[] = [];
  /** Per resilience count, per second; present when the model has resilience options. */
  private readonly resilience: Record<ResilienceCount, number[]> | undefined;
  private inFlight = 0;
  private lastChange = 0;
  /** Per autoscaled component, its instance count by the second it changed in. */
  private readonly counts = new Map<string, number[]>();

  constructor(withResilience: boolean) {
    this.resilience = withResilience ? { shortCircuited: [], budgetExhausted: [], rejected: [], degraded: [] } : undefined;
  }

  arrive(nowNs: number): void {
    this.advance(nowNs);
    this.inFlight++;
    const s = second(nowNs);
    this.arrivals[s] = (this.arrivals[s] ?? 0) + 1;
  }

  /** A request answered: succeeded (with its latency), failed, or degraded (answered through a fallback). */
  complete(nowNs: number, outcome: 'ok' | 'failed' | 'degraded', latencyNs: number): void {
    this.advance(nowNs);
    this.inFlight--;
    const s = second(nowNs);
    if (outcome === 'ok') (this.ok[s] ??= []).push(latencyNs);
    else if (outcome === 'failed') this.failed[s] = (this.failed[s] ?? 0) + 1;
    else this.count('degraded', nowNs);
  }

  /** One short-circuited attempt, retry not sent, rejection or degraded request. */
  count(what: ResilienceCount, nowNs: number): void {
    const list = this.resilience?.[what];
    if (!list) return;
    const s = second(nowNs);
    list[s] = (list[s] ?? 0) + 1;
  }

  /** An autoscaled component's instance count from now on. */
  instances(component: string, nowNs: number, count: number): void {
    let list = this.counts.get(component);
    if (!list) this.counts.set(component, (list = []));
    list[second(nowNs)] = count;
  }

  attempt(nowNs: number): void {
    const s = second(nowNs);
    this.attempts[s] = (this.attempts[s] ?? 0) + 1;
  }

  /** Work of an abandoned attempt, spread over the seconds it ran (the storm when it happens). */
  wasted(startNs: number, endNs: number): void {
    for (let t = startNs; t < endNs; ) {
      const s = second(t);
      const next = Math.min(endNs, (s + 1) * 1e9);
      this.wastedNs[s] = (this.wastedNs[s] ?? 0) + (next - t);
      t = next;
    }
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
    // Each autoscaled component's count at the end of the second, carried forward.
    const counts = new Map<string, number>();
    for (let s = 0; s < n; s++) {
      for (const [name, list] of this.counts) if (list[s] !== undefined) counts.set(name, list[s]!);
      const lat = Float64Array.from(this.ok[s] ?? []).sort();
      const width = Math.min(1e9, endNs - s * 1e9) / 1e9;
      out.push({
        t: s,
        throughputRps: lat.length,
        p99Ms: lat.length === 0 ? null : round(lat[Math.min(lat.length - 1, Math.ceil(0.99 * lat.length) - 1)]! / NS_PER_MS),
        failed: this.failed[s] ?? 0,
        arrivals: this.arrivals[s] ?? 0,
        inFlight: round((this.inFlightArea[s] ?? 0) / 1e9 / width),
        attempts: this.attempts[s] ?? 0,
        wastedWorkMs: round((this.wastedNs[s] ?? 0) / NS_PER_MS),
        ...(this.resilience && {
          shortCircuited: this.resilience.shortCircuited[s] ?? 0,
          budgetExhausted: this.resilience.budgetExhausted[s] ?? 0,
          rejected: this.resilience.rejected[s] ?? 0,
          degraded: this.resilience.degraded[s] ?? 0,
        }),
        ...(counts.size > 0 && { instances: Object.fromEntries(counts) }),
      });
    }
    return out;
  }
}

function second(ns: number): number {
  return Math.floor(ns / 1e9);
}
