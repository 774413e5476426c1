// Faults (`chaos slow`, `chaos fail`, `chaos kill … for`), the hop limit of a cycle, and the
// storm over time (attempts and wasted work per second), each against arithmetic stated here.
import type { Chaos, Model } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { estimate, HOP_LIMIT, ResourceLimitError, simulate, type SimulationResult } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK, work, type ModelDraft } from '@topo/model/testing';

const svc = (r: SimulationResult, name: string) => r.services.find((s) => s.name === name)!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** front (1 instance, `frontMs` default 1 ms) calls back (1 ms each); both constant, no network unless given. */
function frontBack(
  chaos: Chaos[],
  o: { backs?: number; retries?: number; timeoutMs?: number; network?: ModelDraft['network']; rps?: number; ms?: number; frontMs?: number } = {},
): Model {
  return buildModel({
    network: o.network ?? ZERO_NETWORK,
    services: [
      { name: 'front', instances: 1, zones: ['a'], threads: 1000, work: work(o.frontMs ?? 1, 'constant'), steps: [call('back', { timeoutMs: o.timeoutMs ?? 100, retries: o.retries ?? 0 })] },
      { name: 'back', instances: o.backs ?? 1, zones: ['a'], threads: 1000, work: work(1, 'constant') },
    ],
    scenarios: [{ loads: [[o.rps ?? 100, 'front', o.ms ?? 20_000]], chaos }],
  });
}

describe('chaos fail', () => {
  it('with one retry to another instance, a request succeeds with probability 1 − P²', async () => {
    const P = 0.5;
    const r = await simulate(frontBack([{ kind: 'fail', target: 'back', share: P, atMs: 0 }], { backs: 2, retries: 1, rps: 200, ms: 60_000 }));
    // Each attempt fails independently with P; the retry goes to the other instance.
    const expected = 1 - P * P;
    expect(Math.abs(r.succeeded / r.requests - expected)).toBeLessThan(0.02 * expected);
    // Every retry follows one injected failure, and every failed request ended on one.
    expect(r.injectedFailures).toBe(r.retries + r.failed);
    expect(svc(r, 'back').injectedFailures).toBe(r.injectedFailures);
    expect(r.timeouts).toBe(0);
    // At once and without work: a success takes 1 + 1 ms however many attempts failed first.
    expect(r.latencyMs.max).toBe(2);
    expect(svc(r, 'front').latencyMs.min).toBe(1);
    expect(r.chaos).toEqual([{ kind: 'fail', start: 0, end: 60, what: 'fail back 50%: back.default.a.1, back.default.a.2', hasFor: false }]);
  });

  it('the caller sees the failure after the network hop and back', async () => {
    const network = { ...ZERO_NETWORK, zoneMs: 5 };
    const r = await simulate(frontBack([{ kind: 'fail', target: 'back', share: 1, atMs: 0 }], { network, rps: 20, ms: 5000 }));
    expect(r.succeeded).toBe(0);
    // front's own 1 ms, then 5 ms to back and 5 ms back; back does no work
    expect(svc(r, 'front').latencyMs.min).toBe(11);
    expect(svc(r, 'front').latencyMs.max).toBe(11);
    expect(svc(r, 'back').latencyMs.count).toBe(0);
    expect(svc(r, 'back').requests).toBe(r.requests);
    expect(svc(r, 'back').utilization).toBe(0);
  });

  it('lasts from `at` for `for`, then requests succeed again', async () => {
    const r = await simulate(frontBack([{ kind: 'fail', target: 'back', share: 1, atMs: 5000, forMs: 3000 }], { ms: 12_000 }));
    expect(r.chaos.map((c) => [c.kind, c.start, c.end])).toEqual([['fail', 5, 8]]);
    const at = (s: number) => r.timeline[s]!;
    for (const s of [0, 1, 2, 3, 4, 8, 9, 10, 11]) expect(at(s).failed).toBe(0);
    for (const s of [5, 6, 7]) expect(at(s).throughputRps).toBe(0);
    expect(r.failed).toBe(sum([5, 6, 7].map((s) => at(s).arrivals)));
  });

  it('fails a cache lookup as a failed call (not a miss), and a Cassandra request at its coordinator', async () => {
    const r = await simulate(
      buildModel({
        network: ZERO_NETWORK,
        services: [{ name: 'front', instances: 1, zones: ['a'], steps: [call('hot', { timeoutMs: 50 }), call('store', { timeoutMs: 50 })] }],
        caches: [{ name: 'hot', hit: 0 }],
        datastores: [{ name: 'store', engine: 'cassandra' }],
        scenarios: [{ loads: [[50, 'front', 4000]], chaos: [{ kind: 'fail', target: 'hot', share: 1, atMs: 0, forMs: 2000 }, { kind: 'fail', target: 'store', share: 1, atMs: 2000 }] }],
      }),
    );
    expect(r.succeeded).toBe(0);
    const [hot, store] = [svc(r, 'hot'), svc(r, 'store')];
    expect(hot.injectedFailures).toBe(sum(r.timeline.slice(0, 2).map((p) => p.arrivals)));
    // the coordinator refuses: no replica works
    expect(store.injectedFailures).toBe(store.requests);
    expect(store.replicaOps).toBe(0);
  });
});

