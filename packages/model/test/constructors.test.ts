// The model's constructors: the defaults and the placement rule that lowering and the test builders share.
import { describe, expect, it } from 'vitest';
import { makeCall, makeDatastore, makePetal, makeRegion, makeService, placement } from '@topo/model';

const regions = [makeRegion('east'), makeRegion('west', { zones: ['x', 'y'] })];

describe('placement', () => {
  it('spreads instances round-robin over the allowed zones, the first zones taking the remainder', () => {
    expect(placement([regions[0]!], { instances: 5 })).toEqual({
      placement: [
        { region: 'east', zone: 'a', count: 2 },
        { region: 'east', zone: 'b', count: 2 },
        { region: 'east', zone: 'c', count: 1 },
      ],
      perRegion: 5,
    });
  });

  it('puts one instance in each zone when the count is not given, and uses every zone when none allowed is there', () => {
    expect(placement(regions, { zones: ['b', 'q'] }).placement).toEqual([
      { region: 'east', zone: 'b', count: 1 },
      { region: 'west', zone: 'x', count: 1 },
      { region: 'west', zone: 'y', count: 1 },
    ]);
  });
});

describe('constructors', () => {
  it('apply the defaults of the language reference', () => {
    expect(makeRegion('r')).toMatchObject({ provider: 'aws', zones: ['a', 'b', 'c'], implicit: false });
    expect(makeService({ name: 's' }, regions)).toMatchObject({ instanceType: 'm5.large', instancesPerRegion: 2, threads: 100, memoryBytes: 8 * 1024 ** 3, work: { meanMs: 1, distribution: 'exponential' } });
    expect(makeDatastore({ name: 'd', engine: 'cassandra' }, regions)).toMatchObject({ instanceType: 'i3.large', replication: 3, read: 'ONE', write: 'QUORUM', work: { meanMs: 0.5 } });
    expect(makeDatastore({ name: 'd', engine: 's3' }, regions)).toMatchObject({ managed: true, instanceType: undefined, instancesPerRegion: 0, placement: [], replication: 1 });
    expect(makeCall({ id: 0, from: 'a', target: 'b', targetKind: 'service', group: 'sequential' })).toMatchObject({ share: 1, retries: 0, backoffMs: 0, retry: 'different', fallback: false });
    expect(makePetal({ name: 'p', members: [] }, regions)).toMatchObject({ region: 'east', replicas: 3 });
  });
});
