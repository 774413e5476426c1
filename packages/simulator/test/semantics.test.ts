// The architecture's semantics: determinism, the result's shape, caches, shares, routes,
// Cassandra, petals, chaos, budgets, connect timeouts and the choice of scenario.
import type { Chaos, Model } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { simulate, UnknownScenarioError, type SimulationResult } from '../src/index.js';
import { buildModel, call, routes, ZERO_NETWORK, work, type ModelDraft, type ServiceDraft } from '@topo/model/testing';
import { loadExample } from './helpers.js';

const svc = (r: SimulationResult, name: string) => r.services.find((s) => s.name === name)!;

function withoutWall(r: SimulationResult): Omit<SimulationResult, 'wallMs'> {
  const { wallMs: _wall, ...rest } = r;
  return rest;
}

describe('the result', () => {
  it('is the same for the same seed but for wallMs, and differs for another seed', async () => {
    const model = (await loadExample('netflix')).model;
    const short = { ...model, scenarios: [{ ...model.scenarios[0]!, loads: [{ rps: 500, toRps: 500, target: 'wwwproxy', fromMs: 0, durationMs: 8000 }], warmupMs: 1000 }] };
    const a = await simulate(short);
    const b = await simulate(short);
    expect(withoutWall(b)).toEqual(withoutWall(a));
    const c = await simulate(short, { seed: 8 });
    expect(c.seed).toBe(8);
    expect(withoutWall(c)).not.toEqual(withoutWall(a));
  });

  it('has the documented keys and survives JSON', async () => {
    const r = await simulate((await loadExample('netflix')).model, { rps: 200 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    for (const key of ['scenario', 'seed', 'simulatedSeconds', 'requests', 'succeeded', 'failed', 'throughputRps', 'latencyMs', 'attempts', 'retries', 'timeouts', 'wastedWorkMs', 'services', 'timeline', 'events', 'wallMs']) {
      expect(r).toHaveProperty(key);
    }
    expect(Object.keys(r.latencyMs)).toEqual(expect.arrayContaining(['mean', 'sd', 'min', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'p999', 'max']));
    for (const s of r.services) {
      for (const key of ['name', 'kind', 'instances', 'requests', 'utilization', 'latencyMs', 'timeouts', 'retries', 'wastedWorkMs']) expect(s).toHaveProperty(key);
    }
    for (const p of r.timeline) for (const key of ['t', 'throughputRps', 'p99Ms', 'failed']) expect(p).toHaveProperty(key);
    expect(r.timeline).toHaveLength(Math.ceil(r.simulatedSeconds));
    expect(r.requests).toBe(r.succeeded + r.failed);
    // a warmup of 5 s of 60: the requests counted are those after it
    expect(r.requests).toBeGreaterThan(200 * 55 * 0.95);
    expect(r.requests).toBeLessThan(200 * 55 * 1.05);
  });

  it('reports no latencies when nothing succeeded, as nulls', async () => {
    const model = buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'edge', work: work(1, 'constant'), steps: [call('down', { timeoutMs: 5 })] }, { name: 'down', work: work(50, 'constant') }],
      scenarios: [{ loads: [[10, 'edge', 2000]] }],
    });
    const r = await simulate(model);
    expect(r.succeeded).toBe(0);
    expect(r.latencyMs.mean).toBeNull();
    expect(r.latencyMs.p99).toBeNull();
    expect(r.timeline[0]!.p99Ms).toBeNull();
  });
});

function twoTier(callOpts: Parameters<typeof call>[1], draft: Partial<ModelDraft> = {}): Model {
  return buildModel({
    network: ZERO_NETWORK,
    services: [{ name: 'front', work: work(1), steps: [call('back', callOpts)] }, { name: 'back', work: work(1) }],
    scenarios: [{ loads: [[1000, 'front', 10_000]] }],
    ...draft,
  });
}

