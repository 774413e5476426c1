// Capacity over time: load shapes (ramps, offsets, lines that add), closed workloads and
// contention and autoscaling, against the arrival rates the scenario asks for, exact mean
// value analysis, the Universal Scalability Law and the autoscaler's arithmetic.
import type { Autoscale, Users } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { formatText, recognisePattern, simulate, sweep, type SimulationResult } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK, work, type ModelDraft } from '@topo/model/testing';

/** A server that never queues (constant 1 ms, 100 threads per instance, 3 instances): only arrivals matter. */
const roomy = (scenarios: ModelDraft['scenarios']) => buildModel({ network: ZERO_NETWORK, services: [{ name: 'www', work: work(1, 'constant') }], scenarios });

describe('load shapes', () => {
  it('a ramp 100..2000 rps over 20 s: arrivals per second follow the ramp (chi-square, and each window within 4 sd)', async () => {
    const r = await simulate(roomy([{ loads: [[100, 'www', 20_000, { toRps: 2000 }]], seed: 5 }]));
    // Expected arrivals in second s: the rate's integral over it, 100 + 1900 × (s + ½) / 20.
    const expected = Array.from({ length: 20 }, (_, s) => 100 + (1900 * (s + 0.5)) / 20);
    const observed = r.timeline.slice(0, 20).map((p) => p.arrivals);
    for (const [s, e] of expected.entries()) expect(Math.abs(observed[s]! - e)).toBeLessThan(4 * Math.sqrt(e));
    // Poisson counts: Σ (O − E)² / E is chi-square with 20 degrees of freedom; its 99.9th percentile is 45.3.
    // Steps at the start of each second (rate 100 + 95 s) would add about 20 × 47.5² / 1050 ≈ 43 on their own.
    const chi2 = observed.reduce((sum, o, s) => sum + (o - expected[s]!) ** 2 / expected[s]!, 0);
    expect(chi2).toBeLessThan(45.3);
    expect(Math.abs(r.requests - 21_000)).toBeLessThan(4 * Math.sqrt(21_000));
  });

  it('a falling ramp 2000..0 rps halves its rate by the middle', async () => {
    const r = await simulate(roomy([{ loads: [[2000, 'www', 10_000, { toRps: 0 }]], seed: 2 }]));
    const arrivals = r.timeline.map((p) => p.arrivals);
    for (let s = 0; s < 10; s++) {
      const e = 2000 - 200 * (s + 0.5);
      expect(Math.abs(arrivals[s]! - e)).toBeLessThan(4 * Math.sqrt(e) + 1);
    }
  });

  it('two lines add, `from` delays one, and the scenario runs until its last line ends', async () => {
    const r = await simulate(roomy([{ loads: [[200, 'www', 10_000], [500, 'www', 2000, { fromMs: 4000 }], [100, 'www', 4000, { fromMs: 8000 }]], seed: 3 }]));
    // 200 throughout the first 10 s, 500 more in seconds 4 and 5, 100 more from 8 s to 12 s.
    const rate = (s: number): number => (s < 10 ? 200 : 0) + (s >= 4 && s < 6 ? 500 : 0) + (s >= 8 && s < 12 ? 100 : 0);
    expect(r.measuredSeconds).toBe(12);
    for (let s = 0; s < 12; s++) expect(Math.abs(r.timeline[s]!.arrivals - rate(s))).toBeLessThan(4 * Math.sqrt(rate(s)));
    expect(Math.abs(r.requests - 3400)).toBeLessThan(4 * Math.sqrt(3400));
  });
});

/**
 * Exact mean value analysis of a closed network of FCFS centres with exponential service
 * times `demands` (seconds, one visit each) and N users thinking Z seconds: for n = 1..N,
 * R_k(n) = D_k (1 + Q_k(n − 1)), X(n) = n / (Z + Σ R_k(n)), Q_k(n) = X(n) R_k(n).
 */
function mva(demands: number[], users: number, think: number): { throughput: number; response: number } {
  let queues = demands.map(() => 0);
  let throughput = 0;
  let response = 0;
  for (let n = 1; n <= users; n++) {
    const residence = demands.map((d, k) => d * (1 + queues[k]!));
    response = residence.reduce((a, b) => a + b, 0);
    throughput = n / (think + response);
    queues = residence.map((r) => throughput * r);
  }
  return { throughput, response };
}

