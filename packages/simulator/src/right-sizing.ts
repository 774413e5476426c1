// Right-sizing from a run: the instances per region each component needs to keep its busy
// threads at a target share of its threads (60% unless told) and its p99 within its callers'
// timeouts where more instances can do that: only the queueing wait shrinks with them, so a
// p99 held over the limit by the work or the calls below stays over it. A pure function of the model and a result: the run measured each component's
// busy thread time and requests; each instance of n is taken as an M/M/c queue (c its
// threads) with 1/n of the region's load, so the wait's p99 follows Erlang C.
import { allCalls, components, DEFAULT_RIGHT_SIZING_TARGET, type Component, type ComponentKind, type Model } from '@topo/model';
import type { SimulationResult } from './result.js';

export interface RightSize {
  name: string;
  kind: ComponentKind;
  /** Instances per region, as `instances` writes them: now, and what would do. */
  instances: number;
  suggested: number;
  /** Busy thread time over thread time: simulated, and estimated at the suggested count. */
  utilization: number;
  suggestedUtilization: number;
  /** The component's p99 (queueing included): measured, and estimated at the suggested count. */
  p99Ms: number | null;
  suggestedP99Ms: number | null;
  /** The shortest of its callers' timeouts (and its own deadline at the edge), when it has one. */
  limitMs?: number;
  /** What set the count: the target, the p99 limit, the lock, or the floor: the zones it is spread over (a Cassandra store's replicas). */
  bound: 'target' | 'p99' | 'lock' | 'zones';
}

export interface RightSizingOptions {
  /** Busy threads over threads to aim at, 0..1; default DEFAULT_RIGHT_SIZING_TARGET. */
  target?: number;
}

/**
 * Every component with a fixed instance count the run measured (not managed, not
 * autoscaled: the autoscaler sizes those), in the model's order.
 */
export function rightSize(model: Model, result: SimulationResult, options: RightSizingOptions = {}): RightSize[] {
  const target = options.target ?? DEFAULT_RIGHT_SIZING_TARGET;
  if (!(target > 0 && target <= 1)) throw new RangeError(`the right-sizing target must be above 0 and at most 1, not ${target}`);
  const measured = new Map(result.services.map((s) => [s.name, s]));
  const limits = callerLimits(model);
  return components(model).flatMap((c) => {
    const s = measured.get(c.name);
    if (c.managed || c.autoscale || c.instancesPerRegion === 0 || !s || s.utilization === null || result.measuredSeconds <= 0) return [];
    const regions = Math.max(1, c.regions.length);
    const n0 = c.instancesPerRegion;
    const busy = s.utilization * c.threads * n0; // mean busy threads per region
    const rate = s.requests / result.measuredSeconds / regions; // per second per region
    const holdMs = rate > 0 ? (1000 * busy) / rate : 0;
    const limitMs = limits.get(c.name);
    const waitP99 = (n: number) => erlangWaitP99(c.threads, busy / n, holdMs);
    const serviceP99 = s.latencyMs.p99 === null ? null : Math.max(0, s.latencyMs.p99 - waitP99(n0));
    const p99At = (n: number) => (serviceP99 === null ? null : serviceP99 + waitP99(n));

    const floor = minimumPerRegion(c, regions);
    const byTarget = Math.ceil(busy / (c.threads * target) - 1e-9);
    const byLock = c.lock ? Math.ceil((rate * c.lock * c.work.meanMs) / 1000 / target - 1e-9) : 0;
    let n = Math.max(1, floor, byTarget, byLock);
    let bound: RightSize['bound'] = n === byTarget ? 'target' : n === byLock ? 'lock' : 'zones';
    // More instances shorten only the wait: add them while the wait keeps p99 over the limit.
    while (limitMs !== undefined && serviceP99 !== null && serviceP99 < limitMs && p99At(n)! > limitMs) {
      n++;
      bound = 'p99';
    }
    return [
      {
        name: c.name,
        kind: c.kind,
        instances: n0,
        suggested: n,
        utilization: s.utilization,
        suggestedUtilization: busy / (c.threads * n),
        p99Ms: s.latencyMs.p99,
        suggestedP99Ms: p99At(n),
        ...(limitMs !== undefined ? { limitMs } : {}),
        bound,
      },
    ];
  });
}

/** Never fewer instances per region than the zones they are spread over (nor than now), and for a datastore than its replicas. */
function minimumPerRegion(c: Component, regions: number): number {
  const zones = Math.ceil(new Set(c.placement.filter((p) => p.count > 0).map((p) => `${p.region} ${p.zone}`)).size / regions);
  const replicas = c.kind === 'datastore' && c.engine === 'cassandra' ? c.replication : 0;
  return Math.min(c.instancesPerRegion, Math.max(zones, replicas));
}

/** Per component, the shortest timeout of the calls to it, and an edge's own deadline (its client's patience). */
function callerLimits(model: Model): Map<string, number> {
  const limits = new Map<string, number>();
  const tighten = (name: string, ms: number | undefined) => {
    if (ms !== undefined) limits.set(name, Math.min(ms, limits.get(name) ?? Infinity));
  };
  for (const call of allCalls(model)) tighten(call.target, call.timeoutMs);
  for (const s of model.services) tighten(s.name, s.deadlineMs);
  return limits;
}

/**
 * The 99th percentile of the wait in an M/M/c queue with c servers offered `load` erlangs,
 * each holding a request `holdMs` on average: P(W > t) = C(c, load) · e^(−(c − load) t / holdMs).
 * Infinite when the queue is unstable.
 */
function erlangWaitP99(c: number, load: number, holdMs: number): number {
  if (load <= 0 || holdMs <= 0) return 0;
  if (load >= c) return Infinity;
  let b = 1; // Erlang B by its recursion, then Erlang C from it
  for (let k = 1; k <= c; k++) b = (load * b) / (k + load * b);
  const waits = b / (1 - (load / c) * (1 - b));
  return waits <= 0.01 ? 0 : (holdMs * Math.log(waits / 0.01)) / (c - load);
}
