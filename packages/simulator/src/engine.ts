// The architecture as processes on the runtime: clients that send Poisson arrivals to the
// entries, instances whose worker processes serve a FIFO inbox with `threads` at a time,
// calls with timeouts, retries and backoff, Cassandra coordinators, and the measurements.
import { hasResilience, type Datastore, type Model, type Scenario, type Service } from '@topo/model';
import { afterCase, nanos, recvCase, Runtime, type Process } from '@topo/runtime';
import { scheduleAutoscaling } from './autoscale.js';
import { coordinate } from './cassandra.js';
import { scheduleChaos } from './chaos.js';
import { exponential, sampleWork, type Uniform } from './distributions.js';
import { FAILED, HIT, HOP_LIMIT, JobKind, LOOPED, OK, type AttemptState, type Job, type Reply, type RequestCtx } from './job.js';
import type { BreakerEvent, ChaosEvent } from './result.js';
import { Admission, CallGuard, CircuitBreaker } from './resilience.js';
import { loadDurationMs } from './scenario.js';
import { LatencyRecorder, ResilienceTally, Timeline, type ResilienceCount } from './stats.js';
import { buildTopology, freeLock, Instance, MANAGED_ZONE, pickInstance, type CallSpec, type Place, type Target, type Topology } from './topology.js';
import { hexId, type SpanOutcome, type TraceOptions } from './trace.js';

/** After the load ends, in-flight work may finish for this long (or the longest edge deadline). */
const DRAIN_MS = 60_000;

class Totals extends ResilienceTally {
  requests = 0;
  succeeded = 0;
  failed = 0;
  attempts = 0;
  retries = 0;
  timeouts = 0;
  clientTimeouts = 0;
  wastedNs = 0;
  injectedFailures = 0;
  hopLimited = 0;
  readonly latency = new LatencyRecorder(3, true);
  /** Messages of measured requests that stayed inside a petal (no encode, no decode), by petal. */
  readonly petalMessages = new Map<string, number>();
}

