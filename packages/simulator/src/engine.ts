// The architecture as processes on the runtime: clients that send Poisson arrivals to the
// entries, instances whose worker processes serve a FIFO inbox with `threads` at a time,
// calls with timeouts, retries and backoff, Cassandra coordinators, and the measurements.
import type { Datastore, Model, Scenario, Service } from '@topo/model';
import { afterCase, nanos, recvCase, Runtime, type Process } from '@topo/runtime';
import { coordinate } from './cassandra.js';
import { scheduleChaos } from './chaos.js';
import { exponential, sampleWork, type Uniform } from './distributions.js';
import { FAILED, HIT, JobKind, OK, type AttemptState, type Job, type Reply, type RequestCtx } from './job.js';
import type { ChaosEvent } from './result.js';
import { loadDurationMs } from './scenario.js';
import { LatencyRecorder, Timeline } from './stats.js';
import { buildTopology, MANAGED_ZONE, pickInstance, type CallSpec, type Instance, type Place, type Target, type Topology } from './topology.js';
import { hexId, type SpanOutcome, type TraceOptions } from './trace.js';

/** After the load ends, in-flight work may finish for this long (or the longest edge deadline). */
const DRAIN_MS = 60_000;

class Totals {
  requests = 0;
  succeeded = 0;
  failed = 0;
  attempts = 0;
  retries = 0;
  timeouts = 0;
  clientTimeouts = 0;
  wastedNs = 0;
  readonly latency = new LatencyRecorder(3, true);
  /** Messages of measured requests that stayed inside a petal (no encode, no decode), by petal. */
  readonly petalMessages = new Map<string, number>();
}

export class Engine {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly totals = new Totals();
  readonly timeline = new Timeline();
  readonly chaosLog: ChaosEvent[] = [];
  readonly warmupNs: number;
  readonly loadEndNs: number;
  /** The run stops here at the latest, unfinished requests counting as failed. */
  readonly endLimitNs: number;
  readonly discoveryNs: number;
  private nextRequest = 0;
  private nextSpan = 0;
  private readonly clientPlaces = new Map<string, Place>();

  constructor(
    readonly model: Model,
    readonly scenario: Scenario,
    readonly seed: number,
    private readonly trace: TraceOptions | undefined,
  ) {
    this.rt = new Runtime({ seed });
    this.topo = buildTopology(model, this.rt);
    this.warmupNs = nanos(scenario.warmupMs);
    this.loadEndNs = nanos(loadDurationMs(scenario));
    const deadlines = model.services.map((s) => s.deadlineMs ?? 0);
    this.endLimitNs = this.loadEndNs + nanos(Math.max(DRAIN_MS, ...deadlines));
    this.discoveryNs = nanos(model.network.discoveryMs);
  }

  start(): void {
    for (const load of this.scenario.loads) {
      const target = this.topo.byName.get(load.target);
      if (!target) continue;
      const regions = target.component.regions;
      const endNs = nanos(load.durationMs);
      for (const region of regions) this.rt.spawn((p) => this.generate(p, target, region, load.rps / regions.length, endNs));
    }
    scheduleChaos(this);
  }

  /** True once nothing is left to run, or the drain limit is reached. */
  get finished(): boolean {
    return this.rt.idle || this.rt.now >= this.endLimitNs;
  }

  // ---- clients -------------------------------------------------------------------------

  /** Open-loop Poisson arrivals at `rps` into `target` from clients in its zones of `region`. */
  private generate(p: Process, target: Target, region: string, rps: number, endNs: number): void {
    const zones = [...new Set(target.inRegion.get(region)?.map((i) => i.zone) ?? [])];
    const spec = clientSpec(target);
    const meanGapNs = 1e9 / rps;
    const next = (): void => {
      const gap = Math.round(exponential(meanGapNs, p));
      if (p.now + gap >= endNs) return;
      p.sleep(gap, () => {
        this.arrive(p, target, spec, this.clientPlace(region, zones[Math.floor(p.random() * zones.length)] ?? MANAGED_ZONE));
        next();
      });
    };
    if (rps > 0 && zones.length > 0) next();
  }

