// Instances serving: a job crosses the network to an instance's inbox (unless the instance
// is dead by then, failing under `chaos fail`, a Cassandra coordinator, or shedding under
// `queue`); up to `threads` worker processes take jobs one at a time, do their work (with
// `lock`), make the service's calls, and send the answer back.
import type { Channel, Process, Runtime } from '@topo/runtime';
import type { Calls } from './call.js';
import { coordinate } from './cassandra.js';
import { JobKind, type CallSpec, type Instance, type Job, type Place } from './deployment.js';
import { sampleWork } from './distributions.js';
import type { NetworkModel } from './network.js';
import { callerWaits, FAILED, HIT, OK, type Reply } from './request.js';
import type { Timeline, Totals } from './stats.js';
import type { Topology } from './topology.js';

/** What serving needs of the run: the measurements, and the call protocol for a service's calls. */
export interface ServersRun {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly totals: Totals;
  readonly timeline: Timeline;
  readonly warmupNs: number;
  readonly loadEndNs: number;
  readonly calls: Calls;
}

export class Servers {
  // Shared with the instances' workers (`Worker`, below).
  readonly rt: Runtime;
  private readonly network: NetworkModel;
  readonly totals: Totals;
  readonly timeline: Timeline;
  readonly warmupNs: number;
  readonly loadEndNs: number;
  readonly calls: Calls;

  constructor(run: ServersRun) {
    this.rt = run.rt;
    this.network = run.topo.network;
    this.totals = run.totals;
    this.timeline = run.timeline;
    this.warmupNs = run.warmupNs;
    this.loadEndNs = run.loadEndNs;
    this.calls = run.calls;
  }

  /** Puts a job on the network; it reaches the instance's inbox unless the instance is dead by then. */
  send(job: Job): void {
    this.countPetalMessage(job, job.from, job.dest.place);
    this.rt.at(this.network.oneWay(job.from, job.dest.place), undefined, this.arrival, job);
  }

  private countPetalMessage(job: Job, from: Place, to: Place): void {
    if (!job.req.measured) return;
    const petal = this.network.petalBetween(from, to);
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
      if (t.cassandra) {
        coordinate(this, dest, job);
        return;
      }
    }
    // `queue N`: with every thread busy and N waiting, the arrival is shed at once.
    if (dest.workers >= t.threads && dest.inbox.length >= t.queue) {
      this.calls.countFor(t, 'rejected', job.req);
      this.answer(job, FAILED, dest);
      return;
    }
    dest.inbox.offer(job);
    if (dest.inbox.length > 0 && dest.workers < t.threads) this.startWorker(dest);
  };

  /** Sends the answer back over the network to the caller. */
  answer(job: Job, r: Reply, at: Instance): void {
    if (job.reply === undefined) return;
    job.answer = r;
    this.countPetalMessage(job, at.place, job.from);
    this.rt.at(this.network.oneWay(at.place, job.from), undefined, deliverAnswer, job);
  }

  /** Starts one more of the instance's threads. */
  private startWorker(inst: Instance): void {
    inst.workers++;
    this.rt.spawn((p) => new Worker(this, p, inst).next(), inst.life);
  }
}

/**
 * One of an instance's threads: a process that takes jobs from the inbox, one at a time. As
 * it serves one job at a time, the job's state lives here and the continuations are made
 * once per thread rather than per job.
 */
class Worker {
  private readonly inbox: Channel<Job>;
  /** The job being served and when its service started. */
  private job: Job | undefined;
  private startNs = 0;
  /** A service's calls: the next step, the caches that hit, and the call under way. */
  private step = 0;
  private hits: string[] | undefined;
  private spec: CallSpec | undefined;
  /** A parallel group: its results, the calls still to answer, and the failure to answer with. */
  private results: Channel<Reply> | undefined;
  private pending = 0;
  private failure: Reply | undefined;

  constructor(
    private readonly s: Servers,
    private readonly p: Process,
    private readonly inst: Instance,
  ) {
    this.inbox = inst.inbox;
  }

  /** Waits for the next job. */
  readonly next = (): void => this.p.recv(this.inbox, this.serve);

  private readonly serve = (job: Job): void => {
    const { p, inst } = this;
    const t = inst.target;
    const start = p.now;
    const left = job.req.deadlineNs - start;
    // With a propagated budget, work whose deadline passed while it queued is dropped.
    if (left <= 0) return this.next();
    inst.active++;
    this.job = job;
    this.startNs = start;
    const work = sampleWork(t.component.work, t.workNs, p) + inst.slowNs;
    if (work >= left) return p.sleep(left, this.expired);
    if (job.kind === JobKind.Replica && job.req.measured) t.stats.replicaOps++;
    this.work(work);
  };

  private readonly expired = (): void => this.finish(FAILED);

