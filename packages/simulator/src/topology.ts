// The deployed architecture: one Target per service, datastore and cache, with its instances
// placed in regions and zones, the registry's view of which are alive, zone-aware load
// balancing, and the network between any two places.
import { isManaged, type Call, type Component, type Model, type Network, type Step } from '@topo/model';
import { nanos, type Channel, type Runtime } from '@topo/runtime';
import type { Uniform } from './distributions.js';
import type { BreakerSpec } from './resilience.js';
import { LatencyRecorder, ResilienceTally } from './stats.js';
import type { Job } from './job.js';

/** The zone of a managed datastore's regional endpoint: it has no zones to lose. */
export const MANAGED_ZONE = '*';

export class ComponentStats extends ResilienceTally {
  requests = 0;
  timeouts = 0;
  retries = 0;
  wastedNs = 0;
  busyNs = 0;
  replicaOps = 0;
  injectedFailures = 0;
  hopLimited = 0;
  readonly latency = new LatencyRecorder(2);
}

export class Instance {
  /** The scope of its processes: when it dies, they die. Replaced on recovery. */
  life = { dead: false };
  /** Whether the registry (what callers know) lists it as alive; lags `network.discovery`. */
  known = true;
  /** Its FIFO queue; requests wait here for a free thread. */
  inbox: Channel<Job>;
  /** Worker processes started so far (they are started on demand, up to `threads`). */
  workers = 0;
  /** With `lock P`: the instance's lock. */
  lock: Channel<true> | undefined;
  /** Requests on its threads now, and its busy thread time so far (for the autoscaler). */
  active = 0;
  busyNs = 0;
  /** Autoscaling: false while it starts (unlisted for its warmup) and once it drains. */
  inService = true;
  /** Scale-in: unlisted, it finishes what it holds and is then stopped. */
  draining = false;
  /** When it was started, and stopped once scaled in: its instance time. */
  startedNs = 0;
  stoppedNs: number | undefined;
  /** Added to the work of each request it starts serving: the `chaos slow` faults on it. */
  slowNs = 0;
  /** The `chaos fail` faults on it: each fails a request reaching it with its share. */
  readonly fails: FailFault[] = [];
  readonly place: Place;

  constructor(
    readonly index: number,
    readonly target: Target,
    readonly region: string,
    readonly zone: string,
    readonly name: string,
    rt: Runtime,
  ) {
    this.inbox = rt.chan<Job>(Infinity);
    this.lock = freeLock(target, rt);
    this.place = { target: target.index, region, zone, zoneKey: `${region}/${zone}`, name };
  }

  get alive(): boolean {
    return !this.life.dead;
  }

  /** Its running time within [fromNs, toNs). */
  runningNs(fromNs: number, toNs: number): number {
    return Math.max(0, Math.min(toNs, this.stoppedNs ?? Infinity) - Math.max(fromNs, this.startedNs));
  }

  /** Whether a `chaos fail` fault on it fails the request that reaches it now. */
  failsNow(): boolean {
    return this.fails.length > 0 && this.fails.some((f) => f.u.random() < f.share);
  }
}

/** A target's lock for a new instance: a channel holding its one token while free (waiters queue FIFO); none without `lock`. */
export function freeLock(target: Target, rt: Runtime): Channel<true> | undefined {
  if (target.lock === 0) return undefined;
  const lock = rt.chan<true>(1);
  lock.offer(true);
  return lock;
}

export interface FailFault {
  share: number;
  u: Uniform;
}

/** A call with its units resolved, ready to run; also used for a client's request to an entry. */
export interface CallSpec {
  target: Target;
  timeoutNs: number;
  /** Wait for a dead instance: `connect` if given, else the timeout. */
  connectNs: number;
  retries: number;
  backoffNs: number;
  retrySame: boolean;
  write: boolean;
  share: number;
  onMiss: string | undefined;
  /** False for the client's request: only the model's calls count as attempts. */
  counted: boolean;
  breaker: BreakerSpec | undefined;
  /** `retry budget P` as a fraction. */
  retryBudget: number | undefined;
  bulkhead: number | undefined;
  fallback: boolean;
}

export type CompiledStep =
  | { kind: 'call'; call: CallSpec }
  | { kind: 'parallel'; calls: CallSpec[] }
  /** `upTo[i]` is the cumulative share of routes 0..i. */
  | { kind: 'routes'; routes: CallSpec[]; upTo: number[] };

