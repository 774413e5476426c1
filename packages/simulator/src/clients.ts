// The load: per `load` line and region an open-loop Poisson stream of requests, per `users`
// line its closed users (think, send, wait for the answer, think again); each request is one
// call from a client in a zone to the entry, and its outcome is measured when it ends.
import type { Scenario, Service } from '@topo/model';
import { nanos, type Process, type Runtime } from '@topo/runtime';
import type { Calls } from './call.js';
import { exponential, type Uniform } from './distributions.js';
import type { CallSpec, Place, Target } from './deployment.js';
import type { Reply, RequestCtx } from './request.js';
import type { Timeline, Totals } from './stats.js';
import type { Topology } from './topology.js';
import { hexId, type TraceOptions } from './trace.js';

/** What the clients need of the run: its entries, the measurements, and the call protocol. */
export interface ClientsRun {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly scenario: Scenario;
  readonly warmupNs: number;
  readonly trace: TraceOptions | undefined;
  readonly totals: Totals;
  readonly timeline: Timeline;
  readonly calls: Calls;
}

export class Clients {
  private readonly rt: Runtime;
  private nextRequest = 0;
  private readonly clientPlaces = new Map<string, Place>();

  constructor(private readonly run: ClientsRun) {
    this.rt = run.rt;
  }

  /** Spawns every load line's streams and every user of the scenario. */
  start(): void {
    const { scenario, topo } = this.run;
    for (const load of scenario.loads) {
      const target = topo.byName.get(load.target);
      if (!target) continue;
      const regions = target.component.regions;
      const [fromRps, toRps] = [load.rps / regions.length, load.toRps / regions.length];
      for (const region of regions) this.rt.spawn((p) => this.generate(p, target, region, fromRps, toRps, nanos(load.fromMs), nanos(load.durationMs)));
    }
    for (const users of scenario.users) {
      const target = topo.byName.get(users.target);
      if (!target) continue;
      const regions = target.component.regions;
      const [startNs, endNs] = [nanos(users.fromMs), nanos(users.fromMs + users.durationMs)];
      for (let i = 0; i < users.count; i++) this.rt.spawn((p) => this.user(p, target, regions[i % regions.length]!, nanos(users.thinkMs), startNs, endNs));
    }
  }

  /**
   * Open-loop arrivals into `target` from clients in its zones of `region`, from `startNs` for
   * `durationNs`, at a rate going linearly from `fromRps` to `toRps`: a non-homogeneous Poisson
   * process by thinning (Lewis and Shedler) — candidates at the peak rate, each kept with
   * probability rate(t) / peak. A constant rate keeps every candidate and draws nothing more.
   */
  private generate(p: Process, target: Target, region: string, fromRps: number, toRps: number, startNs: number, durationNs: number): void {
    const zones = this.zonesOf(target, region);
    const spec = clientSpec(target);
    const peak = Math.max(fromRps, toRps);
    const meanGapNs = 1e9 / peak;
    const endNs = startNs + durationNs;
    const places = zones.map((zone) => this.clientPlace(region, zone));
    const keep = (): boolean => fromRps === toRps || p.random() * peak < fromRps + ((toRps - fromRps) * (p.now - startNs)) / durationNs;
    const candidate = (): void => {
      if (keep()) this.arrive(p, target, spec, places[Math.floor(p.random() * places.length)]!);
      next();
    };
    const next = (): void => {
      const gap = Math.round(exponential(meanGapNs, p));
      if (p.now + gap >= endNs) return;
      p.sleep(gap, candidate);
    };
    if (peak > 0 && zones.length > 0) startLater(p, startNs, next);
  }

  /**
   * One user of a closed workload, in a zone of `region`: thinks (exponential, mean `thinkNs`),
   * sends a request, waits for its answer or failure, and thinks again, from `startNs` until
   * `endNs` (a request in flight then still finishes).
   */
  private user(p: Process, target: Target, region: string, thinkNs: number, startNs: number, endNs: number): void {
    const zones = this.zonesOf(target, region);
    if (zones.length === 0) return;
    const spec = clientSpec(target);
    const from = this.clientPlace(region, zones[Math.floor(p.random() * zones.length)]!);
    const think = (): void => {
      const gap = Math.round(exponential(thinkNs, p));
      if (p.now + gap >= endNs) return;
      p.sleep(gap, () => this.arrive(p, target, spec, from, think));
    };
    startLater(p, startNs, think);
  }

  private zonesOf(target: Target, region: string): string[] {
    return [...new Set(target.inRegion.get(region)?.map((i) => i.zone) ?? [])];
  }

  private clientPlace(region: string, zone: string): Place {
    const key = `${region}/${zone}`;
    let place = this.clientPlaces.get(key);
    if (!place) this.clientPlaces.set(key, (place = { target: -1, region, zone, zoneKey: key, name: `client ${key}` }));
    return place;
  }

  /** A client's request; `answered` runs once it succeeded or failed (a user then thinks again). */
  private arrive(u: Uniform, target: Target, spec: CallSpec, from: Place, answered?: () => void): void {
    const now = this.rt.now;
    const id = this.nextRequest++;
    const edge = target.component.kind === 'service' ? (target.component as Service) : undefined;
    const req: RequestCtx = {
      id,
      startNs: now,
      measured: now >= this.run.warmupNs,
      deadlineNs: edge?.budgetPropagate && edge.deadlineMs !== undefined ? now + nanos(edge.deadlineMs) : Infinity,
      traceId: this.run.trace && id % this.run.trace.every === 0 ? hexId(id + 1, 32) : undefined,
      degraded: false,
    };
    if (req.measured) this.run.totals.requests++;
    this.run.timeline.arrive(now);
    this.rt.spawn((q) =>
      this.run.calls.call(q, u, from, 'client', req, undefined, spec, 0, (r) => {
        this.complete(req, r);
        answered?.();
      }),
    );
  }

  private complete(req: RequestCtx, r: Reply): void {
    const now = this.rt.now;
    const latency = now - req.startNs;
    const outcome = !r.ok ? 'failed' : req.degraded ? 'degraded' : 'ok';
    this.run.timeline.complete(now, outcome, latency);
    if (!req.measured) return;
    if (outcome === 'ok') {
      this.run.totals.succeeded++;
      this.run.totals.latency.record(latency);
    } else if (outcome === 'degraded') {
      this.run.totals.degraded++;
    } else {
      this.run.totals.failed++;
    }
  }
}

/** Runs `k` at `startNs`; at once, without an event, when that is now. */
function startLater(p: Process, startNs: number, k: () => void): void {
  if (startNs > 0) p.sleep(startNs, k);
  else k();
}

/** A client's request: one attempt, waiting as long as the edge's deadline (the client's patience). */
function clientSpec(target: Target): CallSpec {
  const c = target.component;
  const patience = c.kind === 'service' && c.deadlineMs !== undefined ? nanos(c.deadlineMs) : Infinity;
  return {
    target,
    timeoutNs: patience,
    connectNs: patience,
    retries: 0,
    backoffNs: 0,
    retrySame: false,
    write: false,
    share: 1,
    onMiss: undefined,
    counted: false,
    breaker: undefined,
    retryBudget: undefined,
    bulkhead: undefined,
    fallback: false,
  };
}
