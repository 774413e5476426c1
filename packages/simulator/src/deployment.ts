// The deployed architecture's parts: one Target per service, datastore and cache, with its
// instances in regions and zones; the places messages go between; the jobs an instance's
// inbox holds; and a call compiled for the run. They refer to one another, so they live together.
import { isManaged, type Component } from '@topo/model';
import { nanos, type Channel, type Runtime } from '@topo/runtime';
import type { Uniform } from './distributions.js';
import type { AttemptState, Reply, RequestCtx } from './request.js';
import type { BreakerSpec } from './resilience.js';
import { LatencyRecorder, ResilienceTally } from './stats.js';

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
  /** A Cassandra datastore: the node a call reaches coordinates it. */
  readonly cassandra: boolean;
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
    this.cassandra = component.kind === 'datastore' && component.engine === 'cassandra';
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

export const enum JobKind {
  /** A call to a service, cache, managed datastore, or a Cassandra coordinator. */
  Call,
  /** One replica's read or write, sent by a Cassandra coordinator. */
  Replica,
}

/** Whoever waits for a job's answer. */
export interface ReplyTo {
  /** The job's `answer` has arrived. */
  answered(job: Job): void;
}

export interface Job {
  kind: JobKind;
  req: RequestCtx;
  /** The instance it is sent to. */
  dest: Instance;
  write: boolean;
  /** Takes the answer when it arrives; none for Cassandra's asynchronous remote writes... */
  reply: ReplyTo | undefined;
  /** ...and from where the caller sent it, for the way back. */
  from: Place;
  attempt: AttemptState;
  /** Span of the attempt that carries this job, parent of the spans it causes. */
  spanId: string | undefined;
  /** Calls nested above it: 0 for a client's request, 1 for the entry's calls, and so on (HOP_LIMIT). */
  depth: number;
  /** Set when it reaches an instance. */
  arrivedNs: number;
  /** The answer, while it travels back. */
  answer: Reply;
}
