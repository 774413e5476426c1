// What a caller instance keeps per target for the resilience options of its calls: the
// circuit breaker (Hystrix's: a rolling window of attempt outcomes, open, one trial), and
// the attempts and retries it has in flight, which the bulkhead and the retry budget bound.
import { RETRY_BUDGET_MIN_RETRIES } from '@topo/model';
import type { BreakerEvent } from './result.js';

/** A breaker's numbers in nanoseconds. */
export interface BreakerSpec {
  threshold: number;
  volume: number;
  windowNs: number;
  openNs: number;
}

/** Hystrix's rolling window is ten buckets: an outcome leaves it a bucket at a time. */
const BUCKETS = 10;

/** What an attempt may do now: go, go as the breaker's trial, or fail at once (short-circuited). */
export const enum Admission {
  Go,
  Trial,
  Short,
}

export class CircuitBreaker {
  private state: 'closed' | 'open' | 'trial' = 'closed';
  private openedNs = 0;
  /** Per slot: the bucket number it counts (-1 empty), its attempts and its failures. */
  private readonly bucketOf = new Array<number>(BUCKETS).fill(-1);
  private readonly ended = new Array<number>(BUCKETS).fill(0);
  private readonly failed = new Array<number>(BUCKETS).fill(0);
  /** The open spell under way (from opening to the trial that closes it), as its event. */
  private spell: BreakerEvent | undefined;

  constructor(
    private readonly spec: BreakerSpec,
    /** `edge.us-east-1.a.1 → middle`. */
    private readonly what: string,
    /** Where each spell goes when it opens (its end is set when it closes). */
    private readonly log: BreakerEvent[],
  ) {}

  admit(nowNs: number): Admission {
    if (this.state === 'closed') return Admission.Go;
    if (this.state === 'open' && nowNs - this.openedNs >= this.spec.openNs) {
      this.state = 'trial';
      return Admission.Trial;
    }
    return Admission.Short;
  }

  /**
   * An attempt ended. The trial's outcome closes the breaker (a fresh window) or opens it
   * again; other outcomes count in the window while it is closed and may open it.
   */
  record(nowNs: number, ok: boolean, trial: boolean): void {
    if (trial) {
      if (ok) {
        this.state = 'closed';
        this.bucketOf.fill(-1);
        this.spell!.end = nowNs / 1e9;
        this.spell = undefined;
      } else {
        this.state = 'open';
        this.openedNs = nowNs;
        this.spell!.trials++;
      }
      return;
    }
    // A window of no time holds no attempts: such a breaker never opens.
    if (this.state !== 'closed' || this.spec.windowNs <= 0) return;
    const width = this.spec.windowNs / BUCKETS;
    const bucket = Math.floor(nowNs / width);
    const slot = bucket % BUCKETS;
    if (this.bucketOf[slot] !== bucket) {
      this.bucketOf[slot] = bucket;
      this.ended[slot] = 0;
      this.failed[slot] = 0;
    }
    this.ended[slot]!++;
    if (!ok) this.failed[slot]!++;
    let ended = 0;
    let failed = 0;
    for (let i = 0; i < BUCKETS; i++) {
      if (this.bucketOf[i]! > bucket - BUCKETS) {
        ended += this.ended[i]!;
        failed += this.failed[i]!;
      }
    }
    if (ended >= this.spec.volume && failed >= this.spec.threshold * ended - 1e-9) {
      this.state = 'open';
      this.openedNs = nowNs;
      // Until a trial closes it, the spell lasts to the end of the run (set in the result).
      this.spell = { kind: 'breaker', what: this.what, start: nowNs / 1e9, end: Infinity, trials: 0 };
      this.log.push(this.spell);
    }
  }

  /** The caller instance died: a spell under way ends now. */
  stop(nowNs: number): void {
    if (this.spell) this.spell.end = nowNs / 1e9;
  }
}

/** One caller instance's state toward one target. */
export class CallGuard {
  /** Attempts sent and not yet ended (answered or given up on). */
  inFlight = 0;
  /** The retries among them. */
  retriesInFlight = 0;

  constructor(readonly breaker: CircuitBreaker | undefined) {}

  /** Envoy's retry budget: a retry goes only while retries in flight stay below max(3, P × attempts in flight). */
  budgetAllows(share: number): boolean {
    return this.retriesInFlight < Math.max(RETRY_BUDGET_MIN_RETRIES, share * this.inFlight);
  }
}
