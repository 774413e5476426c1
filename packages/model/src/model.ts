// The plain architecture model: what every engine (analysis, simulator, diagram, carbon)
// consumes. No Langium, no vscode. Every default of the language is applied and every unit
// is resolved: durations in milliseconds, sizes in bytes, shares and ratios as fractions.

/** A zero-based position, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

/** Where something was written: the document URI and a zero-based range. */
export interface Loc {
  uri: string;
  start: Position;
  end: Position;
}

export type Provider = 'aws' | 'gcp' | 'azure' | 'onprem';
export type Layer = 'edge' | 'esl' | 'sal';
export type DatastoreEngine = 'cassandra' | 'dynamodb' | 'mysql' | 'postgres' | 's3';
export type CacheEngine = 'memcached' | 'redis' | 'evcache';
export type Consistency = 'ONE' | 'QUORUM' | 'ALL';
export type ComponentKind = 'service' | 'datastore' | 'cache';

export interface Model {
  /** The architecture's name; the entry file's base name when the file has none. */
  name: string;
  description?: string;
  /** URI of the entry file the model was built from. */
  uri: string;
  regions: Region[];
  network: Network;
  teams: Team[];
  entities: Entity[];
  facets: Facet[];
  services: Service[];
  datastores: Datastore[];
  caches: Cache[];
  petals: Petal[];
  scenarios: Scenario[];
}

export interface Region {
  name: string;
  provider: Provider;
  zones: string[];
  /** gCO2e per kWh, when the file overrides the built-in grid intensity. */
  grid?: number;
  /** When the file overrides the provider's PUE. */
  pue?: number;
  /** True for the region `default` made up when a model declares none. */
  implicit: boolean;
  loc?: Loc;
}

/** One-way latencies and the discovery delay, all in ms. */
export interface Network {
  zoneMs: number;
  crossZoneMs: number;
  crossRegionMs: number;
  petalMs: number;
  encodeMs: number;
  discoveryMs: number;
}

export interface Team {
  name: string;
  loc?: Loc;
}

export interface Entity {
  name: string;
  loc?: Loc;
}

export interface Facet {
  name: string;
  entity: string;
  loc?: Loc;
}

/** How many instances run in one zone of one region. */
export interface ZonePlacement {
  region: string;
  zone: string;
  count: number;
}

export interface Work {
  /** Mean service time in ms. */
  meanMs: number;
  distribution: 'exponential' | 'constant' | 'lognormal';
  /** Coefficient of variation, for lognormal. */
  cv?: number;
}

/** What services, datastores and caches have in common: they can be called and deployed. */
export interface ComponentBase {
  kind: ComponentKind;
  name: string;
  team?: string;
  /** Regions it is deployed in (default: every region of the model). */
  regions: string[];
  /** Instances per region; 0 for managed datastores (dynamodb, s3). */
  instancesPerRegion: number;
  /** Instance type; undefined for managed datastores. */
  instanceType?: string;
  /** Where the instances sit: spread round-robin over the allowed zones of each region. */
  placement: ZonePlacement[];
  /** True for managed datastores: no instances, no zones to lose. */
  managed: boolean;
  work: Work;
  /** Concurrent requests per instance. */
  threads: number;
  /** `queue N`: at most N requests wait per instance beyond its threads; absent, unbounded. */
  queue?: number;
  /** `lock P`: this fraction of each request's work runs under one lock per instance. */
  lock?: number;
  /** `autoscale`: the count per region follows utilisation; `instancesPerRegion` is where it starts. */
  autoscale?: Autoscale;
  loc?: Loc;
  /** Where individual properties were written, for diagnostics. */
  locs: ComponentLocs;
}

export interface ComponentLocs {
  name?: Loc;
  instances?: Loc;
  instanceType?: Loc;
  deadline?: Loc;
  replication?: Loc;
  read?: Loc;
  write?: Loc;
  team?: Loc;
  queue?: Loc;
  lock?: Loc;
  autoscale?: Loc;
}

/** `autoscale MIN..MAX at U every PERIOD warmup W`, per region. */
export interface Autoscale {
  min: number;
  max: number;
  /** The utilisation it aims at, as a fraction. */
  target: number;
  everyMs: number;
  /** A new instance serves this long after it was started. */
  warmupMs: number;
}

export interface Service extends ComponentBase {
  kind: 'service';
  layer?: Layer;
  /** Working set per instance in bytes (default: the instance type's memory). */
  memoryBytes: number;
  owns: string[];
  provides: string[];
  uses: Use[];
  chaosOptout: boolean;
  /** What the client waits end to end, for edge services. */
  deadlineMs?: number;
  budgetPropagate: boolean;
  /** The body in order: sequential calls, parallel groups and the route choice. */
  steps: Step[];
  /** Every call of the service in source order (sequential, parallel and routes). */
  calls: Call[];
}