describe('calls', () => {
  it('`share` makes a call on that fraction of requests', async () => {
    const r = await simulate(twoTier({ share: 0.3 }));
    expect(svc(r, 'back').requests / r.requests).toBeCloseTo(0.3, 1);
    const all = await simulate(twoTier({}));
    expect(svc(all, 'back').requests).toBe(all.requests);
  });

  it('a request takes exactly one route, by share', async () => {
    const model = buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'edge', steps: [routes([0.8, 'x'], [0.2, 'y'])] }, { name: 'x' }, { name: 'y' }],
      scenarios: [{ loads: [[1000, 'edge', 10_000]] }],
    });
    const r = await simulate(model);
    expect(svc(r, 'x').requests + svc(r, 'y').requests).toBe(r.requests);
    expect(svc(r, 'x').requests / r.requests).toBeCloseTo(0.8, 1);
  });

  it('`on miss` calls the store only when the cache missed', async () => {
    const model = (hit: number) =>
      buildModel({
        network: ZERO_NETWORK,
        caches: [{ name: 'cache', hit }],
        datastores: [{ name: 'db', engine: 'mysql' }],
        services: [{ name: 'app', steps: [call('cache', { timeoutMs: 10 }), call('db', { onMiss: 'cache', timeoutMs: 50 })] }],
        scenarios: [{ loads: [[1000, 'app', 10_000]] }],
      });
    const ninety = await simulate(model(0.9));
    expect(svc(ninety, 'db').requests / ninety.requests).toBeCloseTo(0.1, 1);
    expect((await simulate(model(1))).services.find((s) => s.name === 'db')!.requests).toBe(0);
    const never = await simulate(model(0));
    expect(svc(never, 'db').requests).toBe(never.requests);
  });

  it('a parallel group waits for its slowest call; a sequence adds them up', async () => {
    const model = (parallelGroup: boolean) =>
      buildModel({
        network: ZERO_NETWORK,
        services: [
          {
            name: 'edge',
            work: work(1, 'constant'),
            steps: parallelGroup ? [{ parallel: [{ target: 'x' }, { target: 'y' }] }] : [call('x'), call('y')],
          },
          { name: 'x', work: work(3, 'constant') },
          { name: 'y', work: work(5, 'constant') },
        ],
        scenarios: [{ loads: [[10, 'edge', 2000]] }],
      });
    const par = await simulate(model(true));
    expect([par.latencyMs.min, par.latencyMs.max]).toEqual([6, 6]);
    const seq = await simulate(model(false));
    expect([seq.latencyMs.min, seq.latencyMs.max]).toEqual([9, 9]);
  });

  it('a failed call fails the request above it', async () => {
    const model = buildModel({
      network: ZERO_NETWORK,
      services: [
        { name: 'edge', work: work(1, 'constant'), steps: [call('mid', { timeoutMs: 100 })] },
        { name: 'mid', work: work(1, 'constant'), steps: [call('leaf', { timeoutMs: 2 })] },
        { name: 'leaf', work: work(10, 'constant') },
      ],
      scenarios: [{ loads: [[10, 'edge', 2000]] }],
    });
    const r = await simulate(model);
    expect(r.failed).toBe(r.requests);
    // mid answers its failure at once: the edge's own timeout never fires
    expect(svc(r, 'mid').timeouts).toBe(0);
    expect(svc(r, 'leaf').timeouts).toBe(r.requests);
  });
});

/** A service calling a Cassandra ring with the default network, three zones. */
function cassandra(level: 'ONE' | 'QUORUM', regions = 1): Model {
  const names = ['us-east-1', 'us-west-2'].slice(0, regions);
  return buildModel({
    regions: names.map((name) => ({ name, zones: ['a', 'b', 'c'] })),
    datastores: [{ name: 'db', engine: 'cassandra', instances: 6, regions: names, read: level, write: level }],
    services: [
      { name: 'app', regions: names.slice(0, 1), work: work(0.001, 'constant'), steps: [call('db', { mode: regions > 1 ? 'write' : 'read', timeoutMs: 100 })] },
    ],
    scenarios: [{ loads: [[500, 'app', 20_000]] }],
  });
}

