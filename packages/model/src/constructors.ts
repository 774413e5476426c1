// The model's elements from what a file (or a test) says, with every default of `defaults.ts`
// applied: lowering and the engines' test builders make elements only through these, so each
// default and the placement rule exist once.
import { instanceType } from './catalog.js';
import {
  CACHE_WORK_MS,
  DATASTORE_INSTANCE_TYPE,
  DATASTORE_WORK_MS,
  DEFAULT_CACHE_HIT,
  DEFAULT_CACHE_INSTANCE_TYPE,
  DEFAULT_DISTRIBUTION,
  DEFAULT_MEMORY_GIB,
  DEFAULT_PETAL_REPLICAS,
  DEFAULT_PROVIDER,
  DEFAULT_READ,
  DEFAULT_RETRY,
  DEFAULT_SERVICE_INSTANCE_TYPE,
  DEFAULT_SERVICE_WORK_MS,
  DEFAULT_THREADS,
  DEFAULT_WRITE,
  DEFAULT_ZONES,
  IMPLICIT_REGION,
  defaultReplication,
  isManaged,
} from './defaults.js';
import type {
  Autoscale,
  Cache,
  CacheEngine,
  Call,
  ComponentBase,
  ComponentLocs,
  Datastore,
  DatastoreEngine,
  Loc,
  Petal,
  Region,
  Service,
  Work,
  ZonePlacement,
} from './model.js';

/** A region: aws and zones a, b, c unless it says. */
export function makeRegion(name: string, o: Partial<Omit<Region, 'name'>> = {}): Region {
  return {
    name,
    provider: o.provider ?? DEFAULT_PROVIDER,
    zones: o.zones && o.zones.length > 0 ? o.zones : [...DEFAULT_ZONES],
    grid: o.grid,
    pue: o.pue,
    implicit: o.implicit ?? false,
    loc: o.loc,
  };
}

/** The region made up when a model declares none. */
export function implicitRegion(): Region {
  return makeRegion(IMPLICIT_REGION.name, { provider: IMPLICIT_REGION.provider, zones: [...IMPLICIT_REGION.zones], implicit: true });
}

/**
 * Where a component's instances sit in each region: `instances` of them (one per zone when it
 * does not say) spread round-robin over the region's zones that `zones` allows (all of them when
 * it allows none), the first zones taking the remainder. `perRegion` is the count in force.
 */
export function placement(regions: readonly Region[], d: { zones?: readonly string[]; instances?: number }): { placement: ZonePlacement[]; perRegion: number } {
  const out: ZonePlacement[] = [];
  let perRegion = 0;
  for (const region of regions) {
    const allowed = d.zones && d.zones.length > 0 ? region.zones.filter((z) => d.zones!.includes(z)) : region.zones;
    const zones = allowed.length > 0 ? allowed : region.zones;
    const count = d.instances !== undefined ? Math.max(0, Math.floor(d.instances)) : zones.length;
    perRegion = count;
    zones.forEach((zone, i) => {
      const n = Math.floor(count / zones.length) + (i < count % zones.length ? 1 : 0);
      if (n > 0) out.push({ region: region.name, zone, count: n });
    });
  }
  return { placement: out, perRegion };
}

/** What services, datastores and caches are written with; what is absent takes its default. */
export interface ComponentDraft {
  name: string;
  team?: string;
  /** The regions it runs in, by name; every region of the model when absent. */
  regions?: readonly string[];
  /** The zones it may use in each region. */
  zones?: readonly string[];
  /** Instances per region. */
  instances?: number;
  instanceType?: string;
  work?: Partial<Work>;
  threads?: number;
  queue?: number;
  lock?: number;
  autoscale?: Autoscale;
  loc?: Loc;
  locs?: ComponentLocs;
}

export type ServiceDraft = ComponentDraft &
  Partial<Pick<Service, 'layer' | 'memoryBytes' | 'owns' | 'provides' | 'uses' | 'chaosOptout' | 'deadlineMs' | 'budgetPropagate' | 'steps' | 'calls'>>;
export type DatastoreDraft = ComponentDraft & { engine: DatastoreEngine } & Partial<Pick<Datastore, 'replication' | 'read' | 'write' | 'storageBytes'>>;
export type CacheDraft = ComponentDraft & { engine: CacheEngine; hit?: number };

