// The four bottleneck patterns named from a run's timeline or a sweep: each fires on its
// shape, stays quiet on the shapes next to it, and its thresholds sit where they say.
import { describe, expect, it } from 'vitest';
import { fitUsl, recognisePattern, type SweepResult, type TimelinePoint } from '../src/index.js';
import { DIP, LINEAR, OVERSHOOT, overshoots, REPEATS } from '../src/patterns.js';

/** A run of one point a second; `instances` are the autoscaled `app`'s count each second. */
function run(seconds: Array<Partial<TimelinePoint>>) {
  const timeline: TimelinePoint[] = seconds.map((s, t) => ({ t, throughputRps: 400, p99Ms: 20, failed: 0, arrivals: 400, inFlight: 8, attempts: 400, wastedWorkMs: 0, ...s }));
  return { timeline, warmupSeconds: 0, measuredSeconds: timeline.length };
}
const counts = (...looks: number[]) => run(looks.flatMap((n) => Array<Partial<TimelinePoint>>(5).fill({ instances: { app: n } })));
const throughput = (...rps: Array<[number, number?]>) => run(rps.map(([throughputRps, failed = 0]) => ({ throughputRps, failed })));

/** A users sweep whose throughput at N in flight is `x(N)`; the fit is the law's own, fitted to the points. */
function sweepOf(x: (n: number) => number, ns = [1, 10, 20, 40, 60, 80, 100]): SweepResult {
  const points = ns.map((n) => ({ rps: x(n), users: n, throughputRps: x(n), p50Ms: null, p99Ms: null, meanMs: (1000 * n) / x(n), failed: 0, requests: 1000, concurrency: n }));
  return { over: 'users', scenario: 's', seed: 1, points, usl: fitUsl(points.map((p) => ({ concurrency: p.concurrency, throughput: p.throughputRps }))) };
}
/** The Universal Scalability Law at 100 rps per request in flight. */
const usl = (sigma: number, kappa: number) => (n: number) => (100 * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));

describe('looping autoscaled', () => {
  it('fires on repeated overshoots from the need and back', () => {
    const found = recognisePattern({ run: counts(9, 9, 10, 11, 13, 14, 14, 11, 9, 9, 10, 11, 13, 14, 11, 9, 9) });
    expect(found?.pattern).toBe('looping-autoscaled');
    expect(found?.sentence).toBe(
      "looping autoscaled: app's instances overshot and came back 2 times in 85 s (from 9 up to 14): instances still warming up read as busy, so each start calls for more",
    );
  });

  it('does not fire on one overshoot that settles, on a climb to the need, or on a count that flickers by one', () => {
    expect(recognisePattern({ run: counts(2, 2, 4, 7, 12, 19, 28, 35, 20, 9, 9, 9, 9, 9) })).toBeUndefined();
    expect(recognisePattern({ run: counts(2, 4, 6, 8, 9, 9, 9, 9) })).toBeUndefined();
    expect(recognisePattern({ run: counts(9, 10, 10, 9, 10, 9, 9, 10, 10, 9, 10, 9) })).toBeUndefined();
  });

  it(`an overshoot is ${OVERSHOOT} × the low or more (and 2 more instances); it has come back within a quarter of the swing`, () => {
    // From 10: 13 = 1.3 × 10 is an overshoot, 12 is not. From 10 up to 14 a quarter of the swing is 1: 11 is back, 12 is not.
    expect(overshoots([10, 13, 10])).toEqual([{ low: 10, peak: 13 }]);
    expect(overshoots([10, 12, 10])).toEqual([]);
    expect(overshoots([10, 14, 11])).toEqual([{ low: 10, peak: 14 }]);
    expect(overshoots([10, 14, 12])).toEqual([]);
    // From 2, 1.3 × 2 is under 2 more: 3 is no overshoot, 4 is.
    expect(overshoots([2, 3, 2])).toEqual([]);
    expect(overshoots([2, 4, 2])).toEqual([{ low: 2, peak: 4 }]);
  });
});