  /**
   * A request's work on its thread: with `lock P`, the last P of it waits for the instance's
   * lock and holds it (the thread stays busy while it waits), one request at a time.
   */
  private work(workNs: number): void {
    const { p, inst } = this;
    const lock = inst.lock;
    if (lock === undefined) return p.sleep(workNs, this.worked);
    const lockedNs = inst.target.lock * workNs;
    p.sleep(workNs - lockedNs, () =>
      p.recv(lock, (token) =>
        p.sleep(lockedNs, () => {
          lock.offer(token);
          this.worked();
        }),
      ),
    );
  }

  /** The work is done: a service makes its calls, a cache answers hit or miss, a datastore (a replica's too) answers. */
  private readonly worked = (): void => {
    const c = this.inst.target.component;
    switch (c.kind) {
      case 'service':
        this.step = 0;
        this.hits = undefined;
        return this.runSteps();
      case 'cache':
        return this.finish(this.p.random() < c.hit ? HIT : OK);
      case 'datastore':
        return this.finish(OK);
    }
  };

  private finish(r: Reply): void {
    const { s, inst } = this;
    const job = this.job!;
    const t = inst.target;
    const start = this.startNs;
    const end = this.p.now;
    inst.active--;
    inst.busyNs += end - start;
    const busy = Math.min(end, s.loadEndNs) - Math.max(start, s.warmupNs);
    if (busy > 0) t.stats.busyNs += busy;
    const gaveUpNs = job.attempt.gaveUpNs;
    // Wasted: the caller gave up before the work was done. Work that stops the instant its
    // caller gives up (both at a propagated deadline) held no thread for a caller gone.
    const wasted = gaveUpNs < end;
    if (job.req.measured) {
      if (job.kind === JobKind.Call) t.stats.latency.record(end - job.arrivedNs);
      if (wasted) {
        t.stats.wastedNs += end - start;
        s.totals.wastedNs += end - start;
      }
    }
    if (wasted) s.timeline.wasted(start, end);
    // A caller that gave up takes no answer; a replica's coordinator still does: the store's
    // latency is its requests' time to the level's answers, whoever still waits for them.
    if (callerWaits(job.attempt) || job.kind === JobKind.Replica) s.answer(job, r, inst);
    this.next();
  }

  /** A service's calls after its own work: in order, parallel groups together, one route. */
  private runSteps(): void {
    const { s, p } = this;
    const steps = this.inst.target.steps;
    const req = this.job!.req;
    while (this.step < steps.length) {
      if (p.now >= req.deadlineNs) return this.finish(FAILED);
      const step = steps[this.step++]!;
      if (step.kind === 'call') {
        if (this.happens(step.call)) return this.call(step.call);
      } else if (step.kind === 'routes') {
        const x = p.random() * step.upTo[step.upTo.length - 1]!;
        const route = step.routes[step.upTo.findIndex((c) => x < c)] ?? step.routes[step.routes.length - 1]!;
        if (this.happens(route)) return this.call(route);
      } else {
        const calls = step.calls.filter((spec) => this.happens(spec));
        if (calls.length === 0) continue;
        // Each call of the group runs in a child process; the worker waits for all of them.
        const results = s.rt.chan<Reply>(calls.length);
        const { inst, job } = this;
        for (const spec of calls) {
          p.spawn((child) =>
            s.calls.call(child, p, inst.place, inst.target.name, req, job!.spanId, spec, job!.depth + 1, (r) => {
              this.record(spec, r);
              results.offer(r);
            }),
          );
        }
        this.results = results;
        this.pending = calls.length;
        this.failure = undefined;
        p.recv(results, this.collect);
        return;
      }
    }
    this.finish(OK);
  }

  /** Whether a call happens in this request: its `share`, and `on miss` of a cache that hit. */
  private happens(spec: CallSpec): boolean {
    return !(spec.share < 1 && this.p.random() >= spec.share) && !(spec.onMiss !== undefined && this.hits !== undefined && this.hits.includes(spec.onMiss));
  }

  private record(spec: CallSpec, r: Reply): void {
    if (r.hit) (this.hits ??= []).push(spec.target.name);
  }

  private call(spec: CallSpec): void {
    const { inst, p } = this;
    const job = this.job!;
    this.spec = spec;
    this.s.calls.call(p, p, inst.place, inst.target.name, job.req, job.spanId, spec, job.depth + 1, this.called);
  }

  private readonly called = (r: Reply): void => {
    if (!r.ok) return this.finish(r);
    this.record(this.spec!, r);
    this.runSteps();
  };

  private readonly collect = (r: Reply): void => {
    if (!r.ok && !this.failure?.looped) this.failure = r;
    if (--this.pending > 0) this.p.recv(this.results!, this.collect);
    else if (this.failure === undefined) this.runSteps();
    else this.finish(this.failure);
  };
}

function deliverAnswer(job: Job): void {
  job.reply!.answered(job);
}
