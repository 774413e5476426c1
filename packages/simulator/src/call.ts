// The call protocol: a call's attempts, each to an instance the load balancer picks, waiting
// for the answer or the timeout, retried after `backoff`; the resilience options checked on
// each attempt (deadline, retry budget, hop limit, circuit breaker, bulkhead) with their
// state per caller instance and target; `fallback`; and the span of each traced attempt.
import { afterCase, recvCase, type Process, type Runtime } from '@topo/runtime';
import { pickInstance } from './balance.js';
import { JobKind, type CallSpec, type Instance, type Job, type Place, type Target } from './deployment.js';
import type { Uniform } from './distributions.js';
import { FAILED, HOP_LIMIT, LOOPED, OK, type AttemptState, type Reply, type RequestCtx } from './request.js';
import type { BreakerEvent } from './result.js';
import { Admission, CallGuard, CircuitBreaker } from './resilience.js';
import { Spans } from './spans.js';
import type { ResilienceCount, Timeline, Totals } from './stats.js';
import type { TraceOptions } from './trace.js';

/** What calls need of the run: the measurements, the trace, and the network to send an attempt on. */
export interface CallsRun {
  readonly rt: Runtime;
  readonly totals: Totals;
  readonly timeline: Timeline;
  readonly breakerLog: BreakerEvent[];
  readonly trace: TraceOptions | undefined;
  send(job: Job): void;
}

export class Calls {
  private readonly rt: Runtime;
  private readonly totals: Totals;
  private readonly timeline: Timeline;
  /** Per caller instance, per target index: its breaker and attempts in flight. */
  private readonly guards = new Map<Place, Map<number, CallGuard>>();
  private readonly spans: Spans | undefined;

  constructor(private readonly run: CallsRun) {
    this.rt = run.rt;
    this.totals = run.totals;
    this.timeline = run.timeline;
    this.spans = run.trace && new Spans(run.rt, run.trace);
  }

  /** Counts a resilience event of a call to `t`: in total and for `t` when measured, per second always. */
  countFor(t: Target, what: ResilienceCount, req: RequestCtx): void {
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
      const breaker = spec.breaker && new CircuitBreaker(spec.breaker, `${from.name} → ${spec.target.name}`, this.run.breakerLog);
      byTarget.set(spec.target.index, (guard = new CallGuard(breaker)));
    }
    return guard;
  }

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
      const spanId = req.traceId === undefined ? undefined : this.spans!.id();
      const job: Job = { kind: JobKind.Call, req, dest, write: spec.write, reply, from, attempt: state, spanId, depth, arrivedNs: 0, answer: OK };
      this.run.send(job);
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
        if (spanId !== undefined) this.spans!.end(req, spanId, parentSpan, caller, dest, attemptNo, now, r.ok ? 'ok' : 'error');
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
        if (spanId !== undefined) this.spans!.end(req, spanId, parentSpan, caller, dest, attemptNo, now, 'timeout');
        failed();
      };
      q.select([recvCase(reply, onReply), afterCase(wait, onTimeout)]);
    };
    attempt();
  }

  /** An instance's calls die with it: their breakers' spells end, and a revived instance starts afresh. */
  forget(inst: Instance): void {
    for (const guard of this.guards.get(inst.place)?.values() ?? []) guard.breaker?.stop(this.rt.now);
    this.guards.delete(inst.place);
  }
}