describe('oscillating thread shortage', () => {
  const dip: Array<[number, number]> = [[100, 50], [150, 40]];
  const full: Array<[number]> = [[400], [390], [410], [400]];

  it('fires on throughput that collapses with failures and recovers, again and again', () => {
    const found = recognisePattern({ run: throughput(...full, ...dip, ...full, ...dip, ...full) });
    expect(found?.pattern).toBe('thread-shortage');
    expect(found?.sentence).toMatch(/^oscillating thread shortage: throughput fell under half its median of 400 rps and recovered 2 times in 16 s, 180 requests failing in the dips/);
  });

  it(`does not fire on one dip, on dips without failures (the load's own shape), or on a dip that never recovers`, () => {
    expect(recognisePattern({ run: throughput(...full, ...dip, ...full) })).toBeUndefined();
    expect(recognisePattern({ run: throughput(...full, [100], [150], ...full, [100], [150], ...full) })).toBeUndefined();
    expect(recognisePattern({ run: throughput(...full, ...full, ...dip, ...full, [100, 10], [100, 10], [100, 10], [100, 10], [100, 10]) })).toBeUndefined();
  });

  it(`a dip is under ${DIP} × the median, and ${REPEATS} of them make the pattern`, () => {
    // Median 400: 200 is not under half of it, 199 is.
    const twice = (low: number) => throughput(...full, ...full, [low, 9], ...full, [low, 9], ...full);
    expect(recognisePattern({ run: twice(200) })).toBeUndefined();
    expect(recognisePattern({ run: twice(199) })?.pattern).toBe('thread-shortage');
  });
});

describe('lock contention and well behaved (sweeps)', () => {
  it('throughput that grows in step with the requests in flight is well behaved', () => {
    const found = recognisePattern({ sweep: sweepOf(usl(0, 0)) });
    expect(found?.pattern).toBe('well-behaved');
    expect(found?.sentence).toBe('well behaved: σ = 0, κ = 0: throughput grew in step with the load, 10,000 rps with 100 in flight, 100% of linear');
  });

  it('σ = 0.1 levels throughput off toward γ/σ = 1,000 rps: lock contention', () => {
    // At 100 in flight: 100 × 100 / (1 + 0.1 × 99) = 917 rps.
    const found = recognisePattern({ sweep: sweepOf(usl(0.1, 0)) });
    expect(found?.pattern).toBe('lock-contention');
    expect(found?.sentence).toBe('lock contention: σ = 0.1, κ = 0: throughput levels off at 917 rps while response time grows with every request in flight');
  });

  it('κ = 0.001 makes throughput peak at √((1 − σ)/κ) ≈ 31 in flight and fall: lock contention, past a peak', () => {
    // Peak at 40 of the points measured: 4,000 / (1 + 0.01 × 39 + 0.001 × 40 × 39) = 1,356 rps; at 100: 10,000 / 11.89 = 841.
    const found = recognisePattern({ sweep: sweepOf(usl(0.01, 0.001)) });
    expect(found?.pattern).toBe('lock-contention');
    expect(found?.sentence).toBe('lock contention: σ = 0.01, κ = 0.001: throughput peaks at 1,356 rps with 40 in flight and falls beyond, to 841 rps');
  });

  it(`well behaved down to ${LINEAR} of linear at the most in flight, lock contention under it`, () => {
    // Two points: at 1 in flight 100 rps; at 10, 10 × 100 × e.
    const twoPoints = (e: number) => sweepOf((n) => (n === 1 ? 100 : 1000 * e), [1, 10]);
    expect(recognisePattern({ sweep: twoPoints(0.8) })?.pattern).toBe('well-behaved');
    expect(recognisePattern({ sweep: twoPoints(0.79) })?.pattern).toBe('lock-contention');
  });

  it('the fit reports σ or κ as 0 when its term at the most in flight adds under 0.05: noise, not a cap of millions of rps', () => {
    // Up to 100 in flight: σ = 0.0004 adds 0.0004 × 99 = 0.04, σ = 0.0006 adds 0.059;
    // κ = 0.000004 adds 0.000004 × 100 × 99 = 0.04, κ = 0.000006 adds 0.059.
    expect(sweepOf(usl(0.0004, 0)).usl!.sigma).toBe(0);
    expect(sweepOf(usl(0.0006, 0)).usl!.sigma).toBeCloseTo(0.0006, 8);
    expect(sweepOf(usl(0, 0.000004)).usl!.kappa).toBe(0);
    expect(sweepOf(usl(0, 0.000006)).usl!.kappa).toBeCloseTo(0.000006, 10);
  });

  it('names nothing from one point, and a run that loops wins over its sweep', () => {
    expect(recognisePattern({ sweep: sweepOf(usl(0.1, 0), [10]) })).toBeUndefined();
    const looping = counts(9, 10, 11, 13, 14, 11, 9, 10, 11, 13, 14, 11, 9);
    expect(recognisePattern({ run: looping, sweep: sweepOf(usl(0, 0)) })?.pattern).toBe('looping-autoscaled');
    expect(recognisePattern({ run: run([{}, {}, {}]), sweep: sweepOf(usl(0, 0)) })?.pattern).toBe('well-behaved');
  });
});