  private clientPlace(region: string, zone: string): Place {
    const key = `${region}/${zone}`;
    let place = this.clientPlaces.get(key);
    if (!place) this.clientPlaces.set(key, (place = { target: -1, region, zone, zoneKey: key }));
    return place;
  }

  private arrive(u: Uniform, target: Target, spec: CallSpec, from: Place): void {
    const now = this.rt.now;
    const id = this.nextRequest++;
    const edge = target.component.kind === 'service' ? (target.component as Service) : undefined;
    const req: RequestCtx = {
      id,
      startNs: now,
      measured: now >= this.warmupNs,
      deadlineNs: edge?.budgetPropagate && edge.deadlineMs !== undefined ? now + nanos(edge.deadlineMs) : Infinity,
      traceId: this.trace && id % this.trace.every === 0 ? hexId(id + 1, 32) : undefined,
    };
    if (req.measured) this.totals.requests++;
    this.timeline.arrive(now);
    this.rt.spawn((q) => this.call(q, u, from, 'client', req, undefined, spec, (r) => this.complete(req, r)));
  }

  private complete(req: RequestCtx, r: Reply): void {
    const now = this.rt.now;
    const latency = now - req.startNs;
    this.timeline.complete(now, r.ok, latency);
    if (!req.measured) return;
    if (r.ok) {
      this.totals.succeeded++;
      this.totals.latency.record(latency);
    } else {
      this.totals.failed++;
    }
  }

  // ---- calls ---------------------------------------------------------------------------

  /**
   * One call from `from` with its attempts: each goes to an instance the load balancer picks
   * and waits for the answer or its timeout (the connect timeout if the instance is dead);
   * after a failure or timeout the next attempt follows `backoff` later, until `retries` are
   * spent. `q` waits; `u` supplies the random draws.
   */
  call(q: Process, u: Uniform, from: Place, caller: string, req: RequestCtx, parentSpan: string | undefined, spec: CallSpec, k: (r: Reply) => void): void {
    const rt = this.rt;
    const t = spec.target;
    let n = 0;
    let last: Instance | undefined;
    let tried: Instance[] | undefined;
    const failed = (): void => {
      if (n > spec.retries) k(FAILED);
      else if (spec.backoffNs > 0) q.sleep(spec.backoffNs, attempt);
      else attempt();
    };
    const attempt = (): void => {
      const now = rt.now;
      if (now >= req.deadlineNs) return k(FAILED);
      n++;
      const counted = req.measured && spec.counted;
      if (counted) {
        this.totals.attempts++;
        if (n > 1) {
          this.totals.retries++;
          t.stats.retries++;
        }
      }
      const dest = spec.retrySame && last !== undefined ? last : pickInstance(t, from, u, tried);
      if (dest === undefined) return failed();
      last = dest;
      if (!spec.retrySame && spec.retries > 0) (tried ??= []).push(dest);
      const wait = Math.min(dest.alive ? spec.timeoutNs : spec.connectNs, req.deadlineNs - now);
      const state: AttemptState = { abandoned: false };
      const reply = rt.chan<Reply>(1);
      const spanId = req.traceId === undefined ? undefined : hexId(++this.nextSpan, 16);
      const job: Job = { kind: JobKind.Call, req, dest, write: spec.write, reply, from, attempt: state, spanId, arrivedNs: 0, answer: OK };
      this.send(job);
      const attemptNo = n;
      const onReply = (r: Reply): void => {
        if (spanId !== undefined) this.span(req, spanId, parentSpan, caller, dest, attemptNo, now, r.ok ? 'ok' : 'error');
        if (r.ok) k(r);
        else failed();
      };
      if (wait === Infinity) {
        q.recv(reply, onReply);
        return;
      }
      const onTimeout = (): void => {
        state.abandoned = true;
        if (req.measured) {
          if (spec.counted) {
            this.totals.timeouts++;
            t.stats.timeouts++;
          } else {
            this.totals.clientTimeouts++;
          }
        }
        if (spanId !== undefined) this.span(req, spanId, parentSpan, caller, dest, attemptNo, now, 'timeout');
        failed();
      };
      q.select([recvCase(reply, onReply), afterCase(wait, onTimeout)]);
    };
    attempt();
  }

