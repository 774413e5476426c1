// Small test models built directly as plain models (defaults of the language applied), so each
// test states exactly the architecture it needs without going through the parser.
import {
  CACHE_WORK_MS,
  type Autoscale,
  DATASTORE_INSTANCE_TYPE,
  DATASTORE_WORK_MS,
  DEFAULT_NETWORK,
  DEFAULT_THREADS,
  isManaged,
  type Cache,
  type CacheEngine,
  type Call,
  type Chaos,
  type Datastore,
  type DatastoreEngine,
  type Load,
  type Model,
  type Network,
  type Petal,
  type Region,
  type Scenario,
  type Service,
  type Step,
  type Users,
  type Work,
  type ZonePlacement,
} from '@topo/model';

export const ZERO_NETWORK: Network = { zoneMs: 0, crossZoneMs: 0, crossRegionMs: 0, petalMs: 0, encodeMs: 0, discoveryMs: 10_000 };

export type CallOpts = Partial<
  Pick<Call, 'timeoutMs' | 'connectMs' | 'retries' | 'backoffMs' | 'retry' | 'share' | 'onMiss' | 'mode' | 'routeShare' | 'retryBudget' | 'breaker' | 'bulkhead' | 'fallback'>
>;
type CallDraft = { target: string } & CallOpts;
type StepDraft = { call: CallDraft } | { parallel: CallDraft[] } | { routes: CallDraft[] };

export const call = (target: string, o: CallOpts = {}): StepDraft => ({ call: { target, ...o } });
export const parallel = (...calls: StepDraft[]): StepDraft => ({ parallel: calls.map((c) => ('call' in c ? c.call : fail())) });
export const routes = (...calls: [number, string, CallOpts?][]): StepDraft => ({ routes: calls.map(([share, target, o]) => ({ target, routeShare: share, ...o })) });
function fail(): never {
  throw new Error('parallel takes calls');
}

export function work(meanMs: number, distribution: Work['distribution'] = 'exponential', cv?: number): Work {
  return { meanMs, distribution, ...(cv === undefined ? {} : { cv }) };
}

interface PlacedOpts {
  instances?: number;
  regions?: string[];
  zones?: string[];
  threads?: number;
  queue?: number;
  lock?: number;
  autoscale?: Autoscale;
  work?: Work;
}

export interface ServiceDraft extends PlacedOpts {
  name: string;
  steps?: StepDraft[];
  deadlineMs?: number;
  budgetPropagate?: boolean;
  chaosOptout?: boolean;
  layer?: Service['layer'];
}

export interface ModelDraft {
  regions?: { name: string; zones: string[] }[];
  network?: Network;
  services: ServiceDraft[];
  datastores?: (PlacedOpts & { name: string; engine: DatastoreEngine; replication?: number; read?: Datastore['read']; write?: Datastore['write'] })[];
  caches?: (PlacedOpts & { name: string; engine?: CacheEngine; hit?: number })[];
  petals?: { name: string; region: string; members: string[] }[];
  scenarios?: {
    name?: string;
    loads: [rps: number, target: string, durationMs?: number, shape?: { toRps?: number; fromMs?: number }][];
    users?: Users[];
    warmupMs?: number;
    seed?: number;
    chaos?: Chaos[];
  }[];
}

function place(regions: Region[], names: string[] | undefined, perRegion: number, zones: string[] | undefined): ZonePlacement[] {
  const out: ZonePlacement[] = [];
  for (const r of regions.filter((x) => !names || names.includes(x.name))) {
    const zs = zones ?? r.zones;
    const counts = new Map<string, number>();
    for (let i = 0; i < perRegion; i++) counts.set(zs[i % zs.length]!, (counts.get(zs[i % zs.length]!) ?? 0) + 1);
    for (const [zone, count] of counts) out.push({ region: r.name, zone, count });
  }
  return out;
}