/** What the app saw of the datastore: the client's latency less its own hops and work. */
const CLIENT_HOPS_MS = 2 * (0.1 + 0.02) + 0.001;

describe('Cassandra', () => {
  it('reads at ONE in about 1 ms and at QUORUM in a few', async () => {
    const one = (await simulate(cassandra('ONE'))).latencyMs.mean! - CLIENT_HOPS_MS;
    const quorum = (await simulate(cassandra('QUORUM'))).latencyMs.mean! - CLIENT_HOPS_MS;
    expect(one).toBeGreaterThan(0.5);
    expect(one).toBeLessThan(1.5);
    // QUORUM waits for a second replica in another zone: a cross-zone round trip (1.04 ms) more
    expect(quorum - one).toBeGreaterThan(0.6);
    expect(quorum).toBeLessThan(4);
  });

  it('reads touch as many replicas as the level needs', async () => {
    const r = await simulate(cassandra('QUORUM'));
    expect(svc(r, 'db').replicaOps).toBe(2 * svc(r, 'db').requests);
  });

  it('writes go to every local replica and, unawaited, to the other region', async () => {
    const r = await simulate(cassandra('QUORUM', 2));
    expect(svc(r, 'db').replicaOps).toBe(6 * svc(r, 'db').requests);
    // the 35 ms to the other region is not waited for
    expect(r.latencyMs.p99!).toBeLessThan(10);
  });
});

describe('petals', () => {
  it('calls between members in the petal region cost network.petal and no encode', async () => {
    const model = (petal: boolean) =>
      buildModel({
        regions: [{ name: 'r', zones: ['a'] }],
        services: [{ name: 'a', work: work(1, 'constant'), steps: [call('b')] }, { name: 'b', work: work(1, 'constant') }],
        petals: petal ? [{ name: 'p', region: 'r', members: ['a', 'b'] }] : [],
        scenarios: [{ loads: [[10, 'a', 2000]] }],
      });
    const client = 2 * (0.1 + 0.02);
    const inPetal = await simulate(model(true));
    expect(inPetal.latencyMs.max).toBeCloseTo(client + 2 + 2 * 0.0003, 9);
    const outside = await simulate(model(false));
    expect(outside.latencyMs.max).toBeCloseTo(client + 2 + client, 9);
    // Each measured request sends a → b and b's answer back inside the petal: two messages.
    expect(inPetal.petalMessages).toEqual({ p: 2 * inPetal.requests });
    expect(outside.petalMessages).toEqual({});
  });
});

function oneCallee(chaos: Chaos[], callee: Partial<ServiceDraft>, callOpts: Parameters<typeof call>[1]): Model {
  return buildModel({
    network: { ...ZERO_NETWORK, discoveryMs: 5000 },
    services: [{ name: 'front', instances: 1, zones: ['a'], work: work(1, 'constant'), steps: [call('back', callOpts)] }, { name: 'back', zones: ['a'], work: work(1, 'constant'), ...callee }],
    scenarios: [{ loads: [[100, 'front', 20_000]], chaos }],
  });
}