  private span(req: RequestCtx, spanId: string, parentId: string | undefined, caller: string, dest: Instance, attempt: number, startNs: number, outcome: SpanOutcome): void {
    this.trace!.onSpan({
      traceId: req.traceId!,
      spanId,
      parentId,
      name: `${caller} → ${dest.target.name}`,
      service: dest.target.name,
      instance: dest.name,
      region: dest.region,
      zone: dest.zone,
      caller,
      attempt,
      startNs,
      endNs: this.rt.now,
      outcome,
    });
  }

  /** Puts a job on the network; it reaches the instance's inbox unless the instance is dead by then. */
  send(job: Job): void {
    this.countPetalMessage(job, job.from, job.dest.place);
    this.rt.at(this.topo.network.oneWay(job.from, job.dest.place), undefined, this.arrival, job);
  }

  private countPetalMessage(job: Job, from: Place, to: Place): void {
    if (!job.req.measured) return;
    const petal = this.topo.network.petalBetween(from, to);
    if (petal !== undefined) this.totals.petalMessages.set(petal, (this.totals.petalMessages.get(petal) ?? 0) + 1);
  }

  private readonly arrival = (job: Job): void => {
    const dest = job.dest;
    if (!dest.alive) return;
    job.arrivedNs = this.rt.now;
    const t = dest.target;
    if (job.kind === JobKind.Call) {
      if (job.req.measured) t.stats.requests++;
      if (t.component.kind === 'datastore' && (t.component as Datastore).engine === 'cassandra') {
        coordinate(this, dest, job);
        return;
      }
    }
    dest.inbox.offer(job);
    if (dest.inbox.length > 0 && dest.workers < t.threads) this.startWorker(dest);
  };

  /** Sends the answer back over the network to the caller's reply channel. */
  answer(job: Job, r: Reply, at: Instance): void {
    if (job.reply === undefined) return;
    job.answer = r;
    this.countPetalMessage(job, at.place, job.from);
    this.rt.at(this.topo.network.oneWay(at.place, job.from), undefined, deliverAnswer, job);
  }

  // ---- instances -----------------------------------------------------------------------

  /** A worker is one of the instance's threads: it takes jobs from the inbox, one at a time. */
  private startWorker(inst: Instance): void {
    inst.workers++;
    this.rt.spawn((p) => {
      const inbox = inst.inbox;
      const next = (): void => p.recv(inbox, serve);
      const serve = (job: Job): void => this.serve(p, inst, job, next);
      next();
    }, inst.life);
  }

  private serve(p: Process, inst: Instance, job: Job, done: () => void): void {
    const rt = this.rt;
    const t = inst.target;
    const start = rt.now;
    const left = job.req.deadlineNs - start;
    // With a propagated budget, work whose deadline passed while it queued is dropped.
    if (left <= 0) return done();
    const finish = (r: Reply): void => {
      const end = rt.now;
      const busy = Math.min(end, this.loadEndNs) - Math.max(start, this.warmupNs);
      if (busy > 0) t.stats.busyNs += busy;
      if (job.req.measured) {
        if (job.kind === JobKind.Call) t.stats.latency.record(end - job.arrivedNs);
        if (job.attempt.abandoned) {
          t.stats.wastedNs += end - start;
          this.totals.wastedNs += end - start;
        }
      }
      if (!job.attempt.abandoned) this.answer(job, r, inst);
      done();
    };
    const work = sampleWork(t.component.work, t.workNs, p);
    if (work >= left) {
      p.sleep(left, () => finish(FAILED));
      return;
    }
    if (job.kind === JobKind.Replica) {
      if (job.req.measured) t.stats.replicaOps++;
      p.sleep(work, () => finish(OK));
      return;
    }
    switch (t.component.kind) {
      case 'service':
        p.sleep(work, () => this.runSteps(p, inst, job, finish));
        return;
      case 'cache': {
        const hit = t.component.hit;
        p.sleep(work, () => finish(p.random() < hit ? HIT : OK));
        return;
      }
      case 'datastore':
        p.sleep(work, () => finish(OK));
    }
  }

