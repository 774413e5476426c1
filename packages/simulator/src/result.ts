// What a simulation returns: plain, JSON-serialisable data. Times in milliseconds.
import type { Chaos, ComponentKind, FindingsSummary } from '@topo/model';

/** Over the requests measured; every field null when there were none. */
export interface LatencySummary {
  count: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
}

/** One bar of the latency histogram: how many requests took from `fromMs` up to `toMs`. */
export interface LatencyBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

export interface ServiceResult extends ResilienceCounts {
  name: string;
  kind: ComponentKind;
  /** Instances over all regions at the start (0 for managed datastores). */
  instances: number;
  /** Instance-hours run in the measured window (autoscaled instances from start to stop, warmup included). */
  instanceHours: number;
  /** Attempts that reached an instance (for Cassandra: coordinator requests). */
  requests: number;
  /** Busy thread time over thread time available (threads × instance time), in the measured window; null when unbounded (managed). */
  utilization: number | null;
  /**
   * Service-side: from reaching an instance (queueing included) to the end of its service (for
   * Cassandra, a coordinator's request to the answers its level needs), over every attempt it
   * served, failed ones and ones whose caller had given up included; not attempts refused at
   * once (`chaos fail`, a full `queue`), lost with a killed instance or dropped past a
   * propagated deadline, nor Cassandra requests that failed (too few replicas alive or answering).
   */
  latencyMs: LatencySummary;
  /** Attempts to it that timed out, seen by its callers. */
  timeouts: number;
  /** Attempts to it that were retries. */
  retries: number;
  /** Service time of its attempts whose caller had given up before they finished (work a propagated deadline stops as its callers give up is not). */
  wastedWorkMs: number;
  /** Attempts to it that a `chaos fail` fault failed at once, without work. */
  injectedFailures: number;
  /** Attempts to it that would have been the 64th nested call (HOP_LIMIT) and failed at once. */
  hopLimited: number;
  /** Cassandra replica operations it served (reads and writes, remote writes included). */
  replicaOps?: number;
}

/**
 * The counts of the resilience options, present (in the result, per service and per second)
 * only when the model has a `breaker`, `retry budget`, `bulkhead`, `fallback` or `queue`.
 * Per service they count the attempts to it and the fallbacks its callers took for it.
 */
export interface ResilienceCounts {
  /** Attempts failed at once by an open breaker: no network, no work. */
  shortCircuited?: number;
  /** Retries not sent because the retry budget was spent (the call failed without them). */
  budgetExhausted?: number;
  /** Attempts failed at once by a full bulkhead or a full queue (load shedding). */
  rejected?: number;
  /** In total and per second: requests answered through a fallback; per service: fallbacks taken for calls to it. */
  degraded?: number;
}

export interface TimelinePoint extends ResilienceCounts {
  /** Second of simulated time, from 0. */
  t: number;
  /** Requests that succeeded in this second. */
  throughputRps: number;
  p99Ms: number | null;
  failed: number;
  /** Requests that arrived in this second. */
  arrivals: number;
  /** Mean number of requests in flight during this second (for Little's law). */
  inFlight: number;
  /** Attempts of every call (retries included) sent in this second, for all requests. */
  attempts: number;
  /** Service time spent in this second on attempts whose caller gave up before they finished (each spread over the seconds it ran). */
  wastedWorkMs: number;
  /** With autoscaling: each autoscaled component's instances (starting ones included) at the end of the second. */
  instances?: Record<string, number>;
}

/** One fault of the scenario, from when it struck to when it was lifted. */
export interface ChaosEvent {
  /** `kill`, `zone`, `monkey`, `slow` or `fail`. */
  kind: Chaos['kind'];
  /** What it did and to which instances, e.g. `slow 1 of middle by 500ms: middle.us-east-1.a.1`. */
  what: string;
  /** Seconds of simulated time when it struck. */
  start: number;
  /** Seconds when it was lifted: the end of the load when it has no `for`; `start` for a monkey kill. */
  end: number;
  /** Whether the scenario gave it a `for` (its duration); without one it is never lifted. False for a monkey kill. */
  hasFor: boolean;
}

/**
 * A circuit breaker's open spell, chaos-like: from when it opened to when a trial attempt
 * closed it (the end of the run if none did). Trials that failed in between opened it again
 * without a new event; `trials` counts them.
 */
export interface BreakerEvent {
  kind: 'breaker';
  /** The caller instance and the target: `edge.us-east-1.a.1 → middle`. */
  what: string;
  start: number;
  end: number;
  trials: number;
}

export interface SimulationResult extends ResilienceCounts {
  model: string;
  scenario: string;
  /**
   * True when the model declares no scenario, so the run applied the default load
   * (`defaultScenario`): 100 rps into every service nothing calls, none when every one is called.
   */
  implicitScenario: boolean;
  seed: number;
  /** Simulated time, load and drain. */
  simulatedSeconds: number;
  warmupSeconds: number;
  /** Seconds over which requests were measured: load duration less warmup. */
  measuredSeconds: number;
  /** Requests that arrived after warmup. */
  requests: number;
  succeeded: number;
  failed: number;
  /** Measured requests still unanswered when the run ended (counted in `failed`). */
  unfinished: number;
  throughputRps: number;
  /** Client-side: over succeeded requests, from the client's sending to its answer. */
  latencyMs: LatencySummary;
  /** The same latencies in log-spaced buckets, five per tenfold. */
  latencyHistogram: LatencyBucket[];
  /** Attempts of every call in the model, retries included, for measured requests. */
  attempts: number;
  retries: number;
  timeouts: number;
  /** Client requests abandoned at the edge's deadline. */
  clientTimeouts: number;
  wastedWorkMs: number;
  /** Attempts failed at once by `chaos fail` faults. */
  injectedFailures: number;
  /** Attempts failed at once because they would have been the 64th nested call (HOP_LIMIT). */
  hopLimited: number;
  /** Messages (requests and answers) between members of a petal in its region, by petal: no encode or decode. */
  petalMessages: Record<string, number>;
  services: ServiceResult[];
  timeline: TimelinePoint[];
  chaos: ChaosEvent[];
  /** Breaker spells, by when they opened; present with the resilience counts. */
  breakers?: BreakerEvent[];
  /** Events the runtime dispatched. */
  events: number;
  /** The design's findings, when the caller simulated a checked file (the CLI, the server). */
  findings?: FindingsSummary;
  /** True when the run was stopped before its end (Ctrl-C); the numbers cover what ran. */
  stopped: boolean;
  wallMs: number;
}
