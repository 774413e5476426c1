// Resilience: bounded queues against M/M/1/K and M/M/c/K, the circuit breaker's count of
// attempts under a dead dependency, fallbacks, the retry budget's cap and the bulkhead's,
// each against arithmetic stated here.
import { DEFAULT_BREAKER, type Breaker, type Chaos, type Model } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult, type Span } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK, work, type CallOpts } from '@topo/model/testing';
import { loadExample } from './helpers.js';

const svc = (r: SimulationResult, name: string) => r.services.find((s) => s.name === name)!;

function within(actual: number | null | undefined, expected: number, fraction: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected).toBeLessThan(fraction);
}

/** M/M/c/K (K = c + queue places in all): the stationary probabilities p(0..K). */
function mmck(c: number, K: number, lambda: number, mu: number): number[] {
  const a = lambda / mu;
  const weights: number[] = [];
  let w = 1;
  for (let n = 0; n <= K; n++) {
    if (n > 0) w *= a / Math.min(n, c);
    weights.push(w);
  }
  const total = weights.reduce((x, y) => x + y, 0);
  return weights.map((x) => x / total);
}

/** Blocking probability p(K), and the mean response of accepted requests by Little's law: L / (λ(1 − p(K))). */
function blockingAndResponse(c: number, K: number, lambda: number, mu: number): { blocking: number; meanMs: number } {
  const p = mmck(c, K, lambda, mu);
  const L = p.reduce((sum, pn, n) => sum + n * pn, 0);
  return { blocking: p[K]!, meanMs: L / (lambda * (1 - p[K]!)) };
}

/** One instance with `threads` and `queue`, exponential 1 ms work, Poisson arrivals, no network. */
function boundedQueue(threads: number, queue: number, rps: number, seconds: number): Model {
  return buildModel({
    network: ZERO_NETWORK,
    services: [{ name: 'server', instances: 1, zones: ['a'], threads, queue, work: work(1) }],
    scenarios: [{ loads: [[rps, 'server', seconds * 1000]], warmupMs: 1000 }],
  });
}

describe('queue N: load shedding', () => {
  it('one thread, queue 4, ρ = 0.8: M/M/1/K blocking and accepted mean response within 5%', async () => {
    const rho = 0.8;
    const K = 5;
    const r = await simulate(boundedQueue(1, 4, 800, 128));
    expect(r.requests).toBeGreaterThanOrEqual(100_000);
    const blocking = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    const theory = blockingAndResponse(1, K, 0.8, 1);
    expect(theory.blocking).toBeCloseTo(blocking, 12);
    // A rejected request fails at once; the others are served.
    within(r.failed / r.requests, blocking, 0.05);
    expect(r.rejected).toBe(r.failed);
    expect(svc(r, 'server').rejected).toBe(r.failed);
    within(r.latencyMs.mean, theory.meanMs, 0.05);
    // Never more than K in the system: no accepted request waits behind more than 4 others.
    expect(r.latencyMs.p999!).toBeLessThan(25);
  });

  it('four threads, queue 4, ρ = 0.8: M/M/c/K blocking and accepted mean response within 5%', async () => {
    const r = await simulate(boundedQueue(4, 4, 3200, 41));
    expect(r.requests).toBeGreaterThanOrEqual(100_000);
    const theory = blockingAndResponse(4, 8, 3.2, 1);
    within(r.failed / r.requests, theory.blocking, 0.05);
    within(r.latencyMs.mean, theory.meanMs, 0.05);
    expect(r.rejected).toBe(r.failed);
  });

  it('without queue, nothing is rejected and the result has no resilience counts', async () => {
    const r = await simulate(buildModel({ network: ZERO_NETWORK, services: [{ name: 'server', instances: 1, zones: ['a'], threads: 1, work: work(1) }], scenarios: [{ loads: [[800, 'server', 5000]] }] }));
    expect(r.failed).toBe(0);
    expect(r.rejected).toBeUndefined();
    expect(r.timeline[0]!.rejected).toBeUndefined();
  });
});

/** edge (`callers` instances) calls dep (1 ms, constant) with `opts`; `rps` into edge; dep fails from 0 s for 40 s. */
function deadDependency(opts: CallOpts, o: { rps: number; callers?: number; share?: number; seconds?: number }): Model {
  const fault: Chaos = { kind: 'fail', target: 'dep', share: o.share ?? 1, atMs: 0, forMs: 40_000 };
  return buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'edge', instances: o.callers ?? 1, zones: ['a'], threads: 1000, work: work(1, 'constant'), steps: [call('dep', { timeoutMs: 1000, ...opts })] },
      { name: 'dep', instances: 1, zones: ['a'], threads: 1000, work: work(1, 'constant') },
    ],
    scenarios: [{ loads: [[o.rps, 'edge', (o.seconds ?? 60) * 1000]], chaos: [fault] }],
  });
}

