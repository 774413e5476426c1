// The resource guard: what a run will cost, estimated from the model before running it, so a
// run too large for the machine is refused with its estimate instead of running out of memory.
import { getHeapStatistics } from 'node:v8';
import { replicasNeeded, scenarioLengthMs, type Datastore, type Model, type Scenario, type Service } from '@topo/model';
import { HOP_LIMIT } from './request.js';

export interface Estimate {
  /** Client requests the scenario sends. */
  requests: number;
  /** Mean attempts (the client's, calls' and Cassandra replica operations) per request, retries not counted. */
  attemptsPerRequest: number;
  events: number;
  memoryBytes: number;
  instances: number;
}

// Measured: an attempt (the client's included) costs about 5 runtime events — delivery,
// the worker's wake, its work, the answer, the caller's wake — and an arrival 2 more.
const EVENTS_PER_ATTEMPT = 5;
const EVENTS_PER_REQUEST = 2;
// Bytes per instance (its record, inbox and registry entries) and per attempt in flight.
const BYTES_PER_INSTANCE = 1_500;
const BYTES_PER_ATTEMPT_IN_FLIGHT = 1_200;
const BYTES_PER_REQUEST = 40;
const BASE_BYTES = 32 * 2 ** 20;

export const DEFAULT_MAX_EVENTS = 200_000_000;

/** Three quarters of the heap this process may grow to. */
export function defaultMaxMemoryBytes(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.75);
}

/**
 * Expected attempts a request to `name`, served `depth` calls deep, causes below it (its own
 * attempt excluded). Calls in a cycle go round until the hop limit; memoised by depth.
 */
function below(model: Model, name: string, depth: number, memo: Map<string, number>, write = false): number {
  const ds = model.datastores.find((d) => d.name === name);
  if (ds) return ds.engine === 'cassandra' ? replicaOps(ds, write) : 0;
  const s = model.services.find((x) => x.name === name);
  if (!s) return 0;
  const key = `${depth} ${name}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const hit = (cache: string | undefined): number => model.caches.find((c) => c.name === cache)?.hit ?? 0;
  // A call at the hop limit is an attempt that goes no further.
  const deeper = (c: Service['calls'][number]): number => (depth + 1 < HOP_LIMIT ? below(model, c.target, depth + 1, memo, c.mode === 'write') : 0);
  const calls = (c: Service['calls'][number]): number => c.share * (1 - (c.onMiss ? hit(c.onMiss) : 0)) * (1 + deeper(c));
  let n = 0;
  for (const step of s.steps) {
    if (step.kind === 'call') n += calls(step.call);
    else if (step.kind === 'parallel') for (const c of step.calls) n += calls(c);
    else for (const c of step.routes) n += (c.routeShare ?? 0) * calls(c);
  }
  memo.set(key, n);
  return n;
}

/** Replica operations per Cassandra request: as many as a read needs, or every copy of a write. */
function replicaOps(ds: Datastore, write: boolean): number {
  return write ? ds.replication * Math.max(1, ds.regions.length) : replicasNeeded(ds.read, ds.replication);
}

export function estimate(model: Model, scenario: Scenario): Estimate {
  const instances =
    [...model.services, ...model.datastores, ...model.caches].reduce((n, c) => n + c.placement.reduce((m, p) => m + p.count, 0), 0);
  let requests = 0;
  let attempts = 0;
  let inFlightAttempts = 0;
  // A closed workload sends at most a request per user per think time (per millisecond without one).
  const lines = [
    ...scenario.loads.map((l) => ({ target: l.target, meanRps: (l.rps + l.toRps) / 2, peakRps: Math.max(l.rps, l.toRps), durationMs: l.durationMs })),
    ...scenario.users.map((u) => {
      const rps = (u.count * 1000) / Math.max(1, u.thinkMs);
      return { target: u.target, meanRps: rps, peakRps: rps, durationMs: u.durationMs };
    }),
  ];
  for (const line of lines) {
    const n = (line.meanRps * line.durationMs) / 1000;
    const perRequest = 1 + below(model, line.target, 0, new Map());
    requests += n;
    attempts += n * perRequest;
    // Little's law with a generous residence time: the edge's deadline, or a second.
    const residenceS = (model.services.find((s) => s.name === line.target)?.deadlineMs ?? 1000) / 1000;
    inFlightAttempts += line.peakRps * residenceS * perRequest;
  }
  const durationS = scenarioLengthMs(scenario) / 1000;
  return {
    requests: Math.round(requests),
    attemptsPerRequest: requests === 0 ? 0 : attempts / requests,
    events: Math.round(requests * EVENTS_PER_REQUEST + attempts * EVENTS_PER_ATTEMPT),
    memoryBytes: Math.round(BASE_BYTES + instances * BYTES_PER_INSTANCE + inFlightAttempts * BYTES_PER_ATTEMPT_IN_FLIGHT + requests * BYTES_PER_REQUEST + durationS * 200),
    instances,
  };
}

export class ResourceLimitError extends Error {
  constructor(
    readonly estimate: Estimate,
    readonly limit: { maxEvents: number; maxMemoryBytes: number },
  ) {
    const mb = (b: number): string => `${Math.round(b / 2 ** 20)} MB`;
    const parts: string[] = [];
    if (estimate.events > limit.maxEvents) {
      parts.push(`about ${Math.round(estimate.events).toLocaleString('en-US')} events, over the limit of ${limit.maxEvents.toLocaleString('en-US')} (raise it with --max-events)`);
    }
    if (estimate.memoryBytes > limit.maxMemoryBytes) {
      parts.push(`about ${mb(estimate.memoryBytes)} of memory, over the ${mb(limit.maxMemoryBytes)} available (raise it with --max-memory, and node's --max-old-space-size)`);
    }
    super(`this run would take ${parts.join(' and ')}: ${estimate.requests} requests, ${estimate.instances} instances`);
  }
}

export function guard(e: Estimate, maxEvents: number, maxMemoryBytes: number): void {
  if (e.events > maxEvents || e.memoryBytes > maxMemoryBytes) throw new ResourceLimitError(e, { maxEvents, maxMemoryBytes });
}