export interface Use {
  name: string;
  /** True when `uses` names a whole entity rather than a facet. */
  entity: boolean;
  loc?: Loc;
}

export type Step =
  | { kind: 'call'; call: Call }
  | { kind: 'parallel'; calls: Call[]; loc?: Loc }
  /** A request takes exactly one of the routes, by share. */
  | { kind: 'routes'; routes: Call[] };

export type CallGroup = 'sequential' | 'parallel' | 'route';

export interface Call {
  /** Unique in the model; stable for one model. */
  id: number;
  from: string;
  target: string;
  targetKind: ComponentKind;
  group: CallGroup;
  /** Index of the parallel group among the service's parallel groups, for `parallel` calls. */
  groupIndex?: number;
  mode?: 'read' | 'write';
  /** Fraction of requests on which the call happens (`share`), 1 by default. */
  share: number;
  /** For routes: the route's fraction of requests. */
  routeShare?: number;
  /** Only when this cache missed in the request. */
  onMiss?: string;
  timeoutMs?: number;
  connectMs?: number;
  retries: number;
  backoffMs: number;
  retry: 'same' | 'different';
  /** `retry budget P`: retries in flight stay below max(3, P × attempts in flight); a fraction. */
  retryBudget?: number;
  /** A circuit breaker per caller instance and target, with the numbers in force. */
  breaker?: Breaker;
  /** `bulkhead N`: at most N attempts in flight from one caller instance to the target. */
  bulkhead?: number;
  /** When the call has finally failed, the caller goes on and the request is degraded. */
  fallback: boolean;
  loc?: Loc;
  locs: {
    target?: Loc;
    timeout?: Loc;
    connect?: Loc;
    retries?: Loc;
    share?: Loc;
    retryBudget?: Loc;
    breaker?: Loc;
    bulkhead?: Loc;
    fallback?: Loc;
  };
}

/** Opens when at least `volume` attempts ended in the last `windowMs` and `threshold` of them failed; after `openMs` one trial. */
export interface Breaker {
  /** Failed share of the window's attempts that opens it, as a fraction. */
  threshold: number;
  volume: number;
  windowMs: number;
  openMs: number;
}

export interface Datastore extends ComponentBase {
  kind: 'datastore';
  engine: DatastoreEngine;
  /** Copies per region. */
  replication: number;
  read: Consistency;
  write: Consistency;
  /** Per region, for carbon. */
  storageBytes?: number;
}

export interface Cache extends ComponentBase {
  kind: 'cache';
  engine: CacheEngine;
  /** Hit ratio as a fraction. */
  hit: number;
}

export type Component = Service | Datastore | Cache;

export interface Petal {
  name: string;
  region: string;
  /** The petal's shared memory; undefined when the file does not say. */
  memoryBytes?: number;
  replicas: number;
  members: string[];
  loc?: Loc;
  locs: { memory?: Loc; replicas?: Loc; members: (Loc | undefined)[] };
}

/** `load A..B rps into S from T for D`: Poisson arrivals whose rate goes linearly from `rps` to `toRps`. */
export interface Load {
  rps: number;
  /** The rate at the end of the line; `rps` for a constant load. */
  toRps: number;
  target: string;
  /** When the line starts. */
  fromMs: number;
  durationMs: number;
  loc?: Loc;
}

/** `users N think T into S from F for D`: a closed workload of N users. */
export interface Users {
  count: number;
  /** Mean think time between an answer and the next request (exponential). */
  thinkMs: number;
  target: string;
  fromMs: number;
  durationMs: number;
  loc?: Loc;
}

/**
 * A fault of a scenario. `forMs` absent: to the end of the load. `count` absent on slow and
 * fail: every instance of the target (a managed datastore's whole service).
 */
export type Chaos =
  | { kind: 'kill'; count: number; target: string; atMs: number; forMs?: number; loc?: Loc }
  | { kind: 'slow'; count?: number; target: string; byMs: number; atMs: number; forMs?: number; loc?: Loc }
  | { kind: 'fail'; count?: number; target: string; share: number; atMs: number; forMs?: number; loc?: Loc }
  | { kind: 'zone'; region: string; zone: string; atMs: number; forMs: number; loc?: Loc }
  | { kind: 'monkey'; everyMs: number; loc?: Loc };

export interface Scenario {
  name: string;
  loads: Load[];
  users: Users[];
  warmupMs: number;
  seed: number;
  chaos: Chaos[];
  loc?: Loc;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic found by an analysis of the model, before any editor or CLI formats it. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  loc: Loc;
}