describe('breaker', () => {
  const breaker: Breaker = { ...DEFAULT_BREAKER };
  const { volume, openMs } = breaker;
  const failMs = 40_000;

  it('a dependency failing 100% for 40 s: attempts reaching it fall to the volume and one trial per open time', async () => {
    const rps = 50;
    const r = await simulate(deadDependency({ breaker }, { rps }));
    // The window fills with failures only: it opens on the 20th, at about 20 / 50 rps = 0.4 s,
    // then lets one trial through every 5 s (each fails and opens it again) until the fault ends.
    const openedS = volume / rps;
    const trials = Math.floor((failMs / 1000 - openedS) / (openMs / 1000));
    expect(trials).toBe(7);
    expect(svc(r, 'dep').injectedFailures).toBe(volume + trials);
    // Every other call in the failure was short-circuited: no network, no work.
    const inFailure = r.timeline.slice(0, 40).reduce((n, p) => n + p.arrivals, 0);
    expect(r.shortCircuited! + volume + trials).toBeGreaterThanOrEqual(inFailure);
    expect(r.failed).toBe(r.shortCircuited! + volume + trials);
    expect(svc(r, 'dep').shortCircuited).toBe(r.shortCircuited);
    // One spell: opened near 0.4 s, closed by the first trial after 40 s.
    expect(r.breakers).toHaveLength(1);
    const [spell] = r.breakers!;
    expect(spell!.what).toBe('edge.default.a.1 → dep');
    expect(spell!.trials).toBe(trials);
    expect(Math.abs(spell!.start - openedS)).toBeLessThan(0.3);
    expect(spell!.end).toBeGreaterThan(40);
    expect(spell!.end).toBeLessThan(40 + openMs / 1000);
    // After it closed, everything succeeds.
    for (const p of r.timeline.slice(Math.ceil(spell!.end), 60)) expect(p.failed).toBe(0);
  });

  it('is per caller instance: three callers each let volume + trials through', async () => {
    const r = await simulate(deadDependency({ breaker }, { rps: 150, callers: 3 }));
    expect(r.breakers).toHaveLength(3);
    expect(new Set(r.breakers!.map((b) => b.what)).size).toBe(3);
    // Each caller gets about 50 rps (clients pick an instance at random): 7 trials each.
    expect(svc(r, 'dep').injectedFailures).toBe(3 * (volume + 7));
  });

  it('does not open when the window never holds the volume: 1 rps leaves 10 attempts per 10 s', async () => {
    const r = await simulate(deadDependency({ breaker }, { rps: 1 }));
    expect(r.breakers).toEqual([]);
    expect(r.shortCircuited).toBe(0);
    expect(svc(r, 'dep').injectedFailures).toBe(r.failed);
    expect(r.failed).toBeGreaterThan(25);
  });

  it('opens at the threshold: 70% failed opens it, 30% does not', async () => {
    const above = await simulate(deadDependency({ breaker }, { rps: 50, share: 0.7 }));
    expect(above.breakers!.length).toBeGreaterThan(0);
    expect(above.shortCircuited).toBeGreaterThan(0);
    const below = await simulate(deadDependency({ breaker }, { rps: 50, share: 0.3 }));
    expect(below.breakers).toEqual([]);
    expect(below.shortCircuited).toBe(0);
  });

  it('with fallback no request fails, and the degraded requests are the failures the breaker absorbed', async () => {
    const r = await simulate(deadDependency({ breaker, fallback: true }, { rps: 50 }));
    expect(r.failed).toBe(0);
    expect(svc(r, 'dep').injectedFailures).toBe(volume + 7);
    expect(r.degraded).toBe(svc(r, 'dep').injectedFailures + r.shortCircuited!);
    expect(svc(r, 'dep').degraded).toBe(r.degraded);
    expect(r.succeeded + r.degraded!).toBe(r.requests);
    expect(r.timeline.reduce((n, p) => n + p.degraded!, 0)).toBe(r.degraded);
  });
});