describe('chaos slow', () => {
  const slowModel = (chaos: Chaos[], instances = 1) =>
    buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'svc', instances, zones: ['a'], threads: 1000, work: work(10, 'constant') }],
      scenarios: [{ loads: [[20, 'svc', 30_000]], chaos }],
    });

  it('adds exactly its duration to a constant-time service while it lasts, not before or after', async () => {
    const r = await simulate(slowModel([{ kind: 'slow', target: 'svc', byMs: 50, atMs: 10_000, forMs: 10_000 }]));
    expect(r.chaos).toEqual([{ kind: 'slow', start: 10, end: 20, what: 'slow svc by 50ms: svc.default.a.1', hasFor: true }]);
    const p99 = (s: number) => r.timeline[s]!.p99Ms;
    // Completions in seconds 11..19 started serving inside [10 s, 20 s); 10 and 20 are mixed.
    for (let s = 0; s < 10; s++) expect(p99(s)).toBe(10);
    for (let s = 11; s < 20; s++) expect(p99(s)).toBe(60);
    for (let s = 21; s < 30; s++) expect(p99(s)).toBe(10);
    expect(svc(r, 'svc').latencyMs.min).toBe(10);
    expect(svc(r, 'svc').latencyMs.max).toBe(60);
  });

  it('writes its duration as the language does: `by 5s`, not 5000ms', async () => {
    const r = await simulate(slowModel([{ kind: 'slow', target: 'svc', byMs: 5000, atMs: 0 }]));
    expect(r.chaos[0]!.what).toBe('slow svc by 5s: svc.default.a.1');
  });

  it('holds the thread: busy time is each request’s work plus the fault', async () => {
    const r = await simulate(slowModel([{ kind: 'slow', target: 'svc', byMs: 50, atMs: 0 }]));
    const s = svc(r, 'svc');
    // utilisation × threads × measured time = busy time = requests × (10 + 50) ms, but for
    // the last requests' service cut at the end of the load (at most 60 ms of one request).
    const busyMs = s.utilization! * 1000 * r.measuredSeconds * 1000;
    expect(busyMs).toBeLessThanOrEqual(r.requests * 60 + 1e-6);
    expect(busyMs).toBeGreaterThan(r.requests * 60 - 60 * 3);
  });

  it('`1 of` slows one instance of two', async () => {
    const r = await simulate(slowModel([{ kind: 'slow', count: 1, target: 'svc', byMs: 50, atMs: 0 }], 2));
    expect(r.chaos[0]!.what).toMatch(/^slow 1 of svc by 50ms: svc\.default\.a\.[12]$/);
    const l = svc(r, 'svc').latencyMs;
    expect([l.min, l.max]).toEqual([10, 60]);
    // the balancer picks each instance with probability ½
    expect(l.mean!).toBeGreaterThan(35 - 3);
    expect(l.mean!).toBeLessThan(35 + 3);
  });

  it('slows Cassandra replica work (where its time goes) and a managed datastore’s answers', async () => {
    const r = await simulate(
      buildModel({
        network: ZERO_NETWORK,
        services: [{ name: 'front', instances: 1, zones: ['a'], steps: [call('store'), call('table')] }],
        datastores: [
          { name: 'store', engine: 'cassandra', work: work(1, 'constant') },
          { name: 'table', engine: 'dynamodb', work: work(4, 'constant') },
        ],
        scenarios: [{ loads: [[20, 'front', 3000]], chaos: [{ kind: 'slow', target: 'store', byMs: 5, atMs: 0 }, { kind: 'slow', target: 'table', byMs: 7, atMs: 0 }] }],
      }),
    );
    // a read at ONE: the coordinator is its own replica
    expect([svc(r, 'store').latencyMs.min, svc(r, 'store').latencyMs.max]).toEqual([6, 6]);
    expect([svc(r, 'table').latencyMs.min, svc(r, 'table').latencyMs.max]).toEqual([11, 11]);
  });

  it('shows in a slowed Cassandra store’s latency when its callers gave up on it', async () => {
    const r = await simulate(
      buildModel({
        network: ZERO_NETWORK,
        services: [{ name: 'front', instances: 1, zones: ['a'], steps: [call('store', { timeoutMs: 10 })] }],
        datastores: [{ name: 'store', engine: 'cassandra', threads: 1000, work: work(1, 'constant') }],
        scenarios: [{ loads: [[20, 'front', 3000]], chaos: [{ kind: 'slow', target: 'store', byMs: 50, atMs: 0 }] }],
      }),
    );
    const store = svc(r, 'store');
    // a read at ONE takes the coordinator's own 1 + 50 ms, though front gave up at 10 ms...
    expect(store.latencyMs.count).toBe(store.requests);
    expect([store.latencyMs.min, store.latencyMs.max]).toEqual([51, 51]);
    // ...and all of it is wasted
    expect(store.timeouts).toBe(store.requests);
    expect(store.wastedWorkMs).toBe(51 * store.requests);
  });
});

