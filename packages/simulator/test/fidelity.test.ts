// The simulator against queueing theory and against the static analysis' arithmetic.
import type { Model } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK, work } from '@topo/model/testing';

function queue(threads: number, rps: number, seconds: number): Model {
  return buildModel({
    network: ZERO_NETWORK,
    services: [{ name: 'server', instances: 1, zones: ['a'], threads, work: work(1) }],
    scenarios: [{ loads: [[rps, 'server', seconds * 1000]], warmupMs: 1000 }],
  });
}

/** Erlang C: the probability that an arrival waits, for c servers at offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

/** Response time of M/M/c: mean and the p-quantile (by bisection on its tail). */
function mmc(c: number, lambda: number, mu: number, p: number): { mean: number; quantile: number } {
  const wait = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  // T = S + Wq, S ~ Exp(mu), Wq = 0 w.p. 1 - C, else Exp(theta).
  const tail = (t: number): number =>
    (1 - wait) * Math.exp(-mu * t) + wait * (theta === mu ? (1 + mu * t) * Math.exp(-mu * t) : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu));
  let lo = 0;
  let hi = 100 / mu;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return { mean: wait / theta + 1 / mu, quantile: lo };
}

function within(actual: number | null, expected: number, fraction: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected).toBeLessThan(fraction);
}

describe('queueing theory', () => {
  it('one thread, exponential work: M/M/1 mean and p99 within 5% at 100,000+ requests', async () => {
    const r = await simulate(queue(1, 500, 221));
    expect(r.requests).toBeGreaterThanOrEqual(100_000);
    // λ = 0.5/ms, μ = 1/ms: mean 1/(μ-λ) = 2 ms, p99 = ln(100) × 2 ms.
    within(r.latencyMs.mean, 2, 0.05);
    within(r.latencyMs.p99, Math.log(100) * 2, 0.05);
    within(r.services[0]!.utilization, 0.5, 0.05);
    // The histogram: every succeeded request in one bucket, contiguous log-spaced buckets, and
    // the share of each well-filled bucket as the exponential response time (mean 2 ms) says.
    const buckets = r.latencyHistogram;
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(r.succeeded);
    buckets.slice(1).forEach((b, i) => expect(b.fromMs).toBe(buckets[i]!.toMs));
    for (const b of buckets.filter((x) => x.count > r.succeeded / 50)) {
      within(b.count / r.succeeded, Math.exp(-b.fromMs / 2) - Math.exp(-b.toMs / 2), 0.05);
    }
    const theory = mmc(1, 0.5, 1, 0.99);
    expect(theory.mean).toBeCloseTo(2, 9);
    expect(theory.quantile).toBeCloseTo(Math.log(100) * 2, 6);
  });

  it('c threads: M/M/c (Erlang C) mean and p99 within 5%', async () => {
    // Long enough that the p99 of a busy queue (its samples are strongly correlated) settles.
    const r = await simulate(queue(4, 2800, 101));
    expect(r.requests).toBeGreaterThanOrEqual(100_000);
    const theory = mmc(4, 2.8, 1, 0.99);
    within(r.latencyMs.mean, theory.mean, 0.05);
    within(r.latencyMs.p99, theory.quantile, 0.05);
    within(r.services[0]!.utilization, 0.7, 0.05);
    // and it is not M/M/1 at the same utilization, which waits far longer
    expect(r.latencyMs.mean!).toBeLessThan(1 / (1 - 0.7) / 2);
  });

  it("holds Little's law: requests in flight = arrival rate × time in the system", async () => {
    const r = await simulate(queue(4, 3200, 41));
    const measured = r.timeline.filter((p) => p.t >= 1 && p.t < 41);
    const inFlight = measured.reduce((n, p) => n + p.inFlight, 0) / measured.length;
    const arrivals = measured.reduce((n, p) => n + p.arrivals, 0) / measured.length;
    within(inFlight, (arrivals * r.latencyMs.mean!) / 1000, 0.02);
  });
});