describe('chaos', () => {
  it('kill: attempts on the dead instance time out until discovery, then go elsewhere', async () => {
    const r = await simulate(oneCallee([{ kind: 'kill', count: 1, target: 'back', atMs: 5000 }], { instances: 2 }, { timeoutMs: 50, retries: 1 }));
    // without `for`, the fault lasts to the end of the load (20 s)
    expect(r.chaos).toEqual([{ kind: 'kill', start: 5, end: 20, what: expect.stringMatching(/^kill 1 of back: back\.default\.a\.[12]$/), hasFor: false }]);
    expect(r.failed).toBe(0);
    const slow = r.timeline.filter((p) => p.p99Ms !== null && p.p99Ms > 50).map((p) => p.t);
    expect(Math.min(...slow)).toBe(5);
    // the last slow ones started before the registry learned, at 10 s
    expect(Math.max(...slow)).toBe(10);
    expect(r.timeouts).toBeGreaterThan(0);
    expect(svc(r, 'back').timeouts).toBe(r.timeouts);
  });

  it('a dead instance fails an attempt after `connect` when given, else after `timeout`', async () => {
    const kill: Chaos[] = [{ kind: 'kill', count: 1, target: 'back', atMs: 1000 }];
    const withConnect = await simulate(oneCallee(kill, { instances: 1 }, { timeoutMs: 80, connectMs: 20 }));
    const failAt = (r: SimulationResult) => svc(r, 'front').latencyMs.max;
    expect(failAt(withConnect)).toBe(21);
    const without = await simulate(oneCallee(kill, { instances: 1 }, { timeoutMs: 80 }));
    expect(failAt(without)).toBe(81);
  });

  it('once the registry knows every instance is dead, calls fail at once', async () => {
    const r = await simulate(oneCallee([{ kind: 'kill', count: 1, target: 'back', atMs: 1000 }], { instances: 1 }, { timeoutMs: 80 }));
    const late = r.timeline.filter((p) => p.t >= 7 && p.t < 19);
    expect(late.every((p) => p.throughputRps === 0 && p.failed > 50)).toBe(true);
    expect(r.timeouts).toBeLessThan(100 * 6);
  });

  it('zone down: its instances die and come back', async () => {
    const r = await simulate(oneCallee([{ kind: 'zone', region: 'default', zone: 'a', atMs: 2000, forMs: 3000 }], { instances: 1 }, { timeoutMs: 80 }));
    expect(r.chaos).toEqual([{ kind: 'zone', start: 2, end: 5, what: 'zone default.a down: 2 instances', hasFor: true }]);
    const ok = (t: number) => r.timeline[t]!.throughputRps;
    expect(ok(1)).toBeGreaterThan(80);
    expect(ok(3)).toBe(0);
    expect(ok(15)).toBeGreaterThan(80);
  });

  it('the monkey kills one instance per interval, never of a service that opted out', async () => {
    const model = buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'front', instances: 3, chaosOptout: true, steps: [call('back', { timeoutMs: 50, retries: 2 })] }, { name: 'back', instances: 6 }],
      scenarios: [{ loads: [[50, 'front', 35_000]], chaos: [{ kind: 'monkey', everyMs: 10_000 }] }],
    });
    const r = await simulate(model);
    expect(r.chaos.map((c) => [c.kind, c.start, c.end, c.hasFor])).toEqual([
      ['monkey', 10, 10, false],
      ['monkey', 20, 20, false],
      ['monkey', 30, 30, false],
    ]);
    expect(r.chaos.every((c) => /^chaos monkey: back\./.test(c.what))).toBe(true);
  });
});