/** The base every component shares, placed in `regions` (the model's). */
function component(d: ComponentDraft, regions: readonly Region[], kind: { workMs: number; instanceType?: string; managed: boolean }): Omit<ComponentBase, 'kind'> {
  const names = d.regions;
  const placed = names ? regions.filter((r) => names.includes(r.name)) : regions;
  const { placement: zones, perRegion } = kind.managed ? { placement: [], perRegion: 0 } : placement(placed, d);
  return {
    name: d.name,
    team: d.team,
    regions: placed.map((r) => r.name),
    instancesPerRegion: perRegion,
    instanceType: kind.managed ? undefined : (d.instanceType ?? kind.instanceType),
    placement: zones,
    managed: kind.managed,
    work: { meanMs: d.work?.meanMs ?? kind.workMs, distribution: d.work?.distribution ?? DEFAULT_DISTRIBUTION, cv: d.work?.cv },
    threads: d.threads ?? DEFAULT_THREADS,
    queue: d.queue,
    lock: d.lock,
    autoscale: kind.managed ? undefined : d.autoscale,
    loc: d.loc,
    locs: d.locs ?? {},
  };
}

export function makeService(d: ServiceDraft, regions: readonly Region[]): Service {
  const base = component(d, regions, { workMs: DEFAULT_SERVICE_WORK_MS, instanceType: DEFAULT_SERVICE_INSTANCE_TYPE, managed: false });
  const type = base.instanceType ? instanceType(base.instanceType) : undefined;
  // Object.assign onto the fresh base: a spread literal this size is built slowly, property by property.
  return Object.assign(base, {
    kind: 'service' as const,
    layer: d.layer,
    memoryBytes: d.memoryBytes ?? (type?.memoryGiB ?? DEFAULT_MEMORY_GIB) * 1024 ** 3,
    owns: d.owns ?? [],
    provides: d.provides ?? [],
    uses: d.uses ?? [],
    chaosOptout: d.chaosOptout ?? false,
    deadlineMs: d.deadlineMs,
    budgetPropagate: d.budgetPropagate ?? false,
    steps: d.steps ?? [],
    calls: d.calls ?? [],
  });
}

export function makeDatastore(d: DatastoreDraft, regions: readonly Region[]): Datastore {
  const engine = d.engine;
  const base = component(d, regions, { workMs: DATASTORE_WORK_MS[engine], instanceType: DATASTORE_INSTANCE_TYPE[engine], managed: isManaged(engine) });
  return Object.assign(base, {
    kind: 'datastore' as const,
    engine,
    replication: d.replication ?? defaultReplication(engine),
    read: d.read ?? DEFAULT_READ,
    write: d.write ?? DEFAULT_WRITE,
    storageBytes: d.storageBytes,
  });
}

export function makeCache(d: CacheDraft, regions: readonly Region[]): Cache {
  const base = component(d, regions, { workMs: CACHE_WORK_MS[d.engine], instanceType: DEFAULT_CACHE_INSTANCE_TYPE, managed: false });
  return Object.assign(base, { kind: 'cache' as const, engine: d.engine, hit: d.hit ?? DEFAULT_CACHE_HIT });
}

export type CallDraft = Pick<Call, 'id' | 'from' | 'target' | 'targetKind' | 'group'> & Partial<Omit<Call, 'id' | 'from' | 'target' | 'targetKind' | 'group'>>;

/** A call: on every request, no retries, no backoff, a retry on a different instance, no fallback. */
export function makeCall(d: CallDraft): Call {
  return {
    id: d.id,
    from: d.from,
    target: d.target,
    targetKind: d.targetKind,
    group: d.group,
    groupIndex: d.groupIndex,
    mode: d.mode,
    share: d.share ?? 1,
    routeShare: d.routeShare,
    onMiss: d.onMiss,
    timeoutMs: d.timeoutMs,
    connectMs: d.connectMs,
    retries: d.retries ?? 0,
    backoffMs: d.backoffMs ?? 0,
    retry: d.retry ?? DEFAULT_RETRY,
    retryBudget: d.retryBudget,
    breaker: d.breaker,
    bulkhead: d.bulkhead,
    fallback: d.fallback ?? false,
    loc: d.loc,
    locs: d.locs ?? {},
  };
}

export type PetalDraft = Pick<Petal, 'name' | 'members'> & Partial<Omit<Petal, 'name' | 'members'>>;

/** A petal: in the model's first region and with three replicas unless it says. */
export function makePetal(d: PetalDraft, regions: readonly Region[]): Petal {
  return {
    name: d.name,
    region: d.region ?? regions[0]!.name,
    memoryBytes: d.memoryBytes,
    replicas: d.replicas ?? DEFAULT_PETAL_REPLICAS,
    members: d.members,
    loc: d.loc,
    locs: d.locs ?? { members: [] },
  };
}
