import type { SimulationResult, SweepResult, UslFit } from '@topo/simulator';
import { describe, expect, it } from 'vitest';
import { inFlightInWords, responseColumns, throughputColumns, uslCurve, uslInWords, uslThroughput } from '../src/results/bottleneck.js';
import { autoscaled, instancesColumns } from '../src/results/instances.js';

const fit: UslFit = { sigma: 0.1, kappa: 0.001, gamma: 100, peakConcurrency: Math.sqrt(0.9 / 0.001), r2: 0.99 };
const point = (users: number, throughputRps: number, meanMs: number, p99Ms: number) => ({ rps: throughputRps, users, throughputRps, meanMs, p50Ms: meanMs, p99Ms, failed: 0, requests: 1000, concurrency: (throughputRps * meanMs) / 1000 });
const sweep: SweepResult = { over: 'users', scenario: 's', seed: 1, usl: fit, points: [point(1, 100, 10, 30), point(20, 600, 33, 80), point(10, 500, 20, 60)] };

describe('the bottleneck plots', () => {
  it('the USL: γN at one, and its peak at √((1 − σ)/κ)', () => {
    expect(uslThroughput(fit, 1)).toBeCloseTo(100, 9);
    const peak = fit.peakConcurrency!;
    expect(uslThroughput(fit, peak)).toBeGreaterThan(uslThroughput(fit, peak * 0.9));
    expect(uslThroughput(fit, peak)).toBeGreaterThan(uslThroughput(fit, peak * 1.1));
  });

  it('throughput against users, with the fit at each point’s concurrency', () => {
    const [x, measured, fitted] = throughputColumns(sweep);
    expect(x).toEqual([1, 20, 10]);
    expect(measured).toEqual([100, 600, 500]);
    expect(fitted).toEqual(sweep.points.map((p) => uslThroughput(fit, p.concurrency)));
    expect(throughputColumns({ ...sweep, usl: null })[2]).toEqual([null, null, null]);
  });

  it('response time against throughput, in order of throughput; the fit’s curve by Little’s law', () => {
    expect(responseColumns(sweep)).toEqual([[100, 500, 600], [10, 20, 33], [30, 60, 80]]);
    const curve = uslCurve(sweep, 10);
    expect(curve).toHaveLength(11);
    for (const c of curve) expect(c.ms).toBeCloseTo(1000 / (fit.gamma / (1 + fit.sigma * ((c.x * c.ms) / 1000 - 1) + fit.kappa * ((c.x * c.ms) / 1000) * ((c.x * c.ms) / 1000 - 1))), 6);
    expect(uslCurve({ ...sweep, usl: null })).toEqual([]);
  });

  it('says σ and κ in words, each to two significant digits, and names the ceiling γ/σ for what it is', () => {
    const words = uslInWords(fit);
    expect(words).toContain('Contention σ = 0.1: about 10% of the work waits');
    expect(words).toContain("would cap the fit's throughput at 1,000 rps (γ/σ, approached but never reached)");
    expect(words).toContain('Coherency κ = 0.001');
    expect(words).toContain("the fit's throughput peaks at about 30 in flight");
    expect(uslInWords({ ...fit, sigma: 0.1234, kappa: 0.0001587 })).toContain('σ = 0.12');
    expect(uslInWords({ ...fit, sigma: 0.1234, kappa: 0.0001587 })).toContain('κ = 0.00016');
    expect(uslInWords({ ...fit, sigma: 0, kappa: 0, peakConcurrency: null })).toContain('nothing serialises the work. Coherency κ = 0: no crosstalk either, so throughput grows in step with the load.');
    expect(uslInWords({ ...fit, kappa: 0, peakConcurrency: null })).toContain('Coherency κ = 0: no crosstalk, so throughput levels off rather than falls.');
    expect(uslInWords(null)).toContain('No Universal Scalability Law fit');
  });

  /** A rate sweep whose points reached `n` requests in flight at most. */
  const upTo = (n: number): Pick<SweepResult, 'over' | 'points'> => ({ over: 'rps', points: [{ ...point(1, 100, 10, 30), concurrency: 1 }, { ...point(1, 100, 10, 30), concurrency: n }] });

  it('speaks of a fall only where the points reach it: past the peak by more than 5%', () => {
    // σ = 0.1, κ = 0.001: the peak at √(0.9 / 0.001) ≈ 30 in flight; X(100) / X(30) = (100 / 20.8) / (30 / 4.77) ≈ 0.76.
    expect(uslInWords(fit, upTo(100))).toContain("the fit's throughput peaks at about 30 in flight");
    expect(uslInWords(fit, upTo(20))).toContain('would peak at about 30 in flight, 629 rps, beyond the 20 in flight measured.');
    // κ = 0.0001: the peak at √(0.9 / 0.0001) ≈ 95 in flight; X(121) / X(95) = (121 / 14.45) / (94.9 / 11.28) ≈ 0.995.
    const flat = { ...fit, kappa: 0.0001, peakConcurrency: Math.sqrt(0.9 / 0.0001) };
    expect(uslInWords(flat, upTo(121))).toContain("too little crosstalk to speak of; the fit's peak, at about 95 in flight");
    expect(uslInWords(flat, upTo(121))).toContain('so throughput levels off rather than falls.');
  });

  it('says requests in flight in whole numbers, and in a users sweep the users that had as many', () => {
    // The points: 1 user with 1 in flight, 10 with 10, 20 with 19.8: 15 in flight lies between 10 and 19.8.
    expect(inFlightInWords(15, sweep)).toBe('15 users (15 in flight)');
    expect(inFlightInWords(74.23, { ...sweep, over: 'rps' })).toBe('74 in flight');
    // Beyond the points there is nothing to read the users from.
    expect(inFlightInWords(50, sweep)).toBe('50 in flight');
  });

  it('instances over time: each autoscaled component’s count per second', () => {
    // The last second is the drain after a load of 3 s: not drawn.
    const timeline = [{ t: 0, instances: { api: 2 } }, { t: 1, instances: { api: 3, db: 1 } }, { t: 2 }, { t: 3, instances: { api: 1 } }];
    const result = { timeline, warmupSeconds: 0, measuredSeconds: 3 } as unknown as SimulationResult;
    expect(autoscaled(result)).toEqual(['api', 'db']);
    expect(instancesColumns(result)).toEqual([[0, 1, 2], [2, 3, null], [null, 1, null]]);
  });
});