export function buildModel(d: ModelDraft): Model {
  const regions: Region[] = (d.regions ?? [{ name: 'default', zones: ['a', 'b', 'c'] }]).map((r) => ({ ...r, provider: 'aws', implicit: d.regions === undefined }));
  const regionNames = (o: PlacedOpts): string[] => o.regions ?? regions.map((r) => r.name);
  const kinds = new Map<string, 'service' | 'datastore' | 'cache'>();
  for (const s of d.services) kinds.set(s.name, 'service');
  for (const s of d.datastores ?? []) kinds.set(s.name, 'datastore');
  for (const s of d.caches ?? []) kinds.set(s.name, 'cache');
  let nextId = 0;
  const services: Service[] = d.services.map((s) => {
    const calls: Call[] = [];
    let groupIndex = 0;
    const mk = (c: CallDraft, group: Call['group'], gi?: number): Call => {
      const made: Call = {
        id: nextId++,
        from: s.name,
        target: c.target,
        targetKind: kinds.get(c.target) ?? 'service',
        group,
        ...(gi === undefined ? {} : { groupIndex: gi }),
        ...(c.mode ? { mode: c.mode } : {}),
        share: c.share ?? 1,
        ...(c.routeShare === undefined ? {} : { routeShare: c.routeShare }),
        ...(c.onMiss ? { onMiss: c.onMiss } : {}),
        ...(c.timeoutMs === undefined ? {} : { timeoutMs: c.timeoutMs }),
        ...(c.connectMs === undefined ? {} : { connectMs: c.connectMs }),
        retries: c.retries ?? 0,
        backoffMs: c.backoffMs ?? 0,
        retry: c.retry ?? 'different',
        ...(c.retryBudget === undefined ? {} : { retryBudget: c.retryBudget }),
        ...(c.breaker ? { breaker: c.breaker } : {}),
        ...(c.bulkhead === undefined ? {} : { bulkhead: c.bulkhead }),
        fallback: c.fallback ?? false,
        locs: {},
      };
      calls.push(made);
      return made;
    };
    const steps: Step[] = (s.steps ?? []).map((st) =>
      'call' in st
        ? { kind: 'call', call: mk(st.call, 'sequential') }
        : 'parallel' in st
          ? { kind: 'parallel', calls: st.parallel.map((c) => mk(c, 'parallel', groupIndex)), ...(groupIndex++, {}) }
          : { kind: 'routes', routes: st.routes.map((c) => mk(c, 'route')) },
    );
    const rn = regionNames(s);
    const perRegion = s.instances ?? (s.zones ?? regions[0]!.zones).length;
    return {
      kind: 'service',
      name: s.name,
      regions: rn,
      instancesPerRegion: perRegion,
      instanceType: 'm5.large',
      placement: place(regions, rn, perRegion, s.zones),
      managed: false,
      work: s.work ?? work(1),
      threads: s.threads ?? DEFAULT_THREADS,
      ...(s.queue === undefined ? {} : { queue: s.queue }),
      ...(s.lock === undefined ? {} : { lock: s.lock }),
      ...(s.autoscale === undefined ? {} : { autoscale: s.autoscale }),
      locs: {},
      ...(s.layer ? { layer: s.layer } : {}),
      memoryBytes: 8 * 2 ** 30,
      owns: [],
      provides: [],
      uses: [],
      chaosOptout: s.chaosOptout ?? false,
      ...(s.deadlineMs === undefined ? {} : { deadlineMs: s.deadlineMs }),
      budgetPropagate: s.budgetPropagate ?? false,
      steps,
      calls,
    };
  });
  const datastores: Datastore[] = (d.datastores ?? []).map((s) => {
    const managed = isManaged(s.engine);
    const rn = regionNames(s);
    const perRegion = managed ? 0 : (s.instances ?? (s.zones ?? regions[0]!.zones).length);
    return {
      kind: 'datastore',
      name: s.name,
      engine: s.engine,
      regions: rn,
      instancesPerRegion: perRegion,
      ...(managed ? {} : { instanceType: DATASTORE_INSTANCE_TYPE[s.engine]! }),
      placement: managed ? [] : place(regions, rn, perRegion, s.zones),
      managed,
      work: s.work ?? work(DATASTORE_WORK_MS[s.engine]),
      threads: s.threads ?? DEFAULT_THREADS,
      ...(s.queue === undefined ? {} : { queue: s.queue }),
      ...(s.lock === undefined ? {} : { lock: s.lock }),
      ...(s.autoscale === undefined ? {} : { autoscale: s.autoscale }),
      locs: {},
      replication: s.replication ?? 3,
      read: s.read ?? 'ONE',
      write: s.write ?? 'QUORUM',
    };
  });
  const caches: Cache[] = (d.caches ?? []).map((s) => {
    const rn = regionNames(s);
    const perRegion = s.instances ?? (s.zones ?? regions[0]!.zones).length;
    const engine = s.engine ?? 'memcached';
    return {
      kind: 'cache',
      name: s.name,
      engine,
      regions: rn,
      instancesPerRegion: perRegion,
      instanceType: 'r5.large',
      placement: place(regions, rn, perRegion, s.zones),
      managed: false,
      work: s.work ?? work(CACHE_WORK_MS[engine]),
      threads: s.threads ?? DEFAULT_THREADS,
      ...(s.queue === undefined ? {} : { queue: s.queue }),
      ...(s.lock === undefined ? {} : { lock: s.lock }),
      ...(s.autoscale === undefined ? {} : { autoscale: s.autoscale }),
      locs: {},
      hit: s.hit ?? 0.8,
    };
  });
  const petals: Petal[] = (d.petals ?? []).map((p) => ({ ...p, memoryBytes: 2 ** 42, replicas: 3, locs: { members: [] } }));
  const scenarios: Scenario[] = (d.scenarios ?? []).map((s, i) => ({
    name: s.name ?? `s${i}`,
    loads: s.loads.map(([rps, target, durationMs, shape]): Load => ({ rps, toRps: shape?.toRps ?? rps, target, fromMs: shape?.fromMs ?? 0, durationMs: durationMs ?? 60_000 })),
    users: s.users ?? [],
    warmupMs: s.warmupMs ?? 0,
    seed: s.seed ?? 1,
    chaos: s.chaos ?? [],
  }));
  return {
    name: 'test',
    uri: 'memory:///test.topo',
    regions,
    network: d.network ?? DEFAULT_NETWORK,
    teams: [],
    entities: [],
    facets: [],
    services,
    datastores,
    caches,
    petals,
    scenarios,
  };
}
