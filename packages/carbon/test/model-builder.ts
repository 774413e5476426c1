// A tiny builder of plain models for carbon tests, until the language can parse test files.
import {
  DEFAULT_NETWORK,
  makeCache,
  makeDatastore,
  makePetal,
  makeRegion,
  makeService,
  type Cache,
  type Datastore,
  type DatastoreEngine,
  type Model,
  type Petal,
  type Provider,
  type Region,
  type Service,
} from '@topo/model';

export function region(name: string, provider: Provider = 'aws', extra: Partial<Region> = {}): Region {
  return makeRegion(name, { provider, ...extra });
}

interface Deployment {
  regions: Region[];
  /** Per region: one per zone when absent, none for managed datastores. */
  instances?: number;
  type?: string;
}

function draft(name: string, d: Deployment) {
  return { name, instances: d.instances, instanceType: d.type };
}

export function service(name: string, d: Deployment): Service {
  return makeService(draft(name, d), d.regions);
}

export function datastore(name: string, engine: DatastoreEngine, d: Deployment & { replication?: number; storageBytes?: number }): Datastore {
  return makeDatastore({ ...draft(name, d), engine, replication: d.replication, storageBytes: d.storageBytes }, d.regions);
}

export function cache(name: string, d: Deployment): Cache {
  return makeCache({ ...draft(name, d), engine: 'memcached' }, d.regions);
}

export function petal(name: string, regionName: string, members: string[]): Petal {
  return makePetal({ name, region: regionName, memoryBytes: 4 * 1024 ** 4, members }, []);
}

export function buildModel(parts: { regions: Region[]; services?: Service[]; datastores?: Datastore[]; caches?: Cache[]; petals?: Petal[] }): Model {
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