/** front (1 instance) calls back, which `chaos slow` makes time out; spans of every attempt. */
async function overloaded(opts: CallOpts): Promise<{ r: SimulationResult; spans: Span[] }> {
  const spans: Span[] = [];
  const model = buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'front', instances: 1, zones: ['a'], threads: 10_000, work: work(1, 'constant'), steps: [call('back', { timeoutMs: 100, ...opts })] },
      { name: 'back', instances: 1, zones: ['a'], threads: 10_000, work: work(1, 'constant') },
    ],
    scenarios: [{ loads: [[500, 'front', 10_000]], chaos: [{ kind: 'slow', target: 'back', byMs: 1000, atMs: 2000, forMs: 5000 }] }],
  });
  const r = await simulate(model, { trace: { every: 1, onSpan: (s) => spans.push(s) } });
  return { r, spans: spans.filter((s) => s.caller === 'front') };
}

/** At each moment a span starts: the attempts and the retries already in flight (started, not yet ended). */
function inFlightAtStarts(spans: Span[]): { span: Span; attempts: number; retries: number }[] {
  const events = spans.flatMap((s) => [
    { t: s.endNs, d: -1, s },
    { t: s.startNs, d: +1, s },
  ]);
  // Ends before starts at one instant: the attempt that timed out is out of flight when its retry goes.
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  let attempts = 0;
  let retries = 0;
  const out: { span: Span; attempts: number; retries: number }[] = [];
  for (const e of events) {
    if (e.d > 0) out.push({ span: e.s, attempts, retries });
    attempts += e.d;
    if (e.s.attempt > 1) retries += e.d;
  }
  return out;
}

describe('retry budget', () => {
  it('without a budget, retries pile up: three per request while back is slow', async () => {
    const { spans } = await overloaded({ retries: 3 });
    const peak = Math.max(...inFlightAtStarts(spans).map((x) => x.retries));
    // 500 rps × 100 ms: 50 requests waiting on each of 3 retries at once.
    expect(peak).toBeGreaterThan(120);
  });

  it("caps retries in flight by Envoy's rule: a retry goes only while retries < max(3, 20% × attempts in flight)", async () => {
    const { r, spans } = await overloaded({ retries: 3, retryBudget: 0.2 });
    const starts = inFlightAtStarts(spans);
    const retries = starts.filter((x) => x.span.attempt > 1);
    expect(retries.length).toBeGreaterThan(100);
    for (const x of retries) expect(x.retries).toBeLessThan(Math.max(3, 0.2 * x.attempts));
    // Many attempts were in flight at once, and the cap bit.
    expect(Math.max(...starts.map((x) => x.attempts))).toBeGreaterThan(50);
    expect(r.budgetExhausted).toBeGreaterThan(1000);
    expect(svc(r, 'back').budgetExhausted).toBe(r.budgetExhausted);
    // Retries counted are the retries sent; the refused ones are counted apart.
    expect(r.retries).toBe(retries.length);
  });
});

describe('bulkhead', () => {
  it('keeps at most N attempts in flight from the caller instance; one more is rejected at once', async () => {
    const { r, spans } = await overloaded({ bulkhead: 20 });
    const starts = inFlightAtStarts(spans);
    for (const x of starts) expect(x.attempts).toBeLessThan(20);
    expect(Math.max(...starts.map((x) => x.attempts))).toBe(19);
    expect(r.rejected).toBeGreaterThan(1000);
    expect(svc(r, 'back').rejected).toBe(r.rejected);
    // Rejected attempts never reach back.
    expect(svc(r, 'back').requests).toBe(spans.length);
  });
});

describe('the netflix example', () => {
  it('subscriberOutage: subscriber fails from 20 s to 40 s, the breakers open, homepage degrades, login fails', async () => {
    const r = await simulate((await loadExample('netflix')).model, { scenario: 'subscriberOutage', rps: 400 });
    // Every homepage and login instance (48 and 36 over two regions) has its own breaker to subscriber.
    expect(r.breakers!.length).toBeGreaterThan(40);
    for (const b of r.breakers!) {
      expect(b.what).toMatch(/^(homepage|login)\..* → subscriber$/);
      expect(b.start).toBeGreaterThan(20);
      expect(b.start).toBeLessThan(40);
    }
    expect(svc(r, 'subscriber').shortCircuited).toBeGreaterThan(svc(r, 'subscriber').injectedFailures);
    expect(r.degraded).toBeGreaterThan(0);
    expect(svc(r, 'subscriber').degraded).toBe(r.degraded);
    expect(r.requests).toBe(r.succeeded + r.degraded! + r.failed);
    // Before the fault and once the breakers have closed again, every request succeeds.
    for (const p of [...r.timeline.slice(5, 20), ...r.timeline.slice(Math.ceil(Math.max(...r.breakers!.map((b) => b.end))), 60)]) {
      expect(p.failed + p.degraded!).toBe(0);
    }
  });
});
