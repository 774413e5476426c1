// The simulator's entry point: a model and options in, plain results out.
import { totalInstances, type Model, type Scenario } from '@topo/model';
import { Engine } from './engine.js';
import { DEFAULT_MAX_EVENTS, defaultMaxMemoryBytes, estimate, guard } from './estimate.js';
import type { ServiceResult, SimulationResult } from './result.js';
import { hasImplicitScenario, resolveScenario } from './scenario.js';
import { round } from './stats.js';
import type { TraceOptions } from './trace.js';

export interface Progress {
  simulatedMs: number;
  /** Simulated time the load lasts (the run may drain a little longer). */
  totalMs: number;
  events: number;
}

export interface SimulateOptions {
  /** A scenario of the model; default its first, or 100 rps into every entry for 60 s. */
  scenario?: string;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Runs the scenario at this total rate, its loads scaled in proportion (for sweeps). */
  rps?: number;
  /** Runs the scenario with this many users in all, its `users` lines scaled in proportion (for sweeps). */
  users?: number;
  onProgress?: (p: Progress) => void;
  /** When aborted the run stops and returns what it measured so far (`stopped: true`). */
  signal?: AbortSignal;
  trace?: TraceOptions;
  /** Refuse runs estimated above these (default 2·10^8 events, 3/4 of the heap limit). */
  maxEvents?: number;
  maxMemoryBytes?: number;
}

/** Simulated time run between checks of the wall clock, the abort signal and progress. */
const SLICE_NS = 200_000_000;
/** Wall time between yields to the event loop (so Ctrl-C and progress get through). */
const YIELD_MS = 100;

/** The scenario with its loads scaled so that their mean rates add up to `rps` (a ramp keeps its shape). */
export function withRate(scenario: Scenario, rps: number): Scenario {
  const total = scenario.loads.reduce((n, l) => n + (l.rps + l.toRps) / 2, 0);
  const scale = (x: number): number => (total === 0 ? rps / scenario.loads.length : (x * rps) / total);
  return { ...scenario, loads: scenario.loads.map((l) => ({ ...l, rps: scale(l.rps), toRps: scale(l.toRps) })) };
}

/** The scenario with its `users` lines scaled to `users` in all, in whole users (the remainder to the first lines). */
export function withUsers(scenario: Scenario, users: number): Scenario {
  const lines = scenario.users;
  const total = lines.reduce((n, u) => n + u.count, 0);
  const counts = lines.map((u) => Math.floor(total === 0 ? users / lines.length : (u.count * users) / total));
  let left = users - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < counts.length; i++, left--) counts[i]!++;
  return { ...scenario, users: lines.map((u, i) => ({ ...u, count: counts[i]! })) };
}

export async function simulate(model: Model, options: SimulateOptions = {}): Promise<SimulationResult> {
  const base = resolveScenario(model, options.scenario);
  const rated = options.rps === undefined ? base : withRate(base, options.rps);
  const scenario = options.users === undefined ? rated : withUsers(rated, options.users);
  guard(estimate(model, scenario), options.maxEvents ?? DEFAULT_MAX_EVENTS, options.maxMemoryBytes ?? defaultMaxMemoryBytes());
  const wall0 = performance.now();
  const engine = new Engine(model, scenario, options.seed ?? scenario.seed, options.trace);
  engine.start();
  let stopped = false;
  let lastYield = performance.now();
  while (!engine.finished) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    engine.rt.run(Math.min(engine.rt.now + SLICE_NS, engine.endLimitNs));
    if (performance.now() - lastYield > YIELD_MS) {
      options.onProgress?.({ simulatedMs: engine.rt.now / 1e6, totalMs: engine.loadEndNs / 1e6, events: engine.rt.events });
      await new Promise((r) => setImmediate(r));
      lastYield = performance.now();
    }
  }
  return report(engine, stopped, performance.now() - wall0);
}

function report(e: Engine, stopped: boolean, wallMs: number): SimulationResult {
  const t = e.totals;
  const endNs = e.rt.now;
  const measuredNs = Math.max(0, Math.min(endNs, e.loadEndNs) - e.warmupNs);
  const unfinished = t.requests - t.succeeded - t.failed - t.degraded;
  const measuredEndNs = Math.min(endNs, e.loadEndNs);
  const services: ServiceResult[] = e.topo.targets.map((target) => {
    const c = target.component;
    const s = target.stats;
    const runningNs = target.managed ? 0 : target.stoppedRunningNs + target.instances.reduce((n, i) => n + i.runningNs(e.warmupNs, measuredEndNs), 0);
    return {
      name: c.name,
      kind: c.kind,
      instances: totalInstances(c),
      instanceHours: round(runningNs / 3.6e12),
      requests: s.requests,
      utilization: target.managed ? null : runningNs === 0 ? 0 : round(s.busyNs / (c.threads * runningNs)),
      latencyMs: s.latency.summary(),
      timeouts: s.timeouts,
      retries: s.retries,
      wastedWorkMs: round(s.wastedNs / 1e6),
      injectedFailures: s.injectedFailures,
      hopLimited: s.hopLimited,
      ...(target.cassandra ? { replicaOps: s.replicaOps } : {}),
      ...(e.resilient && s.resilienceCounts()),
    };
  });
  return {
    model: e.model.name,
    scenario: e.scenario.name,
    implicitScenario: hasImplicitScenario(e.model),
    seed: e.seed,
    simulatedSeconds: round(endNs / 1e9),
    warmupSeconds: e.warmupNs / 1e9,
    measuredSeconds: round(measuredNs / 1e9),
    requests: t.requests,
    succeeded: t.succeeded,
    failed: t.failed + unfinished,
    unfinished,
    throughputRps: measuredNs === 0 ? 0 : round(t.succeeded / (measuredNs / 1e9)),
    latencyMs: t.latency.summary(),
    latencyHistogram: t.latency.histogramBuckets(),
    attempts: t.attempts,
    retries: t.retries,
    timeouts: t.timeouts,
    clientTimeouts: t.clientTimeouts,
    wastedWorkMs: round(t.wastedNs / 1e6),
    injectedFailures: t.injectedFailures,
    hopLimited: t.hopLimited,
    petalMessages: Object.fromEntries([...t.petalMessages].sort(([a], [b]) => a.localeCompare(b))),
    services,
    timeline: e.timeline.points(endNs),
    chaos: e.chaosLog,
    ...(e.resilient && {
      ...t.resilienceCounts(),
      // A spell no trial closed lasts to the end of the run.
      breakers: e.breakerLog.map((b) => ({ ...b, end: Math.min(b.end, round(endNs / 1e9)) })),
    }),
    events: e.rt.events,
    stopped,
    wallMs: Math.round(wallMs),
  };
}
