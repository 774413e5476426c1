// A run of a scenario: the runtime and the deployed architecture, the measurements, and the
// parts that act on them — the clients (the load), the call protocol, the instances serving,
// their life (chaos and autoscaling change it) — wired together.
import { hasResilience, scenarioLengthMs, type Model, type Scenario } from '@topo/model';
import { nanos, Runtime } from '@topo/runtime';
import { scheduleAutoscaling } from './autoscale.js';
import { Calls } from './call.js';
import { scheduleChaos } from './chaos.js';
import { Clients } from './clients.js';
import type { Job } from './deployment.js';
import { Fleet } from './lifecycle.js';
import type { BreakerEvent, ChaosEvent } from './result.js';
import { Servers } from './serve.js';
import { Timeline, Totals } from './stats.js';
import { buildTopology, type Topology } from './topology.js';
import type { TraceOptions } from './trace.js';

/** After the load ends, in-flight work may finish for this long (or the longest edge deadline). */
const DRAIN_MS = 60_000;

export class Engine {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly totals = new Totals();
  readonly timeline: Timeline;
  readonly chaosLog: ChaosEvent[] = [];
  /** True when the model has a breaker, retry budget, bulkhead, fallback or queue: the result then has their counts. */
  readonly resilient: boolean;
  readonly breakerLog: BreakerEvent[] = [];
  readonly warmupNs: number;
  readonly loadEndNs: number;
  /** The run stops here at the latest, unfinished requests counting as failed. */
  readonly endLimitNs: number;
  readonly calls: Calls;
  readonly fleet: Fleet;
  private readonly servers: Servers;

  constructor(
    readonly model: Model,
    readonly scenario: Scenario,
    readonly seed: number,
    readonly trace: TraceOptions | undefined,
  ) {
    this.rt = new Runtime({ seed });
    this.topo = buildTopology(model, this.rt);
    this.resilient = usesResilience(model);
    this.timeline = new Timeline(this.resilient);
    this.warmupNs = nanos(scenario.warmupMs);
    this.loadEndNs = nanos(scenarioLengthMs(scenario));
    const deadlines = model.services.map((s) => s.deadlineMs ?? 0);
    this.endLimitNs = this.loadEndNs + nanos(Math.max(DRAIN_MS, ...deadlines));
    // Calls send on the network the servers own, and the servers make calls: calls first, sending through `send`.
    this.calls = new Calls(this);
    this.servers = new Servers(this);
    this.fleet = new Fleet(this);
  }

  start(): void {
    new Clients(this).start();
    scheduleChaos(this);
    scheduleAutoscaling(this);
  }

  /** True once nothing is left to run, or the drain limit is reached. */
  get finished(): boolean {
    return this.rt.idle || this.rt.now >= this.endLimitNs;
  }

  /** Puts a call's attempt on the network. */
  send(job: Job): void {
    this.servers.send(job);
  }

  /** A fault that struck now and is lifted at `endNs`. */
  logChaos(kind: ChaosEvent['kind'], what: string, endNs: number, hasFor: boolean): void {
    this.chaosLog.push({ kind, what, start: this.rt.now / 1e9, end: endNs / 1e9, hasFor });
  }
}

function usesResilience(model: Model): boolean {
  const components = [...model.services, ...model.datastores, ...model.caches];
  return components.some((c) => c.queue !== undefined) || model.services.some((s) => s.calls.some(hasResilience));
}
