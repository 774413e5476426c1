// A tiny builder of plain models for carbon tests, until the language can parse test files.
import {
  DEFAULT_NETWORK,
  type Cache,
  type ComponentBase,
  type Datastore,
  type DatastoreEngine,
  type Model,
  type Petal,
  type Provider,
  type Region,
  type Service,
  type ZonePlacement,
} from '@topo/model';

export function region(name: string, provider: Provider = 'aws', extra: Partial<Region> = {}): Region {
  return { name, provider, zones: ['a', 'b', 'c'], implicit: false, ...extra };
}

interface Deployment {
  regions: Region[];
  /** Per region; 0 (or absent) for managed datastores. */
  instances?: number;
  type?: string;
}

/** Instances spread round-robin over each region's zones, as the language places them. */
function placement(d: Deployment): ZonePlacement[] {
  const n = d.instances ?? 0;
  return d.regions.flatMap((r) =>
    r.zones
      .map((zone, i) => ({ region: r.name, zone, count: Math.floor(n / r.zones.length) + (i < n % r.zones.length ? 1 : 0) }))
      .filter((p) => p.count > 0),
  );
}

function base(name: string, d: Deployment, managed: boolean): Omit<ComponentBase, 'kind'> {
  return {
    name,
    regions: d.regions.map((r) => r.name),
    instancesPerRegion: d.instances ?? 0,
    ...(d.type !== undefined ? { instanceType: d.type } : {}),
    placement: placement(d),
    managed,
    work: { meanMs: 1, distribution: 'exponential' },
    threads: 100,
    locs: {},
  };
}

export function service(name: string, d: Deployment): Service {
  return {
    ...base(name, d, false),
    kind: 'service',
    memoryBytes: 8 * 1024 ** 3,
    owns: [],
    provides: [],
    uses: [],
    chaosOptout: false,
    budgetPropagate: false,
    steps: [],
    calls: [],
  };
}

export function datastore(name: string, engine: DatastoreEngine, d: Deployment & { replication?: number; storageBytes?: number }): Datastore {
  const managed = engine === 'dynamodb' || engine === 's3';
  return {
    ...base(name, d, managed),
    kind: 'datastore',
    engine,
    replication: d.replication ?? (engine === 'cassandra' ? 3 : 1),
    read: 'ONE',
    write: 'QUORUM',
    ...(d.storageBytes !== undefined ? { storageBytes: d.storageBytes } : {}),
  };
}

export function cache(name: string, d: Deployment): Cache {
  return { ...base(name, d, false), kind: 'cache', engine: 'memcached', hit: 0.8 };
}

export function petal(name: string, regionName: string, members: string[]): Petal {
  return { name, region: regionName, memoryBytes: 4 * 1024 ** 4, replicas: 3, members, locs: { members: [] } };
}

export function model(parts: { regions: Region[]; services?: Service[]; datastores?: Datastore[]; caches?: Cache[]; petals?: Petal[] }): Model {
  return {
    name: 'test',
    uri: 'memory:///test.topo',
    regions: parts.regions,
    network: { ...DEFAULT_NETWORK },
    teams: [],
    entities: [],
    facets: [],
    services: parts.services ?? [],
    datastores: parts.datastores ?? [],
    caches: parts.caches ?? [],
    petals: parts.petals ?? [],
    scenarios: [],
  };
}
