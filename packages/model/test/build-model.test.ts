// The engines' hand-built test models (`@topo/model/testing`): the language's defaults, calls
// in groups, regions by name, and a location for everything in writing order.
import { describe, expect, it } from 'vitest';
import { buildModel, call, parallel, routes, work, ZERO_NETWORK } from '@topo/model/testing';
import { DEFAULT_NETWORK, DEFAULT_SCENARIO_DURATION_MS, DEFAULT_SCENARIO_SEED, DEFAULT_WARMUP_MS, implicitRegion, type Loc } from '../src/index.js';

describe('buildModel', () => {
  it('applies the defaults: the implicit region, the default network, one instance per zone', () => {
    const m = buildModel({ services: [{ name: 'a' }], caches: [{ name: 'c' }] });
    expect(m).toMatchObject({ name: 'test', uri: 'memory:///test.topo', network: DEFAULT_NETWORK, teams: [], scenarios: [] });
    expect(m.regions).toEqual([implicitRegion()]);
    expect(m.services[0]).toMatchObject({ regions: ['default'], instancesPerRegion: 3, instanceType: 'm5.large', steps: [], calls: [] });
    expect(m.caches[0]!.engine).toBe('memcached');
  });

  it('gives a scenario the defaults of a file: a flat load for the whole run, seed and warmup', () => {
    const m = buildModel({ services: [{ name: 'a' }], scenarios: [{ loads: [[100, 'a'], [10, 'a', 2000, { toRps: 50, fromMs: 500 }]] }] });
    expect(m.scenarios).toEqual([
      {
        name: 's0',
        loads: [
          { rps: 100, toRps: 100, target: 'a', fromMs: 0, durationMs: DEFAULT_SCENARIO_DURATION_MS },
          { rps: 10, toRps: 50, target: 'a', fromMs: 500, durationMs: 2000 },
        ],
        users: [],
        warmupMs: DEFAULT_WARMUP_MS,
        seed: DEFAULT_SCENARIO_SEED,
        chaos: [],
      },
    ]);
  });

  it('numbers calls in writing order, with their groups and the kind of what they call', () => {
    const m = buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'a', work: work(2, 'constant'), steps: [call('b', { timeoutMs: 10 }), parallel(call('db'), call('c')), routes([0.3, 'b'], [0.7, 'ghost'])] }, { name: 'b' }],
      datastores: [{ name: 'db', engine: 'postgres' }],
      caches: [{ name: 'c' }],
    });
    const a = m.services[0]!;
    expect(a.calls.map((c) => [c.id, c.target, c.targetKind, c.group, c.groupIndex ?? null, c.routeShare ?? null])).toEqual([
      [0, 'b', 'service', 'sequential', null, null],
      [1, 'db', 'datastore', 'parallel', 0, null],
      [2, 'c', 'cache', 'parallel', 0, null],
      [3, 'b', 'service', 'route', null, 0.3],
      [4, 'ghost', 'service', 'route', null, 0.7],
    ]);
    expect(a.steps.map((s) => s.kind)).toEqual(['call', 'parallel', 'routes']);
    expect(a.calls[0]).toMatchObject({ timeoutMs: 10, retries: 0, share: 1 });
    expect(a.work).toEqual({ meanMs: 2, distribution: 'constant', cv: undefined });
    expect(m.network).toEqual(ZERO_NETWORK);
  });

  it('resolves regions by name or with what they say, and places a component where it says, declared or not', () => {
    const m = buildModel({
      regions: ['us-east-1', { name: 'eu-west-1', provider: 'gcp', zones: ['x', 'y'], grid: 100 }],
      services: [
        { name: 'both', instances: 4, type: 'm5.xlarge' },
        { name: 'here', regions: ['eu-west-1', 'us-east-1'] },
        { name: 'lost', regions: ['nowhere'], instances: 1 },
      ],
      datastores: [{ name: 'db', engine: 'cassandra', regions: ['eu-west-1'], storageBytes: 10, replication: 2 }],
    });
    expect(m.regions.map((r) => [r.name, r.provider, r.zones, r.grid])).toEqual([
      ['us-east-1', 'aws', ['a', 'b', 'c'], undefined],
      ['eu-west-1', 'gcp', ['x', 'y'], 100],
    ]);
    const [both, here, lost] = m.services;
    expect(both).toMatchObject({ regions: ['us-east-1', 'eu-west-1'], instancesPerRegion: 4, instanceType: 'm5.xlarge' });
    expect(here!.regions).toEqual(['us-east-1', 'eu-west-1']); // in the model's order, as lowering places them
    expect(lost!.placement).toEqual([{ region: 'nowhere', zone: 'a', count: 1 }]);
    expect(m.datastores[0]).toMatchObject({ regions: ['eu-west-1'], storageBytes: 10, replication: 2, instancesPerRegion: 2 });
  });

  it('locates every declaration and call in writing order, a service around its calls', () => {
    const m = buildModel({
      name: 'm',
      regions: ['us-east-1'],
      services: [{ name: 'front', layer: 'esl', steps: [call('back'), call('store')] }, { name: 'back' }],
      datastores: [{ name: 'store', engine: 'cassandra' }],
      caches: [{ name: 'hot' }],
      petals: [{ name: 'p', region: 'us-east-1', members: ['front', 'back'] }],
    });
    const lines = (loc: Loc | undefined) => [loc!.start.line, loc!.end.line];
    const [front, back] = m.services;
    expect([m.regions[0]!.loc, front!.loc, ...front!.calls.map((c) => c.loc), back!.loc, m.datastores[0]!.loc, m.caches[0]!.loc, m.petals[0]!.loc].map(lines)).toEqual([
      [0, 0],
      [1, 4],
      [2, 2],
      [3, 3],
      [5, 6],
      [7, 9],
      [10, 12],
      [13, 16],
    ]);
    expect(front!.loc!.uri).toBe(m.uri);
  });
});