export class Target {
  readonly instances: Instance[] = [];
  /** Instances by `region/zone`, by region, and by region then zone (zones in placement order). */
  readonly inZone = new Map<string, Instance[]>();
  readonly inRegion = new Map<string, Instance[]>();
  readonly zonesOf = new Map<string, Instance[][]>();
  readonly threads: number;
  /** Requests that may wait per instance beyond its threads (`queue`); Infinity when unbounded. */
  readonly queue: number;
  /** The share of each request's work that holds the instance's lock (`lock`), 0 without one. */
  readonly lock: number;
  readonly workNs: number;
  readonly stats = new ComponentStats();
  /** Running time, within the measured window, of the instances scaled in and stopped. */
  stoppedRunningNs = 0;
  steps: CompiledStep[] = [];

  constructor(
    readonly index: number,
    readonly component: Component,
  ) {
    this.threads = this.managed ? Infinity : component.threads;
    this.queue = this.managed ? Infinity : (component.queue ?? Infinity);
    this.lock = this.managed ? 0 : (component.lock ?? 0);
    this.workNs = nanos(component.work.meanMs);
  }

  get name(): string {
    return this.component.name;
  }

  get managed(): boolean {
    return this.component.kind === 'datastore' && isManaged(this.component.engine);
  }

  add(inst: Instance): void {
    this.instances.push(inst);
    const zoneKey = inst.place.zoneKey;
    let zone = this.inZone.get(zoneKey);
    if (!zone) {
      this.inZone.set(zoneKey, (zone = []));
      (this.zonesOf.get(inst.region) ?? this.zonesOf.set(inst.region, []).get(inst.region)!).push(zone);
    }
    zone.push(inst);
    (this.inRegion.get(inst.region) ?? this.inRegion.set(inst.region, []).get(inst.region)!).push(inst);
  }

  /** Takes a stopped instance out of the load balancer's lists. */
  remove(inst: Instance): void {
    for (const list of [this.instances, this.inZone.get(inst.place.zoneKey), this.inRegion.get(inst.region)]) {
      const i = list?.indexOf(inst) ?? -1;
      if (i >= 0) list!.splice(i, 1);
    }
  }
}

/** Where a message comes from: a component (or -1 for a client) in a region and zone. */
export interface Place {
  target: number;
  region: string;
  zone: string;
  /** `region/zone`, the key of Target.inZone. */
  zoneKey: string;
  /** The instance's name, `client region/zone` for clients. */
  name: string;
}

export class NetworkModel {
  private readonly zone: number;
  private readonly crossZone: number;
  private readonly crossRegion: number;
  private readonly petal: number;
  private readonly encode: number;
  /** For two members of one petal, keyed a × n + b: the petal. */
  private readonly petalOfPair = new Map<number, { name: string; region: string }>();

  constructor(
    net: Network,
    private readonly n: number,
    petalMembers: { name: string; region: string; members: number[] }[],
  ) {
    this.zone = nanos(net.zoneMs);
    this.crossZone = nanos(net.crossZoneMs);
    this.crossRegion = nanos(net.crossRegionMs);
    this.petal = nanos(net.petalMs);
    this.encode = nanos(net.encodeMs);
    for (const p of petalMembers) for (const a of p.members) for (const b of p.members) if (a !== b) this.petalOfPair.set(a * n + b, p);
  }

  /** The petal a message between two places stays in: members of one petal, in its region. */
  petalBetween(from: Place, to: Place): string | undefined {
    if (from === to || from.target < 0 || from.region !== to.region) return undefined;
    const petal = this.petalOfPair.get(from.target * this.n + to.target);
    return petal?.region === to.region ? petal.name : undefined;
  }

  /** One-way time of a message between two places: the hop plus encode and decode. */
  oneWay(from: Place, to: Place): number {
    if (from === to) return 0;
    if (this.petalBetween(from, to) !== undefined) return this.petal;
    if (from.region !== to.region) return this.crossRegion + this.encode;
    if (from.zone === to.zone || to.zone === MANAGED_ZONE || from.zone === MANAGED_ZONE) return this.zone + this.encode;
    return this.crossZone + this.encode;
  }
}

