// Small test models built directly as plain models (defaults of the language applied), so each
// test states exactly the architecture it needs without going through the parser.
import {
  type Autoscale,
  DEFAULT_NETWORK,
  DEFAULT_SCENARIO_DURATION_MS,
  DEFAULT_SCENARIO_SEED,
  DEFAULT_WARMUP_MS,
  DEFAULT_LOAD_FROM_MS,
  implicitRegion,
  makeCache,
  makeCall,
  makeDatastore,
  makePetal,
  makeRegion,
  makeService,
  type CacheEngine,
  type Call,
  type Chaos,
  type Datastore,
  type DatastoreEngine,
  type Load,
  type Model,
  type Network,
  type Region,
  type Scenario,
  type Service,
  type Step,
  type Users,
  type Work,
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

export function buildModel(d: ModelDraft): Model {
  const regions: Region[] = d.regions ? d.regions.map((r) => makeRegion(r.name, { zones: r.zones })) : [implicitRegion()];
  const kinds = new Map<string, 'service' | 'datastore' | 'cache'>();
  for (const s of d.services) kinds.set(s.name, 'service');
  for (const s of d.datastores ?? []) kinds.set(s.name, 'datastore');
  for (const s of d.caches ?? []) kinds.set(s.name, 'cache');
  let nextId = 0;
  const services: Service[] = d.services.map((s) => {
    const calls: Call[] = [];
    let groupIndex = 0;
    const mk = (c: CallDraft, group: Call['group'], gi?: number): Call => {
      const made = makeCall({ ...c, id: nextId++, from: s.name, targetKind: kinds.get(c.target) ?? 'service', group, groupIndex: gi });
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
    return makeService({ ...s, steps, calls }, regions);
  });
  const datastores: Datastore[] = (d.datastores ?? []).map((s) => makeDatastore(s, regions));
  const caches = (d.caches ?? []).map((s) => makeCache({ ...s, engine: s.engine ?? 'memcached' }, regions));
  const petals = (d.petals ?? []).map((p) => makePetal({ ...p, memoryBytes: 2 ** 42 }, regions));
  const scenarios: Scenario[] = (d.scenarios ?? []).map((s, i) => ({
    name: s.name ?? `s${i}`,
    loads: s.loads.map(([rps, target, durationMs, shape]): Load => ({ rps, toRps: shape?.toRps ?? rps, target, fromMs: shape?.fromMs ?? DEFAULT_LOAD_FROM_MS, durationMs: durationMs ?? DEFAULT_SCENARIO_DURATION_MS })),
    users: s.users ?? [],
    warmupMs: s.warmupMs ?? DEFAULT_WARMUP_MS,
    seed: s.seed ?? DEFAULT_SCENARIO_SEED,
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