/** An edge calling a constant-time service with the given call options. */
function constantService(timeoutMs: number): Model {
  return buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'edge', instances: 1, zones: ['a'], threads: 1000, work: work(1, 'constant'), steps: [call('slow', { timeoutMs, retries: 2, backoffMs: 1 })] },
      { name: 'slow', instances: 3, zones: ['a'], threads: 1000, work: work(10, 'constant') },
    ],
    scenarios: [{ loads: [[50, 'edge', 20_000]] }],
  });
}

describe('timeouts and wasted work', () => {
  it('a constant-time service behind a shorter timeout fails every request after attempts × timeout, wasting every attempt', async () => {
    const r = await simulate(constantService(4));
    expect(r.requests).toBeGreaterThan(900);
    expect(r.failed).toBe(r.requests);
    expect(r.succeeded).toBe(0);
    expect(r.attempts).toBe(3 * r.requests);
    expect(r.retries).toBe(2 * r.requests);
    expect(r.timeouts).toBe(3 * r.requests);
    expect(r.wastedWorkMs).toBe(30 * r.requests);
    const slow = r.services.find((s) => s.name === 'slow')!;
    expect(slow.wastedWorkMs).toBe(30 * r.requests);
    expect(slow.timeouts).toBe(3 * r.requests);
    // Each fails 1 ms of work + 3 × 4 ms timeouts + 2 × 1 ms backoff = 15 ms after it arrived.
    const edge = r.services.find((s) => s.name === 'edge')!;
    expect(edge.latencyMs.min).toBe(15);
    expect(edge.latencyMs.max).toBe(15);
  });

  it('behind a longer timeout nothing fails and nothing is wasted', async () => {
    const r = await simulate(constantService(20));
    expect(r.failed).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r.retries).toBe(0);
    expect(r.wastedWorkMs).toBe(0);
    expect(r.latencyMs.min).toBe(11);
    expect(r.latencyMs.max).toBe(11);
  });
});

/** reach(entry) = 1; reach(T) = max over calls c into T of reach(caller) × attempts(c). */
function reach(model: Model, entry: string): Map<string, number> {
  const out = new Map([[entry, 1]]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of model.services.flatMap((s) => s.calls)) {
      const from = out.get(c.from);
      if (from === undefined) continue;
      const r = from * (1 + c.retries);
      if (r > (out.get(c.target) ?? 0)) {
        out.set(c.target, r);
        changed = true;
      }
    }
  }
  return out;
}

function chain(lastWorkMs: number): Model {
  const svc = (name: string, next: string | undefined, timeoutMs: number, retries: number, workMs = 1) => ({
    name,
    instances: 3,
    zones: ['a'],
    work: work(workMs, 'constant' as const),
    steps: next ? [call(next, { timeoutMs, retries })] : [],
  });
  return buildModel({
    network: ZERO_NETWORK,
    services: [svc('a', 'b', 50, 1), svc('b', 'c', 20, 2), svc('c', 'd', 5, 1), svc('d', undefined, 0, 0, lastWorkMs)],
    scenarios: [{ loads: [[20, 'a', 10_000]] }],
  });
}

function perRequest(r: SimulationResult, name: string): number {
  return r.services.find((s) => s.name === name)!.requests / r.requests;
}

describe('retry amplification', () => {
  it('equals the static reach() on a chain where the last service always times out', async () => {
    const model = chain(100);
    const r = await simulate(model);
    const expected = reach(model, 'a');
    expect(expected.get('d')).toBe(12);
    for (const name of ['b', 'c', 'd']) expect(perRequest(r, name)).toBe(expected.get(name));
  });

  it('is one attempt per call when nothing fails', async () => {
    const r = await simulate(chain(1));
    for (const name of ['b', 'c', 'd']) expect(perRequest(r, name)).toBe(1);
    expect(r.retries).toBe(0);
  });
});