function compileCall(call: Call, targets: Map<string, Target>): CallSpec {
  const timeoutNs = call.timeoutMs === undefined ? Infinity : nanos(call.timeoutMs);
  return {
    target: targets.get(call.target)!,
    timeoutNs,
    connectNs: call.connectMs === undefined ? timeoutNs : nanos(call.connectMs),
    retries: call.retries,
    backoffNs: nanos(call.backoffMs),
    retrySame: call.retry === 'same',
    write: call.mode === 'write',
    share: call.share,
    onMiss: call.onMiss,
    counted: true,
    breaker: call.breaker && { threshold: call.breaker.threshold, volume: call.breaker.volume, windowNs: nanos(call.breaker.windowMs), openNs: nanos(call.breaker.openMs) },
    retryBudget: call.retryBudget,
    bulkhead: call.bulkhead,
    fallback: call.fallback,
  };
}

function compileStep(step: Step, targets: Map<string, Target>): CompiledStep {
  switch (step.kind) {
    case 'call':
      return { kind: 'call', call: compileCall(step.call, targets) };
    case 'parallel':
      return { kind: 'parallel', calls: step.calls.map((c) => compileCall(c, targets)) };
    case 'routes': {
      let sum = 0;
      return { kind: 'routes', routes: step.routes.map((c) => compileCall(c, targets)), upTo: step.routes.map((c) => (sum += c.routeShare ?? 0)) };
    }
  }
}

export interface Topology {
  targets: Target[];
  byName: Map<string, Target>;
  instances: Instance[];
  network: NetworkModel;
}

/** Places every instance; managed datastores get one unbounded endpoint per region. */
export function buildTopology(model: Model, rt: Runtime): Topology {
  const components: Component[] = [...model.services, ...model.datastores, ...model.caches];
  const targets = components.map((c, i) => new Target(i, c));
  const byName = new Map(targets.map((t) => [t.name, t]));
  const instances: Instance[] = [];
  for (const t of targets) {
    if (t.managed) {
      for (const region of t.component.regions) {
        const inst = new Instance(instances.length, t, region, MANAGED_ZONE, `${t.name}.${region}`, rt);
        instances.push(inst);
        t.add(inst);
      }
      continue;
    }
    for (const p of t.component.placement) {
      for (let k = 0; k < p.count; k++) {
        const inst = new Instance(instances.length, t, p.region, p.zone, `${t.name}.${p.region}.${p.zone}.${k + 1}`, rt);
        instances.push(inst);
        t.add(inst);
      }
    }
  }
  for (const s of model.services) byName.get(s.name)!.steps = s.steps.filter((st) => !isEmptyStep(st)).map((st) => compileStep(st, byName));
  const network = new NetworkModel(
    model.network,
    targets.length,
    model.petals.map((p) => ({ name: p.name, region: p.region, members: p.members.flatMap((m) => (byName.has(m) ? [byName.get(m)!.index] : [])) })),
  );
  return { targets, byName, instances, network };
}

function isEmptyStep(step: Step): boolean {
  return (step.kind === 'parallel' && step.calls.length === 0) || (step.kind === 'routes' && step.routes.length === 0);
}

/**
 * Zone-aware load balancing over the instances the registry lists: the caller's zone first,
 * then its region, then anywhere. `avoid` are instances already tried (retry different);
 * when every candidate was tried, any listed instance will do.
 */
export function pickInstance(t: Target, from: Place, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  const tiers = [t.inZone.get(from.zoneKey), t.inRegion.get(from.region), t.instances];
  for (const tier of tiers) {
    const found = pickFrom(tier, u, avoid);
    if (found) return found;
  }
  return avoid && avoid.length > 0 ? pickInstance(t, from, u, undefined) : undefined;
}

function pickFrom(tier: Instance[] | undefined, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  if (!tier || tier.length === 0) return undefined;
  const ok = (i: Instance): boolean => i.known && !(avoid !== undefined && avoid.includes(i));
  // Fast path: one draw, usually an eligible instance. Otherwise draw among the eligible ones.
  const first = tier[Math.floor(u.random() * tier.length)]!;
  if (ok(first)) return first;
  const eligible = tier.filter(ok);
  return eligible.length === 0 ? undefined : eligible[Math.floor(u.random() * eligible.length)];
}