describe('deadlines and budgets', () => {
  // edge: 1 ms, then a call to slow (500 ms); the client's deadline is 50 ms. Zero network.
  const model = (budgetPropagate: boolean, timeoutMs = 1000) =>
    buildModel({
      network: ZERO_NETWORK,
      services: [
        { name: 'edge', work: work(1, 'constant'), deadlineMs: 50, budgetPropagate, steps: [call('slow', { timeoutMs })] },
        { name: 'slow', work: work(500, 'constant') },
      ],
      scenarios: [{ loads: [[10, 'edge', 5000]] }],
    });

  it('the client gives up at the deadline; without a budget the work goes on, wasted', async () => {
    const r = await simulate(model(false));
    expect(r.failed).toBe(r.requests);
    expect(r.clientTimeouts).toBe(r.requests);
    // edge holds its thread 1 + 500 ms, past the client's 50: all of it wasted; edge waited for slow
    expect(svc(r, 'edge').wastedWorkMs).toBe(501 * r.requests);
    expect(svc(r, 'slow').wastedWorkMs).toBe(0);
  });

  it('with `budget propagate` work stops at the deadline, as its callers give up: nothing is wasted', async () => {
    const r = await simulate(model(true));
    expect(r.failed).toBe(r.requests);
    expect(r.clientTimeouts).toBe(r.requests);
    // edge waits for slow until the deadline, 50 ms after arrival, and slow (from 1 ms) stops
    // then: each stops the instant its caller gives up, so no thread works for a caller gone
    expect(svc(r, 'slow').timeouts).toBe(r.requests);
    expect(r.wastedWorkMs).toBe(0);
    expect(r.timeline.reduce((sum, p) => sum + p.wastedWorkMs, 0)).toBe(0);
  });

  it('with `budget propagate`, work past a caller’s own shorter timeout is wasted until the deadline', async () => {
    const r = await simulate(model(true, 20));
    // edge gives up on slow at 1 + 20 ms and answers the client its failure; slow works on
    // from 1 ms to the deadline at 50 ms: 49 ms for a caller gone
    expect(r.failed).toBe(r.requests);
    expect(r.clientTimeouts).toBe(0);
    expect(svc(r, 'edge').wastedWorkMs).toBe(0);
    expect(svc(r, 'slow').wastedWorkMs).toBe(49 * r.requests);
    expect(r.wastedWorkMs).toBe(49 * r.requests);
  });
});

describe('scenarios', () => {
  const model = (scenarios: ModelDraft['scenarios']) =>
    buildModel({ network: ZERO_NETWORK, services: [{ name: 'a', steps: [call('c')] }, { name: 'b', steps: [call('c')] }, { name: 'c' }], scenarios });

  it('without any, 100 rps go into every entry for 60 s', async () => {
    const r = await simulate(model([]));
    expect(r.scenario).toBe('default');
    expect(r.seed).toBe(1);
    expect(svc(r, 'a').requests + svc(r, 'b').requests).toBe(r.requests);
    expect(r.requests / 60 / 2).toBeCloseTo(100, -1);
    expect(svc(r, 'c').requests).toBe(r.requests);
  });

  it('says when the run applied the implicit scenario, not one declared under its name', async () => {
    expect((await simulate(model([]))).implicitScenario).toBe(true);
    // A declared scenario named `default` that sends nothing is still the file's own.
    const declared = await simulate(model([{ name: 'default', loads: [] }]));
    expect([declared.scenario, declared.requests, declared.implicitScenario]).toEqual(['default', 0, false]);
  });

  it('the first scenario by default, another by name, and an unknown one lists the known', async () => {
    const m = model([{ name: 'first', loads: [[10, 'a', 1000]] }, { name: 'second', loads: [[10, 'b', 1000]] }]);
    expect((await simulate(m)).scenario).toBe('first');
    expect(svc(await simulate(m, { scenario: 'second' }), 'b').requests).toBeGreaterThan(0);
    await expect(simulate(m, { scenario: 'third' })).rejects.toThrow(new UnknownScenarioError('third', ['first', 'second']));
    await expect(simulate(m, { scenario: 'third' })).rejects.toThrow("no scenario 'third'; known: first, second");
  });
});

describe('Cassandra replica placement', () => {
  it('puts the replicas one per zone, the coordinator first, and more per zone only past the zones', async () => {
    const { replicaSet } = await import('../src/cassandra.js');
    const { buildTopology } = await import('../src/topology.js');
    const { Runtime } = await import('@topo/runtime');
    const model = buildModel({ datastores: [{ name: 'db', engine: 'cassandra', instances: 6 }], services: [] });
    const t = buildTopology(model, new Runtime()).byName.get('db')!;
    for (let key = 0; key < 12; key++) {
      for (const first of t.instances) {
        const three = replicaSet(t, first, key, 3);
        expect(three[0]).toBe(first);
        expect(new Set(three.map((i) => i.zone)).size).toBe(3);
        const five = replicaSet(t, first, key, 5);
        expect(new Set(five).size).toBe(5);
        expect(five.slice(0, 3)).toEqual(three);
      }
    }
  });
});
