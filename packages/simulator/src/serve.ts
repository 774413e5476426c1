// Instances serving: a job crosses the network to an instance's inbox (unless the instance
// is dead by then, failing under `chaos fail`, a Cassandra coordinator, or shedding under
// `queue`); up to `threads` worker processes take jobs one at a time, do their work (with
// `lock`), make the service's calls, and send the answer back.
import type { Datastore } from '@topo/model';
import type { Process, Runtime } from '@topo/runtime';
import type { Calls } from './call.js';
import { coordinate } from './cassandra.js';
import { JobKind, type CallSpec, type Instance, type Job, type Place } from './deployment.js';
import { sampleWork } from './distributions.js';
import type { NetworkModel } from './network.js';
import { FAILED, HIT, OK, type Reply } from './request.js';
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
  readonly rt: Runtime;
  private readonly network: NetworkModel;
  private readonly totals: Totals;
  private readonly timeline: Timeline;
  private readonly warmupNs: number;
  private readonly loadEndNs: number;
  private readonly calls: Calls;

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
      if (t.component.kind === 'datastore' && (t.component as Datastore).engine === 'cassandra') {
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

  /** Sends the answer back over the network to the caller's reply channel. */
  answer(job: Job, r: Reply, at: Instance): void {
    if (job.reply === undefined) return;
    job.answer = r;
    this.countPetalMessage(job, at.place, job.from);
    this.rt.at(this.network.oneWay(at.place, job.from), undefined, deliverAnswer, job);
  }

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
      this.calls.call(p, p, inst.place, name, req, job.spanId, spec, job.depth + 1, (r) => {
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
              this.calls.call(child, p, inst.place, name, req, job.spanId, spec, job.depth + 1, (r) => {
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
}

function deliverAnswer(job: Job): void {
  job.reply!.offer(job.answer);
}