describe('chaos kill … for', () => {
  it('revives the instances after `for`; callers find them again after discovery', async () => {
    const network = { ...ZERO_NETWORK, discoveryMs: 2000 };
    const r = await simulate(frontBack([{ kind: 'kill', count: 1, target: 'back', atMs: 5000, forMs: 5000 }], { network }));
    expect(r.chaos).toEqual([{ kind: 'kill', start: 5, end: 10, what: 'kill 1 of back: back.default.a.1', hasFor: true }]);
    const at = (s: number) => r.timeline[s]!;
    // dead from 5 s (the registry learns at 7 s), back at 10 s (learnt at 12 s)
    for (let s = 0; s < 5; s++) expect(at(s).failed).toBe(0);
    for (let s = 6; s < 12; s++) expect(at(s).throughputRps).toBe(0);
    for (let s = 12; s < 20; s++) {
      expect(at(s).failed).toBe(0);
      expect(at(s).throughputRps).toBeGreaterThan(50);
    }
  });

  it('says whether a fault had a `for`, even when its `for` ends with the load', async () => {
    // The load ends at 20 s: a kill for 15 s from 5 s ends there, as one without `for` does.
    const kill = (forMs?: number): Chaos => ({ kind: 'kill', count: 1, target: 'back', atMs: 5000, ...(forMs === undefined ? {} : { forMs }) });
    const r = await simulate(frontBack([kill(15_000), kill()], { backs: 2 }));
    expect(r.chaos.map((c) => [c.start, c.end, c.hasFor])).toEqual([
      [5, 20, true],
      [5, 20, false],
    ]);
  });

  it('cannot kill a managed datastore', async () => {
    const r = await simulate(
      buildModel({
        network: ZERO_NETWORK,
        services: [{ name: 'front', instances: 1, steps: [call('table', { timeoutMs: 100 })] }],
        datastores: [{ name: 'table', engine: 'dynamodb' }],
        scenarios: [{ loads: [[20, 'front', 3000]], chaos: [{ kind: 'kill', count: 1, target: 'table', atMs: 1000 }] }],
      }),
    );
    expect(r.chaos).toEqual([{ kind: 'kill', start: 1, end: 3, what: 'kill 1 of table: managed, nothing to kill', hasFor: false }]);
    expect(r.failed).toBe(0);
  });
});

