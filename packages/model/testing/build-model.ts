// Plain models built by hand for the engines' tests, so each test states exactly the architecture
// it needs without going through the parser. Every default is applied by the model's
// constructors, as lowering applies them, and every declaration and call gets a source location
// (regions, services around their calls, datastores, caches, petals, in that order, as a file
// would write them) so findings can be pointed at them. Imported as `@topo/model/testing`.
import {
  DEFAULT_LOAD_FROM_MS,
  DEFAULT_NETWORK,
  DEFAULT_SCENARIO_DURATION_MS,
  DEFAULT_SCENARIO_SEED,
  DEFAULT_WARMUP_MS,
  implicitRegion,
  makeCache,
  makeCall,
  makeDatastore,
  makePetal,
  makeRegion,
  makeService,
  type Autoscale,
  type CacheEngine,
  type Call,
  type Chaos,
  type Datastore,
  type DatastoreEngine,
  type Load,
  type Loc,
  type Model,
  type Network,
  type Region,
  type Scenario,
  type Service,
  type Step,
  type Users,
  type Work,
} from '../src/index.js';

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
  team?: string;
  /** Instances per region. */
  instances?: number;
  /** By name; a name the model does not declare still places the component there. */
  regions?: string[];
  zones?: string[];
  /** The instance type. */
  type?: string;
  threads?: number;
  queue?: number;
  lock?: number;
  autoscale?: Autoscale;
  work?: Work;
}

export interface ServiceDraft extends PlacedOpts {
  name: string;
  steps?: StepDraft[];
  layer?: Service['layer'];
  owns?: string[];
  deadlineMs?: number;
  budgetPropagate?: boolean;
  chaosOptout?: boolean;
}

/** A region by name, or with what it says beside its name (provider, zones, grid, pue, implicit…). */
type RegionDraft = string | ({ name: string } & Partial<Omit<Region, 'name' | 'loc'>>);

export interface ModelDraft {
  name?: string;
  description?: string;
  /** The implicit region when absent, as in a file that declares none. */
  regions?: RegionDraft[];
  network?: Network;
  services?: ServiceDraft[];
  datastores?: (PlacedOpts & { name: string; engine: DatastoreEngine } & Partial<Pick<Datastore, 'replication' | 'read' | 'write' | 'storageBytes'>>)[];
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

const URI = 'memory:///test.topo';

export function buildModel(d: ModelDraft): Model {
  let line = 0;
  const span = (start: number, end: number, character = 80): Loc => ({ uri: URI, start: { line: start, character: 0 }, end: { line: end, character } });
  const lines = (n: number): Loc => {
    const start = line;
    line += n;
    return span(start, line - 1);
  };

  const regions: Region[] = d.regions
    ? d.regions.map((r) => {
        const { name, ...rest } = typeof r === 'string' ? { name: r } : r;
        return makeRegion(name, { ...rest, loc: lines(1) });
      })
    : [implicitRegion()];
  const declared = new Set(regions.map((r) => r.name));
  /** The model's regions, plus one (with the defaults) for each of `names` it does not declare: the constructors keep the named ones, in this order. */
  const within = (names: readonly string[] = []): Region[] => [...regions, ...names.filter((n) => !declared.has(n)).map((n) => makeRegion(n))];

  const kinds = new Map<string, 'service' | 'datastore' | 'cache'>();
  for (const s of d.services ?? []) kinds.set(s.name, 'service');
  for (const s of d.datastores ?? []) kinds.set(s.name, 'datastore');
  for (const s of d.caches ?? []) kinds.set(s.name, 'cache');
  let nextId = 0;
  const services: Service[] = (d.services ?? []).map((s) => {
    const open = line++;
    const calls: Call[] = [];
    let groupIndex = 0;
    const mk = (c: CallDraft, group: Call['group'], gi?: number): Call => {
      const made = makeCall({ ...c, id: nextId++, from: s.name, targetKind: kinds.get(c.target) ?? 'service', group, groupIndex: gi, loc: lines(1) });
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
    // From the service's name to the closing brace on the line after its last call.
    const loc = span(open, line++, 1);
    return makeService({ ...s, instanceType: s.type, steps, calls, loc }, within(s.regions));
  });
  const datastores: Datastore[] = (d.datastores ?? []).map((s) => makeDatastore({ ...s, instanceType: s.type, loc: lines(3) }, within(s.regions)));
  const caches = (d.caches ?? []).map((s) => makeCache({ ...s, engine: s.engine ?? 'memcached', instanceType: s.type, loc: lines(3) }, within(s.regions)));
  const petals = (d.petals ?? []).map((p) => makePetal({ ...p, memoryBytes: 2 ** 42 /* 4 TiB */, loc: lines(4) }, regions));
  const scenarios: Scenario[] = (d.scenarios ?? []).map((s, i) => ({
    name: s.name ?? `s${i}`,
    loads: s.loads.map(([rps, target, durationMs, shape]): Load => ({ rps, toRps: shape?.toRps ?? rps, target, fromMs: shape?.fromMs ?? DEFAULT_LOAD_FROM_MS, durationMs: durationMs ?? DEFAULT_SCENARIO_DURATION_MS })),
    users: s.users ?? [],
    warmupMs: s.warmupMs ?? DEFAULT_WARMUP_MS,
    seed: s.seed ?? DEFAULT_SCENARIO_SEED,
    chaos: s.chaos ?? [],
  }));
  return {
    name: d.name ?? 'test',
    description: d.description,
    uri: URI,
    regions,
    network: { ...(d.network ?? DEFAULT_NETWORK) },
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
