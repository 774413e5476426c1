// What a simulation returns: plain, JSON-serialisable data. Times in milliseconds.
import type { ComponentKind } from '@topo/model';

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

export interface ServiceResult {
  name: string;
  kind: ComponentKind;
  /** Instances over all regions (0 for managed datastores). */
  instances: number;
  /** Attempts that reached an instance (for Cassandra: coordinator requests). */
  requests: number;
  /** Busy thread time over thread time available, in the measured window; null when unbounded (managed). */
  utilization: number | null;
  /** From reaching an instance (queueing included) to its answer. */
  latencyMs: LatencySummary;
  /** Attempts to it that timed out, seen by its callers. */
  timeouts: number;
  /** Attempts to it that were retries. */
  retries: number;
  /** Service time of its attempts whose caller had given up before they finished. */
  wastedWorkMs: number;
  /** Cassandra replica operations it served (reads and writes, remote writes included). */
  replicaOps?: number;
}

export interface TimelinePoint {
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
}

export interface ChaosEvent {
  /** Seconds of simulated time. */
  t: number;
  what: string;
}

export interface SimulationResult {
  model: string;
  scenario: string;
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
  /** Over succeeded requests, as the client saw them. */
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
  /** Messages (requests and answers) between members of a petal in its region, by petal: no encode or decode. */
  petalMessages: Record<string, number>;
  services: ServiceResult[];
  timeline: TimelinePoint[];
  chaos: ChaosEvent[];
  /** Events the runtime dispatched. */
  events: number;
  /** True when the run was stopped before its end (Ctrl-C); the numbers cover what ran. */
  stopped: boolean;
  wallMs: number;
}