  /** A service's calls after its own work: in order, parallel groups together, one route. */
  private runSteps(p: Process, inst: Instance, job: Job, finish: (r: Reply) => void): void {
    const steps = inst.target.steps;
    const name = inst.target.name;
    const req = job.req;
    let i = 0;
    let hits: string[] | undefined;
    const record = (spec: CallSpec, r: Reply): void => {
      if (r.hit) (hits ??= []).push(spec.target.name);
    };
    const happens = (spec: CallSpec): boolean =>
      !(spec.share < 1 && p.random() >= spec.share) && !(spec.onMiss !== undefined && hits !== undefined && hits.includes(spec.onMiss));
    const one = (spec: CallSpec): void =>
      this.call(p, p, inst.place, name, req, job.spanId, spec, (r) => {
        if (!r.ok) return finish(FAILED);
        record(spec, r);
        run();
      });
    const run = (): void => {
      while (i < steps.length) {
        if (this.rt.now >= req.deadlineNs) return finish(FAILED);
        const step = steps[i++]!;
        if (step.kind === 'call') {
          if (happens(step.call)) return one(step.call);
        } else if (step.kind === 'routes') {
          const x = p.random() * step.upTo[step.upTo.length - 1]!;
          const route = step.routes[step.upTo.findIndex((c) => x < c)] ?? step.routes[step.routes.length - 1]!;
          if (happens(route)) return one(route);
        } else {
          const calls = step.calls.filter(happens);
          if (calls.length === 0) continue;
          // Each call of the group runs in a child process; the worker waits for all of them.
          const results = this.rt.chan<Reply>(calls.length);
          for (const spec of calls) {
            p.spawn((child) =>
              this.call(child, p, inst.place, name, req, job.spanId, spec, (r) => {
                record(spec, r);
                results.offer(r);
              }),
            );
          }
          let pending = calls.length;
          let ok = true;
          const collect = (r: Reply): void => {
            ok &&= r.ok;
            if (--pending > 0) p.recv(results, collect);
            else if (ok) run();
            else finish(FAILED);
          };
          p.recv(results, collect);
          return;
        }
      }
      finish(OK);
    };
    run();
  }

  // ---- chaos ---------------------------------------------------------------------------

  /** The instance dies with its queue and every process on it; callers learn after discovery. */
  kill(inst: Instance): void {
    inst.life.dead = true;
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  /** The instance comes back empty; callers learn after discovery. */
  revive(inst: Instance): void {
    inst.life = { dead: false };
    inst.inbox = this.rt.chan<Job>(Infinity);
    inst.workers = 0;
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  logChaos(what: string): void {
    this.chaosLog.push({ t: this.rt.now / 1e9, what });
  }
}

function deliverAnswer(job: Job): void {
  job.reply!.offer(job.answer);
}

/** The registry catches up with an instance's state, `network.discovery` after it changed. */
function learn(inst: Instance): void {
  inst.known = inst.alive;
}

/** A client's request: one attempt, waiting as long as the edge's deadline (the client's patience). */
function clientSpec(target: Target): CallSpec {
  const c = target.component;
  const patience = c.kind === 'service' && c.deadlineMs !== undefined ? nanos(c.deadlineMs) : Infinity;
  return { target, timeoutNs: patience, connectNs: patience, retries: 0, backoffNs: 0, retrySame: false, write: false, share: 1, onMiss: undefined, counted: false };
}
