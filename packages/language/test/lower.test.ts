import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText } from './helpers.js';

const netflix = readFileSync(join(import.meta.dirname, '../../../examples/netflix.topo'), 'utf8');

describe('lowering to the plain model', () => {
  it('applies the defaults of the reference', async () => {
    const { model } = await loadText('service s\ndatastore c: cassandra\ndatastore d: dynamodb\ncache k: redis\nscenario x { load 10 rps into s }');
    expect(model.regions).toEqual([{ name: 'default', provider: 'aws', zones: ['a', 'b', 'c'], implicit: true }]);
    const [s] = model.services;
    expect(s).toMatchObject({ threads: 100, instanceType: 'm5.large', instancesPerRegion: 3, work: { meanMs: 1, distribution: 'exponential' } });
    expect(s!.placement).toEqual(['a', 'b', 'c'].map((zone) => ({ region: 'default', zone, count: 1 })));
    expect(model.datastores[0]).toMatchObject({ engine: 'cassandra', replication: 3, read: 'ONE', write: 'QUORUM', instanceType: 'i3.large', work: { meanMs: 0.5 } });
    expect(model.datastores[1]).toMatchObject({ engine: 'dynamodb', managed: true, instancesPerRegion: 0, placement: [], work: { meanMs: 4 } });
    expect(model.caches[0]).toMatchObject({ hit: 0.8, instanceType: 'r5.large', work: { meanMs: 0.2 } });
    expect(model.scenarios[0]).toMatchObject({ warmupMs: 0, seed: 1, loads: [{ rps: 10, target: 's', durationMs: 60_000 }] });
    expect(model.network).toEqual({ zoneMs: 0.1, crossZoneMs: 0.5, crossRegionMs: 35, petalMs: 0.0003, encodeMs: 0.02, discoveryMs: 10_000 });
  });

  it('resolves units: durations in ms, sizes in bytes, shares as fractions', async () => {
    const { model } = await loadText('network { petal 300ns encode 20us discovery 2m }\ncache k: redis { hit 90% }\nservice s { memory 16GB\n call k share 30% timeout 0.5ms backoff 2s }');
    expect(model.network).toMatchObject({ petalMs: 0.0003, encodeMs: 0.02, discoveryMs: 120_000 });
    expect(model.caches[0]!.hit).toBeCloseTo(0.9);
    expect(model.services[0]!.memoryBytes).toBe(16 * 1024 ** 3);
    expect(model.services[0]!.calls[0]).toMatchObject({ share: 0.3, timeoutMs: 0.5, backoffMs: 2000, retries: 0, retry: 'different' });
  });

  it('spreads instances round-robin over the allowed zones of each region', async () => {
    const { model } = await loadText('region r1 { zones a, b, c }\nregion r2 { zones a, b }\nservice s { zones a, b instances 5 of c5.large }');
    expect(model.services[0]!.placement).toEqual([
      { region: 'r1', zone: 'a', count: 3 },
      { region: 'r1', zone: 'b', count: 2 },
      { region: 'r2', zone: 'a', count: 3 },
      { region: 'r2', zone: 'b', count: 2 },
    ]);
  });

  it('keeps the body of a service in order: calls, parallel groups, routes', async () => {
    const { model } = await loadText(netflix);
    const homepage = model.services.find((s) => s.name === 'homepage')!;
    expect(homepage.steps.map((s) => s.kind)).toEqual(['parallel']);
    const proxy = model.services.find((s) => s.name === 'wwwproxy')!;
    expect(proxy.steps).toHaveLength(1);
    expect(proxy.calls.map((c) => [c.target, c.routeShare, c.timeoutMs, c.retries])).toEqual([
      ['homepage', 0.8, 400, 1],
      ['login', 0.2, 400, 1],
    ]);
    expect(proxy.deadlineMs).toBe(1000);
    const subscriber = model.services.find((s) => s.name === 'subscriber')!;
    expect(subscriber.calls[1]).toMatchObject({ target: 'subscriberDb', targetKind: 'datastore', onMiss: 'subscriberCache', mode: 'read' });
    expect(model.scenarios[0]!.chaos).toMatchObject([{ kind: 'kill', count: 1, target: 'homepage', atMs: 20_000 }]);
  });

  it('records where properties were written, for diagnostics', async () => {
    const { model } = await loadText('service s {\n  deadline 1s\n  instances 2 of m5.large\n  call s timeout 1s\n}');
    const s = model.services[0]!;
    expect(s.locs.deadline?.start).toEqual({ line: 1, character: 2 });
    expect(s.locs.instances?.start).toEqual({ line: 2, character: 2 });
    expect(s.locs.instanceType?.start).toEqual({ line: 2, character: 17 });
    expect(s.calls[0]!.loc?.start).toEqual({ line: 3, character: 2 });
  });

  it('leaves out what does not resolve, and survives half-typed properties', async () => {
    const { model } = await loadText('service s {\n  work\n  call nowhere timeout 1s\n  call s timeout\n}');
    expect(model.services[0]!.work.meanMs).toBe(1);
    expect(model.services[0]!.calls.map((c) => c.target)).toEqual(['s']);
  });
});
