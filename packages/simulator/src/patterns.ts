// The four bottleneck patterns of the talk behind Topo (Adrian Cockcroft's bottleneck plots),
// named from what a run or a sweep measured. Two show over time in one run: an autoscaled
// fleet that overshoots and comes back again and again (looping autoscaled), and throughput
// that collapses and recovers as timeouts and retries fill a few threads' queue and failures
// empty it (oscillating thread shortage). Two show across a sweep: throughput that keeps
// growing in step with the requests in flight (well behaved), or that levels off, or falls
// past a peak (lock contention: the Universal Scalability Law's σ and κ, quoted with the
// sweep's fit). A run's patterns come first: a sweep point's average hides them.
import type { SimulationResult } from './result.js';
import type { SweepResult } from './sweep.js';

export type BottleneckPattern = 'well-behaved' | 'lock-contention' | 'thread-shortage' | 'looping-autoscaled';

export interface PatternFinding {
  pattern: BottleneckPattern;
  /** The pattern and why, in one sentence: `lock contention: σ = 0.1, …`. */
  sentence: string;
}

export const PATTERN_LABELS: Record<BottleneckPattern, string> = {
  'well-behaved': 'well behaved',
  'lock-contention': 'lock contention',
  'thread-shortage': 'oscillating thread shortage',
  'looping-autoscaled': 'looping autoscaled',
};

/** An overshoot: the count rises to at least this many times its low (and by at least MIN_SWING instances)… */
export const OVERSHOOT = 1.3;
const MIN_SWING = 2;
/** …and it has come back when it is within this share of the swing above its low. */
const RETURNED = 0.25;
/** A dip: throughput under this share of the run's median; recovered at RECOVERED of it. */
export const DIP = 0.5;
const RECOVERED = 0.8;
/** Swings (or dips) that make a pattern rather than one event. */
export const REPEATS = 2;
/** Well behaved: throughput per request in flight at the most concurrency swept is at least this share of that at the least. */
export const LINEAR = 0.8;
/** Past a peak: the last point's throughput under this share of the sweep's best. */
const FALLEN = 0.9;

type Run = Pick<SimulationResult, 'timeline' | 'warmupSeconds' | 'measuredSeconds'>;

/** The pattern a run (over time) or else a sweep (across loads) shows; undefined when neither shows one. */
export function recognisePattern(input: { run?: Run; sweep?: SweepResult }): PatternFinding | undefined {
  const fromRun = input.run && (looping(input.run) ?? threadShortage(input.run));
  return fromRun ?? (input.sweep && fromSweep(input.sweep));
}

const finding = (pattern: BottleneckPattern, why: string): PatternFinding => ({ pattern, sentence: `${PATTERN_LABELS[pattern]}: ${why}` });

/** Overshoot-and-return cycles of a count: up from its low to OVERSHOOT × it or more, then back near that low. */
export function overshoots(counts: readonly number[]): Array<{ low: number; peak: number }> {
  const cycles: Array<{ low: number; peak: number }> = [];
  let low = Infinity;
  let peak: number | undefined;
  for (const c of counts) {
    if (peak === undefined) {
      low = Math.min(low, c);
      if (c >= Math.max(OVERSHOOT * low, low + MIN_SWING)) peak = c;
    } else if (c > peak) peak = c;
    else if (c <= low + RETURNED * (peak - low)) {
      cycles.push({ low, peak });
      [low, peak] = [c, undefined];
    }
  }
  return cycles;
}

function looping(run: Run): PatternFinding | undefined {
  const names = [...new Set(run.timeline.flatMap((p) => Object.keys(p.instances ?? {})))];
  for (const name of names) {
    const cycles = overshoots(
      run.timeline.flatMap((p) => {
        const count = p.instances?.[name];
        return count === undefined ? [] : [count];
      }),
    );
    if (cycles.length < REPEATS) continue;
    const lows = cycles.map((c) => c.low);
    const peaks = cycles.map((c) => c.peak);
    return finding(
      'looping-autoscaled',
      `${name}'s instances overshot and came back ${cycles.length} times in ${Math.round(run.warmupSeconds + run.measuredSeconds)} s ` +
        `(from ${range(lows)} up to ${range(peaks)}): instances still warming up read as busy, so each start calls for more`,
    );
  }
  return undefined;
}

function range(values: number[]): string {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** The seconds of the measured window (the timeline also has the warmup and the drain after the load). */
function measured(run: Run): Run['timeline'] {
  return run.timeline.filter((p) => p.t >= run.warmupSeconds && p.t < run.warmupSeconds + run.measuredSeconds);
}

function threadShortage(run: Run): PatternFinding | undefined {
  const seconds = measured(run);
  const sorted = seconds.map((p) => p.throughputRps).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (median === 0) return undefined;
  let dips = 0;
  let failed = 0;
  let inDip = false;
  for (const p of seconds) {
    if (!inDip && p.throughputRps < DIP * median) inDip = true;
    else if (inDip && p.throughputRps >= RECOVERED * median) [inDip, dips] = [false, dips + 1];
    if (inDip) failed += p.failed;
  }
  // Dips without failures are the load's own shape, not a pool that timeouts and retries fill.
  if (dips < REPEATS || failed === 0) return undefined;
  return finding(
    'thread-shortage',
    `throughput fell under half its median of ${round(median)} rps and recovered ${dips} times in ${seconds.length} s, ` +
      `${round(failed)} requests failing in the dips: timeouts and retries fill the threads' queue until failures empty it`,
  );
}

function fromSweep(sweep: SweepResult): PatternFinding | undefined {
  const points = sweep.points.filter((p) => p.concurrency > 0 && p.throughputRps > 0).sort((a, b) => a.concurrency - b.concurrency);
  const [first, last] = [points[0], points.at(-1)];
  if (!first || !last || last.concurrency <= first.concurrency) return undefined;
  const fit = sweep.usl;
  const params = fit ? `σ = ${sig(fit.sigma)}, κ = ${sig(fit.kappa)}: ` : '';
  // Throughput per request in flight at the most concurrency, against the least: 1 when it scales linearly.
  const efficiency = last.throughputRps / last.concurrency / (first.throughputRps / first.concurrency);
  if (efficiency >= LINEAR)
    return finding('well-behaved', `${params}throughput grew in step with the load, ${round(last.throughputRps)} rps with ${sig(last.concurrency)} in flight, ${Math.round(efficiency * 100)}% of linear`);
  const peak = points.reduce((best, p) => (p.throughputRps > best.throughputRps ? p : best));
  if (last.throughputRps < FALLEN * peak.throughputRps)
    return finding('lock-contention', `${params}throughput peaks at ${round(peak.throughputRps)} rps with ${sig(peak.concurrency)} in flight and falls beyond, to ${round(last.throughputRps)} rps`);
  return finding('lock-contention', `${params}throughput levels off at ${round(peak.throughputRps)} rps while response time grows with every request in flight`);
}

const round = (x: number): string => Math.round(x).toLocaleString('en-US');
const sig = (x: number): string => String(Number(x.toPrecision(2)));