export class Engine {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly totals = new Totals();
  readonly timeline: Timeline;
  readonly chaosLog: ChaosEvent[] = [];
  /** True when the model has a breaker, retry budget, bulkhead, fallback or queue: the result then has their counts. */
  readonly resilient: boolean;
  readonly breakerLog: BreakerEvent[] = [];
  /** Per caller instance, per target index: its breaker and attempts in flight. */
  private readonly guards = new Map<Place, Map<number, CallGuard>>();
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
    this.resilient = usesResilience(model);
    this.timeline = new Timeline(this.resilient);
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
      const [fromRps, toRps] = [load.rps / regions.length, load.toRps / regions.length];
      for (const region of regions) this.rt.spawn((p) => this.generate(p, target, region, fromRps, toRps, nanos(load.fromMs), nanos(load.durationMs)));
    }
    for (const users of this.scenario.users) {
      const target = this.topo.byName.get(users.target);
      if (!target) continue;
      const regions = target.component.regions;
      const [startNs, endNs] = [nanos(users.fromMs), nanos(users.fromMs + users.durationMs)];
      for (let i = 0; i < users.count; i++) this.rt.spawn((p) => this.user(p, target, regions[i % regions.length]!, nanos(users.thinkMs), startNs, endNs));
    }
    scheduleChaos(this);
    scheduleAutoscaling(this);
  }

  /** True once nothing is left to run, or the drain limit is reached. */
  get finished(): boolean {
    return this.rt.idle || this.rt.now >= this.endLimitNs;
  }

  // ---- clients -------------------------------------------------------------------------

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
    const keep = (): boolean => fromRps === toRps || p.random() * peak < fromRps + ((toRps - fromRps) * (p.now - startNs)) / durationNs;
    const next = (): void => {
      const gap = Math.round(exponential(meanGapNs, p));
      if (p.now + gap >= endNs) return;
      p.sleep(gap, () => {
        if (keep()) this.arrive(p, target, spec, this.clientPlace(region, zones[Math.floor(p.random() * zones.length)] ?? MANAGED_ZONE));
        next();
      });
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
      measured: now >= this.warmupNs,
      deadlineNs: edge?.budgetPropagate && edge.deadlineMs !== undefined ? now + nanos(edge.deadlineMs) : Infinity,
      traceId: this.trace && id % this.trace.every === 0 ? hexId(id + 1, 32) : undefined,
      degraded: false,
    };
    if (req.measured) this.totals.requests++;
    this.timeline.arrive(now);
    this.rt.spawn((q) =>
      this.call(q, u, from, 'client', req, undefined, spec, 0, (r) => {
        this.complete(req, r);
        answered?.();
      }),
    );
  }

  private complete(req: RequestCtx, r: Reply): void {
    const now = this.rt.now;
    const latency = now - req.startNs;
    const outcome = !r.ok ? 'failed' : req.degraded ? 'degraded' : 'ok';
    this.timeline.complete(now, outcome, latency);
    if (!req.measured) return;
    if (outcome === 'ok') {
      this.totals.succeeded++;
      this.totals.latency.record(latency);
    } else if (outcome === 'degraded') {
      this.totals.degraded++;
    } else {
      this.totals.failed++;
    }
  }

  /** Counts a resilience event of a call to `t`: in total and for `t` when measured, per second always. */
  private countFor(t: Target, what: ResilienceCount, req: RequestCtx): void {
    this.timeline.count(what, this.rt.now);
    if (!req.measured) return;
    this.totals[what]++;
    t.stats[what]++;
  }

  /** The caller instance's state toward a target, made on its first call with a resilience option. */
  private guard(from: Place, spec: CallSpec): CallGuard {
    let byTarget = this.guards.get(from);
    if (!byTarget) this.guards.set(from, (byTarget = new Map()));
    let guard = byTarget.get(spec.target.index);
    if (!guard) {
      const breaker = spec.breaker && new CircuitBreaker(spec.breaker, `${from.name} → ${spec.target.name}`, this.breakerLog);
      byTarget.set(spec.target.index, (guard = new CallGuard(breaker)));
    }
    return guard;
  }

  // ---- calls ---------------------------------------------------------------------------

  /**
   * One call from `from` with its attempts: each goes to an instance the load balancer picks
   * and waits for the answer or its timeout (the connect timeout if the instance is dead);
   * after a failure or timeout the next attempt follows `backoff` later, until `retries` are
   * spent. `q` waits; `u` supplies the random draws. `depth` counts the calls nested above
   * this one (0 for a client's request); at HOP_LIMIT the call fails at once, unretried.
   */
  call(q: Process, u: Uniform, from: Place, caller: string, req: RequestCtx, parentSpan: string | undefined, spec: CallSpec, depth: number, k: (r: Reply) => void): void {
    const rt = this.rt;
    const t = spec.target;
    let n = 0;
    let last: Instance | undefined;
    let tried: Instance[] | undefined;
    const guard = spec.breaker !== undefined || spec.retryBudget !== undefined || spec.bulkhead !== undefined ? this.guard(from, spec) : undefined;
    // The call's final answer: with `fallback`, a failure becomes success and the request is degraded.
    const done = (r: Reply): void => {
      if (r.ok || !spec.fallback) return k(r);
      req.degraded = true;
      if (req.measured) t.stats.degraded++;
      k(OK);
    };
    const failed = (): void => {
      if (n > spec.retries) done(FAILED);
      else if (spec.backoffNs > 0) q.sleep(spec.backoffNs, attempt);
      else attempt();
    };
    const attempt = (): void => {
      const now = rt.now;
      if (now >= req.deadlineNs) return done(FAILED);
      // A retry the budget does not allow is not sent: the call fails without it.
      if (n > 0 && spec.retryBudget !== undefined && !guard!.budgetAllows(spec.retryBudget)) {
        this.countFor(t, 'budgetExhausted', req);
        return done(FAILED);
      }
      n++;
      const counted = req.measured && spec.counted;
      if (spec.counted) this.timeline.attempt(now);
      if (counted) {
        this.totals.attempts++;
        if (n > 1) {
          this.totals.retries++;
          t.stats.retries++;
        }
      }
      if (depth >= HOP_LIMIT) {
        if (counted) {
          this.totals.hopLimited++;
          t.stats.hopLimited++;
        }
        return done(LOOPED);
      }
      const admission = guard?.breaker ? guard.breaker.admit(now) : Admission.Go;
      const trial = admission === Admission.Trial;
      if (admission === Admission.Short) {
        this.countFor(t, 'shortCircuited', req);
        return failed();
      }
      if (spec.bulkhead !== undefined && guard!.inFlight >= spec.bulkhead) {
        this.countFor(t, 'rejected', req);
        guard!.breaker?.record(now, false, trial);
        return failed();
      }
      const dest = spec.retrySame && last !== undefined ? last : pickInstance(t, from, u, tried);
      if (dest === undefined) {
        guard?.breaker?.record(now, false, trial);
        return failed();
      }
      last = dest;
      if (!spec.retrySame && spec.retries > 0) (tried ??= []).push(dest);
      const wait = Math.min(dest.alive ? spec.timeoutNs : spec.connectNs, req.deadlineNs - now);
      const state: AttemptState = { abandoned: false };
      const reply = rt.chan<Reply>(1);
      const spanId = req.traceId === undefined ? undefined : hexId(++this.nextSpan, 16);
      const job: Job = { kind: JobKind.Call, req, dest, write: spec.write, reply, from, attempt: state, spanId, depth, arrivedNs: 0, answer: OK };
      this.send(job);
      const attemptNo = n;
      if (guard) {
        guard.inFlight++;
        if (attemptNo > 1) guard.retriesInFlight++;
      }
      // The attempt is over for the caller (answered or given up on): out of flight, into the breaker's window.
      const ended = (ok: boolean): void => {
        if (!guard) return;
        guard.inFlight--;
        if (attemptNo > 1) guard.retriesInFlight--;
        guard.breaker?.record(rt.now, ok, trial);
      };
      const onReply = (r: Reply): void => {
        ended(r.ok);
        if (spanId !== undefined) this.span(req, spanId, parentSpan, caller, dest, attemptNo, now, r.ok ? 'ok' : 'error');
        if (r.ok || r.looped) done(r);
        else failed();
      };
      if (wait === Infinity) {
        q.recv(reply, onReply);
        return;
      }
      const onTimeout = (): void => {
        ended(false);
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
      if (dest.failsNow()) {
        // `chaos fail`: refused at once, without work; the caller learns after the hop back.
        if (job.req.measured) {
          t.stats.injectedFailures++;
          this.totals.injectedFailures++;
        }
        this.answer(job, FAILED, dest);
        return;
      }
      if (t.component.kind === 'datastore' && (t.component as Datastore).engine === 'cassandra') {
        coordinate(this, dest, job);
        return;
      }
    }
    // `queue N`: with every thread busy and N waiting, the arrival is shed at once.
    if (dest.workers >= t.threads && dest.inbox.length >= t.queue) {
      this.countFor(t, 'rejected', job.req);
      this.answer(job, FAILED, dest);
      return;
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
    inst.active++;
    const finish = (r: Reply): void => {
      const end = rt.now;
      inst.active--;
      inst.busyNs += end - start;
      const busy = Math.min(end, this.loadEndNs) - Math.max(start, this.warmupNs);
      if (busy > 0) t.stats.busyNs += busy;
      if (job.req.measured) {
        if (job.kind === JobKind.Call) t.stats.latency.record(end - job.arrivedNs);
        if (job.attempt.abandoned) {
          t.stats.wastedNs += end - start;
          this.totals.wastedNs += end - start;
        }
      }
      if (job.attempt.abandoned) this.timeline.wasted(start, end);
      else this.answer(job, r, inst);
      done();
    };
    const work = sampleWork(t.component.work, t.workNs, p) + inst.slowNs;
    if (work >= left) {
      p.sleep(left, () => finish(FAILED));
      return;
    }
    if (job.kind === JobKind.Replica) {
      if (job.req.measured) t.stats.replicaOps++;
      this.work(p, inst, work, () => finish(OK));
      return;
    }
    switch (t.component.kind) {
      case 'service':
        this.work(p, inst, work, () => this.runSteps(p, inst, job, finish));
        return;
      case 'cache': {
        const hit = t.component.hit;
        this.work(p, inst, work, () => finish(p.random() < hit ? HIT : OK));
        return;
      }
      case 'datastore':
        this.work(p, inst, work, () => finish(OK));
    }
  }

  /**
   * A request's work on its thread: with `lock P`, the last P of it waits for the instance's
   * lock and holds it (the thread stays busy while it waits), one request at a time.
   */
  private work(p: Process, inst: Instance, workNs: number, k: () => void): void {
    const lock = inst.lock;
    if (lock === undefined) return p.sleep(workNs, k);
    const lockedNs = inst.target.lock * workNs;
    p.sleep(workNs - lockedNs, () =>
      p.recv(lock, (token) =>
        p.sleep(lockedNs, () => {
          lock.offer(token);
          k();
        }),
      ),
    );
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
      this.call(p, p, inst.place, name, req, job.spanId, spec, job.depth + 1, (r) => {
        if (!r.ok) return finish(r);
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
              this.call(child, p, inst.place, name, req, job.spanId, spec, job.depth + 1, (r) => {
                record(spec, r);
                results.offer(r);
              }),
            );
          }
          let pending = calls.length;
          let failure: Reply | undefined;
          const collect = (r: Reply): void => {
            if (!r.ok && !failure?.looped) failure = r;
            if (--pending > 0) p.recv(results, collect);
            else if (failure === undefined) run();
            else finish(failure);
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
    // Its calls die with it: their breakers' spells end, and a revived instance starts afresh.
    for (const guard of this.guards.get(inst.place)?.values() ?? []) guard.breaker?.stop(this.rt.now);
    this.guards.delete(inst.place);
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  /** The instance, if dead, comes back empty; callers learn after discovery. */
  revive(inst: Instance): void {
    // A scaled-in instance stays stopped.
    if (inst.alive || inst.stoppedNs !== undefined) return;
    inst.life = { dead: false };
    inst.active = 0;
    inst.inbox = this.rt.chan<Job>(Infinity);
    inst.lock = freeLock(inst.target, this.rt);
    inst.workers = 0;
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  // ---- autoscaling ---------------------------------------------------------------------

  /** Starts an instance of `t` in a zone; it is listed (serves) `warmupNs` later. */
  startInstance(t: Target, region: string, zone: string, name: string, warmupNs: number): Instance {
    const inst = new Instance(this.topo.instances.length, t, region, zone, name, this.rt);
    inst.startedNs = this.rt.now;
    inst.inService = false;
    inst.known = false;
    this.topo.instances.push(inst);
    t.add(inst);
    this.rt.at(warmupNs, undefined, listWarm, inst);
    return inst;
  }

  /** Scale-in: unlisted at once (callers stop picking it); it finishes what it holds. */
  drain(inst: Instance): void {
    inst.draining = true;
    inst.inService = false;
    inst.known = false;
  }

  /** Stops a drained instance: its running time ends, and it leaves the lists. */
  stop(inst: Instance): void {
    inst.stoppedNs = this.rt.now;
    inst.life.dead = true;
    inst.target.stoppedRunningNs += inst.runningNs(this.warmupNs, this.loadEndNs);
    inst.target.remove(inst);
  }

  /** A fault that struck now and is lifted at `endNs`. */
  logChaos(kind: ChaosEvent['kind'], what: string, endNs: number): void {
    this.chaosLog.push({ kind, what, start: this.rt.now / 1e9, end: endNs / 1e9 });
  }
}

function usesResilience(model: Model): boolean {
  const components = [...model.services, ...model.datastores, ...model.caches];
  return components.some((c) => c.queue !== undefined) || model.services.some((s) => s.calls.some(hasResilience));
}

/** Runs `k` at `startNs`; at once, without an event, when that is now. */
function startLater(p: Process, startNs: number, k: () => void): void {
  if (startNs > 0) p.sleep(startNs, k);
  else k();
}

function deliverAnswer(job: Job): void {
  job.reply!.offer(job.answer);
}

/** The registry catches up with an instance's state, `network.discovery` after it changed. */
function learn(inst: Instance): void {
  inst.known = inst.alive && inst.inService;
}

/** A started instance is listed once warm, unless it was scaled in meanwhile. */
function listWarm(inst: Instance): void {
  if (inst.draining) return;
  inst.inService = true;
  inst.known = inst.alive;
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