const closed = (count: number, thinkMs: number, durationMs: number): Users => ({ count, thinkMs, target: 'front', fromMs: 0, durationMs });

describe('closed workloads against exact MVA', () => {
  // One centre: 10 ms of exponential work on one thread; users think 100 ms (N* = 11).
  for (const n of [2, 8, 11, 20]) {
    it(`one FCFS centre, ${n} users thinking 100 ms: throughput within 2%, response time within 5%`, async () => {
      const model = buildModel({
        network: ZERO_NETWORK,
        services: [{ name: 'front', instances: 1, zones: ['a'], threads: 1, work: work(10) }],
        scenarios: [{ loads: [], users: [closed(n, 100, 200_000)], warmupMs: 5000, seed: 11 }],
      });
      const r = await simulate(model);
      const exact = mva([0.01], n, 0.1);
      expect(r.throughputRps / exact.throughput).toBeGreaterThan(0.98);
      expect(r.throughputRps / exact.throughput).toBeLessThan(1.02);
      expect(r.latencyMs.mean! / 1000 / exact.response).toBeGreaterThan(0.95);
      expect(r.latencyMs.mean! / 1000 / exact.response).toBeLessThan(1.05);
    });
  }

  // Three centres visited once each (a, b, c: 4, 6 and 8 ms, one thread each) behind a front
  // with no work and threads to spare, so the front never queues.
  for (const n of [3, 10, 25]) {
    it(`a closed network of three centres, ${n} users thinking 50 ms: throughput within 2%, response time within 5%`, async () => {
      const model = buildModel({
        network: ZERO_NETWORK,
        services: [
          { name: 'front', instances: 1, zones: ['a'], work: work(0), steps: [call('a'), call('b'), call('c')] },
          { name: 'a', instances: 1, zones: ['a'], threads: 1, work: work(4) },
          { name: 'b', instances: 1, zones: ['a'], threads: 1, work: work(6) },
          { name: 'c', instances: 1, zones: ['a'], threads: 1, work: work(8) },
        ],
        scenarios: [{ loads: [], users: [closed(n, 50, 150_000)], warmupMs: 5000, seed: 12 }],
      });
      const r = await simulate(model);
      const exact = mva([0.004, 0.006, 0.008], n, 0.05);
      expect(r.throughputRps / exact.throughput).toBeGreaterThan(0.98);
      expect(r.throughputRps / exact.throughput).toBeLessThan(1.02);
      expect(r.latencyMs.mean! / 1000 / exact.response).toBeGreaterThan(0.95);
      expect(r.latencyMs.mean! / 1000 / exact.response).toBeLessThan(1.05);
    });
  }
});

describe('lock', () => {
  // A lock held for P of the work W is a single-server centre of demand PW beside P-free
  // work (1 − P)W on threads to spare. Past saturation (N ≫ 1/P users, no think time) the
  // lock serves 1/(PW) requests a second, so N/X grows by PW per user: the USL's N/X slope
  // σ/γ with γ = 1/W, hence σ ≈ P. Users doubling from 1 to 128 (about 13/P) give σ within ±30% of P.
  const users = [1, 2, 4, 8, 16, 32, 64, 128];
  const locked = (lock: number | undefined) =>
    buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'front', instances: 1, zones: ['a'], threads: 256, work: work(10), ...(lock === undefined ? {} : { lock }) }],
      scenarios: [{ loads: [], users: [closed(1, 0, 20_000)], warmupMs: 2000, seed: 21 }],
    });

  it('lock 10%: a users sweep fits σ within ±30% of 0.1; without the lock σ is about 0', async () => {
    const withLock = await sweep(locked(0.1), users, { over: 'users' });
    expect(withLock.over).toBe('users');
    expect(withLock.points.map((p) => p.users)).toEqual(users);
    // The lock caps throughput at 1 / (10% × 10 ms) = 1000 rps.
    expect(withLock.points.at(-1)!.throughputRps).toBeGreaterThan(950);
    expect(withLock.points.at(-1)!.throughputRps).toBeLessThan(1050);
    expect(withLock.usl!.sigma).toBeGreaterThan(0.07);
    expect(withLock.usl!.sigma).toBeLessThan(0.13);
    // Without it throughput grows as N / W; the fit finds no contention (σ under the noise is 0).
    const without = await sweep(locked(undefined), users.slice(0, 6), { over: 'users' });
    expect(without.points.at(-1)!.throughputRps).toBeGreaterThan(0.97 * 3200);
    expect(without.usl?.sigma ?? 0).toBeLessThan(0.01);
  });
});