describe('the hop limit', () => {
  // A calls B, B calls A, retries on both; 1 ms of constant work each, no network.
  const cycle = buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'A', instances: 1, threads: 10_000, work: work(1, 'constant'), steps: [call('B', { retries: 2 })] },
      { name: 'B', instances: 1, threads: 10_000, work: work(1, 'constant'), steps: [call('A', { retries: 2 })] },
    ],
    scenarios: [{ loads: [[20, 'A', 5000]] }],
  });

  it('ends a cycle: the 64th nested call fails at once, and nobody retries it', async () => {
    expect(HOP_LIMIT).toBe(64);
    const r = await simulate(cycle);
    const n = r.requests;
    expect(n).toBeGreaterThan(50);
    // Calls 1..63 are sent (odd ones to B, even ones to A); the 64th, to A, fails at once.
    expect(r.failed).toBe(n);
    expect(r.attempts).toBe(HOP_LIMIT * n);
    expect(r.hopLimited).toBe(n);
    expect(r.retries).toBe(0);
    expect(svc(r, 'A').hopLimited).toBe(n);
    expect(svc(r, 'B').hopLimited).toBe(0);
    // A serves the client's request and the even calls 2..62; B the odd calls 1..63
    expect(svc(r, 'A').requests).toBe(32 * n);
    expect(svc(r, 'B').requests).toBe(32 * n);
    // the entry waits for the 64 services of the chain, 1 ms each
    expect(svc(r, 'A').latencyMs.max).toBe(HOP_LIMIT);
  });

  it('is in the estimate: a request makes its own attempt and the 64 of the chain', () => {
    expect(estimate(cycle, cycle.scenarios[0]!).attemptsPerRequest).toBe(1 + HOP_LIMIT);
  });

  it('a service calling itself twice would make 2 + 4 + … + 2^64 attempts a request: the guard refuses it', async () => {
    const twice = buildModel({ services: [{ name: 'A', steps: [call('A'), call('A')] }], scenarios: [{ loads: [[1, 'A', 1000]] }] });
    expect(estimate(twice, twice.scenarios[0]!).attemptsPerRequest).toBeCloseTo(2 ** (HOP_LIMIT + 1) - 1, -5);
    await expect(simulate(twice)).rejects.toThrow(ResourceLimitError);
  });
});

describe('the storm over time', () => {
  it('shows attempts and wasted work per second, summing to the totals', async () => {
    // back slowed by 100 ms from 5 s for 3 s: each call times out at 50 ms, twice retried.
    const r = await simulate(frontBack([{ kind: 'slow', target: 'back', byMs: 100, atMs: 5000, forMs: 3000 }], { timeoutMs: 50, retries: 2, ms: 12_000, frontMs: 0 }));
    const t = r.timeline;
    expect(sum(t.map((p) => p.attempts))).toBe(r.attempts);
    expect(sum(t.map((p) => p.wastedWorkMs))).toBeCloseTo(r.wastedWorkMs, 3);
    // before the fault: one attempt per request, sent in the second it arrived; nothing wasted
    for (let s = 0; s < 5; s++) {
      expect(t[s]!.attempts).toBe(t[s]!.arrivals);
      expect(t[s]!.wastedWorkMs).toBe(0);
    }
    // inside: three attempts per request, each 101 ms of work for a caller that gave up
    for (const s of [6, 7]) {
      expect(t[s]!.attempts).toBeGreaterThan(2.5 * t[s]!.arrivals);
      expect(t[s]!.wastedWorkMs).toBeGreaterThan(2.5 * t[s]!.arrivals * 101);
    }
    for (let s = 9; s < 12; s++) expect(t[s]!.wastedWorkMs).toBe(0);
    // every abandoned attempt did 101 ms of work
    expect(r.wastedWorkMs).toBeCloseTo(r.timeouts * 101, 3);
  });
});
