// The call protocol: a call's attempts, each to an instance the load balancer picks, waiting
// for the answer or the timeout, retried after `backoff`; the resilience options checked on
// each attempt (deadline, retry budget, hop limit, circuit breaker, bulkhead) with their
// state per caller instance and target; `fallback`; and the span of each traced attempt.
import type { Process, Runtime, Timer } from '@topo/runtime';
import { pickInstance } from './balance.js';
import { JobKind, type CallSpec, type Instance, type Job, type Place, type ReplyTo, type Target } from './deployment.js';
import type { Uniform } from './distributions.js';
import { FAILED, HOP_LIMIT, LOOPED, OK, waiting, type Reply, type RequestCtx } from './request.js';
import type { BreakerEvent } from './result.js';
import { Admission, CallGuard, CircuitBreaker } from './resilience.js';
import { Spans } from './spans.js';
import type { ResilienceCount, Timeline, Totals } from './stats.js';
import type { SpanOutcome, TraceOptions } from './trace.js';

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
  // Shared with each call's attempts (`Attempts`, below).
  readonly rt: Runtime;
  readonly totals: Totals;
  readonly timeline: Timeline;
  readonly spans: Spans | undefined;
  /** Per caller instance, by target index: its breaker and attempts in flight. */
  private readonly guards = new Map<Place, CallGuard[]>();

  constructor(readonly run: CallsRun) {
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
  guard(from: Place, spec: CallSpec): CallGuard {
    let byTarget = this.guards.get(from);
    if (!byTarget) this.guards.set(from, (byTarget = []));
    let guard = byTarget[spec.target.index];
    if (!guard) {
      const breaker = spec.breaker && new CircuitBreaker(spec.breaker, `${from.name} → ${spec.target.name}`, this.run.breakerLog);
      byTarget[spec.target.index] = guard = new CallGuard(breaker);
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
    new Attempts(this, q, u, from, caller, req, parentSpan, spec, depth, k).attempt();
  }

  /** An instance's calls die with it: their breakers' spells end, and a revived instance starts afresh. */
  forget(inst: Instance): void {
    for (const guard of this.guards.get(inst.place) ?? []) guard?.breaker?.stop(this.rt.now);
    this.guards.delete(inst.place);
  }
}

/**
 * One call's attempts (see `Calls.call`). They run one after another, and exactly one of an
 * attempt's answer and timeout resumes the caller, so the attempt under way keeps its state
 * here and the continuations are made once per call rather than per attempt.
 *
 * The caller waits as a receive on a reply channel selected against a timeout would, without
 * the channel and the select: the answer wakes the caller (unless it gave up or died), whose
 * continuation cancels the timer; the timer, if it fires first, makes a late answer go
 * nowhere. The runtime sees the same timers, wakes and cancellations, in the same order. The
 * continuations are static, with the call as their argument: nothing is made per call for them.
 */
class Attempts implements ReplyTo {
  /** Attempts made so far; the last is the one under way. */
  private n = 0;
  private last: Instance | undefined;
  /** Retry different: the instances tried before `last` (recorded once a retry needs them). */
  private tried: Instance[] | undefined;
  private readonly guard: CallGuard | undefined;
  /** The attempt under way: its job, when it was sent, whether it is the breaker's trial, its timeout... */
  private job: Job | undefined;
  private sentNs = 0;
  private trial = false;
  private timer: Timer | undefined;
  /** ...and whether its answer or its timeout came (the other then counts for nothing). */
  private over = false;

  constructor(
    private readonly calls: Calls,
    private readonly q: Process,
    private readonly u: Uniform,
    private readonly from: Place,
    private readonly caller: string,
    private readonly req: RequestCtx,
    private readonly parentSpan: string | undefined,
    private readonly spec: CallSpec,
    private readonly depth: number,
    private readonly k: (r: Reply) => void,
  ) {
    this.guard = spec.breaker !== undefined || spec.retryBudget !== undefined || spec.bulkhead !== undefined ? calls.guard(from, spec) : undefined;
  }

  attempt(): void {
    const { calls, spec, req, guard } = this;
    const t = spec.target;
    const now = calls.rt.now;
    if (now >= req.deadlineNs) return this.done(FAILED);
    // A retry the budget does not allow is not sent: the call fails without it.
    if (this.n > 0 && spec.retryBudget !== undefined && !guard!.budgetAllows(spec.retryBudget)) {
      calls.countFor(t, 'budgetExhausted', req);
      return this.done(FAILED);
    }
    const n = ++this.n;
    const counted = req.measured && spec.counted;
    if (spec.counted) calls.timeline.attempt(now);
    if (counted) {
      calls.totals.attempts++;
      if (n > 1) {
        calls.totals.retries++;
        t.stats.retries++;
      }
    }
    if (this.depth >= HOP_LIMIT) {
      if (counted) {
        calls.totals.hopLimited++;
        t.stats.hopLimited++;
      }
      return this.done(LOOPED);
    }
    const admission = guard?.breaker ? guard.breaker.admit(now) : Admission.Go;
    const trial = admission === Admission.Trial;
    if (admission === Admission.Short) {
      calls.countFor(t, 'shortCircuited', req);
      return this.failed();
    }
    if (spec.bulkhead !== undefined && guard!.inFlight >= spec.bulkhead) {
      calls.countFor(t, 'rejected', req);
      guard!.breaker?.record(now, false, trial);
      return this.failed();
    }
    // A retry avoids every instance tried (the avoided are only asked whether they are in the list).
    if (!spec.retrySame && this.last !== undefined && this.tried?.at(-1) !== this.last) (this.tried ??= []).push(this.last);
    const dest = spec.retrySame && this.last !== undefined ? this.last : pickInstance(t, this.from, this.u, this.tried);
    if (dest === undefined) {
      guard?.breaker?.record(now, false, trial);
      return this.failed();
    }
    this.last = dest;
    const wait = Math.min(dest.alive ? spec.timeoutNs : spec.connectNs, req.deadlineNs - now);
    const spanId = req.traceId === undefined ? undefined : calls.spans!.id();
    const job: Job = { kind: JobKind.Call, req, dest, write: spec.write, reply: this, from: this.from, attempt: waiting(), spanId, depth: this.depth, arrivedNs: 0, answer: OK };
    calls.run.send(job);
    this.job = job;
    this.sentNs = now;
    this.trial = trial;
    this.over = false;
    if (guard) {
      guard.inFlight++;
      if (n > 1) guard.retriesInFlight++;
    }
    this.timer = wait === Infinity ? undefined : calls.rt.at(wait, this.q, Attempts.timedOut, this);
  }

  /** An answer arrives: the caller takes it if it is the attempt under way and the caller still waits. */
  answered(job: Job): void {
    if (job !== this.job || this.over || this.q.dead) return;
    this.over = true;
    this.calls.rt.wake(this.q, Attempts.replied, this);
  }

  /** The caller has the answer of the attempt under way. */
  private static replied(a: Attempts): void {
    const r = a.job!.answer;
    if (a.timer !== undefined) a.calls.rt.cancel(a.timer);
    a.ended(r.ok);
    a.span(r.ok ? 'ok' : 'error');
    if (r.ok || r.looped) a.done(r);
    else a.failed();
  }

  /** The timeout of the attempt under way, unless its answer came first. */
  private static timedOut(a: Attempts): void {
    if (a.over) return;
    a.over = true;
    a.ended(false);
    a.job!.attempt.gaveUpNs = a.calls.rt.now;
    if (a.req.measured) {
      if (a.spec.counted) {
        a.calls.totals.timeouts++;
        a.spec.target.stats.timeouts++;
      } else {
        a.calls.totals.clientTimeouts++;
      }
    }
    a.span('timeout');
    a.failed();
  }

  /** The attempt is over for the caller (answered or given up on): out of flight, into the breaker's window. */
  private ended(ok: boolean): void {
    const guard = this.guard;
    if (!guard) return;
    guard.inFlight--;
    if (this.n > 1) guard.retriesInFlight--;
    guard.breaker?.record(this.calls.rt.now, ok, this.trial);
  }

  private span(outcome: SpanOutcome): void {
    const job = this.job!;
    if (job.spanId !== undefined) this.calls.spans!.end(this.req, job.spanId, this.parentSpan, this.caller, job.dest, this.n, this.sentNs, outcome);
  }

  private failed(): void {
    if (this.n > this.spec.retries) this.done(FAILED);
    else if (this.spec.backoffNs > 0) this.q.sleep(this.spec.backoffNs, () => this.attempt());
    else this.attempt();
  }

  /** The call's final answer: with `fallback`, a failure becomes success and the request is degraded. */
  private done(r: Reply): void {
    if (r.ok || !this.spec.fallback) return this.k(r);
    this.req.degraded = true;
    if (this.req.measured) this.spec.target.stats.degraded++;
    this.k(OK);
  }
}