describe('autoscale', () => {
  // 100 rps, then from 10 s 2000 rps more, into instances of 4 threads doing 10 ms each:
  // 2000 × 10 ms / 4 = 5 instances' worth of busy threads, so at 60% the load needs
  // ceil(5 / 0.6) = 9. `queue 40` sheds what a short fleet cannot hold, so no backlog outlives it.
  const NEED = Math.ceil((2000 * 0.01) / 4 / 0.6);
  const surge = (autoscale: Autoscale) =>
    buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'app', instances: 2, threads: 4, queue: 40, work: work(10, 'constant'), autoscale }],
      scenarios: [{ loads: [[100, 'app', 10_000], [2000, 'app', 110_000, { fromMs: 10_000 }]], seed: 3 }],
    });
  /** The count at each of the controller's looks (every 5 s). */
  const looks = (r: SimulationResult) => r.timeline.filter((p) => p.t % 5 === 0).map((p) => p.instances!.app!);

  it('grows from MIN toward what the load needs, and never past MAX', async () => {
    const capped = looks(await simulate(surge({ min: 2, max: 6, target: 0.6, everyMs: 5000, warmupMs: 2000 })));
    expect(capped[0]).toBe(2);
    expect(Math.max(...capped)).toBe(6);
    expect(capped.slice(-10)).toEqual(Array(10).fill(6));
    const free = await simulate(surge({ min: 2, max: 40, target: 0.6, everyMs: 5000, warmupMs: 2000 }));
    expect(looks(free).slice(-10)).toEqual(Array(10).fill(NEED));
    // Instance-hours over the run: the running count integrated over time (one-second timeline, 2% slack for the seconds' edges).
    const integrated = free.timeline.reduce((n, p) => n + p.instances!.app!, 0) / 3600;
    expect(free.services[0]!.instanceHours / integrated).toBeGreaterThan(0.98);
    expect(free.services[0]!.instanceHours / integrated).toBeLessThan(1.02);
    // The text's timeline has a column of the count, ending at the need.
    const timeline = formatText(free).split('Timeline:\n')[1]!.split('\n');
    expect(timeline[0]).toMatch(/ app inst$/);
    expect(timeline.filter((l) => /^\s+\d/.test(l)).at(-1)).toMatch(new RegExp(` ${NEED}$`));
  });

  // A starting instance counts as busy for its warmup W: W / P of a period's busy threads,
  // which the controller answers with 1/U instances each. The loop gain W / (P × U) is
  // 2 / 0.6 ≈ 3.3 with W = 2P: every start calls for more until MAX or the first ones warm
  // up, then the count falls back — the looping pattern. With W = P/2 it is 0.83: what the
  // climb out of saturation overshoots dies away.
  it('with warmup 2 × period it overshoots to several times the need and swings back; with warmup period / 2 it settles', async () => {
    const looping = looks(await simulate(surge({ min: 2, max: 40, target: 0.6, everyMs: 5000, warmupMs: 10_000 })));
    const peak = looping.indexOf(Math.max(...looping));
    expect(looping[peak]).toBeGreaterThanOrEqual(3 * NEED);
    expect(looping.slice(peak).at(-1)).toBe(NEED);
    const settling = looks(await simulate(surge({ min: 2, max: 40, target: 0.6, everyMs: 5000, warmupMs: 2500 })));
    expect(Math.max(...settling)).toBeLessThan(1.5 * NEED);
    expect(settling.slice(-15)).toEqual(Array(15).fill(NEED));
  });

  // The surge above starts one loop; a load whose need sits just under the target keeps
  // starting them. 2150 rps is 2150 × 10 ms / 4 = 5.375 busy instances, so BASE =
  // ceil(5.375 / 0.6) = 9 instances run 5.375 / 9 = 59.7% busy; a period's 10,750 constant
  // 10 ms requests vary by 1% (Poisson), so a period about 0.5 sd busier than the mean reads
  // over 60% and starts one instance. What follows is the controller's arithmetic (`cascade`):
  // with W = 2P the start cascades, 9 → 10 → 11 → 13 → 14 → 14 and back to 9 when the
  // starts warm up, until the next busy period starts another loop; with W = P/2 the start
  // is answered by one look at 10 and then taken back.
  const BUSY = (2150 * 0.01) / 4;
  const BASE = Math.ceil(BUSY / 0.6);
  const nearTarget = (warmupMs: number) =>
    buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'app', instances: BASE, threads: 4, work: work(10, 'constant'), autoscale: { min: 2, max: 40, target: 0.6, everyMs: 5000, warmupMs } }],
      scenarios: [{ loads: [[2150, 'app', 150_000]], seed: 3 }],
    });

  /**
   * The counts the controller sets without noise after one start from `base`: at each look
   * ceil((busy + starting) / U), where an instance started at look j counts as busy from j
   * to j + W/P. (Scale-in here only ever stops warm instances, so `starting` is exact.)
   */
  function cascade(busy: number, target: number, base: number, warmupPeriods: number): number[] {
    const counts = [base + 1];
    const starts = [1];
    for (let k = 1; counts.at(-1) !== base && k < 20; k++) {
      const starting = starts.reduce((sum, n, j) => sum + n * Math.max(0, Math.min(k, j + warmupPeriods) - Math.max(k - 1, j)), 0);
      const want = Math.ceil((busy + starting) / target);
      starts.push(Math.max(0, want - counts.at(-1)!));
      counts.push(want);
    }
    return counts;
  }

  /** Full overshoot-and-return cycles: from at most `low` up to at least `high` and back to at most `low`. */
  function cycles(counts: number[], low: number, high: number): number {
    let n = 0;
    let state: 'low' | 'high' | undefined;
    for (const c of counts) {
      if (c <= low) {
        if (state === 'high') n++;
        state = 'low';
      } else if (c >= high && state === 'low') state = 'high';
    }
    return n;
  }

  it('near the target, with warmup 2 × period one busy period cascades into a loop and the loops repeat; with warmup period / 2 it dies away', async () => {
    expect(cascade(BUSY, 0.6, BASE, 2)).toEqual([10, 11, 13, 14, 14, 11, 9]);
    expect(cascade(BUSY, 0.6, BASE, 0.5)).toEqual([10, 10, 9]);
    const peak = Math.max(...cascade(BUSY, 0.6, BASE, 2));
    // Over 150 s (30 looks) at least two full loops from BASE + 1 or below to the cascade's
    // peak (less one for noise) and back.
    const loopingRun = await simulate(nearTarget(10_000));
    const looping = looks(loopingRun);
    expect(cycles(looping, BASE + 1, peak - 1)).toBeGreaterThanOrEqual(2);
    expect(recognisePattern({ run: loopingRun })?.pattern).toBe('looping-autoscaled');
    expect(formatText(loopingRun)).toMatch(/\nPattern: looping autoscaled: app's instances overshot and came back \d times/);
    // Under the same load, each start dies away: never a loop, never past the cascade's peak
    // at W = P/2 (10) plus one start for a second busy period in a row, and on average
    // within one instance of BASE.
    const settlingRun = await simulate(nearTarget(2500));
    const settling = looks(settlingRun);
    expect(cycles(settling, BASE + 1, peak - 1)).toBe(0);
    expect(recognisePattern({ run: settlingRun })).toBeUndefined();
    expect(Math.max(...settling)).toBeLessThanOrEqual(Math.max(...cascade(BUSY, 0.6, BASE, 0.5)) + 1);
    expect(settling.reduce((a, b) => a + b, 0) / settling.length).toBeLessThan(BASE + 1);
  });
});
