// The scheduler: a virtual clock, the timed events (a heap keyed by time and sequence) and the
// ready queue of continuations due now. Everything runs on one thread in one deterministic order.
// Processes and channels hold the scheduler; the Runtime adds to it the constructors of both.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { EventQueue, type TimedEvent } from './event-queue.js';
import type { Owner } from './owner.js';
import { Ring } from './ring.js';
import type { Nanos } from './time.js';

/** Continuations due at the current instant: (owner, continuation, argument) entries. */
class ReadyQueue extends Ring {
  constructor() {
    super(3, 1024);
  }

  push(owner: Owner, fn: (arg: any) => void, arg: unknown): void {
    const i = this.pushIndex();
    this.slots[i] = owner;
    this.slots[i + 1] = fn;
    this.slots[i + 2] = arg;
  }

  /** Runs the oldest continuation unless its process died; returns false when empty. */
  runOne(): boolean {
    if (this.count === 0) return false;
    const i = this.head;
    const owner = this.slots[i] as Owner;
    const fn = this.slots[i + 1] as (arg: unknown) => void;
    const arg = this.slots[i + 2];
    this.dropHead();
    if (owner === undefined || !owner.dead) fn(arg);
    return true;
  }
}

/**
 * The generator's 128-bit state from a seed, through SplitMix32: xoroshiro seeded with a small
 * number directly starts in a poorly mixed state (its first output for seed 1 is 2^32 - 2).
 */
function seedState(seed: number): number[] {
  let x = seed | 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  return [next(), next(), next(), next()];
}

/** A scheduled timed event, as returned by `at`. */
export type Timer = object;

export interface RuntimeOptions {
  /** Seed of the random streams; the same seed gives the same run. */
  seed?: number;
}

export class Scheduler {
  /** The virtual clock, in integer nanoseconds. */
  now: Nanos = 0;
  /** Events dispatched so far: timed events and continuations. */
  events = 0;
  private readonly timed = new EventQueue();
  private readonly ready = new ReadyQueue();
  private seq = 0;
  private processes = 0;
  private stopped = false;
  /** The stream handed to the next process that asks for one; jumped 2^64 draws each time. */
  private readonly streams: JumpableRandomGenerator;

  constructor(options: RuntimeOptions = {}) {
    this.streams = xoroshiro128plusFromState(seedState(options.seed ?? 1));
  }

  /**
   * Schedules `fn(arg)` `delay` from now on behalf of `owner` (dropped if the owner dies).
   * Returns a handle for `cancel`, except for a zero delay, which queues it for now.
   */
  at<A>(delay: Nanos, owner: Owner, fn: (arg: A) => void, arg: A): Timer | undefined {
    if (!(delay >= 0)) throw new RangeError(`negative or invalid delay: ${delay}`);
    if (delay === 0) {
      this.ready.push(owner, fn, arg);
      return undefined;
    }
    const e: TimedEvent = { time: this.now + Math.round(delay), seq: this.seq++, fn, arg, owner, pos: -1 };
    this.timed.push(e);
    return e;
  }

  /** Unschedules a timed event; no effect if it already ran. */
  cancel(timer: Timer): void {
    this.timed.remove(timer as TimedEvent);
  }

  /** Queues a continuation for the current instant. */
  wake<A>(owner: Owner, fn: (arg: A) => void, arg: A): void {
    this.ready.push(owner, fn, arg);
  }

  /** A fresh independent random stream (used by processes, and by anything else that needs one). */
  stream(): JumpableRandomGenerator {
    const s = this.streams.clone();
    this.streams.jump();
    return s;
  }

  /** The id of the next process: processes are numbered in the order they are spawned. */
  nextProcessId(): number {
    return this.processes++;
  }

  /**
   * Runs events in (time, sequence) order until none is left, the next one is later than
   * `until`, or `stop()` is called. The clock then rests at the last event run (or `until`).
   */
  run(until: Nanos = Infinity): void {
    this.stopped = false;
    const ready = this.ready;
    const timed = this.timed;
    for (;;) {
      while (ready.runOne()) {
        this.events++;
        if (this.stopped) return;
      }
      const t = timed.peekTime();
      if (t > until) {
        if (until !== Infinity && until > this.now) this.now = until;
        return;
      }
      if (t === Infinity) return;
      this.now = t;
      // Every event due now was scheduled before the clock got here, so it precedes (in
      // sequence) any continuation those events queue: run them all before the ready queue.
      while (timed.peekTime() === t) {
        const e = timed.pop()!;
        this.events++;
        if (e.owner === undefined || !e.owner.dead) e.fn(e.arg);
        if (this.stopped) return;
      }
    }
  }

  /** Makes `run` return after the current continuation. */
  stop(): void {
    this.stopped = true;
  }

  /** True when nothing is scheduled. */
  get idle(): boolean {
    return this.ready.length === 0 && this.timed.size === 0;
  }

  /** The time of the next timed event (Infinity when none). */
  get nextEventTime(): Nanos {
    return this.ready.length > 0 ? this.now : this.timed.peekTime();
  }
}
